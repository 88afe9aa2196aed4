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
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecutions;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import java.time.Instant;
import java.util.ArrayList;
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
              // The positions below are the multiples of the interval: not shifted by P1's phase (SnapshotInterval).
              + "riskpulse.portfolio.snapshot-stagger = off\n"
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
  private TreeMap<Long, Integer> storedWindows() {
    TreeMap<Long, Integer> windows = new TreeMap<>();
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
    // Pekko judges event n with the window before it: n - 3 ids (the opening and the day's start are events).
    fillUpTo(38); // below 40 ids: every 2 events
    assertEquals(38L, last(storedWindows()));
    fillUpTo(58); // from event 43 the window holds 40 ids: every 4 events
    // 42 is the last at the short interval (39 ids before it); retention at 48 and 56 deleted up to 40.
    awaitStored(List.of(42L, 44L, 48L, 52L, 56L));
    fillUpTo(95); // from event 83, 80 ids: every 8 events
    assertEquals(88L, last(storedWindows()), "90, 92 and 94 are multiples of 2 and of 4 but not of 8");
    fillUpTo(96);
    // Each retention snapshot (at multiples of 8, keeping 2 x 8 events) deletes those 16 to 32 events older, the
    // shorter intervals' too.
    awaitStored(List.of(88L, 96L));
  }

  @Test
  void shouldLeaveNoSnapshotBehindWhenOneWriteSpansAnIntervalAndARetentionSnapshot() {
    fillUpTo(58);
    // One write of ten fills, events 59 to 68: 60 is due at the interval of 4, 64 is a retention snapshot.
    List<Execution> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      fills++;
      batch.add(new Execution("E" + fills, "P1", "momo", "SPY", fills % 2 == 0 ? Side.SELL : Side.BUY, 1, 100, 5L));
    }
    kit.<BatchReply>runCommand(replyTo -> new ApplyExecutions(batch, replyTo));
    assertEquals(68, kit.persistenceTestKit().persistedInStorage(PERSISTENCE_ID).size());
    // Taken after the write, numbered 68, with retention: it deleted 36 to 52 (had 60 taken its place, 36 to 40
    // would never be deleted: the next retention, at 72, deletes from 40).
    awaitStored(List.of(56L, 68L));
    fillUpTo(96);
    awaitStored(List.of(88L, 96L));
  }

  @Test
  void shouldRecoverFromAnIntervalSnapshotWithItsWindow() {
    fillUpTo(58); // the last snapshot at 56: the opening, the day's start and 54 fills
    assertEquals(56L, last(storedWindows()));
    kit.persistenceTestKit().clearByIdPreservingSeqNumbers(PERSISTENCE_ID); // only the snapshot can restore them
    kit.restart();
    assertEquals(54L, kit.getState().executionCount(), "the snapshot's state; events 57 and 58 are gone");
    Execution again = new Execution("E3", "P1", "momo", "SPY", Side.BUY, 1, 100, 5L);
    assertEquals(Reply.duplicate("E3"), kit.<Reply>runCommand(replyTo -> new ApplyExecution(again, replyTo)).reply(),
        "a fill remembered in the snapshot's window is not applied twice");
    assertEquals(54L, kit.getState().executionCount());
  }

  /** Waits until the snapshot store holds exactly these snapshots: it deletes after it has answered the save. */
  private void awaitStored(List<Long> sequenceNrs) {
    testKit.createTestProbe().awaitAssert(() -> {
      assertEquals(sequenceNrs, List.copyOf(storedWindows().keySet()));
      return null;
    });
  }

  private static long last(TreeMap<Long, Integer> windows) {
    return windows.lastKey();
  }
}
