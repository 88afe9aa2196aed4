package io.riskpulse.it;

import static io.riskpulse.it.ItSupport.await;
import static io.riskpulse.it.ItSupport.freePort;
import static io.riskpulse.it.ItSupport.getJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.riskpulse.ingestion.aeron.FeedPublisher;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged node is killed ({@code SIGKILL}, no shutdown of any kind) while fills stream in over Aeron, and
 * a new node process starts on the same journal at once. The host's media driver still counts the dead process's
 * subscription as connected until its liveness timeout, so the new node joins the stream mid-way; its first
 * acknowledgement tells the publisher which frames it never received, and they are sent again. Every fill ends
 * up in its portfolio exactly once: what the first node confirmed was in its journal (written through before
 * confirmation), and the rest was replayed.
 */
@Tag("slow")
@Timeout(240)
class NodeCrashMidStreamTest {

  private static final int FILLS = 4_000;
  private static final int KILL_AFTER = 1_500;
  private static final String READY = "RiskPulse node running";

  @TempDir Path work;

  /** A node process whose standard output is watched for the ready line. */
  private static final class RunningNode implements AutoCloseable {
    final Process process;
    final CountDownLatch ready = new CountDownLatch(1);
    final StringBuilder output = new StringBuilder();

    RunningNode(Process process) {
      this.process = process;
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            synchronized (output) {
              output.append(line).append('\n');
            }
            if (line.contains(READY)) {
              ready.countDown();
            }
          }
        } catch (IOException e) {
          // the process died: nothing more to read
        }
      }, "node-output");
      reader.setDaemon(true);
      reader.start();
    }

    void awaitReady() throws InterruptedException {
      assertTrue(ready.await(90, TimeUnit.SECONDS), () -> "node not ready: " + output());
    }

    String output() {
      synchronized (output) {
        return output.toString();
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private RunningNode startNode(Path aeronDir, int httpPort) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("riskpulse.jvm.opens", "").trim().split("\\s+")));
    command.addAll(List.of("-Xmx512m",
        "-Driskpulse.ingestion.aeron.embedded-driver=off",
        "-Driskpulse.ingestion.aeron.directory=" + aeronDir,
        "-jar", NodeProcess.jar().toString(), "node", "--open-demo-portfolios"));
    command.removeIf(String::isEmpty);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    Path dataDir = work.resolve("data");
    env.put("RISKPULSE_DATA_DIR", dataDir.toAbsolutePath().toString());
    env.put("RISKPULSE_LOG_DIR", dataDir.resolve("logs").toAbsolutePath().toString());
    env.put("RISKPULSE_REMOTE_PORT", "0");
    env.put("RISKPULSE_GRPC_PORT", "0");
    env.put("RISKPULSE_HTTP_PORT", Integer.toString(httpPort));
    return new RunningNode(builder.start());
  }

  @Test
  void shouldLoseNothingAndCountNothingTwiceWhenTheNodeIsKilledMidStream() throws Exception {
    Path aeronDir = work.resolve("aeron");
    int httpPort = freePort();
    try (MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir.toString()).threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true).dirDeleteOnShutdown(true));
         Aeron client = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir.toString()))) {
      RunningNode first = startNode(aeronDir, httpPort);
      List<String> portfolios = new ArrayList<>();
      Map<String, Long> before = new TreeMap<>();
      try {
        first.awaitReady();
        for (JsonNode row : getJson(httpPort, "/portfolios")) {
          portfolios.add(row.get("portfolioId").asText());
          before.put(row.get("portfolioId").asText(), row.get("executionCount").asLong());
        }
        assertTrue(portfolios.size() >= 2, "demo portfolios: " + portfolios);

        FeedPublisher publisher = new FeedPublisher(client.addExclusivePublication("aeron:ipc", 1002), 11, 1,
            Duration.ofSeconds(120)).withReplay(client.addSubscription("aeron:ipc", 1003), 100_000);
        Map<String, Long> sent = new TreeMap<>();
        RunningNode second = null;
        try {
          for (int i = 0; i < FILLS; i++) {
            String portfolio = portfolios.get(i % portfolios.size());
            publisher.execution(new Execution("K" + i, portfolio, "crash", "AAPL",
                i % 3 == 0 ? Side.SELL : Side.BUY, 1 + i % 5, 190, 1), 0);
            sent.merge(portfolio, 1L, Long::sum);
            publisher.maintain();
            LockSupport.parkNanos(250_000); // at most about 4,000 fills/s: the kill lands mid-stream
            if (i == KILL_AFTER) {
              first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no unsubscribe
              assertTrue(first.process.waitFor(30, TimeUnit.SECONDS));
              second = startNode(aeronDir, httpPort);
            }
          }
          second.awaitReady();
          assertTrue(publisher.awaitAcknowledged(Duration.ofSeconds(120)),
              "acknowledged " + publisher.acknowledged() + " of " + (publisher.nextSequence() - 1)
                  + "\n" + second.output());
          for (String portfolio : portfolios) {
            long held = getJson(httpPort, "/portfolios/" + portfolio).get("executionCount").asLong();
            assertEquals(before.get(portfolio) + sent.getOrDefault(portfolio, 0L), held, portfolio + " fills");
          }
          assertTrue(publisher.replayed() > 0, "nothing was sent again");
          System.out.printf("kill -9 mid-stream: %d frames sent again after the crash%n", publisher.replayed());
        } finally {
          if (second != null) {
            second.close();
          }
        }
      } finally {
        first.close();
      }
    }
  }
}
