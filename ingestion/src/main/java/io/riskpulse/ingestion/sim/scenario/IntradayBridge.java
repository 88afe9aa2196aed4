package io.riskpulse.ingestion.sim.scenario;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * One instrument's intraday mid path, one point per second: a Brownian bridge in log-price from the previous
 * close (the open) towards the day's close.
 *
 * <p>The per-second volatility is the daily one over the full session: {@code σ_s = σ_daily / √23400}. Over a
 * full session the bridge ends exactly on the close; a shorter session (tests) ends where a Brownian motion pinned
 * at the close at 23,400 s would be after {@code N} seconds: drawn from its exact marginal,
 * {@code x_N ~ N(x_0 + (ln C − x_0)·N/T, σ_s²·N·(T − N)/T)}. Step {@code k} then draws
 * {@code x_k = x_{k−1} + (x_N − x_{k−1})/(N − k + 1) + σ_s·√((N − k)/(N − k + 1))·z}.
 */
final class IntradayBridge {

  private final RandomGenerator random;
  private final double sigmaPerSecond;
  private final double target;
  private final int steps;
  private double x;
  private int k;

  /**
   * @param open the previous close, price currency
   * @param close the day's close, price currency
   * @param dailyVol σ of daily log returns (fraction)
   * @param sessionSeconds points of the path (seconds)
   */
  IntradayBridge(double open, double close, double dailyVol, int sessionSeconds, RandomGenerator random) {
    this.random = random;
    this.sigmaPerSecond = dailyVol / Math.sqrt(ScenarioSettings.FULL_SESSION_SECONDS);
    this.steps = sessionSeconds;
    this.x = Math.log(open);
    double full = ScenarioSettings.FULL_SESSION_SECONDS;
    if (sessionSeconds >= full) {
      target = Math.log(close);
    } else {
      double n = sessionSeconds;
      target = x + (Math.log(close) - x) * n / full
          + sigmaPerSecond * Math.sqrt(n * (full - n) / full) * random.nextGaussian();
    }
  }

  /** The mid at the end of the next second, price currency. */
  double next() {
    if (k >= steps) {
      return Math.exp(x);
    }
    k++;
    double remaining = steps - k + 1;
    x += (target - x) / remaining + sigmaPerSecond * Math.sqrt((remaining - 1) / remaining) * random.nextGaussian();
    return Math.exp(x);
  }

  /** σ of one second's log return (fraction). */
  double sigmaPerSecond() {
    return sigmaPerSecond;
  }
}
