package io.riskpulse.node.cli;

import io.riskpulse.ingestion.sim.CorrelatedPriceSimulator;
import io.riskpulse.ingestion.sim.HistoricalReplay;
import io.riskpulse.ingestion.sim.QuoteGenerator;
import io.riskpulse.ingestion.sim.TradingSimulation;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * The options that choose a simulation, shared (as a picocli mixin) by {@code demo}, {@code feed} and
 * {@code node --open-demo-portfolios}: the same options give the same portfolios and the same market, so a
 * node and a feed started apart agree on what they trade.
 */
public final class SimulationOptions {

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Replay real daily price files (SYMBOL.csv: date,close[,volume]; optional instruments.csv)"
          + " interpolated to intraday ticks, instead of the simulator.")
  Path dataDir;

  @Option(names = "--from", paramLabel = "DATE", defaultValue = "2020-02-03",
      description = "First replayed date (with --data-dir). Default: ${DEFAULT-VALUE}.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", defaultValue = "2020-06-30",
      description = "Last replayed date (with --data-dir). Default: ${DEFAULT-VALUE}.")
  LocalDate to;

  @Option(names = "--steps-per-day", defaultValue = "20",
      description = "Intraday steps per replayed day. Default: ${DEFAULT-VALUE}.")
  int stepsPerDay;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed of the simulation. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--runaway-at", paramLabel = "STEP", defaultValue = "60",
      description = "Step at which the runaway strategy starts. Default: ${DEFAULT-VALUE}.")
  long runawayAt;

  /** The market: the calibrated simulator, or a replay of {@code --data-dir}. */
  QuoteGenerator generator() {
    return dataDir == null
        ? CorrelatedPriceSimulator.withDefaults(seed)
        : HistoricalReplay.load(dataDir, from, to, stepsPerDay, seed);
  }

  /** The desks, portfolios and strategies trading {@code generator}. */
  TradingSimulation simulation(QuoteGenerator generator) {
    return TradingSimulation.create(generator, seed, runawayAt);
  }

  /** A short human description of the market, for banners. */
  String describe() {
    return dataDir == null ? "simulated market" : "replay of " + dataDir;
  }
}
