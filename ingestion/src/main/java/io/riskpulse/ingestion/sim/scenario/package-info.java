/**
 * Labelled detection scenarios: simulated trading days at one-second resolution with injected, labelled
 * incidents, the ground truth the detectors are evaluated against ({@code ./riskpulse detect-eval},
 * docs/DETECTION.md).
 *
 * <ul>
 *   <li>{@link io.riskpulse.ingestion.sim.scenario.DailyCloseSource}: each day's previous close, close and 20-day
 *       volatility, from a folder of real daily closes or the calibrated synthetic simulator.
 *   <li>{@link io.riskpulse.ingestion.sim.scenario.ScenarioDay}: one day's quotes, level-2 books and trades per
 *       instrument (a Brownian bridge between the closes through a synthetic tape) and the order flow and fills
 *       of a few portfolios (market maker, execution algorithm, momentum), with the incidents of its
 *       {@link io.riskpulse.ingestion.sim.scenario.ScenarioSettings} injected.
 *   <li>{@link io.riskpulse.ingestion.sim.scenario.Incident} and
 *       {@link io.riskpulse.ingestion.sim.scenario.IncidentType}: the labels.
 * </ul>
 *
 * <p>Real data never enters the repository: a scenario reads the folder it is given. Every generator draws from
 * commons-math3 {@code Well19937c} streams named after the seed, day and component, so a scenario is a pure
 * function of its inputs.
 */
package io.riskpulse.ingestion.sim.scenario;
