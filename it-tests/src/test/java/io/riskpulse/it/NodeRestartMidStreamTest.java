package io.riskpulse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.riskpulse.ingestion.aeron.FeedPublisher;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.NodeDeps;
import io.riskpulse.node.NodeServices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fills stream continuously over Aeron (the host's media driver, outside the node) while the node stops and a
 * new one starts on the same journal: every fill ends up in its portfolio exactly once, because the publisher
 * replays what the node never acknowledged and portfolios are idempotent by execution id.
 */
@Tag("slow")
@Timeout(180)
class NodeRestartMidStreamTest {

  private static final String[] PORTFOLIOS = {"P0", "P1", "P2", "P3", "P4"};
  private static final int FILLS = 4_000;
  private static final int RESTART_AFTER = 1_500;

  @TempDir Path work;

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private Config nodeConfig(Path aeronDir) {
    return NodeConfig.load(ConfigFactory.parseMap(Map.of(
        "riskpulse.persistence.data-dir", work.resolve("data").toString(),
        "pekko.remote.artery.canonical.port", 0,
        "riskpulse.http.enabled", false,
        "riskpulse.ingestion.aeron.embedded-driver", false,
        "riskpulse.ingestion.aeron.directory", aeronDir.toString())));
  }

  private static NodeServices start(ActorSystem<Void> system) {
    return Main.init(system, new NodeDeps(Main.loadInstruments(system.settings().config()), Clock.systemUTC()));
  }

  @Test
  void shouldLoseNothingAndCountNothingTwiceWhenTheNodeRestartsMidStream() throws Exception {
    Path aeronDir = work.resolve("aeron");
    try (MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir.toString()).threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true).dirDeleteOnShutdown(true));
         Aeron client = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir.toString()))) {
      ActorSystem<Void> first = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, nodeConfig(aeronDir));
      NodeServices node = start(first);
      for (String portfolio : PORTFOLIOS) {
        assertEquals(Reply.accepted(), await(node.portfolios().open(portfolio, "d", "t", 1e7, Limits.NONE, "it")));
      }

      FeedPublisher publisher = new FeedPublisher(client.addExclusivePublication("aeron:ipc", 1002), 9, 1,
          Duration.ofSeconds(60)).withReplay(client.addSubscription("aeron:ipc", 1003), 100_000);
      Map<String, double[]> tally = new TreeMap<>(); // portfolio -> {fills, position}
      CountDownLatch halfway = new CountDownLatch(1);
      CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < FILLS; i++) {
          String portfolio = PORTFOLIOS[i % PORTFOLIOS.length];
          Side side = i % 3 == 0 ? Side.SELL : Side.BUY;
          double quantity = 1 + i % 11;
          publisher.execution(new Execution("F" + i, portfolio, "s", "AAPL", side, quantity, 190, 1), 0);
          LockSupport.parkNanos(200_000); // a feed of about 5,000 fills/s at most: the restart lands mid-stream
          double[] t = tally.computeIfAbsent(portfolio, p -> new double[2]);
          t[0]++;
          t[1] += side.sign() * quantity;
          if (i == RESTART_AFTER) {
            halfway.countDown();
          }
        }
        assertTrue(publisher.awaitAcknowledged(Duration.ofSeconds(90)),
            "acknowledged " + publisher.acknowledged() + " of " + (publisher.nextSequence() - 1));
      });

      assertTrue(halfway.await(60, TimeUnit.SECONDS));
      first.terminate(); // mid-stream: frames in flight are never handled by this node
      await(first.getWhenTerminated());

      ActorSystem<Void> second = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, nodeConfig(aeronDir));
      try {
        NodeServices restarted = start(second);
        await(feed);
        for (String portfolio : PORTFOLIOS) {
          PortfolioSnapshot snapshot = await(restarted.portfolios().snapshot(portfolio));
          double[] expected = tally.get(portfolio);
          assertEquals((long) expected[0], snapshot.executionCount(), portfolio + " fills");
          assertEquals(expected[1], snapshot.valuation().positions().get(0).quantity(), 1e-9, portfolio);
        }
        // The node stopped before acknowledging everything it had been sent: the publisher had to replay.
        assertTrue(publisher.replayed() > 0, "nothing was replayed");
        System.out.printf("restart mid-stream: %d frames replayed, %d quarantined by the new node%n",
            publisher.replayed(), restarted.quarantine().total());
      } finally {
        second.terminate();
        await(second.getWhenTerminated());
      }
    }
  }
}
