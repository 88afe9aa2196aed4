package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.halt.HaltDispatcher;
import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecution;
import io.riskpulse.model.portfolio.PortfolioCommand.ApproveRebalance;
import io.riskpulse.model.portfolio.PortfolioCommand.GetSnapshot;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import io.riskpulse.model.portfolio.PortfolioCommand.RejectRebalance;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceApproved;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceDispatched;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceProposed;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceRejected;
import io.riskpulse.model.pretrade.PreTradeSettings;
import io.riskpulse.model.risk.aggregate.RiskReporter;
import io.riskpulse.model.risk.liquidity.LiquiditySettings;
import io.riskpulse.model.risk.live.RiskModel;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A breached exposure limit prompts the orders that bring the portfolio back (less the hysteresis): proposed for a
 * person to approve or reject, or sent at once; an approved rebalance reaches the OMS gateway at least once.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioRebalanceTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());
  /** Position limit 400,000 (alert only): the rebalance aims at 380,000 (5% hysteresis). */
  private static final Limits LIMITS = new Limits(null, null, 400_000.0, null, null, null, null, null, null, false);

  /** One hand-off asked of the gateway. */
  private record HandOff(RebalanceInstruction instruction, CompletableFuture<Void> answer) {}

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 10, "broad", "US", 1_000_000)));
  private final BlockingQueue<HandOff> handOffs = new LinkedBlockingQueue<>();
  private EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit;

  private void start(String mode) {
    handOffs.clear();
    MarketView market = new MarketView(instruments);
    market.update(Quote.lastTrade("SPY", 100, 1));
    PortfolioSettings settings = PortfolioSettings.fromConfig(
        ConfigFactory.parseString("riskpulse.portfolio.rebalance = " + mode).withFallback(CONFIG));
    PortfolioEnvironment env = new PortfolioEnvironment(market, instruments,
        new MutableClock(Instant.parse("2026-11-26T10:00:00Z")), settings, RiskModel.none(), RiskReporter.NONE,
        LiquiditySettings.DEFAULTS, HaltView.NONE, HaltDispatcher.NONE, PreTradeSettings.DEFAULTS,
        instruction -> {
          CompletableFuture<Void> answer = new CompletableFuture<>();
          handOffs.add(new HandOff(instruction, answer));
          return answer;
        });
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create("P1", env),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    assertTrue(kit.<Reply>runCommand(replyTo -> new OpenPortfolio("equities", "alice", 10_000_000, LIMITS, "ops",
        replyTo)).reply().isAccepted());
  }

  @BeforeEach
  void reset() {
    handOffs.clear();
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  private List<PortfolioEvent> breach() {
    var result = kit.<Reply>runCommand(replyTo -> new ApplyExecution(
        new Execution("E1", "P1", "algo", "SPY", Side.BUY, 5000, 100, 5L), replyTo)); // 500,000 > 400,000
    assertTrue(result.reply().isAccepted());
    return events(result);
  }

  private HandOff nextHandOff() throws InterruptedException {
    HandOff handOff = handOffs.poll(10, TimeUnit.SECONDS);
    assertNotNull(handOff, "the rebalance was not handed to the gateway");
    return handOff;
  }

  @Test
  void shouldProposeTheSmallestSellThatEndsTheBreachAndSendItOnceApproved() throws Exception {
    start("propose");
    RebalanceProposed proposed = breach().stream().filter(e -> e instanceof RebalanceProposed)
        .map(RebalanceProposed.class::cast).findFirst().orElseThrow();
    assertTrue(proposed.rebalanceId().startsWith("rebalance-P1-"), proposed.rebalanceId());
    // 500,000 down to 380,000: 1,200 units, a whole number of 10-unit lots.
    assertEquals(List.of(new RebalanceOrder("SPY", Side.SELL, 1200, 120_000)), proposed.plan().orders());
    assertTrue(proposed.reason().contains("POSITION_NOTIONAL"), proposed.reason());
    PortfolioSnapshot snapshot = kit.runCommand(GetSnapshot::new).reply();
    assertEquals(proposed, snapshot.pendingRebalance());
    assertTrue(handOffs.isEmpty(), "nothing is sent before a person approves");

    assertEquals(RejectReason.UNKNOWN_REBALANCE, kit.<Reply>runCommand(replyTo -> new ApproveRebalance("nope",
        "dana", "ok", replyTo)).reply().reason());
    assertEquals(RejectReason.INVALID_FIELD, kit.<Reply>runCommand(replyTo -> new ApproveRebalance(
        proposed.rebalanceId(), "", "ok", replyTo)).reply().reason());
    var approved = kit.<Reply>runCommand(replyTo -> new ApproveRebalance(proposed.rebalanceId(), "dana",
        "reduce to the limit", replyTo));
    assertTrue(approved.reply().isAccepted());
    assertEquals("dana", ((RebalanceApproved) event(approved)).by());

    HandOff handOff = nextHandOff();
    assertEquals(proposed.rebalanceId(), handOff.instruction().rebalanceId());
    assertEquals("P1", handOff.instruction().portfolioId());
    assertEquals(proposed.plan().orders(), handOff.instruction().orders());
    handOff.answer().complete(null);
    // The storage, not only the state: the in-memory state has an event before the journal confirms it.
    testKit.createTestProbe().awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(1, JournaledEvents.opened(testKit.system(), kit.persistenceTestKit().persistedInStorage("Portfolio|P1")).stream()
          .filter(e -> e instanceof RebalanceDispatched).count());
      assertNull(kit.getState().undispatchedRebalance());
      return null;
    });
    assertNull(kit.runCommand(GetSnapshot::new).reply().pendingRebalance());
  }

  @Test
  void shouldSendNothingForARejectedProposal() {
    start("propose");
    RebalanceProposed proposed = breach().stream().filter(e -> e instanceof RebalanceProposed)
        .map(RebalanceProposed.class::cast).findFirst().orElseThrow();
    var rejected = kit.<Reply>runCommand(replyTo -> new RejectRebalance(proposed.rebalanceId(), "dana",
        "we keep the position, limit will be raised", replyTo));
    assertTrue(rejected.reply().isAccepted());
    assertTrue(event(rejected) instanceof RebalanceRejected);
    assertNull(kit.getState().pendingRebalance());
    assertTrue(handOffs.isEmpty());
  }

  @Test
  void shouldSendAtOnceWhenConfiguredToAndResendAfterARestart() throws Exception {
    start("send");
    List<PortfolioEvent> events = breach();
    RebalanceApproved approved = events.stream().filter(e -> e instanceof RebalanceApproved)
        .map(RebalanceApproved.class::cast).findFirst().orElseThrow();
    assertEquals(Portfolio.AUTO_REBALANCE, approved.by());
    HandOff first = nextHandOff(); // never answered: the node "crashed"
    kit.restart();
    HandOff again = nextHandOff();
    assertEquals(first.instruction(), again.instruction(), "the same instruction, the same id");
    again.answer().complete(null);
    testKit.createTestProbe().awaitAssert(Duration.ofSeconds(10), () -> {
      assertNull(kit.getState().undispatchedRebalance());
      return null;
    });
  }

  @Test
  void shouldProposeNothingWhenRebalancingIsOff() {
    start("off");
    assertTrue(breach().stream().noneMatch(e -> e instanceof RebalanceProposed));
  }

  private List<PortfolioEvent> events(CommandResult<?, ?, ?> result) {
    return JournaledEvents.of(testKit.system(), result);
  }

  private PortfolioEvent event(CommandResult<?, ?, ?> result) {
    return JournaledEvents.single(testKit.system(), result);
  }
}
