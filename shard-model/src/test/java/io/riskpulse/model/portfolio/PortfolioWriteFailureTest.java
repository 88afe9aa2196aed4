package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecution;
import io.riskpulse.model.portfolio.PortfolioCommand.GetSnapshot;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A journal write that fails (Cassandra down, a disk error) restarts the portfolio, which recovers from the journal:
 * the fill whose write failed is not in the state (sending it again applies it, it is no duplicate), and the fills
 * journaled before are counted once, not once per incarnation. (Pekko starts every recovery from the empty state it
 * was given, so that state must never change: PortfolioState#pristine.)
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioWriteFailureTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n")
      .withFallback(PersistenceTestKitPlugin.getInstance().config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());

  private final ActorTestKit testKit = ActorTestKit.create("PortfolioWriteFailureTest", CONFIG);
  private final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void shouldRecoverFromTheJournalAloneAfterAFailedWrite() {
    InstrumentRegistry instruments =
        InstrumentRegistry.of(List.of(new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US")));
    MarketView market = new MarketView(instruments);
    market.update(Quote.lastTrade("SPY", 100, 1));
    ActorRef<PortfolioCommand> portfolio = testKit.spawn(Portfolio.create("WF", new PortfolioEnvironment(market,
        instruments, new MutableClock(Instant.parse("2026-11-26T10:00:00Z")), PortfolioSettings.fromConfig(CONFIG))));
    TestProbe<Reply> replies = testKit.createTestProbe();
    portfolio.tell(new OpenPortfolio("desk", "alice", 1_000_000, Limits.NONE, "ops", replies.ref()));
    assertEquals(Reply.accepted(), replies.receiveMessage());
    for (int i = 1; i <= 3; i++) {
      portfolio.tell(new ApplyExecution(fill("F" + i), replies.ref()));
      assertEquals(Reply.accepted(), replies.receiveMessage());
    }

    journal.failNextPersisted();
    portfolio.tell(new ApplyExecution(fill("F4"), replies.ref()));
    replies.expectNoMessage(Duration.ofMillis(500)); // the write failed: never acknowledged

    portfolio.tell(new ApplyExecution(fill("F5"), replies.ref()));
    assertEquals(Reply.accepted(), replies.receiveMessage(Duration.ofSeconds(10)), "recovered and applying again");
    portfolio.tell(new ApplyExecution(fill("F4"), replies.ref()));
    assertEquals(Reply.accepted(), replies.receiveMessage(), "the failed fill was never held: no duplicate");

    TestProbe<PortfolioSnapshot> snapshots = testKit.createTestProbe();
    portfolio.tell(new GetSnapshot(snapshots.ref()));
    assertEquals(5, snapshots.receiveMessage().executionCount(), "F1-F5, each once");
  }

  private static Execution fill(String id) {
    return new Execution(id, "WF", "s", "SPY", Side.BUY, 1, 100, 1);
  }
}
