package io.riskpulse.node.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where ctl's token and certificate come from, in which order, and how a bad one is refused. No node. */
class CtlConnectionTest {

  @TempDir Path dataDir;
  private Path adminToken;
  private Path certificate;
  private CtlCommand options;

  @BeforeEach
  void localCredentials() throws IOException {
    Path grpc = Files.createDirectories(dataDir.resolve("grpc").resolve("tls")).getParent();
    adminToken = Files.writeString(grpc.resolve("admin.token"), "from-admin-file\n");
    certificate = Files.writeString(grpc.resolve("tls").resolve("cert.pem"), "not parsed here");
    options = new CtlCommand();
    options.host = "127.0.0.1";
    options.dataDir = dataDir;
    options.timeout = Duration.ofSeconds(10);
  }

  private CtlConnection resolve(Map<String, String> env) {
    return CtlConnection.resolve(options, env);
  }

  @Test
  void shouldUseTheDataDirsAdminTokenAndCertificateByDefault() {
    CtlConnection connection = resolve(Map.of());
    assertEquals("from-admin-file", connection.token());
    assertEquals(adminToken.toString(), connection.tokenSource());
    assertEquals(certificate, connection.certificate());
    assertFalse(connection.toString().contains("from-admin-file"), connection.toString());
  }

  @Test
  void shouldPreferTheOptionThenTheTokenFileThenTheEnvironment() throws IOException {
    Map<String, String> env = Map.of(CtlConnection.TOKEN_ENV, " from-env ");
    assertEquals("from-env", resolve(env).token());
    assertEquals(CtlConnection.TOKEN_ENV, resolve(env).tokenSource());

    options.tokenFile = Files.writeString(dataDir.resolve("me.token"), "from-token-file");
    assertEquals("from-token-file", resolve(env).token());

    options.token = "from-option";
    assertEquals("from-option", resolve(env).token());
    assertEquals("--token", resolve(env).tokenSource());
  }

  @Test
  void shouldSendNoTokenWhenNoneIsFound() throws IOException {
    Files.delete(adminToken);
    CtlConnection connection = resolve(Map.of(CtlConnection.TOKEN_ENV, " "));
    assertNull(connection.token());
    assertTrue(connection.credentialsHint().startsWith("no token found"), connection.credentialsHint());
  }

  @Test
  void shouldRefuseAMalformedTokenWithoutShowingIt() throws IOException {
    options.tokenFile = Files.writeString(dataDir.resolve("bad.token"), "two words");
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> resolve(Map.of()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertFalse(e.getStatus().getDescription().contains("two words"), e.getStatus().getDescription());

    options.tokenFile = dataDir.resolve("missing.token");
    assertTrue(assertThrows(StatusRuntimeException.class, () -> resolve(Map.of())).getStatus().getDescription()
        .startsWith("cannot read the token file " + options.tokenFile));
  }

  @Test
  void shouldTrustTheGivenCertificateOrNoneInPlaintext() throws IOException {
    options.ca = Files.writeString(dataDir.resolve("ca.pem"), "pem");
    assertEquals(options.ca, resolve(Map.of()).certificate());

    options.ca = dataDir.resolve("missing.pem");
    assertEquals("--ca: no such file: " + options.ca,
        assertThrows(StatusRuntimeException.class, () -> resolve(Map.of())).getStatus().getDescription());

    options.plaintext = true;
    assertThrows(StatusRuntimeException.class, () -> resolve(Map.of()), "--ca and --plaintext exclude each other");
    options.ca = null;
    assertNull(resolve(Map.of()).certificate());
    Files.delete(certificate);
    assertNull(resolve(Map.of()).certificate(), "plaintext needs no certificate");
  }

  @Test
  void shouldTakeThePortFromTheOptionOrTheNodesConfiguration() {
    assertEquals(io.riskpulse.gateway.grpc.GrpcSettings.fromConfig(io.riskpulse.node.NodeConfig.load()).port(),
        resolve(Map.of()).port());
    options.port = 6000;
    assertEquals(6000, resolve(Map.of()).port());
  }
}
