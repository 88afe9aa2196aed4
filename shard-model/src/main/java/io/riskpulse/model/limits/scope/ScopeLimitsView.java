package io.riskpulse.model.limits.scope;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.Limits;
import java.util.List;

/**
 * A desk's or the firm's limits as they stand: what {@link ScopeLimitsCommand.GetScopeLimits} answers and
 * {@code GET /desks/{desk}/limits} and {@code GET /firm/limits} show. Amounts in the reporting currency.
 *
 * @param scope {@code DESK:<desk>} or {@code FIRM}
 * @param limitsSet whether limits were ever set (a scope nobody set limits for is not judged)
 * @param limits the limits in force ({@link Limits#NONE} when never set)
 * @param setBy who set them last, {@code ""} when never
 * @param setReason why
 * @param setAtMillis when, epoch milliseconds; 0 when never
 * @param breaches open breach episodes, by key order
 * @param warnings open warning episodes, by key order
 * @param breachCount breach episodes ever started
 * @param haltPending whether a halt was requested and the kill switch has not confirmed it yet
 * @param haltId the kill-switch halt last confirmed for the scope ({@code ""} when none); ask the kill switch
 *     whether it is still in force
 * @param grossExposure the aggregate's gross exposure at the latest check; NaN when unknown
 * @param netExposure its signed net exposure; NaN when unknown
 * @param intradayPnl its P&amp;L since the start of the trading day; NaN when unknown
 * @param valueAtRisk99 its 1-day 99% VaR; NaN when unknown
 * @param expectedShortfall975 its 1-day 97.5% expected shortfall; NaN when unknown
 * @param problems why figures are unknown: the aggregate's reasons, or why it did not answer; empty when none
 * @param figuresAtMillis when those figures were received, epoch milliseconds; 0 before the first check
 * @param checks checks completed since this incarnation of the entity started (transient)
 * @param inGracePeriod whether unknown figures are still excused after the entity's start
 * @param asOfMillis when this view was taken, epoch milliseconds
 */
public record ScopeLimitsView(
    String scope,
    boolean limitsSet,
    Limits limits,
    String setBy,
    String setReason,
    long setAtMillis,
    List<LimitBreach> breaches,
    List<LimitBreach> warnings,
    long breachCount,
    boolean haltPending,
    String haltId,
    double grossExposure,
    double netExposure,
    double intradayPnl,
    double valueAtRisk99,
    double expectedShortfall975,
    List<String> problems,
    long figuresAtMillis,
    long checks,
    boolean inGracePeriod,
    long asOfMillis)
    implements CborSerializable {

  public ScopeLimitsView {
    breaches = breaches == null ? List.of() : List.copyOf(breaches);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
