package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.persistence.testkit.SnapshotMeta;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A portfolio snapshots more rarely as its execution-id window grows ({@link SnapshotInterval}), and Pekko's
 * retention still deletes the older snapshots. Scaled down: every 2 events, at most every 8, 10 window ids per event.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioSnapshotIntervalTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n"
              + "riskpulse.portfolio.snapshot-every = 2\n"
              + "riskpulse.portfolio.snapshot-every-max = 8\n"
              + "riskpulse.portfolio.keep-snapshots = 2\n"
              + "riskpulse.portfolio.dedup-window = 1000\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());
  private static final String PERSISTENCE_ID = "Portfolio|P1";

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US")));
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit;
  private long fills;

  @BeforeEach
  void setUp() {
    MarketView market = new MarketView(instruments);
    market.update(Quote.lastTrade("SPY", 100, 1));
    PortfolioEnvironment env =
        new PortfolioEnvironment(market, instruments, clock, PortfolioSettings.fromConfig(CONFIG));
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create("P1", env),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    kit.clear();
    fills = 0;
    assertEquals(Reply.accepted(), kit.<Reply>runCommand(
        replyTo -> new OpenPortfolio("equities", "alice", 1_000_000, Limits.NONE, "ops", replyTo)).reply());
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  /** Fills until the journal holds {@code sequenceNr} events: one share at the market price, buying and selling. */
  private void fillUpTo(long sequenceNr) {
    while (kit.persistenceTestKit().persistedInStorage(PERSISTENCE_ID).size() < sequenceNr) {
      fills++;
      Side side = fills % 2 == 0 ? Side.SELL : Side.BUY;
      Execution execution = new Execution("E" + fills, "P1", "momo", "SPY", side, 1, 100, 5L);
      assertEquals(Reply.accepted(), kit.<Reply>runCommand(replyTo -> new ApplyExecution(execution, replyTo)).reply());
    }
    assertEquals(sequenceNr, kit.persistenceTestKit().persistedInStorage(PERSISTENCE_ID).size(),
        "each fill is one event");
  }

  /** The stored snapshots by sequence number, with the number of execution ids each one's window holds. */
  private Map<Long, Integer> storedWindows() {
    Map<Long, Integer> windows = new TreeMap<>();
    for (Pair<SnapshotMeta, Object> stored : kit.snapshotTestKit().orElseThrow().persistedInStorage(PERSISTENCE_ID)) {
      PackedExecutionIds packed = ((StoredPortfolioState) stored.second()).recentExecutions();
      windows.put(stored.first().sequenceNr(), packed == null ? 0 : packed.count());
    }
    return windows;
  }

  @Test
  void shouldSnapshotEveryShortIntervalWhileTheWindowIsSmall() {
    fillUpTo(7); // the opening, the first fill and the day's start, 4 more: a window of 5 ids, below 40
    List<PortfolioEvent> events =
        JournaledEvents.opened(testKit.system(), kit.persistenceTestKit().persistedInStorage(PERSISTENCE_ID));
    assertInstanceOf(PortfolioEvent.ExecutionApplied.class, events.get(1));
    assertInstanceOf(PortfolioEvent.DayRolled.class, events.get(2));
    // Events 2 and 3 are persisted together: Pekko takes the snapshot due at 2 after the batch, numbered 3.
    assertEquals(Map.of(3L, 1, 4L, 2, 6L, 4), storedWindows());
  }

  @Test
  void shouldSnapshotMoreRarelyAsTheWindowGrows() {
    fillUpTo(38); // event n holds n - 2 ids (the opening, the day's start): below 40, every 2 events
    assertEquals(38L, last(storedWindows()));
    fillUpTo(58); // from event 42 the window holds 40 ids: every 4 events
    assertEquals(56L, last(storedWindows()), "58 is not a multiple of 4");
    fillUpTo(95); // from event 82, 80 ids: every 8 events
    assertEquals(88L, last(storedWindows()), "90, 92 and 94 are multiples of 2 and of 4 but not of 8");
    fillUpTo(96);
    assertEquals(96L, last(storedWindows()));

    storedWindows().forEach((sequenceNr, window) -> {
      int interval = window >= 80 ? 8 : window >= 40 ? 4 : 2;
      assertEquals(0, sequenceNr % interval, "snapshot at " + sequenceNr + " with a window of " + window);
    });
    // Each retention snapshot (at multiples of 8, keeping 2 x 8 events) deletes those 16 to 32 events older, the
    // shorter intervals' too; the snapshot store deletes after the save is answered, hence the wait.
    testKit.createTestProbe().awaitAssert(() -> {
      assertEquals(List.of(88L, 96L), List.copyOf(storedWindows().keySet()));
      return null;
    });
  }

  @Test
  void shouldRecoverFromAnIntervalSnapshotWithItsWindow() {
    fillUpTo(58); // 57 events after the opening: the day's start and 56 fills
    kit.restart();
    Execution again = new Execution("E3", "P1", "momo", "SPY", Side.BUY, 1, 100, 5L);
    assertEquals(Reply.duplicate("E3"), kit.<Reply>runCommand(replyTo -> new ApplyExecution(again, replyTo)).reply(),
        "a fill remembered in the snapshot's window is not applied twice");
    assertEquals(58, kit.persistenceTestKit().persistedInStorage(PERSISTENCE_ID).size());
    assertEquals(56L, kit.getState().executionCount());
    assertTrue(storedWindows().containsKey(56L), "recovered from the snapshot at 56 and two events");
  }

  private static long last(Map<Long, Integer> windows) {
    return ((TreeMap<Long, Integer>) windows).lastKey();
  }
}
