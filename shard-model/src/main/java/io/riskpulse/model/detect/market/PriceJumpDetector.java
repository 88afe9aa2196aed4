package io.riskpulse.model.detect.market;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.PriceJumpSettings;
import java.util.Locale;
import java.util.Map;

/**
 * Price jumps of one instrument: the log-return {@code r = ln(p/p_prev)} between consecutive price updates against
 * an EWMA volatility, firing when {@code |r| > k·σ_expected} after {@code warmUp} returns.
 *
 * <p><b>Volatility per √time.</b> The EWMA (half-life in updates) averages {@code r²/Δt}, a variance rate per
 * second, and an update's expected standard deviation is {@code √(rate·Δt)}: a price arriving after a long silence
 * (a reopening) may have moved further than one a second after the last. Δt is floored at {@code minIntervalMillis}
 * (1 s by default): faster updates are scaled as if one interval apart, so microstructure noise (bid-ask bounce,
 * which does not shrink with Δt) neither inflates the rate nor makes sub-second moves look like jumps.
 *
 * <p><b>Winsorised update.</b> A return is judged against the volatility before it, then folded in clamped to
 * {@code k·σ_expected}: a jump raises the variance rate by at most {@code (k² − 1)·(1 − λ)} of itself (about 5% with
 * k = 6 and a half-life of 500 updates), so a second jump right after the first is not masked.
 *
 * <p>A jump stays a finding for {@code holdMillis} after its timestamp, judged at the reader's {@code nowMillis}
 * (which must be on the feed's timeline). Units: prices in the instrument's currency, returns dimensionless, the score
 * is {@code |r|/σ_expected}. Non-finite or non-positive prices are ignored (log-returns need positive prices), and
 * so are updates stamped before the previous one ({@link #update} returns false). The expected σ is floored at 10⁻⁸
 * so that a price frozen through the warm-up and then moving scores finitely (it does fire). Deterministic, O(1).
 * Not thread-safe: {@link MarketSurveillance} guards it with its symbol's lock.
 */
public final class PriceJumpDetector {

  private final String symbol;
  private final PriceJumpSettings settings;
  private final EwmaNorm varianceRate;
  private double previousPrice = Double.NaN;
  private long previousMillis;
  private DetectionSignal lastJump;

  public PriceJumpDetector(String symbol, PriceJumpSettings settings) {
    this.symbol = symbol;
    this.settings = settings;
    this.varianceRate = new EwmaNorm(settings.halfLife());
  }

  /**
   * Applies a price (the quote's mid, else its last) at {@code timestampMillis}, epoch milliseconds.
   *
   * @return false when the price was ignored
   */
  public boolean update(double price, long timestampMillis) {
    if (!(price > 0) || Double.isInfinite(price)) {
      return false;
    }
    if (Double.isNaN(previousPrice)) {
      previousPrice = price;
      previousMillis = timestampMillis;
      return true;
    }
    if (timestampMillis < previousMillis) {
      return false;
    }
    double seconds = Math.max(timestampMillis - previousMillis, settings.minIntervalMillis()) / 1000.0;
    double r = Math.log(price / previousPrice);
    boolean warm = varianceRate.count() >= settings.warmUp();
    double sigma = Math.max(Math.sqrt(varianceRate.mean() * seconds), 1e-8);
    double z = Math.abs(r) / sigma;
    double folded = r * r;
    if (warm) {
      if (z > settings.k()) {
        lastJump = new DetectionSignal(
            Detector.PRICE_JUMP, DetectionSignal.keyOf(Detector.PRICE_JUMP, symbol), symbol, z, settings.k(),
            String.format(Locale.ROOT,
                "price moved %+.2f%% (%.6g to %.6g) in %.1f s: %.1f sigma of %.3f%% expected (band %.1f sigma)",
                100 * Math.expm1(r), previousPrice, price, (timestampMillis - previousMillis) / 1000.0, z,
                100 * sigma, settings.k()),
            Map.of(), timestampMillis);
      }
      double cap = settings.k() * sigma;
      folded = Math.min(folded, cap * cap);
    }
    varianceRate.update(folded / seconds);
    previousPrice = price;
    previousMillis = timestampMillis;
    return true;
  }

  /** The latest jump if it happened at most {@code holdMillis} before {@code nowMillis}, else null. */
  public DetectionSignal finding(long nowMillis) {
    return lastJump != null && nowMillis - lastJump.atMillis() <= settings.holdMillis() ? lastJump : null;
  }

  /** The latest jump ever seen, or null. */
  public DetectionSignal lastJump() {
    return lastJump;
  }

  /** The current volatility per √second (dimensionless log-return units). */
  public double volatilityPerSqrtSecond() {
    return Math.sqrt(varianceRate.mean());
  }
}
