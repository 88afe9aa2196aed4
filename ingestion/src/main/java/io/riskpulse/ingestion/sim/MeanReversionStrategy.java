package io.riskpulse.ingestion.sim;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import java.util.List;
import java.util.Map;

/**
 * Mean reversion: sells what has stretched above its recent average and buys what has fallen below it, in
 * clips of bounded size.
 *
 * <p>Signal per instrument: {@code z = (x - m) / s} with {@code x = ln(mid)}, {@code m} an exponentially weighted
 * mean of x and {@code s²} an exponentially weighted variance of {@code x - m}, both with weight
 * {@code α = 2 / (halfLifeSteps + 1)}. {@code z > 1.5} sets the target to -max clips, {@code z < -1.5} to +max
 * clips, {@code |z| < 0.3} to flat; the position moves towards the target by at most one clip per step at the
 * touch. Nothing is traded during the first {@code halfLifeSteps} fresh quotes (warm-up) nor on a quote already
 * seen.
 *
 * <p>|position| &le; {@code maxClips} clips per instrument. Deterministic, no randomness; not thread-safe.
 */
public final class MeanReversionStrategy extends BookStrategy {

  /** Name reported in executions. */
  public static final String NAME = "mean-reversion";

  private static final double ENTRY_Z = 1.5;
  private static final double EXIT_Z = 0.3;

  private final int halfLifeSteps;
  private final double alpha;
  private final double[] mean;
  private final double[] variance;
  private final int[] seen;
  private final long[] target;

  /**
   * @param portfolioId portfolio the fills belong to
   * @param instruments instruments it may trade
   * @param reference quotes fixing each instrument's clip size, FX pairs included; instruments without a quote
   *     or an FX rate to USD among them are not traded
   * @param clipNotional notional of one clip in USD, converted with the reference FX pairs
   *     (at least one lot)
   * @param maxClips largest |position| per instrument, in clips
   * @param halfLifeSteps smoothing length of the mean and the variance, in steps, &ge; 2
   */
  public MeanReversionStrategy(String portfolioId, List<Instrument> instruments, Map<String, Quote> reference,
      double clipNotional, int maxClips, int halfLifeSteps) {
    super(NAME, portfolioId, instruments, reference, clipNotional, maxClips);
    if (halfLifeSteps < 2) {
      throw new IllegalArgumentException("halfLifeSteps must be >= 2, was " + halfLifeSteps);
    }
    this.halfLifeSteps = halfLifeSteps;
    this.alpha = 2.0 / (halfLifeSteps + 1);
    int n = book().size();
    this.mean = new double[n];
    this.variance = new double[n];
    this.seen = new int[n];
    this.target = new long[n];
  }

  @Override
  Execution onQuote(long step, int i, Quote quote) {
    if (quote == null) {
      return null;
    }
    double x = Math.log(quote.markPrice());
    if (seen[i]++ == 0) {
      mean[i] = x;
      return null;
    }
    double deviation = x - mean[i];
    variance[i] = (1 - alpha) * variance[i] + alpha * deviation * deviation;
    mean[i] += alpha * deviation;
    if (seen[i] <= halfLifeSteps || !(variance[i] > 0)) {
      return null;
    }
    double z = deviation / Math.sqrt(variance[i]);
    // Fades the move: the band rule on -z sells above the mean and buys below it.
    target[i] = bandTarget(i, target[i], -z, ENTRY_Z, EXIT_Z);
    return book().moveTowards(step, i, target[i], quote);
  }
}
