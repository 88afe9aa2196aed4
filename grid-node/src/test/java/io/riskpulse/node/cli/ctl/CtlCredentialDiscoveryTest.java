package io.riskpulse.node.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.gateway.grpc.security.LocalCredentials;
import io.riskpulse.gateway.grpc.security.SelfSignedCertificate;
import io.riskpulse.node.cli.RiskpulseCommand;
import io.riskpulse.node.grpc.GrpcTestNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code riskpulse ctl} with nothing but the node's data dir, against a real node started without a tokens file:
 * the node made its local admin token and self-signed certificate under {@code <data-dir>/grpc}, and ctl finds
 * both there, so that a node and its client work together on one machine without setup.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CtlCredentialDiscoveryTest {

  @TempDir static Path dataDir;
  @TempDir static Path elsewhere;
  private GrpcTestNode node;

  @BeforeAll
  void startNode() throws IOException {
    node = GrpcTestNode.start(dataDir, true, "riskpulse.grpc.auth.tokens-file = \"\"");
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new RiskpulseCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new String[] {Integer.toString(exitCode), out.toString(), err.toString()};
  }

  @Test
  void shouldFindTheLocalAdminTokenAndCertificateInTheDataDir() throws IOException {
    Path grpc = dataDir.resolve("grpc");
    Path token = grpc.resolve(LocalCredentials.ADMIN_TOKEN_FILE);
    assertTrue(Files.isRegularFile(token), "the node made its local admin token");
    assertTrue(Files.isRegularFile(grpc.resolve("tls").resolve(SelfSignedCertificate.CERT_FILE)));

    // An admin call: only the local admin token gets through (the test principals are not configured).
    String[] firm = run("ctl", "--data-dir", dataDir.toString(), "--port", Integer.toString(node.port()), "firm",
        "show");
    assertEquals("0", firm[0], String.join("\n", firm));
    assertTrue(firm[1].startsWith("Firm   0 portfolio(s)"), firm[1]);
    String secret = Files.readString(token).trim();
    assertFalse(firm[1].contains(secret) || firm[2].contains(secret), "never the token");

    String[] viewer = run("ctl", "--data-dir", dataDir.toString(), "--port", Integer.toString(node.port()),
        "--token", GrpcTestNode.tokenOf(GrpcTestNode.VIEWER), "firm", "show");
    assertEquals(Integer.toString(CtlExitCodes.DENIED), viewer[0], viewer[2]);
    assertTrue(viewer[2].startsWith("error: UNAUTHENTICATED: "), viewer[2]);
  }

  @Test
  void shouldSayWhereItLookedWhenTheDataDirHasNoCredentials() {
    String[] noCertificate = run("ctl", "--data-dir", elsewhere.toString(), "--port",
        Integer.toString(node.port()), "firm", "show");
    assertEquals(Integer.toString(CtlExitCodes.INVALID_ARGUMENT), noCertificate[0], noCertificate[2]);
    assertTrue(noCertificate[2].startsWith("error: INVALID_ARGUMENT: no certificate to trust: "
        + elsewhere.resolve("grpc").resolve("tls").resolve(SelfSignedCertificate.CERT_FILE)), noCertificate[2]);

    String[] noToken = run("ctl", "--data-dir", elsewhere.toString(), "--port", Integer.toString(node.port()),
        "--ca", node.certificate().toString(), "firm", "show");
    assertEquals(Integer.toString(CtlExitCodes.DENIED), noToken[0], noToken[2]);
    assertTrue(noToken[2].startsWith("error: UNAUTHENTICATED: "), noToken[2]);
    assertTrue(noToken[2].contains("no token found: pass --token-file FILE, set RISKPULSE_TOKEN"), noToken[2]);
  }
}
