package io.riskpulse.node.grpc;

import static io.riskpulse.node.grpc.GrpcTestNode.ADMIN;
import static io.riskpulse.node.grpc.GrpcTestNode.CREDIT_OFFICER;
import static io.riskpulse.node.grpc.GrpcTestNode.FIRM_VIEWER;
import static io.riskpulse.node.grpc.GrpcTestNode.OFFICER;
import static io.riskpulse.node.grpc.GrpcTestNode.PRINCIPALS;
import static io.riskpulse.node.grpc.GrpcTestNode.TRADER;
import static io.riskpulse.node.grpc.GrpcTestNode.VIEWER;
import static io.riskpulse.node.grpc.GrpcTestNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.riskpulse.api.v1.AcknowledgeAlertRequest;
import io.riskpulse.api.v1.Aggregate;
import io.riskpulse.api.v1.Alert;
import io.riskpulse.api.v1.AlertUpdate;
import io.riskpulse.api.v1.CheckOrderRequest;
import io.riskpulse.api.v1.DeskUpdate;
import io.riskpulse.api.v1.GetAuditHeadRequest;
import io.riskpulse.api.v1.GetDeskRequest;
import io.riskpulse.api.v1.GetDetectionRequest;
import io.riskpulse.api.v1.GetFirmRequest;
import io.riskpulse.api.v1.GetPortfolioRequest;
import io.riskpulse.api.v1.HaltRequest;
import io.riskpulse.api.v1.Limits;
import io.riskpulse.api.v1.ListAlertsRequest;
import io.riskpulse.api.v1.ListAlertsResponse;
import io.riskpulse.api.v1.ListHaltsRequest;
import io.riskpulse.api.v1.ListHaltsResponse;
import io.riskpulse.api.v1.ListPortfoliosRequest;
import io.riskpulse.api.v1.ListPortfoliosResponse;
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
import io.riskpulse.gateway.grpc.client.ApiClients;
import io.riskpulse.gateway.grpc.security.Principal;
import io.riskpulse.gateway.grpc.security.Role;
import io.riskpulse.gateway.grpc.security.Rpc;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorization matrix of riskpulse.v1 through a real node: every {@link Rpc} as every principal of
 * {@link GrpcTestNode} on a target of its own desk ({@code rates}), of another desk ({@code credit}) and, where
 * the RPC has them, on scopes wider than a desk (the firm, an instrument, a trader, a strategy).
 *
 * <p>The expectations are written here from the documented rules, not from the production tables: the minimum
 * role of each RPC is the one {@link Role}'s javadoc gives, and a principal sees a desk when it is an admin, holds
 * {@code *} or holds that desk; a scope wider than a desk needs every desk. A call is allowed when both hold; an
 * allowed call must not fail with PERMISSION_DENIED or UNAUTHENTICATED, a denied one must fail with
 * PERMISSION_DENIED and a description that names no desk, portfolio or incident and carries no figure. Lists that
 * filter instead of denying (halts, alerts) must show the target's item exactly to the principals that see it.
 *
 * <p>Cells run in any order: each kind of mutation acts on its own portfolios and tolerates the state earlier
 * cells left (halting a halted scope is FAILED_PRECONDITION, still an allowed answer).
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcAuthorizationMatrixTest {

  private static final String RATES = "rates";
  private static final String CREDIT = "credit";
  private static final List<String> DESKS = List.of(RATES, CREDIT);
  /** The principals of {@link GrpcTestNode}, in the order cells are reported. */
  private static final List<String> NAMES = List.of(VIEWER, TRADER, OFFICER, CREDIT_OFFICER, FIRM_VIEWER, ADMIN);

  // Portfolios by use, so that one kind of mutation never changes what another kind answers.
  private static final Map<String, String> READ = Map.of(RATES, "AZR-READ", CREDIT, "AZC-READ");
  private static final Map<String, String> HALTS = Map.of(RATES, "AZR-HALT", CREDIT, "AZC-HALT");
  private static final Map<String, String> LIMITS = Map.of(RATES, "AZR-LIMITS", CREDIT, "AZC-LIMITS");
  private static final Map<String, String> ALERTING = Map.of(RATES, "AZR-ALERT", CREDIT, "AZC-ALERT");
  private static final List<String> WIDE_IDS = List.of("GLD", "az-trader", "az-strategy");

  private static final String REASON = "authorization matrix";
  private static final String UNKNOWN_TOKEN = "unknown-matrix-token";

  private static final Set<Status.Code> ANSWERED = Set.of(Status.Code.OK);
  /** A mutation may find its work done already: halted, not halted, acknowledged, resolved. */
  private static final Set<Status.Code> APPLIED = Set.of(Status.Code.OK, Status.Code.FAILED_PRECONDITION);
  /** The kill switch answers NOT_FOUND to a resume of a scope that is not halted. */
  private static final Set<Status.Code> RELEASED =
      Set.of(Status.Code.OK, Status.Code.FAILED_PRECONDITION, Status.Code.NOT_FOUND);

  /** The incidents the alert cells act on: about each desk's portfolio, the credit desk and the firm. */
  private static final List<AlertTarget> ALERT_TARGETS = List.of(
      new AlertTarget("PORTFOLIO", RATES, "PORTFOLIO:" + ALERTING.get(RATES)),
      new AlertTarget("PORTFOLIO", CREDIT, "PORTFOLIO:" + ALERTING.get(CREDIT)),
      new AlertTarget("DESK", CREDIT, "DESK:" + CREDIT),
      new AlertTarget("FIRM", null, "FIRM"));

  @TempDir static Path dataDir;
  private GrpcTestNode node;
  /** Incident id by scope, of the {@link #ALERT_TARGETS}. */
  private final Map<String, String> incidents = new HashMap<>();
  private final AtomicInteger orders = new AtomicInteger();

  /**
   * One target of an RPC.
   *
   * @param kind the scope kind the call names, {@code ""} when it names none
   * @param desk the desk the call touches; {@code null} for a scope wider than a desk
   * @param call the call, made with one principal's clients
   * @param allowedCodes the codes an allowed call may end with
   * @param listsItem for the lists that filter: whether an answer shows the target's item; {@code null} otherwise
   * @param leaks whether an answer about the target's desk shows another desk's data; {@code null} when the
   *     answer cannot be told apart
   */
  private record Target(String kind, String desk, Function<ApiClients, CompletionStage<?>> call,
      Set<Status.Code> allowedCodes, Predicate<Object> listsItem, Predicate<Object> leaks) {

    String cell(Rpc rpc, String principal) {
      return rpc + (kind.isEmpty() ? "" : " " + kind) + " as " + principal + (desk == null ? "" : " on " + desk);
    }
  }

  /** What the documentation says of an RPC (its least role, whether it mutates), and the targets to call. */
  private record Spec(Role minimumRole, boolean mutating, List<Target> targets) {}

  /** An incident the alert cells act on: its scope, which decides who sees it. */
  private record AlertTarget(String kind, String desk, String scope) {}

  /** An answer or the status of the failure. */
  private record Answer(Object value, Status status) {}

  @BeforeAll
  void startNodeAndSeed() throws Exception {
    node = GrpcTestNode.start(dataDir, true, "");
    long now = System.currentTimeMillis();
    node.services().market().update(Quote.lastTrade("SPY", 100, now));
    var noLimits = new io.riskpulse.model.limits.Limits(null, null, null, null, null, null, null, null, null, false);
    for (String desk : DESKS) {
      for (Map<String, String> use : List.of(READ, HALTS, LIMITS, ALERTING)) {
        assertEquals(Reply.accepted(), await(node.services().portfolios().open(use.get(desk), desk, "alice",
            1_000_000, noLimits, REASON)));
      }
      // A position, so that a denial leaking the portfolio would leak figures too.
      assertEquals(Reply.accepted(), await(node.services().portfolios().apply(new Execution("E-" + desk,
          READ.get(desk), "algo", "SPY", io.riskpulse.model.portfolio.Side.BUY, 100, 100, now))));
    }
    // Each halt raises the incident the alert cells act on; the credit desk's halt is the other desk's halt.
    ApiClients admin = node.as(ADMIN);
    for (Scope scope : List.of(scope(ScopeKind.PORTFOLIO, ALERTING.get(RATES)),
        scope(ScopeKind.PORTFOLIO, ALERTING.get(CREDIT)), scope(ScopeKind.DESK, CREDIT), scope(ScopeKind.FIRM, ""))) {
      assertEquals("ACCEPTED", await(admin.controls().halt(HaltRequest.newBuilder().setScope(scope)
          .setReason(REASON).build())).getOutcome());
    }
    TestProbe.create(node.system()).awaitAssert(GrpcTestNode.WAIT, () -> {
      List<Alert> alerts = await(admin.alerts().listAlerts(ListAlertsRequest.getDefaultInstance())).getAlertsList();
      for (AlertTarget target : ALERT_TARGETS) {
        Alert alert = alerts.stream().filter(a -> a.getScope().equals(target.scope())).findFirst()
            .orElseThrow(() -> new AssertionError("no incident about " + target.scope() + " yet: " + alerts));
        incidents.put(target.scope(), alert.getIncidentId());
      }
      return null;
    });
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  /**
   * Every RPC's documented least role and targets. A switch without a default: an RPC added to {@link Rpc}
   * without its case here does not compile.
   */
  private Spec spec(Rpc rpc) {
    return switch (rpc) {
      case GET_PORTFOLIO -> read(Role.VIEWER, desk -> c -> c.portfolios().getPortfolio(
          GetPortfolioRequest.newBuilder().setPortfolioId(READ.get(desk)).build()));
      case LIST_PORTFOLIOS -> read(Role.VIEWER, desk -> c -> c.portfolios().listPortfolios(
          ListPortfoliosRequest.newBuilder().setDesk(desk).build()), desk -> answer ->
          ((ListPortfoliosResponse) answer).getPortfoliosList().stream().anyMatch(p -> !p.getDesk().equals(desk)));
      case GET_AUDIT_HEAD -> read(Role.VIEWER, desk -> c -> c.portfolios().getAuditHead(
          GetAuditHeadRequest.newBuilder().setPortfolioId(READ.get(desk)).build()));
      case GET_DETECTION -> read(Role.VIEWER, desk -> c -> c.portfolios().getDetection(
          GetDetectionRequest.newBuilder().setPortfolioId(READ.get(desk)).build()));
      case WATCH_PORTFOLIO -> read(Role.VIEWER, desk -> c -> first(c.portfolios().watchPortfolio(
          WatchPortfolioRequest.newBuilder().setPortfolioId(READ.get(desk)).build())));
      case WHAT_IF -> read(Role.TRADER, desk -> c -> c.portfolios().whatIf(WhatIfRequest.newBuilder()
          .setPortfolioId(READ.get(desk))
          .addTrades(ProposedTrade.newBuilder().setSymbol("SPY").setSide(Side.BUY).setQuantity(1)).build()));
      case GET_DESK -> read(Role.VIEWER, desk -> c -> c.desks().getDesk(
          GetDeskRequest.newBuilder().setDesk(desk).build()), desk -> answer ->
          ((Aggregate) answer).getMembersList().stream().anyMatch(m -> portfoliosOf(otherDesk(desk))
              .contains(m.getMemberId())));
      case GET_FIRM -> new Spec(Role.VIEWER, false, List.of(new Target("", null,
          c -> c.desks().getFirm(GetFirmRequest.getDefaultInstance()), ANSWERED, null, null)));
      // The other desk is halted first, so that a watch showing it would have something to show.
      case WATCH_DESK -> read(Role.VIEWER, desk -> c -> deskHalted(otherDesk(desk)).thenCompose(halted -> first(
          c.desks().watchDesk(WatchDeskRequest.newBuilder().setDesk(desk).build()))), desk -> answer ->
          ((DeskUpdate) answer).getHaltsList().stream().anyMatch(h -> h.getScope().getKind() == ScopeKind.DESK
              && !h.getScope().getId().equals(desk)));
      case SET_LIMITS -> new Spec(Role.RISK_OFFICER, true, concat(
          onEachDesk("PORTFOLIO", desk -> setLimits(scope(ScopeKind.PORTFOLIO, LIMITS.get(desk))), APPLIED),
          onEachDesk("DESK", desk -> setLimits(scope(ScopeKind.DESK, desk)), APPLIED),
          List.of(wide(ScopeKind.FIRM, setLimits(scope(ScopeKind.FIRM, "")), APPLIED))));
      case SET_RULES -> new Spec(Role.RISK_OFFICER, true, onEachDesk("PORTFOLIO", desk -> c -> c.controls().setRules(
          SetRulesRequest.newBuilder().setPortfolioId(LIMITS.get(desk)).setRules("").setReason(REASON).build()),
          APPLIED));
      case HALT -> new Spec(Role.RISK_OFFICER, true, concat(
          onEachDesk("PORTFOLIO", desk -> halt(scope(ScopeKind.PORTFOLIO, HALTS.get(desk))), APPLIED),
          onEachDesk("DESK", desk -> halt(scope(ScopeKind.DESK, desk)), APPLIED),
          List.of(wide(ScopeKind.FIRM, halt(scope(ScopeKind.FIRM, "")), APPLIED),
              wide(ScopeKind.INSTRUMENT, halt(scope(ScopeKind.INSTRUMENT, WIDE_IDS.get(0))), APPLIED),
              wide(ScopeKind.TRADER, halt(scope(ScopeKind.TRADER, WIDE_IDS.get(1))), APPLIED),
              wide(ScopeKind.STRATEGY, halt(scope(ScopeKind.STRATEGY, WIDE_IDS.get(2))), APPLIED))));
      case RESUME -> new Spec(Role.RISK_OFFICER, true, concat(
          onEachDesk("PORTFOLIO", desk -> resume(scope(ScopeKind.PORTFOLIO, HALTS.get(desk))), APPLIED),
          onEachDesk("DESK", desk -> resume(scope(ScopeKind.DESK, desk)), RELEASED),
          List.of(wide(ScopeKind.FIRM, resume(scope(ScopeKind.FIRM, "")), RELEASED))));
      case LIST_HALTS -> new Spec(Role.VIEWER, false, DESKS.stream().map(desk -> new Target("", desk,
          c -> deskHalted(desk).thenCompose(halted -> c.controls().listHalts(ListHaltsRequest.getDefaultInstance())),
          ANSWERED, answer -> ((ListHaltsResponse) answer).getHaltsList().stream()
              .anyMatch(h -> h.getScope().equals(scope(ScopeKind.DESK, desk))), null)).toList());
      case CHECK_ORDER -> read(Role.TRADER, desk -> c -> c.preTrade().checkOrder(CheckOrderRequest.newBuilder()
          .setPortfolioId(READ.get(desk)).setStrategy("algo").setClOrdId("AZ-" + orders.incrementAndGet())
          .setSymbol("SPY").setSide(Side.BUY).setQuantity(1).setPrice(100).build()));
      case LIST_ALERTS -> new Spec(Role.VIEWER, false, ALERT_TARGETS.stream().map(t -> new Target(t.kind(),
          t.desk(), c -> c.alerts().listAlerts(ListAlertsRequest.getDefaultInstance()), ANSWERED,
          answer -> lists(((ListAlertsResponse) answer).getAlertsList(), t), null)).toList());
      case WATCH_ALERTS -> new Spec(Role.VIEWER, false, ALERT_TARGETS.stream().map(t -> new Target(t.kind(),
          t.desk(), c -> first(c.alerts().watchAlerts(WatchAlertsRequest.getDefaultInstance())), ANSWERED,
          answer -> lists(((AlertUpdate) answer).getAlertsList(), t), null)).toList());
      case ACKNOWLEDGE_ALERT -> new Spec(Role.RISK_OFFICER, true, ALERT_TARGETS.stream().map(t -> new Target(
          t.kind(), t.desk(), c -> c.alerts().acknowledgeAlert(AcknowledgeAlertRequest.newBuilder()
              .setIncidentId(incidents.get(t.scope())).build()), APPLIED, null, null)).toList());
      case RESOLVE_ALERT -> new Spec(Role.RISK_OFFICER, true, ALERT_TARGETS.stream().map(t -> new Target(
          t.kind(), t.desk(), c -> c.alerts().resolveAlert(ResolveAlertRequest.newBuilder()
              .setIncidentId(incidents.get(t.scope())).setNote(REASON).build()), APPLIED, null, null)).toList());
    };
  }

  private static Spec read(Role minimumRole, Function<String, Function<ApiClients, CompletionStage<?>>> call) {
    return new Spec(minimumRole, false, onEachDesk("", call, ANSWERED));
  }

  /** A read whose answer about a desk is checked for another desk's data. */
  private static Spec read(Role minimumRole, Function<String, Function<ApiClients, CompletionStage<?>>> call,
      Function<String, Predicate<Object>> leaks) {
    return new Spec(minimumRole, false, DESKS.stream().map(desk -> new Target("", desk, call.apply(desk), ANSWERED,
        null, leaks.apply(desk))).toList());
  }

  private static List<Target> onEachDesk(String kind, Function<String, Function<ApiClients, CompletionStage<?>>> call,
      Set<Status.Code> allowedCodes) {
    return DESKS.stream().map(desk -> new Target(kind, desk, call.apply(desk), allowedCodes, null, null)).toList();
  }

  private static Target wide(ScopeKind kind, Function<ApiClients, CompletionStage<?>> call,
      Set<Status.Code> allowedCodes) {
    return new Target(kind.name(), null, call, allowedCodes, null, null);
  }

  private static String otherDesk(String desk) {
    return DESKS.stream().filter(d -> !d.equals(desk)).findFirst().orElseThrow();
  }

  private static Set<String> portfoliosOf(String desk) {
    return Set.of(READ.get(desk), HALTS.get(desk), LIMITS.get(desk), ALERTING.get(desk));
  }

  @SafeVarargs
  private static List<Target> concat(List<Target>... lists) {
    return Arrays.stream(lists).flatMap(List::stream).toList();
  }

  private static Scope scope(ScopeKind kind, String id) {
    return Scope.newBuilder().setKind(kind).setId(id).build();
  }

  private static Function<ApiClients, CompletionStage<?>> setLimits(Scope scope) {
    // An empty message removes every limit: nothing can breach, nothing else changes.
    return c -> c.controls().setLimits(SetLimitsRequest.newBuilder().setScope(scope)
        .setLimits(Limits.getDefaultInstance()).setReason(REASON).build());
  }

  private static Function<ApiClients, CompletionStage<?>> halt(Scope scope) {
    return c -> c.controls().halt(HaltRequest.newBuilder().setScope(scope).setReason(REASON).build());
  }

  private static Function<ApiClients, CompletionStage<?>> resume(Scope scope) {
    return c -> c.controls().resume(ResumeRequest.newBuilder().setScope(scope).setReason(REASON).build());
  }

  /** Halts the desk unless it is halted (a resume cell may have released it), so that a list has its halt. */
  private CompletionStage<?> deskHalted(String desk) {
    return halt(scope(ScopeKind.DESK, desk)).apply(node.as(ADMIN)).handle((result, failure) -> {
      if (failure != null && Status.fromThrowable(failure).getCode() != Status.Code.FAILED_PRECONDITION) {
        throw new CompletionException("could not halt desk " + desk, failure);
      }
      return desk;
    });
  }

  private boolean lists(List<Alert> alerts, AlertTarget target) {
    String id = incidents.get(target.scope());
    return alerts.stream().anyMatch(a -> a.getIncidentId().equals(id));
  }

  /** The first element of a watch, or its failure; the watch is cancelled after it. */
  private <T> CompletionStage<T> first(Source<T, NotUsed> watch) {
    SinkQueueWithCancel<T> queue = watch.runWith(Sink.queue(), node.system());
    return queue.pull().handle((element, failure) -> {
      queue.cancel();
      if (failure != null) {
        throw failure instanceof CompletionException done ? done : new CompletionException(failure);
      }
      return element.orElseThrow(() -> new AssertionError("the watch ended without an element"));
    });
  }

  private static Answer answer(Target target, ApiClients clients) {
    try {
      return new Answer(await(target.call().apply(clients)), Status.OK);
    } catch (StatusRuntimeException e) {
      return new Answer(null, e.getStatus());
    }
  }

  /** The rule, as documented: role at least the RPC's minimum ... */
  private static boolean roleAllows(Principal principal, Role minimumRole) {
    return principal.role().compareTo(minimumRole) >= 0;
  }

  /** ... and the desk seen: admins and {@code *} see every desk and the scopes wider than a desk. */
  private static boolean sees(Principal principal, String desk) {
    boolean everyDesk = principal.role() == Role.ADMIN || principal.desks().contains(Principal.ALL_DESKS);
    return everyDesk || desk != null && principal.desks().contains(desk);
  }

  @Test
  void shouldDeclareTheDocumentedLeastRoleOfEveryRpc() {
    for (Rpc rpc : Rpc.values()) {
      Spec spec = spec(rpc);
      assertEquals(spec.minimumRole(), rpc.minimumRole(), rpc + ": least role");
      assertEquals(spec.mutating(), rpc.mutating(), rpc + ": whether it mutates (and is audited)");
      assertFalse(spec.targets().isEmpty(), rpc + ": targets");
    }
    assertEquals(PRINCIPALS.keySet(), Set.copyOf(NAMES), "the matrix covers every principal of the node");
  }

  @TestFactory
  Stream<DynamicTest> shouldAllowExactlyWhatRoleAndDesksAllow() {
    List<DynamicTest> cells = new ArrayList<>();
    for (Rpc rpc : Rpc.values()) {
      Spec spec = spec(rpc);
      for (Target target : spec.targets()) {
        for (String name : NAMES) {
          cells.add(dynamicTest(target.cell(rpc, name), () -> assertCell(rpc, spec, target, name)));
        }
      }
    }
    return cells.stream();
  }

  private void assertCell(Rpc rpc, Spec spec, Target target, String name) {
    String cell = target.cell(rpc, name);
    Principal principal = PRINCIPALS.get(name);
    boolean sees = sees(principal, target.desk());
    // Lists that filter answer every role that may call them; the desk decides what they show.
    boolean allowed = roleAllows(principal, spec.minimumRole()) && (target.listsItem() != null || sees);
    Answer answer = answer(target, node.as(name));
    if (!allowed) {
      assertDeniedWithoutData(cell, rpc, answer.status());
      return;
    }
    assertTrue(target.allowedCodes().contains(answer.status().getCode()),
        cell + ": allowed, expected one of " + target.allowedCodes() + " but got " + answer.status());
    if (target.listsItem() != null) {
      assertEquals(sees, target.listsItem().test(answer.value()),
          cell + ": the target's item is listed exactly to who sees it; got " + answer.value());
    }
    if (target.leaks() != null) {
      assertFalse(target.leaks().test(answer.value()), cell + ": shows another desk's data: " + answer.value());
    }
  }

  private void assertDeniedWithoutData(String cell, Rpc rpc, Status status) {
    assertEquals(Status.Code.PERMISSION_DENIED, status.getCode(), cell + ": denied, got " + status);
    assertNotNull(status.getDescription(), cell + ": a denial says why");
    // The RPC's own name (riskpulse.v1...) is the only text with a digit a denial may carry.
    String text = status.getDescription().replace(rpc.fullName(), "").toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>(DESKS);
    Stream.of(READ, HALTS, LIMITS, ALERTING).forEach(use -> names.addAll(use.values()));
    names.addAll(incidents.values());
    names.addAll(WIDE_IDS);
    for (String secret : names) {
      assertFalse(text.contains(secret.toLowerCase(Locale.ROOT)), cell + ": names " + secret + ": " + status);
    }
    assertFalse(text.chars().anyMatch(Character::isDigit), cell + ": carries a figure: " + status);
  }

  @TestFactory
  Stream<DynamicTest> shouldRefuseEveryRpcWithoutAKnownToken() {
    List<DynamicTest> cells = new ArrayList<>();
    for (Rpc rpc : Rpc.values()) {
      Target target = spec(rpc).targets().get(0);
      cells.add(dynamicTest(rpc + " without a token", () -> assertUnauthenticated(rpc, target, null)));
      cells.add(dynamicTest(rpc + " with an unknown token",
          () -> assertUnauthenticated(rpc, target, UNKNOWN_TOKEN)));
    }
    return cells.stream();
  }

  private void assertUnauthenticated(Rpc rpc, Target target, String token) {
    Status status = answer(target, node.withToken(token)).status();
    assertEquals(Status.Code.UNAUTHENTICATED, status.getCode(), rpc + " with token " + token + ": " + status);
    assertFalse(String.valueOf(status.getDescription()).contains(UNKNOWN_TOKEN), "the token is not echoed");
  }

  @Test
  void shouldAnswerHealthChecksWithoutAKnownToken() {
    for (String token : Arrays.asList(null, UNKNOWN_TOKEN)) {
      assertEquals(ServingStatus.SERVING, await(node.withToken(token).health().check(
          HealthCheckRequest.newBuilder().setService(Rpc.HALT.serviceName()).build())).getStatus(), "" + token);
    }
  }
}
