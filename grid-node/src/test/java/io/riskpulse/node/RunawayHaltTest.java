package io.riskpulse.node;

import static io.riskpulse.node.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.gateway.halt.EndpointDelivery;
import io.riskpulse.gateway.halt.OmsDeliveries;
import io.riskpulse.gateway.halt.OmsDelivery;
import io.riskpulse.gateway.halt.OmsGatewayCommand;
import io.riskpulse.gateway.oms.SimulatedOms;
import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.KillSwitchReply;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioEvent;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.PortfolioStatus;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeCheck;
import io.riskpulse.model.pretrade.PreTradeDecision;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain on one real node with the embedded journal, a real QuickFIX/J acceptor playing the OMS: a
 * runaway algorithm's executions stream in through ingestion, its position limit breaks, the portfolio halts, and
 * exactly one effective mass cancel for its account reaches the OMS, with the halt and every delivery step
 * journaled; fills that keep arriving after the halt do not cancel again. A desk halt from the kill switch then
 * blocks the desk's pre-trade checks and mass-cancels the desk's account.
 */
@Timeout(120)
class RunawayHaltTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Halts on a position above 1,000,000. */
  private static final Limits LIMITS =
      new Limits(null, null, 1_000_000.0, null, null, null, null, null, null, true);

  /** With average daily volumes: a rebalance only trades instruments whose liquidity it knows. */
  private static final InstrumentRegistry INSTRUMENTS = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad market", "US", 80_000_000),
      new Instrument("TLT", AssetClass.RATES, "USD", 1, "treasuries", "US", 20_000_000)));

  @TempDir Path dataDir;

  @Test
  void shouldHaltARunawayAndMassCancelItsAccountExactlyOnce() throws Exception {
    SimulatedOms oms = SimulatedOms.builder().omsCompId("E2EOMS").build();
    oms.start();
    oms.addWorkingOrder("RUN", "R-1", "SPY", Side.BUY, 100, "runaway");
    oms.addWorkingOrder("RUN", "R-2", "SPY", Side.BUY, 200, "runaway");
    oms.addWorkingOrder("CALM", "C-1", "TLT", Side.SELL, 50, "carry");
    Config config = ConfigFactory.parseString(
            "riskpulse.gateway.oms.endpoints = [{name = \"oms\", type = fix, host = \"127.0.0.1\", port = "
                + oms.port() + ", target-comp-id = \"E2EOMS\", reconnect-interval = 1s}]\n")
        .withFallback(TestNodes.config(dataDir));
    ActorSystem<Void> system = TestNodes.start(config);
    try {
      NodeServices node = Main.init(system, new NodeDeps(INSTRUMENTS, Clock.systemUTC()));
      long now = System.currentTimeMillis();
      node.market().update(Quote.lastTrade("SPY", 500, now));
      node.market().update(Quote.lastTrade("TLT", 90, now));
      assertEquals(Reply.accepted(), await(node.portfolios().open("RUN", "algo", "alice", 10_000_000, LIMITS, "t")));
      assertEquals(Reply.accepted(), await(node.portfolios().open("CALM", "rates", "bob", 10_000_000, LIMITS, "t")));

      // The runaway's working orders as the order flow reports them, then its fills, growing 25% each.
      node.ingest().accept(new IngestEvent.OrderFlow("e2e-orders:1", 1, new OrderEvent(OrderAction.NEW, "RUN",
          "runaway", "R-1", "", "SPY", Side.BUY, 100, 500, now)));
      node.ingest().accept(new IngestEvent.OrderFlow("e2e-orders:1", 2, new OrderEvent(OrderAction.NEW, "RUN",
          "runaway", "R-2", "", "SPY", Side.BUY, 200, 500, now)));
      int fills = 25;
      double lots = 100;
      for (int i = 1; i <= fills; i++) {
        node.ingest().accept(new IngestEvent.Fill("e2e-fills:1", i,
            new Execution("F" + i, "RUN", "runaway", "SPY", Side.BUY, Math.ceil(lots), 500, now)));
        lots *= 1.25;
      }
      TestProbe<Void> probe = TestProbe.create(system);
      PortfolioSnapshot halted = probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
        PortfolioSnapshot snapshot = await(node.portfolios().snapshot("RUN"));
        assertEquals(fills, snapshot.executionCount(), "every fill applied, also those after the halt");
        return snapshot;
      });
      assertEquals(PortfolioStatus.HALTED, halted.status());
      assertEquals(Portfolio.LIMIT_MONITOR, halted.haltedBy());
      assertTrue(halted.activeBreaches().stream().anyMatch(b -> b.kind() == LimitKind.POSITION_NOTIONAL));

      OmsDelivery delivery = probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
        OmsDeliveries deliveries = await(AskPattern.<OmsGatewayCommand, OmsDeliveries>ask(
            node.halts().omsGateway(), OmsGatewayCommand.GetDeliveries::new, Duration.ofSeconds(5),
            system.scheduler()));
        assertEquals(1, deliveries.halts().size(), "one halt for the runaway");
        OmsDelivery only = deliveries.halts().get(0);
        assertEquals(EndpointDelivery.Status.ACKNOWLEDGED, only.at("oms").status());
        return only;
      });
      assertEquals(HaltScope.portfolio("RUN"), delivery.halt().scope());
      assertEquals(List.of("RUN"), delivery.instruction().accounts());
      assertEquals(2, delivery.instruction().openOrders().size(), "the working orders known from the order flow");
      assertEquals(1, oms.massCancelsEffective(), "exactly one effective mass cancel");
      assertEquals(delivery.halt().haltId(), oms.received().get(0).clOrdId());
      assertFalse(oms.isWorking("R-1"));
      assertFalse(oms.isWorking("R-2"));
      assertTrue(oms.isWorking("C-1"), "another account's order stays working");

      PreTradeDecision blocked = await(node.portfolios().checkOrder(
          new OrderRequest("RUN", "runaway", "R-3", "SPY", Side.BUY, 1, 500)));
      assertTrue(blocked.failed(PreTradeCheck.HALTED), blocked.describe());

      // The position breach also proposed a rebalance (rebalance = propose); approved, its sell reaches the OMS.
      PortfolioEvent.RebalanceProposed proposal = halted.pendingRebalance();
      assertNotNull(proposal, "a rebalance was proposed for the position breach");
      assertEquals(List.of(Side.SELL), proposal.plan().orders().stream().map(o -> o.side()).toList());
      assertEquals(Reply.accepted(), await(node.portfolios().approveRebalance("RUN", proposal.rebalanceId(),
          "dana", "unwind the runaway")));
      probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
        assertEquals(1, oms.newOrdersEffective(), "the approved sell entered at the OMS");
        return null;
      });

      // The kill switch halts the rates desk: its pre-trade checks reject and its account is mass-cancelled.
      probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
        assertTrue(node.halts().halts().synchronised(), node.halts().halts().unsynchronisedReason());
        return null;
      });
      assertTrue(await(node.portfolios().checkOrder(
          new OrderRequest("CALM", "carry", "C-2", "TLT", Side.SELL, 1, 90))).accepted());
      KillSwitchReply engaged = await(node.halts().killSwitch().engage(HaltScope.desk("rates"), "carol", "review"));
      assertEquals(KillSwitchReply.Outcome.ACCEPTED, engaged.outcome(), engaged.detail());
      PreTradeDecision deskHalted = probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
        PreTradeDecision decision = await(node.portfolios().checkOrder(
            new OrderRequest("CALM", "carry", "C-" + System.nanoTime(), "TLT", Side.SELL, 1, 90)));
        assertTrue(decision.failed(PreTradeCheck.HALTED), decision.describe());
        return decision;
      });
      assertNotNull(deskHalted);
      probe.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
        assertEquals(2, oms.massCancelsEffective(), "the desk halt reached the OMS");
        assertFalse(oms.isWorking("C-1"));
        return null;
      });
    } finally {
      TestNodes.stop(system);
      oms.close();
    }
  }
}
