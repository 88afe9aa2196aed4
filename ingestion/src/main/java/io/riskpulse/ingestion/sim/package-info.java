/**
 * Deterministic, seeded market and trading simulator used by {@code ./riskpulse demo} and the feed publisher.
 *
 * <p>Pieces, from data to order flow:
 *
 * <ul>
 *   <li>{@link io.riskpulse.model.history.DailyPriceSeries} (in {@code shard-model}): strict loader of the
 *       {@code date,close[,volume]} daily price files of a data folder (real market data is never committed;
 *       tests read it from {@code ../shared/data}).
 *   <li>{@link io.riskpulse.ingestion.sim.Calibration}: annualised volatilities and the correlation matrix of
 *       daily returns of the 13 real proxy series, computed once by its {@code main} and committed as the
 *       derived-figures-only resource {@code riskpulse/sim/calibration.csv}.
 *   <li>{@link io.riskpulse.ingestion.sim.SimUniverse}: the simulated instrument universe
 *       ({@code riskpulse/sim/universe.csv}), each instrument following one calibrated proxy with a beta and an
 *       idiosyncratic volatility.
 *   <li>{@link io.riskpulse.ingestion.sim.QuoteGenerator}: where prices come from, either the synthetic
 *       {@link io.riskpulse.ingestion.sim.CorrelatedPriceSimulator} or the
 *       {@link io.riskpulse.ingestion.sim.HistoricalReplay} of a data folder.
 *   <li>{@link io.riskpulse.ingestion.sim.TradingStrategy} implementations and
 *       {@link io.riskpulse.ingestion.sim.TradingSimulation}, which turn quotes into executions for a few desks,
 *       one of which runs away at a chosen step.
 * </ul>
 *
 * <p>Nothing here uses actors or threads: every class is either immutable (calibration, universe) or confined to
 * one thread (generators, strategies, the simulation), so a run is a pure function of its seed and inputs and can
 * be replayed bit for bit. Random numbers come from commons-math3 {@code Well19937c} and
 * {@link java.util.SplittableRandom}, whose sequences do not depend on the JDK version.
 */
package io.riskpulse.ingestion.sim;
