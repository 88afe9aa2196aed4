package io.riskpulse.node.grpc;

import static io.riskpulse.node.grpc.GrpcTestNode.ADMIN;
import static io.riskpulse.node.grpc.GrpcTestNode.CREDIT_OFFICER;
import static io.riskpulse.node.grpc.GrpcTestNode.FIRM_VIEWER;
import static io.riskpulse.node.grpc.GrpcTestNode.OFFICER;
import static io.riskpulse.node.grpc.GrpcTestNode.TRADER;
import static io.riskpulse.node.grpc.GrpcTestNode.VIEWER;
import static io.riskpulse.node.grpc.GrpcTestNode.await;
import static io.riskpulse.node.grpc.GrpcTestNode.codeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.riskpulse.api.v1.AcknowledgeAlertRequest;
import io.riskpulse.api.v1.Aggregate;
import io.riskpulse.api.v1.Alert;
import io.riskpulse.api.v1.AlertUpdate;
import io.riskpulse.api.v1.AuditHead;
import io.riskpulse.api.v1.Change;
import io.riskpulse.api.v1.CheckOrderRequest;
import io.riskpulse.api.v1.CheckOrderResponse;
import io.riskpulse.api.v1.CommandResult;
import io.riskpulse.api.v1.DeskUpdate;
import io.riskpulse.api.v1.Detection;
import io.riskpulse.api.v1.GetAuditHeadRequest;
import io.riskpulse.api.v1.GetDeskRequest;
import io.riskpulse.api.v1.GetDetectionRequest;
import io.riskpulse.api.v1.GetFirmRequest;
import io.riskpulse.api.v1.GetPortfolioRequest;
import io.riskpulse.api.v1.HaltRequest;
import io.riskpulse.api.v1.Limits;
import io.riskpulse.api.v1.ListAlertsRequest;
import io.riskpulse.api.v1.ListHaltsRequest;
import io.riskpulse.api.v1.ListPortfoliosRequest;
import io.riskpulse.api.v1.Portfolio;
import io.riskpulse.api.v1.PortfolioSummary;
import io.riskpulse.api.v1.PortfolioUpdate;
import io.riskpulse.api.v1.ProposedTrade;
import io.riskpulse.api.v1.ResolveAlertRequest;
import io.riskpulse.api.v1.ResumeRequest;
import io.riskpulse.api.v1.Scope;
import io.riskpulse.api.v1.ScopeKind;
import io.riskpulse.api.v1.SetLimitsRequest;
import io.riskpulse.api.v1.SetRulesRequest;
import io.riskpulse.api.v1.Side;
import io.riskpulse.api.v1.WatchAlertsRequest;
import io.riskpulse.api.v1.WatchDeskRequest;
import io.riskpulse.api.v1.WatchPortfolioRequest;
import io.riskpulse.api.v1.WhatIfRequest;
import io.riskpulse.api.v1.WhatIfResponse;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every RPC of riskpulse.v1 through a real server and the generated clients over loopback TLS, on a real node
 * with the embedded journal: reads, the desk's list and aggregates, pre-trade checks, what-ifs, limits, halts and
 * resumes through the portfolio and the kill switch, alerts, watches that see a halt happen and resume without a
 * gap after a reconnect, health, and the error codes of the API's contract.
 *
 * <p>Portfolios: R1 to R5 on desk rates, C1 on desk credit. Tests share the node and run in any order: each
 * acts on its own portfolio or scope where it changes state.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcApiTest {

  @TempDir static Path dataDir;
  private GrpcTestNode node;

  @BeforeAll
  void startNode() throws Exception {
    node = GrpcTestNode.start(dataDir, true, "");
    long now = System.currentTimeMillis();
    node.services().market().update(Quote.lastTrade("SPY", 100, now));
    node.services().market().update(Quote.lastTrade("TLT", 90, now));
    var noLimits = new io.riskpulse.model.limits.Limits(null, null, null, null, null, null, null, null, null, false);
    for (String[] p : new String[][] {{"R1", "rates"}, {"R2", "rates"}, {"R3", "rates"}, {"R4", "rates"},
        {"R5", "rates"}, {"C1", "credit"}}) {
      assertEquals(Reply.accepted(), await(node.services().portfolios().open(p[0], p[1], "alice", 1_000_000,
          noLimits, "test")));
    }
    assertEquals(Reply.accepted(), await(node.services().portfolios().apply(
        new Execution("E1", "R1", "algo", "SPY", io.riskpulse.model.portfolio.Side.BUY, 100, 100, now))));
    assertEquals(Reply.accepted(), await(node.services().portfolios().apply(
        new Execution("E2", "C1", "algo", "TLT", io.riskpulse.model.portfolio.Side.SELL, 50, 90, now))));
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private static StatusRuntimeException failure(Supplier<CompletionStage<?>> call) {
    return assertThrows(StatusRuntimeException.class, () -> await(call.get()));
  }

  private static GetPortfolioRequest portfolio(String id) {
    return GetPortfolioRequest.newBuilder().setPortfolioId(id).build();
  }

  private static Scope scope(ScopeKind kind, String id) {
    return Scope.newBuilder().setKind(kind).setId(id).build();
  }

  /** A watch as a queue the test pulls from; cancelled by the test. */
  private <T> SinkQueueWithCancel<T> open(Source<T, NotUsed> stream) {
    return stream.runWith(Sink.queue(), node.system());
  }

  /** The next element of a watch that satisfies {@code wanted}, collecting every element up to it. */
  private static <T> T next(SinkQueueWithCancel<T> queue, Predicate<T> wanted, List<T> seen) {
    while (true) {
      Optional<T> element = await(queue.pull());
      assertTrue(element.isPresent(), "the watch ended");
      seen.add(element.get());
      if (wanted.test(element.get())) {
        return element.get();
      }
    }
  }

  @Test
  void shouldReadAPortfolioOfItsOwnDeskAndNothingElse() {
    Portfolio r1 = await(node.as(VIEWER).portfolios().getPortfolio(portfolio("R1")));
    assertEquals("rates", r1.getDesk());
    assertEquals("ACTIVE", r1.getStatus());
    assertEquals(1, r1.getPositionsCount());
    assertEquals("SPY", r1.getPositions(0).getSymbol());
    assertEquals(100, r1.getPositions(0).getQuantity());
    assertEquals(10_000, r1.getGrossExposure(), 1e-9);
    assertTrue(r1.getVersion() >= 2, "opened and one execution: " + r1.getVersion());
    assertEquals("USD", r1.getReportingCurrency());

    StatusRuntimeException otherDesk = failure(() -> node.as(VIEWER).portfolios().getPortfolio(portfolio("C1")));
    assertEquals(Status.Code.PERMISSION_DENIED, otherDesk.getStatus().getCode());
    assertFalse(otherDesk.getStatus().getDescription().contains("credit"), "no data in a denial");
    assertEquals(Status.Code.NOT_FOUND,
        codeOf(() -> node.as(VIEWER).portfolios().getPortfolio(portfolio("NOPE"))));
    StatusRuntimeException blank = failure(() -> node.as(VIEWER).portfolios().getPortfolio(portfolio(" ")));
    assertEquals(Status.Code.INVALID_ARGUMENT, blank.getStatus().getCode());
    assertEquals("portfolio_id: required", blank.getStatus().getDescription());
    assertEquals(Status.Code.UNAUTHENTICATED,
        codeOf(() -> node.withToken("wrong-token").portfolios().getPortfolio(portfolio("R1"))));
    assertEquals(Status.Code.UNAUTHENTICATED,
        codeOf(() -> node.withToken(null).portfolios().getPortfolio(portfolio("R1"))));
    assertEquals("credit", await(node.as(FIRM_VIEWER).portfolios().getPortfolio(portfolio("C1"))).getDesk());
  }

  @Test
  void shouldGiveTheLiveAuditHeadOfAPortfolioOfItsOwnDesk() {
    AuditHead head = await(node.as(VIEWER).portfolios().getAuditHead(
        GetAuditHeadRequest.newBuilder().setPortfolioId("R1").build()));
    io.riskpulse.model.portfolio.AuditHead live = await(node.services().portfolios().auditHead("R1"));
    assertEquals("R1", head.getPortfolioId());
    assertEquals(live.version(), head.getVersion());
    assertEquals(live.stateHash(), head.getStateHash());
    assertEquals(live.chainHead(), head.getChainHead());
    assertEquals(64, head.getStateHash().length(), "SHA-256 in hex");
    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(VIEWER).portfolios().getAuditHead(
        GetAuditHeadRequest.newBuilder().setPortfolioId("C1").build())));
    assertEquals(Status.Code.NOT_FOUND, codeOf(() -> node.as(VIEWER).portfolios().getAuditHead(
        GetAuditHeadRequest.newBuilder().setPortfolioId("NOPE").build())));
  }

  @Test
  void shouldListADesksPortfoliosAndAggregateDesksAndTheFirm() {
    List<String> rates = await(node.as(VIEWER).portfolios().listPortfolios(
        ListPortfoliosRequest.newBuilder().setDesk("rates").build())).getPortfoliosList().stream()
        .map(PortfolioSummary::getPortfolioId).toList();
    assertEquals(List.of("R1", "R2", "R3", "R4", "R5"), rates);
    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(VIEWER).portfolios().listPortfolios(
        ListPortfoliosRequest.newBuilder().setDesk("credit").build())));
    assertEquals(List.of("C1"), await(node.as(ADMIN).portfolios().listPortfolios(
        ListPortfoliosRequest.newBuilder().setDesk("credit").build())).getPortfoliosList().stream()
        .map(PortfolioSummary::getPortfolioId).toList());

    Aggregate desk = await(node.as(VIEWER).desks().getDesk(GetDeskRequest.newBuilder().setDesk("rates").build()));
    assertEquals("rates", desk.getId());
    assertEquals(Status.Code.PERMISSION_DENIED,
        codeOf(() -> node.as(VIEWER).desks().getFirm(GetFirmRequest.getDefaultInstance())));
    assertEquals("firm", await(node.as(FIRM_VIEWER).desks().getFirm(GetFirmRequest.getDefaultInstance()))
        .getScope());
  }

  @Test
  void shouldCheckOrdersAndRunWhatIfsForTraders() {
    CheckOrderRequest order = CheckOrderRequest.newBuilder().setPortfolioId("R2").setStrategy("algo")
        .setClOrdId("C-1").setSymbol("SPY").setSide(Side.BUY).setQuantity(10).setPrice(100).build();
    CheckOrderResponse accepted = await(node.as(TRADER).preTrade().checkOrder(order));
    assertTrue(accepted.getAccepted(), accepted.toString());
    CheckOrderResponse duplicate = await(node.as(TRADER).preTrade().checkOrder(order));
    assertFalse(duplicate.getAccepted(), "a repeated ClOrdID is rejected");
    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(VIEWER).preTrade().checkOrder(order)));
    StatusRuntimeException noSide = failure(() -> node.as(TRADER).preTrade().checkOrder(
        order.toBuilder().setClOrdId("C-2").clearSide().build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, noSide.getStatus().getCode());
    assertTrue(noSide.getStatus().getDescription().startsWith("side: "), noSide.getStatus().getDescription());
    assertEquals("quantity: must be a finite number above zero, was NaN", failure(() -> node.as(TRADER).preTrade()
        .checkOrder(order.toBuilder().setClOrdId("C-3").setQuantity(Double.NaN).build())).getStatus()
        .getDescription());

    WhatIfResponse whatIf = await(node.as(TRADER).portfolios().whatIf(WhatIfRequest.newBuilder()
        .setPortfolioId("R1").addTrades(ProposedTrade.newBuilder().setSymbol("SPY").setSide(Side.BUY)
            .setQuantity(50)).build()));
    assertEquals(10_000, whatIf.getGrossExposureBefore(), 1e-9);
    assertEquals(15_000, whatIf.getGrossExposureAfter(), 1e-9);
    assertEquals(Status.Code.INVALID_ARGUMENT, codeOf(() -> node.as(TRADER).portfolios().whatIf(
        WhatIfRequest.newBuilder().setPortfolioId("R1").addTrades(ProposedTrade.newBuilder().setSymbol("NOPE")
            .setSide(Side.BUY).setQuantity(1)).build())));
    assertEquals(10_000, await(node.as(VIEWER).portfolios().getPortfolio(portfolio("R1"))).getGrossExposure(),
        1e-9, "a what-if changes nothing");
  }

  @Test
  void shouldSetAPortfoliosRulesAtRuntimeAndShowThemWithItsOpenAnomalies() {
    String rules = "rule cancel-storm {\n  when count(order(action = CANCEL)) >= 50 within 1s\n  per strategy\n}\n";
    SetRulesRequest request = SetRulesRequest.newBuilder().setPortfolioId("R3").setRules(rules)
        .setReason("watch cancels").build();
    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(TRADER).controls().setRules(request)));
    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(CREDIT_OFFICER).controls().setRules(request)));
    StatusRuntimeException bad = failure(() -> node.as(OFFICER).controls().setRules(request.toBuilder()
        .setRules("rule x {\n  when count(order()) >= 5 within soon\n}").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
    assertTrue(bad.getStatus().getDescription().contains("line 2, column"), bad.getStatus().getDescription());

    CommandResult result = await(node.as(OFFICER).controls().setRules(request));
    assertEquals("ACCEPTED", result.getOutcome());
    Detection detection = await(node.as(VIEWER).portfolios().getDetection(
        GetDetectionRequest.newBuilder().setPortfolioId("R3").build()));
    assertTrue(detection.getOwnRules());
    assertTrue(detection.getRules().contains("cancel-storm"), detection.getRules());
    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(VIEWER).portfolios().getDetection(
        GetDetectionRequest.newBuilder().setPortfolioId("C1").build())));

    assertEquals("ACCEPTED", await(node.as(OFFICER).controls().setRules(request.toBuilder().setRules("")
        .setReason("back to the defaults").build())).getOutcome());
    assertFalse(await(node.as(VIEWER).portfolios().getDetection(
        GetDetectionRequest.newBuilder().setPortfolioId("R3").build())).getOwnRules());
  }

  @Test
  void shouldSetLimitsForRiskOfficersAndJournalWhoDidIt() {
    SetLimitsRequest request = SetLimitsRequest.newBuilder().setScope(scope(ScopeKind.PORTFOLIO, "R3"))
        .setLimits(Limits.newBuilder().setMaxGrossExposure(5_000_000)).setReason("desk review").build();
    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(TRADER).controls().setLimits(request)));
    assertEquals(Status.Code.PERMISSION_DENIED,
        codeOf(() -> node.as(CREDIT_OFFICER).controls().setLimits(request)));
    CommandResult result = await(node.as(OFFICER).controls().setLimits(request));
    assertEquals("ACCEPTED", result.getOutcome());
    assertEquals(OFFICER, result.getBy());
    Portfolio r3 = await(node.as(VIEWER).portfolios().getPortfolio(portfolio("R3")));
    assertEquals(5_000_000, r3.getLimits().getMaxGrossExposure(), 1e-9);
    assertFalse(r3.getLimits().hasMaxNetExposure());

    // The journal names the principal: the watch's first update replays every change from the start.
    SinkQueueWithCancel<PortfolioUpdate> watch = open(node.watcher(VIEWER).portfolios().watchPortfolio(
        WatchPortfolioRequest.newBuilder().setPortfolioId("R3").build()));
    List<PortfolioUpdate> seen = new ArrayList<>();
    next(watch, u -> u.getChangesList().stream().anyMatch(c -> c.getDetail().contains(OFFICER)
        && c.getDetail().contains("desk review")), seen);
    watch.cancel();

    assertEquals(Status.Code.INVALID_ARGUMENT, codeOf(() -> node.as(OFFICER).controls().setLimits(
        request.toBuilder().clearReason().build())));
    assertEquals("ACCEPTED", await(node.as(OFFICER).controls().setLimits(SetLimitsRequest.newBuilder()
        .setScope(scope(ScopeKind.DESK, "rates")).setLimits(Limits.newBuilder().setMaxGrossExposure(9e9))
        .setReason("desk limit").build())).getOutcome());
    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(OFFICER).controls().setLimits(
        SetLimitsRequest.newBuilder().setScope(scope(ScopeKind.FIRM, "")).setLimits(Limits.getDefaultInstance())
            .setReason("firm").build())));
  }

  @Test
  void shouldWatchAPortfolioSeeItHaltAndResumeWithoutAGap() {
    SinkQueueWithCancel<PortfolioUpdate> watch = open(node.watcher(VIEWER).portfolios().watchPortfolio(
        WatchPortfolioRequest.newBuilder().setPortfolioId("R4").build()));
    List<PortfolioUpdate> seen = new ArrayList<>();
    PortfolioUpdate initial = next(watch, u -> true, seen);
    assertTrue(initial.getInitial());
    assertEquals("ACTIVE", initial.getPortfolio().getStatus());
    // The opening is journaled: wait until the watch has delivered it, then remember where it stands.
    PortfolioUpdate opened = initial.getVersion() >= 1 ? initial : next(watch, u -> u.getVersion() >= 1, seen);
    long resumeAfter = opened.getVersion();
    watch.cancel();

    CommandResult halt = await(node.as(OFFICER).controls().halt(HaltRequest.newBuilder()
        .setScope(scope(ScopeKind.PORTFOLIO, "R4")).setReason("runaway").build()));
    assertEquals("ACCEPTED", halt.getOutcome());
    assertEquals(Status.Code.FAILED_PRECONDITION, codeOf(() -> node.as(OFFICER).controls().halt(
        HaltRequest.newBuilder().setScope(scope(ScopeKind.PORTFOLIO, "R4")).setReason("again").build())));

    // Reconnect after the halt: the first updates carry every change after the resume point, the halt included.
    SinkQueueWithCancel<PortfolioUpdate> resumed = open(node.watcher(VIEWER).portfolios().watchPortfolio(
        WatchPortfolioRequest.newBuilder().setPortfolioId("R4").setResumeAfterVersion(resumeAfter).build()));
    List<PortfolioUpdate> after = new ArrayList<>();
    next(resumed, u -> u.getChangesList().stream().anyMatch(c -> c.getType().equals("Halted")), after);
    List<Change> changes = after.stream().flatMap(u -> u.getChangesList().stream()).toList();
    assertEquals(resumeAfter + 1, changes.get(0).getVersion(), "the first change after the resume point");
    for (int i = 1; i < changes.size(); i++) {
      assertEquals(changes.get(i - 1).getVersion() + 1, changes.get(i).getVersion(), "no gap: " + changes);
    }
    assertTrue(changes.stream().anyMatch(c -> c.getType().equals("Halted") && c.getDetail().contains(OFFICER)));
    if (!after.get(after.size() - 1).getPortfolio().getStatus().equals("HALTED")) {
      next(resumed, u -> u.getPortfolio().getStatus().equals("HALTED"), after);
    }

    // Still watching: the resume shows up as it happens.
    assertEquals("ACCEPTED", await(node.as(OFFICER).controls().resume(ResumeRequest.newBuilder()
        .setScope(scope(ScopeKind.PORTFOLIO, "R4")).setReason("fixed").build())).getOutcome());
    next(resumed, u -> u.getPortfolio().getStatus().equals("ACTIVE"), after);
    resumed.cancel();
  }

  @Test
  void shouldHaltAndResumeADeskThroughTheKillSwitchAndShowItToTheDesksWatchers() {
    SinkQueueWithCancel<DeskUpdate> watch = open(node.watcher(VIEWER).desks().watchDesk(
        WatchDeskRequest.newBuilder().setDesk("rates").build()));
    List<DeskUpdate> seen = new ArrayList<>();
    assertTrue(next(watch, u -> true, seen).getInitial());

    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(CREDIT_OFFICER).controls().halt(
        HaltRequest.newBuilder().setScope(scope(ScopeKind.DESK, "rates")).setReason("not mine").build())));
    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(OFFICER).controls().halt(
        HaltRequest.newBuilder().setScope(scope(ScopeKind.FIRM, "")).setReason("too wide").build())));
    CommandResult halted = await(node.as(OFFICER).controls().halt(HaltRequest.newBuilder()
        .setScope(scope(ScopeKind.DESK, "rates")).setReason("desk loss").build()));
    assertFalse(halted.getHaltId().isEmpty());
    next(watch, u -> u.getHaltsList().stream().anyMatch(h -> h.getHaltId().equals(halted.getHaltId())), seen);
    assertTrue(await(node.as(VIEWER).controls().listHalts(ListHaltsRequest.getDefaultInstance())).getHaltsList()
        .stream().anyMatch(h -> h.getHaltId().equals(halted.getHaltId())));
    assertTrue(await(node.as(CREDIT_OFFICER).controls().listHalts(ListHaltsRequest.getDefaultInstance()))
        .getHaltsList().stream().noneMatch(h -> h.getHaltId().equals(halted.getHaltId())),
        "another desk's halt is not listed");

    // While the desk is halted, its orders fail the pre-trade check (once the node's halt view has the halt).
    int[] orders = {0};
    TestProbe.create(node.system()).awaitAssert(GrpcTestNode.WAIT, () -> {
      CheckOrderResponse blocked = await(node.as(TRADER).preTrade().checkOrder(CheckOrderRequest.newBuilder()
          .setPortfolioId("R1").setClOrdId("H-" + ++orders[0]).setSymbol("SPY").setSide(Side.BUY).setQuantity(1)
          .setPrice(100).build()));
      assertFalse(blocked.getAccepted(), blocked.toString());
      assertTrue(blocked.getFailuresList().stream().anyMatch(f -> f.getCheck().equals("HALTED")), blocked.toString());
      return null;
    });

    assertEquals("ACCEPTED", await(node.as(OFFICER).controls().resume(ResumeRequest.newBuilder()
        .setScope(scope(ScopeKind.DESK, "rates")).setReason("loss understood").build())).getOutcome());
    next(watch, u -> u.getHaltsList().stream().noneMatch(h -> h.getHaltId().equals(halted.getHaltId())), seen);
    watch.cancel();
    assertEquals(Status.Code.NOT_FOUND, codeOf(() -> node.as(OFFICER).controls().resume(ResumeRequest
        .newBuilder().setScope(scope(ScopeKind.DESK, "rates")).setReason("twice").build())));
  }

  @Test
  void shouldListWatchAcknowledgeAndResolveAlertsOfItsOwnDesks() {
    SinkQueueWithCancel<AlertUpdate> watch = open(node.watcher(VIEWER).alerts().watchAlerts(
        WatchAlertsRequest.newBuilder().setUnresolvedOnly(true).build()));
    List<AlertUpdate> seen = new ArrayList<>();
    assertTrue(next(watch, u -> true, seen).getInitial());
    // A halt raises an incident about the portfolio.
    await(node.as(ADMIN).controls().halt(HaltRequest.newBuilder().setScope(scope(ScopeKind.PORTFOLIO, "R5"))
        .setReason("alert test").build()));
    AlertUpdate raised = next(watch, u -> u.getAlertsList().stream()
        .anyMatch(a -> a.getScope().equals("PORTFOLIO:R5")), seen);
    Alert alert = raised.getAlertsList().stream().filter(a -> a.getScope().equals("PORTFOLIO:R5")).findFirst()
        .orElseThrow();
    watch.cancel();

    assertTrue(await(node.as(CREDIT_OFFICER).alerts().listAlerts(ListAlertsRequest.getDefaultInstance()))
        .getAlertsList().stream().noneMatch(a -> a.getScope().equals("PORTFOLIO:R5")), "another desk's alert");
    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(CREDIT_OFFICER).alerts().acknowledgeAlert(
        AcknowledgeAlertRequest.newBuilder().setIncidentId(alert.getIncidentId()).build())));
    assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> node.as(VIEWER).alerts().acknowledgeAlert(
        AcknowledgeAlertRequest.newBuilder().setIncidentId(alert.getIncidentId()).build())));
    Alert acknowledged = await(node.as(OFFICER).alerts().acknowledgeAlert(
        AcknowledgeAlertRequest.newBuilder().setIncidentId(alert.getIncidentId()).build()));
    assertEquals("ACKNOWLEDGED", acknowledged.getStatus());
    assertEquals(OFFICER, acknowledged.getAcknowledgedBy());
    Alert resolved = await(node.as(OFFICER).alerts().resolveAlert(ResolveAlertRequest.newBuilder()
        .setIncidentId(alert.getIncidentId()).setNote("checked with the desk").build()));
    assertEquals("RESOLVED", resolved.getStatus());
    assertEquals(Status.Code.NOT_FOUND, codeOf(() -> node.as(OFFICER).alerts().acknowledgeAlert(
        AcknowledgeAlertRequest.newBuilder().setIncidentId("inc-999999").build())));
  }

  @Test
  void shouldAnswerHealthChecksWithoutAToken() {
    assertEquals(ServingStatus.SERVING, await(node.withToken(null).health().check(
        HealthCheckRequest.getDefaultInstance())).getStatus());
    assertEquals(ServingStatus.SERVING, await(node.withToken(null).health().check(
        HealthCheckRequest.newBuilder().setService("riskpulse.v1.PortfolioService").build())).getStatus());
    assertEquals(Status.Code.NOT_FOUND, codeOf(() -> node.withToken(null).health().check(
        HealthCheckRequest.newBuilder().setService("no.such.Service").build())));
  }
}
