package io.riskpulse.ingestion.sim;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.Quote;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A source of successive market snapshots, so that strategies and the feed publisher do not care whether prices
 * are synthetic ({@link CorrelatedPriceSimulator}) or replayed from real daily closes ({@link HistoricalReplay}).
 *
 * <p>Implementations are deterministic for their inputs and seed, and not thread-safe: one thread drives a
 * generator (the simulation loop or one stream stage).
 */
public interface QuoteGenerator {

  /** Every instrument the generator may quote, in a stable order. */
  List<Instrument> instruments();

  /**
   * Advances by one step and returns the quotes of that step: one per instrument quoted in it, all with the
   * same timestamp (which never decreases from one step to the next) and, when present, prices &gt; 0.
   *
   * @throws NoSuchElementException when {@link #hasNext()} is false
   */
  List<Quote> next();

  /** Whether {@link #next()} can advance; an endless simulator always returns true. */
  default boolean hasNext() {
    return true;
  }

  /** The instruments as a registry, e.g. the node's instrument reference in the demo. */
  default InstrumentRegistry registry() {
    return InstrumentRegistry.of(instruments());
  }
}
