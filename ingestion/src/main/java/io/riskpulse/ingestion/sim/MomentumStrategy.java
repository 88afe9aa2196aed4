package io.riskpulse.ingestion.sim;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import java.util.List;
import java.util.Map;

/**
 * Time-series momentum: goes long what has risen and short what has fallen over the last {@code lookback}
 * quotes, in clips of bounded size.
 *
 * <p>Signal per instrument: {@code z = ln(mid_t / mid_{t-L}) / (σ̂ √L)}, where σ̂² is an exponentially weighted
 * (λ = 0.97) variance of one-step log returns. {@code z > 1} sets the target position to +max clips,
 * {@code z < -1} to -max clips, {@code |z| < 0.25} to flat; the position moves towards the target by at most one
 * clip per step, at the ask to buy and the bid to sell. Nothing is traded before {@code lookback} fresh quotes
 * have been seen, nor on a quote already seen (a replay holiday).
 *
 * <p>Sizes are bounded by construction: |position| &le; {@code maxClips} clips per instrument (see
 * {@link StrategyBook} for how a clip is sized). Deterministic, no randomness; not thread-safe.
 */
public final class MomentumStrategy extends BookStrategy {

  /** Name reported in executions. */
  public static final String NAME = "momentum";

  private static final double LAMBDA = 0.97;
  private static final double ENTRY_Z = 1.0;
  private static final double EXIT_Z = 0.25;

  private final int lookback;
  private final double[][] history;
  private final int[] seen;
  private final double[] variance;
  private final long[] target;

  /**
   * @param portfolioId portfolio the fills belong to
   * @param instruments instruments it may trade
   * @param reference quotes fixing each instrument's clip size, FX pairs included; instruments without a quote
   *     or an FX rate to USD among them are not traded
   * @param clipNotional notional of one clip in USD, converted with the reference FX pairs
   *     (at least one lot)
   * @param maxClips largest |position| per instrument, in clips
   * @param lookback number of steps the trend is measured over, &ge; 2
   */
  public MomentumStrategy(String portfolioId, List<Instrument> instruments, Map<String, Quote> reference,
      double clipNotional, int maxClips, int lookback) {
    super(NAME, portfolioId, instruments, reference, clipNotional, maxClips);
    if (lookback < 2) {
      throw new IllegalArgumentException("lookback must be >= 2, was " + lookback);
    }
    this.lookback = lookback;
    int n = book().size();
    this.history = new double[n][lookback + 1];
    this.seen = new int[n];
    this.variance = new double[n];
    this.target = new long[n];
  }

  @Override
  Execution onQuote(long step, int i, Quote quote) {
    if (quote == null) {
      return null;
    }
    double x = Math.log(quote.markPrice());
    double[] ring = history[i];
    int count = seen[i]++;
    if (count > 0) {
      double r = x - ring[(count - 1) % ring.length];
      variance[i] = count == 1 ? r * r : LAMBDA * variance[i] + (1 - LAMBDA) * r * r;
    }
    ring[count % ring.length] = x;
    if (count < lookback || !(variance[i] > 0)) {
      return null;
    }
    double z = (x - ring[(count - lookback) % ring.length]) / Math.sqrt(variance[i] * lookback);
    target[i] = bandTarget(i, target[i], z, ENTRY_Z, EXIT_Z);
    return book().moveTowards(step, i, target[i], quote);
  }
}
