package io.riskpulse.gateway.grpc;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code riskpulse.grpc}: where the gRPC API listens, its TLS and tokens, and how watches poll. Immutable.
 *
 * @param enabled whether the node serves the API
 * @param host bind address
 * @param port TCP port; 0 picks a free one
 * @param requestTimeout a call the cluster does not answer within this fails with UNAVAILABLE
 * @param tls whether to serve TLS (HTTP/2 over TLS); plaintext HTTP/2 otherwise
 * @param certFile PEM certificate chain; {@code null} with {@code keyFile} null: the self-signed local pair
 * @param keyFile PEM PKCS#8 private key
 * @param tokensFile the tokens file; {@code null}: the local credentials under {@code localDir}
 * @param localDir {@code <data-dir>/grpc}: the self-signed pair (under {@code tls}) and the local credentials
 * @param watchInterval how often a watch re-reads the figures
 * @param transport the server that carries the API ({@code riskpulse.grpc.server})
 * @param tlsEngine which TLS implementation the Netty server uses ({@code riskpulse.grpc.tls.provider})
 * @param readMaxAge how old a kept snapshot GetPortfolio may answer with ({@code riskpulse.grpc.read-max-age}; zero:
 *     always ask the entity; see {@code PortfolioClient#recentSnapshot})
 */
public record GrpcSettings(boolean enabled, String host, int port, Duration requestTimeout, boolean tls,
    Path certFile, Path keyFile, Path tokensFile, Path localDir, Duration watchInterval, Transport transport,
    TlsEngine tlsEngine, Duration readMaxAge) {

  /**
   * The TLS implementation of grpc-java's Netty server. pekko-http's server always uses the JDK's.
   */
  public enum TlsEngine {
    /** BoringSSL (the native library bundled with grpc-java's shaded Netty) where it loads, the JDK's otherwise. */
    AUTO("auto"),
    /** BoringSSL, or the server does not start. */
    OPENSSL("openssl"),
    /** The JDK's {@code SSLEngine} (for example to use a FIPS provider configured in the JDK). */
    JDK("jdk");

    private final String configName;

    TlsEngine(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    static TlsEngine parse(String value) {
      for (TlsEngine engine : values()) {
        if (engine.configName.equals(value)) {
          return engine;
        }
      }
      throw new IllegalArgumentException("riskpulse.grpc.tls.provider: expected auto, openssl or jdk, got '"
          + value + "'");
    }
  }

  /** The server that carries the API's services. */
  public enum Transport {
    /** grpc-java's Netty server. */
    NETTY("netty"),
    /** pekko-http's HTTP/2 server. */
    PEKKO_HTTP("pekko-http");

    private final String configName;

    Transport(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    static Transport parse(String value) {
      for (Transport transport : values()) {
        if (transport.configName.equals(value)) {
          return transport;
        }
      }
      throw new IllegalArgumentException("riskpulse.grpc.server: expected netty or pekko-http, got '" + value + "'");
    }
  }

  public static GrpcSettings fromConfig(Config root) {
    Config c = root.getConfig("riskpulse.grpc");
    Path localDir = Path.of(root.getString("riskpulse.persistence.data-dir")).resolve("grpc");
    String cert = c.getString("tls.cert-file");
    String key = c.getString("tls.key-file");
    if (cert.isBlank() != key.isBlank()) {
      throw new IllegalArgumentException("riskpulse.grpc.tls: set both cert-file and key-file, or neither");
    }
    String tokens = c.getString("auth.tokens-file");
    return new GrpcSettings(c.getBoolean("enabled"), c.getString("interface"), c.getInt("port"),
        c.getDuration("request-timeout"), c.getBoolean("tls.enabled"), cert.isBlank() ? null : Path.of(cert),
        key.isBlank() ? null : Path.of(key), tokens.isBlank() ? null : Path.of(tokens), localDir,
        c.getDuration("watch.interval"), Transport.parse(c.getString("server")),
        TlsEngine.parse(c.getString("tls.provider")), c.getDuration("read-max-age"));
  }

  /** The self-signed pair's folder. */
  public Path selfSignedDir() {
    return localDir.resolve("tls");
  }
}
