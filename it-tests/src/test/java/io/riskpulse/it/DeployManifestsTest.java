package io.riskpulse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests cannot run here; what keeps them honest is that every {@code RISKPULSE_*} variable they
 * set is read by the node's configuration ({@code deploy/check-env.sh}).
 */
class DeployManifestsTest {

  @Test
  void shouldSetOnlyVariablesTheNodeReads() throws IOException, InterruptedException {
    Path script = Path.of("..", "deploy", "check-env.sh").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(script), script.toString());
    Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("RISKPULSE_MANAGEMENT_ENABLED"), output);
  }
}
