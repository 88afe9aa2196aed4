package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltDispatcher;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecution;
import io.riskpulse.model.portfolio.PortfolioCommand.Halt;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import io.riskpulse.model.portfolio.PortfolioCommand.Resume;
import io.riskpulse.model.portfolio.PortfolioEvent.HaltDispatched;
import io.riskpulse.model.portfolio.PortfolioEvent.Halted;
import io.riskpulse.model.pretrade.PreTradeSettings;
import io.riskpulse.model.risk.aggregate.RiskReporter;
import io.riskpulse.model.risk.liquidity.LiquiditySettings;
import io.riskpulse.model.risk.live.RiskModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A halt persisted by a portfolio reaches the OMS gateway at least once: retried until the gateway takes it,
 * again after a restart, never after a resume, and marked handed over exactly once.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HaltHandOffTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());
  private static final long WAIT_SECONDS = 10;

  /** One hand-off asked of the gateway: the test decides how it ends. */
  private record HandOff(ActiveHalt halt, CompletableFuture<Void> answer) {}

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final InstrumentRegistry instruments =
      InstrumentRegistry.of(List.of(new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US")));
  /** Each test's own portfolio: an earlier test's entity keeps retrying its hand-offs and must not meet it. */
  private int testNumber;
  private String portfolioId;
  /** Hand-offs asked by this test's portfolio only (each test gets a new queue). */
  private BlockingQueue<HandOff> handOffs;
  private EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit;

  @BeforeEach
  void setUp() {
    portfolioId = "P" + ++testNumber;
    BlockingQueue<HandOff> queue = new LinkedBlockingQueue<>();
    handOffs = queue;
    MarketView market = new MarketView(instruments);
    market.update(Quote.lastTrade("SPY", 100, 1));
    HaltDispatcher gateway = halt -> {
      CompletableFuture<Void> answer = new CompletableFuture<>();
      queue.add(new HandOff(halt, answer));
      return answer;
    };
    PortfolioEnvironment env = new PortfolioEnvironment(market, instruments,
        new MutableClock(Instant.parse("2026-11-26T10:00:00Z")), PortfolioSettings.fromConfig(CONFIG),
        RiskModel.none(), RiskReporter.NONE, LiquiditySettings.DEFAULTS, HaltView.NONE, gateway,
        PreTradeSettings.DEFAULTS);
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create(portfolioId, env),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  private HandOff nextHandOff() throws InterruptedException {
    HandOff handOff = handOffs.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(handOff, "the halt was not handed to the gateway");
    return handOff;
  }

  /**
   * Waits until the hand-off is journaled. The state alone would not do: a typed persistent actor applies an event
   * to its in-memory state before the journal confirms the write, so the state can show it before the storage has
   * it.
   */
  private void awaitHandedOver() {
    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(WAIT_SECONDS), () -> {
      assertEquals(1, handedOverEvents());
      assertNull(kit.getState().undispatchedHalt());
      return null;
    });
  }

  private long handedOverEvents() {
    return JournaledEvents.opened(testKit.system(), kit.persistenceTestKit().persistedInStorage("Portfolio|" + portfolioId)).stream()
        .filter(e -> e instanceof HaltDispatched).count();
  }

  private void openWithHaltingPositionLimit() {
    assertTrue(kit.<Reply>runCommand(replyTo -> new OpenPortfolio("equities", "alice", 1_000_000,
        new Limits(null, null, 50_000.0, null, null, null, null, null, null, true), "ops", replyTo))
        .reply().isAccepted());
  }

  @Test
  void shouldHandAnAutomaticHaltToTheGatewayAndMarkItOnce() throws Exception {
    openWithHaltingPositionLimit();
    var breach = kit.<Reply>runCommand(replyTo -> new ApplyExecution(
        new Execution("E1", portfolioId, "algo", "SPY", Side.BUY, 1000, 100, 5L), replyTo));
    Halted halted = events(breach).stream().filter(e -> e instanceof Halted).map(Halted.class::cast)
        .findFirst().orElseThrow();
    HandOff handOff = nextHandOff();
    assertEquals(halted.haltId(), handOff.halt().haltId());
    assertTrue(halted.haltId().startsWith("halt-" + portfolioId + "-"), halted.haltId());
    assertEquals(HaltScope.portfolio(portfolioId), handOff.halt().scope());
    assertEquals(Portfolio.LIMIT_MONITOR, handOff.halt().by());
    assertTrue(handOff.halt().reason().contains("POSITION_NOTIONAL"), handOff.halt().reason());
    handOff.answer().complete(null);
    awaitHandedOver();
    assertEquals(1, handedOverEvents());
    assertTrue(handOffs.isEmpty(), "handed over once");
  }

  @Test
  void shouldRetryAHandOffTheGatewayRefusedUntilItTakesIt() throws Exception {
    openWithHaltingPositionLimit();
    kit.<Reply>runCommand(replyTo -> new Halt("bob", "runaway", replyTo));
    HandOff first = nextHandOff();
    first.answer().completeExceptionally(new IllegalStateException("gateway not reachable"));
    HandOff second = nextHandOff();
    assertEquals(first.halt(), second.halt(), "the same halt, with the same id");
    second.answer().completeExceptionally(new IllegalStateException("still not reachable"));
    HandOff third = nextHandOff();
    third.answer().complete(null);
    awaitHandedOver();
    assertEquals(1, handedOverEvents());
  }

  @Test
  void shouldHandOverAgainAfterARestartBeforeTheGatewayAnswered() throws Exception {
    openWithHaltingPositionLimit();
    kit.<Reply>runCommand(replyTo -> new Halt("bob", "runaway", replyTo));
    HandOff beforeCrash = nextHandOff(); // never answered: the node "crashed"
    kit.restart();
    HandOff afterRestart = nextHandOff();
    assertEquals(beforeCrash.halt().haltId(), afterRestart.halt().haltId());
    afterRestart.answer().complete(null);
    awaitHandedOver();
    beforeCrash.answer().complete(null); // a late answer from the old incarnation changes nothing
    kit.restart();
    // restart() returns once recovery completed, and a hand-off starts synchronously in the recovery signal.
    assertTrue(handOffs.isEmpty(), "handed over: not sent again after a restart");
    assertEquals(1, handedOverEvents());
  }

  @Test
  void shouldNotHandOverAHaltThatWasResumedBeforeTheGatewayTookIt() throws Exception {
    openWithHaltingPositionLimit();
    kit.<Reply>runCommand(replyTo -> new Halt("bob", "fat finger", replyTo));
    nextHandOff(); // never answered
    assertTrue(kit.<Reply>runCommand(replyTo -> new Resume("carol", "false alarm", replyTo)).reply().isAccepted());
    kit.restart();
    assertNull(kit.getState().undispatchedHalt());
    assertTrue(handOffs.isEmpty(), "a resumed halt is not sent after a restart");
  }

  private List<PortfolioEvent> events(CommandResult<?, ?, ?> result) {
    return JournaledEvents.of(testKit.system(), result);
  }
}
