/**
 * Daily price history and what risk measures derive from it, without transport or actors.
 *
 * <ul>
 *   <li>{@link io.riskpulse.model.history.DailyPriceSeries}: strict loader of one {@code date,close[,volume]} file.
 *   <li>{@link io.riskpulse.model.history.PriceHistory}: several series aligned on one calendar under a
 *       {@link io.riskpulse.model.history.GapPolicy}, with a {@link io.riskpulse.model.history.GapReport} per
 *       instrument, and day-over-day moves of a chosen {@link io.riskpulse.model.history.ReturnType} (absolute
 *       when a window holds a non-positive price).
 *   <li>{@link io.riskpulse.model.history.ScenarioSet}: the last W moves ending on an as-of date, instrument-major,
 *       and the P&amp;L per unit of each instrument in each scenario.
 *   <li>{@link io.riskpulse.model.history.EwmaCovariance}: RiskMetrics EWMA covariance of the same moves.
 * </ul>
 *
 * <p>Everything here is immutable and thread-safe. Real market data is never committed: tests read it from
 * {@code ../shared/data} and skip when it is absent.
 */
package io.riskpulse.model.history;
