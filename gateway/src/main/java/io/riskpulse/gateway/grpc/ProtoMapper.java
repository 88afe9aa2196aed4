package io.riskpulse.gateway.grpc;

import io.riskpulse.api.v1.Aggregate;
import io.riskpulse.api.v1.AggregateMember;
import io.riskpulse.api.v1.Alert;
import io.riskpulse.api.v1.CheckFailure;
import io.riskpulse.api.v1.CheckOrderResponse;
import io.riskpulse.api.v1.Halt;
import io.riskpulse.api.v1.LimitBreach;
import io.riskpulse.api.v1.Limits;
import io.riskpulse.api.v1.Portfolio;
import io.riskpulse.api.v1.PortfolioSummary;
import io.riskpulse.api.v1.Position;
import io.riskpulse.api.v1.RiskMeasures;
import io.riskpulse.api.v1.Scope;
import io.riskpulse.api.v1.ScopeKind;
import io.riskpulse.api.v1.ScopeLimitsState;
import io.riskpulse.model.alert.Incident;
import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.ModelStatus;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.limits.scope.ScopeLimitsView;
import io.riskpulse.model.portfolio.DetectionView;
import io.riskpulse.model.portfolio.PortfolioEvent;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.pretrade.PreTradeDecision;
import io.riskpulse.model.risk.PositionValuation;
import io.riskpulse.model.risk.aggregate.AggregateRisk;
import io.riskpulse.model.risk.aggregate.MemberRisk;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Domain records to riskpulse.v1 messages and back: the only class that knows both. Units and signs are the
 * domain's (see the .proto). Stateless.
 */
public final class ProtoMapper {

  private ProtoMapper() {}

  public static Portfolio portfolio(PortfolioSnapshot s) {
    Portfolio.Builder b = Portfolio.newBuilder()
        .setPortfolioId(s.portfolioId())
        .setStatus(s.status().name())
        .setDesk(s.desk())
        .setTrader(s.trader())
        .setHaltedBy(s.haltedBy())
        .setHaltReason(s.haltReason())
        .setHaltedAtMillis(s.haltedAtMillis())
        .setReportingCurrency(s.reportingCurrency())
        .setCash(s.valuation().cash())
        .setRealizedPnl(s.valuation().realizedPnl())
        .setUnrealizedPnl(s.valuation().unrealizedPnl())
        .setTotalPnl(s.valuation().totalPnl())
        .setIntradayPnl(s.intradayPnl())
        .setPeakPnl(s.peakPnl())
        .setDrawdown(s.drawdown())
        .setGrossExposure(s.valuation().grossExposure())
        .setNetExposure(s.valuation().netExposure())
        .setUnmarkedPositions(s.valuation().unmarkedCount())
        .setLimits(limits(s.limits()))
        .setReduceOnly(s.reduceOnly())
        .putAllDisabledStrategies(s.disabledStrategies())
        .setExecutionCount(s.executionCount())
        .setBreachCount(s.breachCount())
        .setTradingDay(s.tradingDay())
        .setAsOfMillis(s.asOfMillis())
        .setVersion(s.version());
    for (PositionValuation p : s.valuation().positions()) {
      b.addPositions(Position.newBuilder().setSymbol(p.symbol()).setQuantity(p.quantity())
          .setAverageCost(p.averageCost()).setMarkPrice(p.markPrice()).setMarked(p.marked()).setFxRate(p.fxRate())
          .setNotional(p.notional()).setRealizedPnl(p.realizedPnl()).setUnrealizedPnl(p.unrealizedPnl())
          .setConcentrationPct(p.concentrationPct()));
    }
    if (s.risk() != null) {
      b.setRisk(risk(s.risk()));
    }
    s.activeBreaches().forEach(breach -> b.addBreaches(breach(breach)));
    s.activeWarnings().forEach(warning -> b.addWarnings(breach(warning)));
    return b.build();
  }

