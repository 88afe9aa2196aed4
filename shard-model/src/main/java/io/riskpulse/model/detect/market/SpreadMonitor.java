package io.riskpulse.model.detect.market;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.SpreadSettings;
import java.util.Locale;
import java.util.Map;

/**
 * Unusual spread of one instrument: the relative spread {@code (ask − bid) / mid} of each quote against its EWMA
 * norm (mean and standard deviation, half-life in quote updates). After {@code warmUp} quotes it fires while the
 * latest spread is both more than {@code ratio} times its mean and more than {@code zScore} standard deviations
 * above it. Both are needed: spreads are tick-discrete, so a market quoted one tick wide nearly always has a tiny
 * standard deviation and two ticks would be a large z-score; and a noisy spread often doubles without meaning
 * anything, which the z-score absorbs.
 *
 * <p>The spread is compared with the norm of the quotes before it, then folded into the norm winsorised at
 * {@code mean + zScore·sd}: a wide episode moves the norm only as much as a spread at the band would, so it is
 * reported for as long as it lasts rather than becoming its own norm within a few quotes, while a lasting change of
 * regime is still learnt over a few half-lives. The standard deviation is floored at 0.1% of the mean (and 10⁻⁹)
 * so that the z-score stays finite for a market quoted at a constant width.
 *
 * <p>Units: relative spread dimensionless (explanations in basis points); the score is the z-score. Inputs with a
 * non-finite or non-positive bid, or an ask below the bid, are ignored ({@link #update} returns false): crossed
 * books are the crossed-book monitor's. A locked market (ask = bid) is a valid zero spread. Deterministic, O(1)
 * time and memory per quote. Not thread-safe: {@link MarketSurveillance} guards it with its symbol's lock.
 */
public final class SpreadMonitor {

  private final String symbol;
  private final SpreadSettings settings;
  private final EwmaNorm norm;
  private DetectionSignal finding;
  private double lastSpread = Double.NaN;

  public SpreadMonitor(String symbol, SpreadSettings settings) {
    this.symbol = symbol;
    this.settings = settings;
    this.norm = new EwmaNorm(settings.halfLife());
  }

  /**
   * Applies a quote's best bid and ask (price currency) at {@code timestampMillis} (epoch milliseconds).
   *
   * @return false when the input was ignored
   */
  public boolean update(double bid, double ask, long timestampMillis) {
    if (!Double.isFinite(bid) || !Double.isFinite(ask) || !(bid > 0) || ask < bid) {
      return false;
    }
    double spread = (ask - bid) / ((ask + bid) / 2);
    boolean warm = norm.count() >= settings.warmUp();
    double mean = norm.mean();
    double sd = Math.max(norm.standardDeviation(), Math.max(mean * 1e-3, 1e-9));
    double z = (spread - mean) / sd;
    lastSpread = spread;
    if (warm && spread > settings.ratio() * mean && z > settings.zScore()) {
      finding = new DetectionSignal(
          Detector.SPREAD, DetectionSignal.keyOf(Detector.SPREAD, symbol), symbol, z, settings.zScore(),
          String.format(Locale.ROOT, "spread %.2f bp is %.1fx its norm of %.2f bp (sd %.2f bp, z %.1f > %.1f)",
              spread * 1e4, spread / mean, mean * 1e4, sd * 1e4, z, settings.zScore()),
          Map.of(), timestampMillis);
    } else {
      finding = null;
    }
    norm.update(warm ? Math.min(spread, mean + settings.zScore() * sd) : spread);
    return true;
  }

  /** The finding of the latest quote, or null when its spread was normal (or before the warm-up). */
  public DetectionSignal finding() {
    return finding;
  }

  /** The latest relative spread, NaN before the first quote. */
  public double lastSpread() {
    return lastSpread;
  }

  /** The norm's mean relative spread. */
  public double normalSpread() {
    return norm.mean();
  }
}
