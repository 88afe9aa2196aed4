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
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.persistence.testkit.SnapshotMeta;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A portfolio shifts its snapshots between retention snapshots by its own phase ({@link SnapshotInterval#staggeredFor},
 * the shipped default), and Pekko's retention still deletes the older ones. Scaled down: every 4 events, retention
 * every 16.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioSnapshotStaggerTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n"
              + "riskpulse.portfolio.snapshot-every = 4\n"
              + "riskpulse.portfolio.snapshot-every-max = 16\n"
              + "riskpulse.portfolio.keep-snapshots = 2\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  @Test
  void shouldSnapshotAtItsOwnPhaseAndStillDeleteTheOlderSnapshots() {
    String id = portfolioWithPhaseOne();
    String persistenceId = "Portfolio|" + id;
    InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
        new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US")));
    MarketView market = new MarketView(instruments);
    market.update(Quote.lastTrade("SPY", 100, 1));
    PortfolioEnvironment env = new PortfolioEnvironment(market, instruments,
        new MutableClock(Instant.parse("2026-11-26T10:00:00Z")), PortfolioSettings.fromConfig(CONFIG));
    EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit =
        EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create(id, env),
            EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    assertEquals(Reply.accepted(), kit.<Reply>runCommand(
        replyTo -> new OpenPortfolio("equities", "alice", 1_000_000, Limits.NONE, "ops", replyTo)).reply());

    // Event 1 opens, events 2 and 3 are the first fill and the day's start, then one event per fill.
    fillUpTo(kit, persistenceId, id, 24);
    // Due where (n + 1) % 4 == 0, except 15 (within the last interval before 16); 16 is the retention snapshot.
    awaitStored(kit, persistenceId, List.of(3L, 7L, 11L, 16L, 19L, 23L));
    fillUpTo(kit, persistenceId, id, 64);
    // The retention snapshot at 64 deleted those up to 32, the one at 48 those up to 16.
    awaitStored(kit, persistenceId, List.of(35L, 39L, 43L, 48L, 51L, 55L, 59L, 64L));
  }

  /** An id whose phase within the short interval of 4 is 1, so its snapshots fall one event before the multiples. */
  private static String portfolioWithPhaseOne() {
    for (int i = 0; ; i++) {
      if (PortfolioPhase.of("P" + i, 4) == 1) {
        return "P" + i;
      }
    }
  }

  private static void fillUpTo(EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit,
      String persistenceId, String id, long sequenceNr) {
    long fills = kit.getState().executionCount();
    while (kit.persistenceTestKit().persistedInStorage(persistenceId).size() < sequenceNr) {
      fills++;
      Side side = fills % 2 == 0 ? Side.SELL : Side.BUY;
      Execution execution = new Execution("E" + fills, id, "momo", "SPY", side, 1, 100, 5L);
      assertEquals(Reply.accepted(), kit.<Reply>runCommand(replyTo -> new ApplyExecution(execution, replyTo)).reply());
    }
    assertEquals(sequenceNr, kit.persistenceTestKit().persistedInStorage(persistenceId).size(),
        "each fill is one event");
  }

  /** Waits until the snapshot store holds exactly these snapshots: it deletes after it has answered the save. */
  private void awaitStored(EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit,
      String persistenceId, List<Long> sequenceNrs) {
    testKit.createTestProbe().awaitAssert(() -> {
      List<Long> stored = new ArrayList<>();
      for (Pair<SnapshotMeta, Object> snapshot : kit.snapshotTestKit().orElseThrow().persistedInStorage(persistenceId)) {
        stored.add(snapshot.first().sequenceNr());
      }
      assertEquals(sequenceNrs, stored);
      return null;
    });
  }
}