  /** A portfolio's rules in force and its open anomaly episodes. */
  public static io.riskpulse.api.v1.Detection detection(DetectionView view) {
    io.riskpulse.api.v1.Detection.Builder out = io.riskpulse.api.v1.Detection.newBuilder()
        .setPortfolioId(view.portfolioId()).setRules(view.rules()).setOwnRules(view.ownRules())
        .setModelsSavedAtMillis(Math.max(0, view.modelsSavedAtMillis())).setModelsSaved(view.modelsSaved());
    for (PortfolioEvent.AnomalyDetected anomaly : view.openAnomalies()) {
      DetectionSignal finding = anomaly.signal();
      out.addOpenAnomalies(io.riskpulse.api.v1.Anomaly.newBuilder().setDetector(finding.detector().name())
          .setKey(finding.key()).setSubject(finding.subject()).setScore(finding.score())
          .setThreshold(finding.threshold()).setExplanation(finding.explanation())
          .putAllAttribution(finding.attribution()).setAction(anomaly.action().name())
          .setAtMillis(anomaly.atMillis()));
    }
    for (ModelStatus model : view.models()) {
      out.addModels(io.riskpulse.api.v1.StrategyModel.newBuilder().setStrategy(model.strategy())
          .setPointsSeen(model.pointsSeen()).setWarmingUp(model.warmingUp()).setThreshold(model.threshold()));
    }
    return out.build();
  }

  public static PortfolioSummary summary(PortfolioSnapshot s) {
    return PortfolioSummary.newBuilder().setPortfolioId(s.portfolioId()).setStatus(s.status().name())
        .setDesk(s.desk()).setTrader(s.trader()).setTotalPnl(s.valuation().totalPnl())
        .setIntradayPnl(s.intradayPnl()).setGrossExposure(s.valuation().grossExposure())
        .setNetExposure(s.valuation().netExposure())
        .setValueAtRisk99(s.risk() == null ? Double.NaN : s.risk().valueAtRisk99())
        .setBreaches(s.activeBreaches().size()).setVersion(s.version()).build();
  }

  public static RiskMeasures risk(io.riskpulse.model.risk.live.RiskMeasures r) {
    List<String> problems = new ArrayList<>(r.varProblems());
    problems.addAll(r.stressProblems());
    problems.addAll(r.liquidityProblems());
    return RiskMeasures.newBuilder().setValueAtRisk99(r.valueAtRisk99())
        .setExpectedShortfall975(r.expectedShortfall975()).setWorstStressLoss(r.worstStressLoss())
        .setWorstStressScenario(r.worstStressScenario()).putAllStressLossByScenario(r.stressLossByScenario())
        .setMaxDaysToLiquidate(r.maxDaysToLiquidate()).setLeastLiquidSymbol(r.leastLiquidSymbol())
        .addAllProblems(problems).setScenarioSetId(r.scenarioSetId()).setAsOfMillis(r.asOfMillis()).build();
  }

  public static LimitBreach breach(io.riskpulse.model.limits.LimitBreach b) {
    return LimitBreach.newBuilder().setKind(b.kind().name()).setSymbol(b.symbol() == null ? "" : b.symbol())
        .setValue(b.value()).setLimit(b.limit()).setAtMillis(b.atMillis())
        .setDetail(b.detail() == null ? "" : b.detail()).build();
  }

  public static Limits limits(io.riskpulse.model.limits.Limits l) {
    Limits.Builder b = Limits.newBuilder().setHaltOnBreach(l.haltOnBreach());
    set(l.maxGrossExposure(), b::setMaxGrossExposure);
    set(l.maxNetExposure(), b::setMaxNetExposure);
    set(l.maxPositionNotional(), b::setMaxPositionNotional);
    set(l.maxConcentrationPct(), b::setMaxConcentrationPct);
    set(l.concentrationMinGross(), b::setConcentrationMinGross);
    set(l.maxIntradayLoss(), b::setMaxIntradayLoss);
    set(l.maxDrawdown(), b::setMaxDrawdown);
    set(l.maxOrderQuantity(), b::setMaxOrderQuantity);
    set(l.maxOrderNotional(), b::setMaxOrderNotional);
    set(l.maxVar(), b::setMaxVar);
    set(l.maxExpectedShortfall(), b::setMaxExpectedShortfall);
    set(l.maxStressLoss(), b::setMaxStressLoss);
    set(l.maxDaysToLiquidate(), b::setMaxDaysToLiquidate);
    return b.build();
  }

