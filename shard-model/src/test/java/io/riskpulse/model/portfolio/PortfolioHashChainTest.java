package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.journal.ChainedEvent;
import io.riskpulse.model.journal.HashChain;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecution;
import io.riskpulse.model.portfolio.PortfolioCommand.GetAuditHead;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitsSet;
import io.riskpulse.model.portfolio.PortfolioEvent.PortfolioOpened;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portfolio journal's hash chain: every event is stored sealed to the one before it, across restarts and
 * snapshots, a journal written before the chain goes on from the genesis, and the live audit head matches a fold
 * of the stored events.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioHashChainTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n"
              + "riskpulse.portfolio.snapshot-every = 4\n"
              + "riskpulse.portfolio.dedup-window = 3\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());
  private static final String PERSISTENCE_ID = "Portfolio|P1";
  private static final Limits LIMITS =
      new Limits(1_000_000.0, 500_000.0, 400_000.0, null, null, 10_000.0, 15_000.0, 5_000.0, 450_000.0, false);

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
  private final InstrumentRegistry instruments = InstrumentRegistry.of(
      List.of(new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US")));
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit;

  @BeforeEach
  void setUp() {
    MarketView market = new MarketView(instruments);
    market.update(Quote.lastTrade("SPY", 100, 1));
    PortfolioEnvironment env = new PortfolioEnvironment(market, instruments, clock,
        PortfolioSettings.fromConfig(CONFIG));
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create("P1", env),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  @Test
  void shouldSealEveryEventToTheOneBeforeItAcrossRestartsAndSnapshots() {
    open();
    execute("E1", 10);
    kit.restart();                     // recovery from events only
    execute("E2", 10);
    execute("E3", 10);
    execute("E4", 10);                 // a snapshot is taken every 4 events
    kit.restart();                     // recovery from the snapshot and the events after it
    execute("E5", 10);
    kit.restart();
    execute("E6", 10);

    List<Object> stored = kit.persistenceTestKit().persistedInStorage(PERSISTENCE_ID);
    assertEquals(8, stored.size(), "opened, a new trading day and six fills: " + stored);
    MessageDigest digest = HashChain.sha256();
    byte[] head = HashChain.genesis(PERSISTENCE_ID);
    for (Object event : stored) {
      ChainedEvent sealed = assertInstanceOf(ChainedEvent.class, event);
      assertArrayEquals(head, sealed.previousHash(), "each event links to the one before it");
      assertArrayEquals(sealed.hash(), HashChain.hash(digest, sealed.previousHash(), sealed.serializerId(),
          sealed.manifest(), sealed.payload()), "the hash covers the stored content");
      head = sealed.hash();
    }
    AuditHead audit = auditHead();
    assertEquals(stored.size(), audit.version());
    assertEquals(HexFormat.of().formatHex(head), audit.chainHead());
  }

  @Test
  void shouldMatchTheLiveStateHashWithAFoldOfTheStoredEvents() {
    open();
    execute("E1", 10);
    execute("E2", -4);
    execute("E3", 7);

    List<PortfolioEvent> events =
        JournaledEvents.opened(testKit.system(), kit.persistenceTestKit().persistedInStorage(PERSISTENCE_ID));
    PortfolioFold fold = new PortfolioFold("P1", 3);
    events.forEach(fold::apply);
    AuditHead live = auditHead();
    assertEquals(PortfolioStateHash.of(fold.state(), serialization), live.stateHash());
    assertEquals(events.size(), live.version());

    PortfolioFold shorter = new PortfolioFold("P1", 3);
    events.subList(0, events.size() - 1).forEach(shorter::apply);
    assertNotEquals(PortfolioStateHash.of(shorter.state(), serialization), live.stateHash(),
        "a state one fill short hashes differently");
  }

  @Test
  void shouldStartTheChainFromTheGenesisAfterEventsWrittenBeforeIt() {
    PortfolioOpened opened = new PortfolioOpened("P1", "equities", "alice", 1_000_000, "USD", LIMITS, "ops",
        clock.millis());
    kit.persistenceTestKit().persistForRecovery(PERSISTENCE_ID, List.of(opened));
    kit.restart();
    kit.<Reply>runCommand(replyTo -> new PortfolioCommand.SetLimits(LIMITS, "risk", "review", replyTo));

    List<Object> stored = kit.persistenceTestKit().persistedInStorage(PERSISTENCE_ID);
    assertEquals(opened, stored.get(0), "events written before the chain stay as they are");
    ChainedEvent sealed = assertInstanceOf(ChainedEvent.class, stored.get(1));
    assertArrayEquals(HashChain.genesis(PERSISTENCE_ID), sealed.previousHash());
    assertInstanceOf(LimitsSet.class, JournaledEvents.opened(testKit.system(), stored).get(1));
  }

  private void open() {
    assertEquals(Reply.accepted(), kit.<Reply>runCommand(replyTo ->
        new OpenPortfolio("equities", "alice", 1_000_000, LIMITS, "ops", replyTo)).reply());
  }

  private void execute(String id, double quantity) {
    Side side = quantity > 0 ? Side.BUY : Side.SELL;
    assertEquals(Reply.accepted(), kit.<Reply>runCommand(replyTo -> new ApplyExecution(
        new Execution(id, "P1", "momo", "SPY", side, Math.abs(quantity), 100, 5L), replyTo)).reply());
  }

  private AuditHead auditHead() {
    return kit.runCommand(GetAuditHead::new).reply();
  }
}
