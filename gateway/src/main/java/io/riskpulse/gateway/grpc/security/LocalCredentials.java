package io.riskpulse.gateway.grpc.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The credentials a node makes for itself when none are configured, for local use: a tokens file with one admin
 * principal ({@value #LOCAL_ADMIN}, every desk) and that principal's token in {@value #ADMIN_TOKEN_FILE} beside
 * it, readable by the owner only. {@code ./riskpulse ctl} reads that token by default, so a node and its
 * command-line client work together on one machine without setup. Made once; an existing file is never
 * changed.
 */
public final class LocalCredentials {

  public static final String TOKENS_FILE = "tokens.conf";
  public static final String ADMIN_TOKEN_FILE = "admin.token";
  public static final String LOCAL_ADMIN = "local-admin";

  private LocalCredentials() {}

  /** The tokens file in {@code folder}, made with a new admin token if it does not exist. */
  public static Path ensure(Path folder) {
    Path tokens = folder.resolve(TOKENS_FILE);
    if (Files.isRegularFile(tokens)) {
      return tokens;
    }
    try {
      Files.createDirectories(folder);
      String token = TokenStore.newToken();
      Path tokenFile = folder.resolve(ADMIN_TOKEN_FILE);
      Files.deleteIfExists(tokenFile);
      Files.createFile(tokenFile);
      restrictToOwner(tokenFile);
      Files.writeString(tokenFile, token + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
      Principal admin = new Principal(LOCAL_ADMIN, Role.ADMIN, Set.of(Principal.ALL_DESKS));
      Path temp = folder.resolve(TOKENS_FILE + ".tmp");
      Files.writeString(temp, "# Made by the node on first start, for local use (docs/API.md). Only SHA-256 "
          + "hashes of tokens are stored.\n# Add principals with: ./riskpulse token --principal NAME --role ROLE "
          + "--desk DESK\ntokens = [\n  " + TokenStore.entryLine(admin, token) + "\n]\n", StandardCharsets.UTF_8);
      Files.move(temp, tokens, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return tokens;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the local gRPC credentials under " + folder, e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: left to the platform's defaults
    }
  }
}