  private static void set(Double value, Consumer<Double> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /**
   * The requested limits, keeping {@code current}'s order-flow limits and policy (the API does not set them).
   * Values are checked by the portfolio or scope entity, which names the field it refuses.
   */
  public static io.riskpulse.model.limits.Limits limits(Limits l, io.riskpulse.model.limits.Limits current) {
    return new io.riskpulse.model.limits.Limits(
        l.hasMaxGrossExposure() ? l.getMaxGrossExposure() : null,
        l.hasMaxNetExposure() ? l.getMaxNetExposure() : null,
        l.hasMaxPositionNotional() ? l.getMaxPositionNotional() : null,
        l.hasMaxConcentrationPct() ? l.getMaxConcentrationPct() : null,
        l.hasConcentrationMinGross() ? l.getConcentrationMinGross() : null,
        l.hasMaxIntradayLoss() ? l.getMaxIntradayLoss() : null,
        l.hasMaxDrawdown() ? l.getMaxDrawdown() : null,
        l.hasMaxOrderQuantity() ? l.getMaxOrderQuantity() : null,
        l.hasMaxOrderNotional() ? l.getMaxOrderNotional() : null,
        l.getHaltOnBreach(),
        l.hasMaxVar() ? l.getMaxVar() : null,
        l.hasMaxExpectedShortfall() ? l.getMaxExpectedShortfall() : null,
        l.hasMaxStressLoss() ? l.getMaxStressLoss() : null,
        l.hasMaxDaysToLiquidate() ? l.getMaxDaysToLiquidate() : null,
        current == null ? null : current.orderLimits(),
        current == null ? null : current.policy());
  }

  public static Aggregate aggregate(AggregateRisk a, ScopeLimitsView limits) {
    Aggregate.Builder b = Aggregate.newBuilder().setScope(a.scope()).setId(a.id())
        .setValueAtRisk99(a.valueAtRisk99()).setExpectedShortfall975(a.expectedShortfall975())
        .setSumOfMemberVar99(a.sumOfMemberVar99()).setPortfolioCount(a.portfolioCount())
        .setGrossExposure(a.grossExposure()).setNetExposure(a.netExposure()).setIntradayPnl(a.intradayPnl())
        .addAllProblems(a.problems()).addAllProblems(a.exposureProblems()).setAsOfMillis(a.asOfMillis());
    for (MemberRisk m : a.members()) {
      b.addMembers(AggregateMember.newBuilder().setMemberId(m.memberId()).setValueAtRisk99(m.valueAtRisk99())
          .setGrossExposure(m.grossExposure()).setNetExposure(m.netExposure()).setIntradayPnl(m.intradayPnl())
          .addAllProblems(m.problems()));
    }
    if (limits != null) {
      ScopeLimitsState.Builder l = ScopeLimitsState.newBuilder().setLimitsSet(limits.limitsSet())
          .setSetBy(limits.setBy()).setSetReason(limits.setReason());
      if (limits.limits() != null) {
        l.setLimits(limits(limits.limits()));
      }
      limits.breaches().forEach(breach -> l.addBreaches(breach(breach)));
      limits.warnings().forEach(warning -> l.addWarnings(breach(warning)));
      b.setLimits(l);
    }
    return b.build();
  }

  public static Halt halt(ActiveHalt h) {
    return Halt.newBuilder().setHaltId(h.haltId()).setScope(scope(h.scope())).setBy(h.by()).setReason(h.reason())
        .setAtMillis(h.atMillis()).build();
  }

  public static Scope scope(HaltScope scope) {
    return Scope.newBuilder().setKind(ScopeKind.valueOf(scope.kind().name())).setId(scope.value()).build();
  }

  public static CheckOrderResponse decision(PreTradeDecision d) {
    CheckOrderResponse.Builder b = CheckOrderResponse.newBuilder().setAccepted(d.accepted()).setNote(d.note())
        .setAtMillis(d.atMillis());
    for (io.riskpulse.model.pretrade.CheckFailure f : d.failures()) {
      b.addFailures(CheckFailure.newBuilder().setCheck(f.check().name()).setValue(f.value()).setLimit(f.limit())
          .setDetail(f.detail() == null ? "" : f.detail()));
    }
    return b.build();
  }

  public static Alert alert(Incident i) {
    return Alert.newBuilder().setIncidentId(i.incidentId()).setSeverity(i.severity().name()).setTitle(i.title())
        .setScope(i.scope()).setStatus(i.status().name()).setActive(i.active()).setOccurrences(i.occurrences())
        .setFirstSeenMillis(i.firstSeenMillis()).setLastSeenMillis(i.lastSeenMillis()).setAssignee(i.assignee())
        .setAcknowledgedBy(i.acknowledgedBy()).setResolvedBy(i.resolvedBy())
        .setResolutionNote(i.resolutionNote()).setCorrelationKey(i.correlationKey()).build();
  }
}
