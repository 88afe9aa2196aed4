package io.riskpulse.model.risk.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.GetRisk;
import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.GetSummary;
import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.Publish;
import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.Report;
import io.riskpulse.model.risk.live.RiskModel;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.HistoricalVar;
import io.riskpulse.model.risk.measure.ScenarioPnlVector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Desk and firm aggregates add scenario P&L vectors, never VaR numbers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskAggregatorTest {

  private static final int SCENARIOS = 500;
  private static final long NOW = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
  /** Publishing is driven by the test (Publish), never by the timer. */
  private static final AggregationSettings SETTINGS = new AggregationSettings(
      Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5));

  private final ActorTestKit testKit = ActorTestKit.create();
  private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
  /** Equities A and C share a market factor; bond B moves against it: a long A + long B book diversifies. */
  private final ScenarioSet scenarios = scenarios();
  private final String setId = new RiskModel(scenarios, List.of(), "test").scenarioSetId();

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  private static ScenarioSet scenarios() {
    Well19937c random = new Well19937c(11);
    double[][] shocks = new double[3][SCENARIOS];
    List<LocalDate> dates = new ArrayList<>();
    for (int s = 0; s < SCENARIOS; s++) {
      dates.add(LocalDate.of(2022, 1, 3).plusDays(s));
      double market = random.nextGaussian();
      shocks[0][s] = 0.012 * (0.8 * market + 0.6 * random.nextGaussian());
      shocks[1][s] = 0.008 * (-0.7 * market + 0.71 * random.nextGaussian());
      shocks[2][s] = 0.015 * (0.6 * market + 0.8 * random.nextGaussian());
    }
    return ScenarioSet.of(List.of("A", "B", "C"), dates,
        List.of(ReturnType.RELATIVE, ReturnType.RELATIVE, ReturnType.RELATIVE), shocks);
  }

  /** The scenario P&L of holding {@code quantity} of one instrument at price 100. */
  private double[] vector(int instrument, double quantity) {
    ScenarioPnlVector vector = ScenarioPnlVector.flat(scenarios, new double[] {100, 100, 100});
    vector.applyExecution(instrument, quantity);
    return vector.pnl();
  }

  private static double var99(double[] pnl) {
    return HistoricalVar.valueAtRisk(pnl, pnl.length, Confidence.P99, new double[pnl.length]);
  }

  private static double es975(double[] pnl) {
    return HistoricalVar.expectedShortfall(pnl, pnl.length, Confidence.P975, new double[pnl.length]);
  }

  private static double[] sum(double[]... vectors) {
    double[] total = new double[SCENARIOS];
    for (double[] vector : vectors) {
      for (int s = 0; s < SCENARIOS; s++) {
        total[s] += vector[s];
      }
    }
    return total;
  }

  private RiskVectorReport report(String member, String parent, double[] pnl, long asOfMillis) {
    return new RiskVectorReport(member, parent, setId, pnl, List.of(), 1, var99(pnl), asOfMillis);
  }

  private AggregateRisk ask(ActorRef<RiskAggregatorCommand> aggregate) {
    TestProbe<AggregateRisk> probe = testKit.createTestProbe(AggregateRisk.class);
    aggregate.tell(new GetRisk(probe.ref()));
    return probe.receiveMessage();
  }

  @Test
  void shouldComputeDeskVarFromTheSummedVectorsAndFirmVarFromTheDesks() {
    TestProbe<RiskVectorReport> upstream = testKit.createTestProbe(RiskVectorReport.class);
    ActorRef<RiskAggregatorCommand> rates = testKit.spawn(
        RiskAggregator.desk("rates", SETTINGS, clock, report -> upstream.ref().tell(report)));
    double[] p1 = vector(0, 1000);   // long equity A
    double[] p2 = vector(1, 1500);   // long bond B
    rates.tell(new Report(report("P1", "rates", vector(0, 10), NOW))); // replaced by its next report
    rates.tell(new Report(report("P2", "rates", p2, NOW)));
    rates.tell(new Report(report("P1", "rates", p1, NOW)));

    AggregateRisk desk = ask(rates);
    assertTrue(desk.complete(), desk.problems().toString());
    double[] deskVector = sum(p1, p2);
    assertEquals(var99(deskVector), desk.valueAtRisk99(), 1e-9 * var99(deskVector));
    assertEquals(es975(deskVector), desk.expectedShortfall975(), 1e-9 * es975(deskVector));
    assertEquals(var99(p1) + var99(p2), desk.sumOfMemberVar99(), 1e-9);
    assertTrue(desk.valueAtRisk99() < 0.8 * desk.sumOfMemberVar99(),
        "diversified: " + desk.valueAtRisk99() + " vs " + desk.sumOfMemberVar99());
    assertEquals(2, desk.portfolioCount());
    assertEquals(List.of("P1", "P2"), desk.members().stream().map(MemberRisk::memberId).toList());

    ActorRef<RiskAggregatorCommand> equities = testKit.spawn(
        RiskAggregator.desk("equities", SETTINGS, clock, report -> upstream.ref().tell(report)));
    double[] p3 = vector(2, 800);
    equities.tell(new Report(report("P3", "equities", p3, NOW)));

    // Each desk publishes its summed vector upwards; the firm adds the desks' vectors.
    ActorRef<RiskAggregatorCommand> firm = testKit.spawn(RiskAggregator.firm(SETTINGS, clock));
    rates.tell(Publish.INSTANCE);
    equities.tell(Publish.INSTANCE);
    for (int i = 0; i < 2; i++) {
      RiskVectorReport deskReport = upstream.receiveMessage();
      assertEquals(RiskAggregator.FIRM_ID, deskReport.parentId());
      firm.tell(new Report(deskReport));
    }
    AggregateRisk total = ask(firm);
    double[] firmVector = sum(p1, p2, p3);
    assertTrue(total.complete(), total.problems().toString());
    assertEquals("firm", total.scope());
    assertEquals(var99(firmVector), total.valueAtRisk99(), 1e-9 * var99(firmVector));
    assertEquals(var99(deskVector) + var99(p3), total.sumOfMemberVar99(), 1e-6);
    assertEquals(3, total.portfolioCount());

    // Nothing changed and no refresh is due: a desk does not publish again.
    rates.tell(Publish.INSTANCE);
    rates.tell(new Report(report("P2", "rates", vector(1, 100), NOW)));
    rates.tell(Publish.INSTANCE);
    RiskVectorReport changed = upstream.receiveMessage(); // the first message after the idle Publish
    assertEquals(var99(sum(p1, vector(1, 100))), changed.valueAtRisk99(), 1e-6);
  }

  @Test
  void shouldFailClosedOnIncompleteStaleOrForeignMembers() {
    ActorRef<RiskAggregatorCommand> desk = testKit.spawn(RiskAggregator.desk("d", SETTINGS, clock, r -> { }));
    AggregateRisk empty = ask(desk);
    assertTrue(Double.isNaN(empty.valueAtRisk99()));
    assertEquals(List.of("no member has reported"), empty.problems());

    desk.tell(new Report(report("P1", "d", vector(0, 100), NOW)));
    desk.tell(new Report(new RiskVectorReport("P2", "d", setId, vector(1, 100), List.of("no scenarios for XYZ"),
        1, Double.NaN, NOW)));
    AggregateRisk incomplete = ask(desk);
    assertTrue(Double.isNaN(incomplete.valueAtRisk99()));
    assertEquals(List.of("P2: no scenarios for XYZ"), incomplete.problems());

    desk.tell(new Report(report("P2", "d", vector(1, 100), NOW - 31_000)));
    assertEquals(List.of("P2: no report for 31000 ms"), ask(desk).problems());

    desk.tell(new Report(report("P2", "d", vector(1, 100), NOW)));
    assertTrue(ask(desk).complete());
    desk.tell(new Report(new RiskVectorReport("P3", "d", "another-set", vector(2, 100), List.of(), 1, 1, NOW)));
    AggregateRisk foreign = ask(desk);
    assertTrue(Double.isNaN(foreign.valueAtRisk99()));
    assertTrue(foreign.problems().get(0).startsWith("P3: scenario set another-set differs"),
        foreign.problems().toString());
  }

  @Test
  void shouldSumExposuresAndIntradayPnlPerDeskAndForwardTheSumsToTheFirm() {
    TestProbe<RiskVectorReport> upstream = testKit.createTestProbe(RiskVectorReport.class);
    ActorRef<RiskAggregatorCommand> rates = testKit.spawn(
        RiskAggregator.desk("rates", SETTINGS, clock, report -> upstream.ref().tell(report)));
    ActorRef<RiskAggregatorCommand> credit = testKit.spawn(
        RiskAggregator.desk("credit", SETTINGS, clock, report -> upstream.ref().tell(report)));
    rates.tell(new Report(withFigures("P1", "rates", vector(0, 100), 2_000_000, 1_500_000, -30_000)));
    rates.tell(new Report(withFigures("P2", "rates", vector(1, 100), 1_000_000, -1_000_000, 10_000)));
    credit.tell(new Report(withFigures("P3", "credit", vector(2, 100), 400_000, 400_000, -5_000)));

    AggregateRisk desk = ask(rates);
    assertEquals(3_000_000, desk.grossExposure(), 1e-9);
    assertEquals(500_000, desk.netExposure(), 1e-9);
    assertEquals(-20_000, desk.intradayPnl(), 1e-9);
    TestProbe<AggregateRisk> summary = testKit.createTestProbe(AggregateRisk.class);
    rates.tell(new GetSummary(summary.ref()));
    assertEquals(desk.withoutMembers(), summary.receiveMessage(), "the same figures, without the member list");
    assertEquals(List.of(), desk.withoutMembers().members());

    ActorRef<RiskAggregatorCommand> firm = testKit.spawn(RiskAggregator.firm(SETTINGS, clock));
    rates.tell(Publish.INSTANCE);
    credit.tell(Publish.INSTANCE);
    for (int i = 0; i < 2; i++) {
      firm.tell(new Report(upstream.receiveMessage()));
    }
    AggregateRisk total = ask(firm);
    assertEquals(3_400_000, total.grossExposure(), 1e-9);
    assertEquals(900_000, total.netExposure(), 1e-9);
    assertEquals(-25_000, total.intradayPnl(), 1e-9);
    assertEquals(List.of(), total.exposureProblems());

    // A portfolio that cannot value a position makes its desk's sums unknown, and so the firm's (fail closed).
    rates.tell(new Report(withFigures("P2", "rates", vector(1, 100), Double.NaN, Double.NaN, Double.NaN)));
    rates.tell(Publish.INSTANCE);
    RiskVectorReport unknownDesk = upstream.receiveMessage();
    assertTrue(Double.isNaN(unknownDesk.grossExposure()));
    firm.tell(new Report(unknownDesk));
    AggregateRisk unknown = ask(firm);
    assertTrue(Double.isNaN(unknown.grossExposure()) && Double.isNaN(unknown.netExposure())
        && Double.isNaN(unknown.intradayPnl()), unknown.toString());
    assertEquals(List.of("rates: grossExposure, netExposure, intradayPnl unknown"), unknown.exposureProblems());
  }

  private RiskVectorReport withFigures(String member, String parent, double[] pnl, double gross, double net,
      double intradayPnl) {
    return new RiskVectorReport(member, parent, setId, pnl, List.of(), 1, var99(pnl), NOW, gross, net, intradayPnl);
  }
}
