package io.riskpulse.node;

import static io.riskpulse.node.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.DetectionView;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyDetected;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node's detection survives the node's restart: the portfolio's own rules (journal), the rules' windows
 * (the portfolio's snapshots) and each strategy's model (the checkpoint store).
 */
@Timeout(120)
class DetectionRestartTest {

  private static final String RULES = "rule cancel-storm {\n"
      + "  when count(order(action = CANCEL)) >= 5 within 10s\n"
      + "  per strategy\n"
      + "}\n";

  @TempDir Path dataDir;

  /** The node's clock, moved by the test: detectors judge on it. */
  private final AtomicLong now = new AtomicLong(Instant.parse("2026-11-26T14:00:00Z").toEpochMilli());
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now.get());
    }
  };
  private int orders;

  private void order(NodeServices node, String strategy, OrderAction action) {
    orders++;
    OrderEvent order = new OrderEvent(action, "P1", strategy, "O" + orders, action == OrderAction.NEW ? "" : "O1",
        "SPY", Side.BUY, action == OrderAction.NEW ? 100 : 0, action == OrderAction.NEW ? 100 : 0, now.get());
    assertTrue(await(node.portfolios().record(order)).isAccepted());
  }

  @Test
  void shouldKeepRulesRuleWindowsAndModelsAcrossANodeRestart() {
    Config config = ConfigFactory.parseString("riskpulse.detection.model.checkpoint = 100ms")
        .withFallback(TestNodes.config(dataDir));
    ActorSystem<Void> first = TestNodes.start(config);
    NodeServices node = Main.init(first, new NodeDeps(TestNodes.INSTRUMENTS, clock));
    node.market().update(new Quote("SPY", Double.NaN, 99.99, 100.01, now.get()));
    assertEquals(Reply.accepted(), await(node.portfolios().open("P1", "macro", "alice", 1_000_000, Limits.NONE,
        "test")));
    assertEquals(Reply.accepted(), await(node.portfolios().setRules("P1", RULES, "risk", "watch cancels")));

    // Five minutes of a steady algo (two orders a second): its model learns one point per second.
    for (int second = 0; second < 300; second++) {
      order(node, "algo", OrderAction.NEW);
      order(node, "algo", OrderAction.NEW);
      now.addAndGet(1_000);
    }
    order(node, "algo", OrderAction.NEW); // completes the last second
    // Three of the five cancels the rule waits for, then journal writes until a snapshot holds the window. A
    // millisecond later than the last order: a checkpoint saved just before the cancels (its rules' windows without
    // them) must be older than the snapshot after them, which it would otherwise replace on restore (the later wins,
    // a checkpoint on a tie), and the checkpoint timer can tick at any moment here.
    now.addAndGet(1);
    for (int i = 0; i < 3; i++) {
      order(node, "mm", OrderAction.CANCEL);
    }
    for (int i = 0; i < 4; i++) {
      assertTrue(await(node.portfolios().apply(new Execution("E" + i, "P1", "desk", "SPY",
          i % 2 == 0 ? Side.BUY : Side.SELL, 1, 100, now.get()))).isAccepted());
    }
    TestProbe<Object> probe = TestProbe.create(first);
    DetectionView saved = probe.awaitAssert(Duration.ofSeconds(20), () -> {
      DetectionView view = await(node.portfolios().detection("P1"));
      assertEquals(List.of("algo"), view.models().stream().map(m -> m.strategy()).toList(), view.toString());
      assertTrue(view.modelsSaved(), "every point learned is in the checkpoint store: " + view);
      return view;
    });
    long learned = saved.models().get(0).pointsSeen();
    assertTrue(learned >= 299, "one point per active second: " + learned);
    TestNodes.stop(first);

    ActorSystem<Void> second = TestNodes.start(config);
    try {
      NodeServices restarted = Main.init(second, new NodeDeps(TestNodes.INSTRUMENTS, clock));
      restarted.market().update(new Quote("SPY", Double.NaN, 99.99, 100.01, now.get()));
      DetectionView after = TestProbe.create(second).awaitAssert(Duration.ofSeconds(20), () -> {
        DetectionView view = await(restarted.portfolios().detection("P1"));
        assertEquals(List.of("algo"), view.models().stream().map(m -> m.strategy()).toList(), view.toString());
        return view;
      });
      assertEquals(learned, after.models().get(0).pointsSeen(), "the model comes back as it was saved");
      assertTrue(after.ownRules());
      assertTrue(after.rules().contains("cancel-storm"), after.rules());

      order(restarted, "mm", OrderAction.CANCEL);
      assertTrue(await(restarted.portfolios().detection("P1")).openAnomalies().isEmpty(), "four cancels of five");
      order(restarted, "mm", OrderAction.CANCEL);
      List<AnomalyDetected> open = await(restarted.portfolios().detection("P1")).openAnomalies();
      assertEquals(List.of("RULE:cancel-storm:mm"), open.stream().map(a -> a.signal().key()).toList(),
          "the three cancels before the restart still count");
      assertEquals(Detector.RULE, open.get(0).signal().detector());
    } finally {
      TestNodes.stop(second);
    }
  }
}
