package io.riskpulse.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged node ({@code java -jar riskpulse-node.jar ...}) as a separate process. */
final class NodeProcess {

  /** What a finished process left behind. */
  record Result(int exitCode, String stdout, String stderr) {

    /**
     * Everything the process printed, then a digest of its problems: a CI log keeps only the tail of a failure's
     * message, and the tail of a node's output is its shutdown, not what went wrong first.
     */
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr
          + "\n--- problems logged (the first of each, in order) ---\n" + LoggedProblems.digest(stdout + "\n" + stderr);
    }
  }

  private NodeProcess() {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("riskpulse.node.jar", "../grid-node/target/riskpulse-node.jar"));
    assertTrue(Files.isRegularFile(jar), "the node jar is built by grid-node's package phase: " + jar);
    return jar;
  }

  /**
   * Runs the node's command line to completion.
   *
   * @param dataDir journal folder (RISKPULSE_DATA_DIR)
   * @param maxSeconds generous upper bound after which the process is killed and the test fails
   */
  static Result run(Path dataDir, long maxSeconds, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("riskpulse.jvm.opens", "").trim().split("\\s+")));
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(Arrays.asList(args));
    command.removeIf(String::isEmpty);
    Path stdout = Files.createTempFile(dataDir.getParent(), "stdout", ".txt");
    Path stderr = Files.createTempFile(dataDir.getParent(), "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    Map<String, String> env = builder.environment();
    env.put("RISKPULSE_DATA_DIR", dataDir.toAbsolutePath().toString());
    env.put("RISKPULSE_LOG_DIR", dataDir.resolve("logs").toAbsolutePath().toString());
    env.put("RISKPULSE_REMOTE_PORT", "0");
    env.put("RISKPULSE_GRPC_PORT", "0");
    Process process = builder.start();
    boolean finished = process.waitFor(maxSeconds, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor();
    }
    Result result = new Result(finished ? process.exitValue() : -1,
        Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    assertTrue(finished, "process did not finish within " + maxSeconds + " s: " + result);
    return result;
  }
}
