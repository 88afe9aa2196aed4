package io.riskpulse.node.cli.ctl;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.riskpulse.gateway.grpc.GrpcSettings;
import io.riskpulse.gateway.grpc.security.LocalCredentials;
import io.riskpulse.gateway.grpc.security.SelfSignedCertificate;
import io.riskpulse.node.NodeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where {@code riskpulse ctl} connects and as whom, resolved once per run from its options, the environment and
 * the node's own configuration, so that on the node's machine no option is needed:
 *
 * <ul>
 *   <li>port and TLS: {@code --port} and {@code --plaintext}, else the node's {@code riskpulse.grpc.port} and
 *       {@code riskpulse.grpc.tls.enabled} (50051 over TLS unless RISKPULSE_GRPC_PORT / RISKPULSE_GRPC_TLS say
 *       otherwise);
 *   <li>certificate to trust: {@code --ca}, else the node's configured {@code riskpulse.grpc.tls.cert-file}, else
 *       the self-signed one the node made, {@code <data-dir>/grpc/tls/cert.pem};
 *   <li>token, first found of: {@code --token}, {@code --token-file}, the environment variable
 *       {@value #TOKEN_ENV}, the node's local admin token {@code <data-dir>/grpc/admin.token} (made on its first
 *       start when no tokens file is configured); none is not an error here (health needs none; other calls then
 *       fail UNAUTHENTICATED);
 *   <li>data dir: {@code --data-dir}, else the node's {@code riskpulse.persistence.data-dir}
 *       (RISKPULSE_DATA_DIR, which the launcher sets to ./data).
 * </ul>
 *
 * <p>Immutable. {@link #toString()} never shows the token, only where it came from.
 *
 * @param host the node's address
 * @param port the node's gRPC port
 * @param certificate PEM file of the certificate (or CA) to trust; {@code null} for plaintext
 * @param token the bearer token; {@code null} when none was found
 * @param tokenSource where the token came from, for messages: an option, the variable, a file; "none"
 * @param timeout how long one call may take (a watch: how long its first update may take)
 */
record CtlConnection(String host, int port, Path certificate, String token, String tokenSource, Duration timeout) {

  /** The environment variable holding a token. */
  static final String TOKEN_ENV = "RISKPULSE_TOKEN";

  /** The settings of {@code ctl}'s options; {@code env} is the process environment (a map in tests). */
  static CtlConnection resolve(CtlCommand options, Map<String, String> env) {
    GrpcSettings node = nodeSettings(options.dataDir);
    int port = options.port != null ? options.port : node.port();
    boolean plaintext = options.plaintext || (options.ca == null && !node.tls());
    if (options.plaintext && options.ca != null) {
      throw invalid("--ca and --plaintext exclude each other");
    }
    Path certificate = plaintext ? null : certificate(options.ca, node);
    String source;
    String token;
    Path defaultTokenFile = node.localDir().resolve(LocalCredentials.ADMIN_TOKEN_FILE);
    if (options.token != null) {
      token = checked(options.token, "--token");
      source = "--token";
    } else if (options.tokenFile != null) {
      token = read(options.tokenFile);
      source = "--token-file " + options.tokenFile;
    } else if (env.get(TOKEN_ENV) != null && !env.get(TOKEN_ENV).isBlank()) {
      token = checked(env.get(TOKEN_ENV), TOKEN_ENV);
      source = TOKEN_ENV;
    } else if (Files.isRegularFile(defaultTokenFile)) {
      token = read(defaultTokenFile);
      source = defaultTokenFile.toString();
    } else {
      token = null;
      source = "none";
    }
    return new CtlConnection(options.host, port, certificate, token, source, options.timeout);
  }

  /** What a failed UNAUTHENTICATED call should add, so the reader knows which token was sent. */
  String credentialsHint() {
    return token == null
        ? "no token found: pass --token-file FILE, set " + TOKEN_ENV + ", or point --data-dir at the node's"
            + " data dir (its local admin token is <data-dir>/grpc/" + LocalCredentials.ADMIN_TOKEN_FILE + ")"
        : "token from " + tokenSource;
  }

  @Override
  public String toString() {
    return "CtlConnection[" + host + ":" + port + ", " + (certificate == null ? "plaintext" : "trusting "
        + certificate) + ", token from " + tokenSource + ", timeout " + timeout + "]";
  }

  private static GrpcSettings nodeSettings(Path dataDir) {
    Config overrides = dataDir == null ? ConfigFactory.empty()
        : ConfigFactory.parseMap(Map.of("riskpulse.persistence.data-dir", dataDir.toString()));
    return GrpcSettings.fromConfig(NodeConfig.load(overrides));
  }

  private static Path certificate(Path ca, GrpcSettings node) {
    if (ca != null) {
      if (!Files.isRegularFile(ca)) {
        throw invalid("--ca: no such file: " + ca);
      }
      return ca;
    }
    Path file = node.certFile() != null ? node.certFile()
        : node.selfSignedDir().resolve(SelfSignedCertificate.CERT_FILE);
    if (!Files.isRegularFile(file)) {
      throw invalid("no certificate to trust: " + file + " does not exist (the node makes it on its first start"
          + " under its data dir): pass --data-dir DIR, --ca FILE or --plaintext");
    }
    return file;
  }

  private static String read(Path file) {
    try {
      return checked(Files.readString(file, StandardCharsets.US_ASCII), "token file " + file);
    } catch (IOException e) {
      throw invalid("cannot read the token file " + file + ": " + e.getClass().getSimpleName());
    }
  }

  /** The token trimmed; refused (without showing it) when empty or not one word of printable ASCII. */
  private static String checked(String token, String source) {
    String trimmed = token.trim();
    if (trimmed.isEmpty() || !trimmed.chars().allMatch(c -> c > ' ' && c < 127)) {
      throw invalid("the token from " + source + " is empty or not one word of printable ASCII");
    }
    return trimmed;
  }

  private static StatusRuntimeException invalid(String description) {
    return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
  }
}
