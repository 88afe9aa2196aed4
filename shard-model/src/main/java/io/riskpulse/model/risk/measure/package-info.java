/**
 * Named risk measures: value at risk, expected shortfall and their attribution, as pure-Java kernels over
 * {@code double[]} (no actors, no transport).
 *
 * <ul>
 *   <li>{@link io.riskpulse.model.risk.measure.HistoricalVar}: historical simulation over a scenario P&amp;L
 *       vector, the quantile rule and ES definition stated there.
 *   <li>{@link io.riskpulse.model.risk.measure.ParametricVar}: delta-normal on a covariance (EWMA).
 *   <li>{@link io.riskpulse.model.risk.measure.MonteCarloVar}: correlated normal or Student-t draws, seeded.
 *   <li>{@link io.riskpulse.model.risk.measure.RiskAttribution} and
 *       {@link io.riskpulse.model.risk.measure.IncrementalVar}: marginal, component and what-if VaR.
 *   <li>{@link io.riskpulse.model.risk.measure.ScenarioPnlVector}: the live, incrementally updated scenario
 *       P&amp;L of a portfolio, and the sum of vectors that desk and firm risk are read from.
 * </ul>
 *
 * <p>Conventions shared by every class: amounts are in the reporting currency and a positive number is a loss;
 * exposures are P&amp;L per unit of move of a risk factor ({@code ScenarioSet.exposure}); the horizon is one
 * trading day unless a method takes {@code horizonDays}, and {@link io.riskpulse.model.risk.measure.TailRisk#scaledTo}
 * documents when {@code sqrt(h)} scaling holds. Results are {@link io.riskpulse.model.risk.measure.TailRisk} at a
 * {@link io.riskpulse.model.risk.measure.Confidence}.
 */
package io.riskpulse.model.risk.measure;
