package io.riskpulse.gateway.grpc.security;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accepted bearer tokens, each mapped to a {@link Principal}. Only the SHA-256 of each token is held (and
 * stored in the file), so neither this object nor the file can leak a usable token. Immutable, thread-safe.
 *
 * <p>File format (HOCON):
 * <pre>
 * tokens = [
 *   { principal = "alice", role = risk-officer, desks = ["rates"], token-sha256 = "9f86d0…" }
 * ]
 * </pre>
 */
public final class TokenStore {

  private final Map<String, Principal> bySha256;

  private TokenStore(Map<String, Principal> bySha256) {
    this.bySha256 = Map.copyOf(bySha256);
  }

  /** Loads the tokens file; fails with a message naming the entry and the problem. */
  public static TokenStore load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("gRPC tokens file not found: " + file);
    }
    return parse(ConfigFactory.parseFile(file.toFile()), file.toString());
  }

  /** Parses the file's content; {@code origin} names it in error messages. */
  public static TokenStore parse(Config config, String origin) {
    Map<String, Principal> tokens = new HashMap<>();
    List<? extends Config> entries;
    try {
      entries = config.getConfigList("tokens");
    } catch (ConfigException e) {
      throw new IllegalArgumentException(origin + ": expected a list `tokens = [ {...} ]`: " + e.getMessage(), e);
    }
    java.util.Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Config entry = entries.get(i);
      String where = origin + ": tokens[" + i + "]";
      try {
        Principal principal = new Principal(entry.getString("principal"), Role.parse(entry.getString("role")),
            new HashSet<>(entry.getStringList("desks")));
        String sha = entry.getString("token-sha256").trim().toLowerCase(java.util.Locale.ROOT);
        if (!sha.matches("[0-9a-f]{64}")) {
          throw new IllegalArgumentException("token-sha256 must be 64 hex digits");
        }
        if (!names.add(principal.name())) {
          throw new IllegalArgumentException("principal " + principal.name() + " appears twice");
        }
        if (tokens.putIfAbsent(sha, principal) != null) {
          throw new IllegalArgumentException("the same token is given to two principals");
        }
      } catch (ConfigException | IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new TokenStore(tokens);
  }

  /** The principal a presented token belongs to, if any. */
  public Optional<Principal> principalFor(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(bySha256.get(sha256(token)));
  }

  /** Number of principals. */
  public int size() {
    return bySha256.size();
  }

  /** Lower-case hex SHA-256 of the token's UTF-8 bytes: what the tokens file stores. */
  public static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** A new random token: 32 bytes from a {@link java.security.SecureRandom}, URL-safe Base64 without padding. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The tokens-file entry for a principal holding {@code token}. */
  public static String entryLine(Principal principal, String token) {
    StringBuilder desks = new StringBuilder();
    principal.desks().stream().sorted().forEach(d -> desks.append(desks.length() == 0 ? "" : ", ")
        .append('"').append(d).append('"'));
    return "{ principal = \"" + principal.name() + "\", role = " + principal.role().configName() + ", desks = ["
        + desks + "], token-sha256 = \"" + sha256(token) + "\" }";
  }
}
