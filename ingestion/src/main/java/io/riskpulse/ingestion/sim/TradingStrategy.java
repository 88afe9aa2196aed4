package io.riskpulse.ingestion.sim;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import java.util.List;
import java.util.Map;

/**
 * An algorithm trading for one portfolio: at each step it sees the latest quote of every instrument and reports
 * the fills it obtained. The venue is not modelled: an order is assumed filled at once at the touch (or, for a
 * market maker, at its own quote), so a strategy returns executions directly.
 *
 * <p>Contract of every implementation: execution ids are unique and deterministic
 * ({@code <portfolioId>-<step>-<n>}), prices are finite and &gt; 0, quantities are finite, &gt; 0 and whole
 * multiples of the instrument's lot size, symbols are instruments the strategy was given, and sizes are bounded
 * (except for the deliberate {@link RunawayStrategy}). Implementations are deterministic for their seed and not
 * thread-safe: the simulation loop calls them from one thread.
 */
public interface TradingStrategy {

  /** Short name of the algorithm, reported as {@link Execution#strategy()} (e.g. {@code momentum}). */
  String name();

  /** The portfolio every execution of this strategy belongs to. */
  String portfolioId();

  /**
   * Reacts to the market of one step.
   *
   * @param step step number; strictly increasing from one call to the next
   * @param latest latest quote of every instrument quoted so far, by symbol (quotes of instruments not quoted in
   *     this step are older)
   * @return the fills of this step, possibly none
   * @throws IllegalArgumentException when {@code step} does not increase
   */
  List<Execution> onQuotes(long step, Map<String, Quote> latest);
}
