package io.riskpulse.model.detect.market;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.DepthSettings;
import io.riskpulse.model.market.BookState;
import java.util.Locale;
import java.util.Map;

/**
 * Collapsed book depth of one instrument: the quantity on the best {@code levels} levels of both sides of each
 * level-2 book against its EWMA mean (half-life in book updates). After {@code warmUp} books it fires while the
 * latest depth is below {@code fraction} of the mean. Depth is compared with the norm of the books before it, then
 * folded into the norm winsorised from below at {@code fraction·mean}: a collapse drags the norm down no faster than
 * a book at the threshold would, so it is reported while it lasts, and a lasting change is learnt over a few
 * half-lives.
 *
 * <p>Units: quantities in instrument units; the score is the shortfall {@code 1 − depth/norm} (1 for an empty
 * book), the threshold {@code 1 − fraction}. A book with a negative or non-finite quantity among the levels summed is
 * ignored ({@link #update} returns false); an empty book is a valid depth of 0, the deepest collapse.
 * Deterministic, O(levels) per book, O(1) memory. Not thread-safe: {@link MarketSurveillance} guards it with its
 * symbol's lock.
 */
public final class DepthMonitor {

  private final String symbol;
  private final DepthSettings settings;
  private final EwmaNorm norm;
  private DetectionSignal finding;
  private double lastDepth = Double.NaN;

  public DepthMonitor(String symbol, DepthSettings settings) {
    this.symbol = symbol;
    this.settings = settings;
    this.norm = new EwmaNorm(settings.halfLife());
  }

  /**
   * Applies a level-2 book.
   *
   * @return false when the book was ignored
   */
  public boolean update(BookState book) {
    if (book == null || book.bidQuantities() == null || book.askQuantities() == null) {
      return false;
    }
    double depth = sum(book.bidQuantities()) + sum(book.askQuantities());
    if (!(depth >= 0) || Double.isInfinite(depth)) {
      return false;
    }
    boolean warm = norm.count() >= settings.warmUp();
    double mean = norm.mean();
    lastDepth = depth;
    if (warm && mean > 0 && depth < settings.fraction() * mean) {
      double shortfall = 1 - depth / mean;
      finding = new DetectionSignal(
          Detector.DEPTH, DetectionSignal.keyOf(Detector.DEPTH, symbol), symbol, shortfall, 1 - settings.fraction(),
          String.format(Locale.ROOT, "top-%d depth %.0f is %.1f%% of its norm %.0f (below %.0f%%)",
              settings.levels(), depth, 100 * depth / mean, mean, 100 * settings.fraction()),
          Map.of(), book.timestampMillis());
    } else {
      finding = null;
    }
    norm.update(warm ? Math.max(depth, settings.fraction() * mean) : depth);
    return true;
  }

  /** Σ of the first {@code levels} quantities; NaN when one is negative or not finite. */
  private double sum(double[] quantities) {
    double total = 0;
    for (int i = 0; i < Math.min(settings.levels(), quantities.length); i++) {
      double q = quantities[i];
      if (!(q >= 0) || Double.isInfinite(q)) {
        return Double.NaN;
      }
      total += q;
    }
    return total;
  }

  /** The finding of the latest book, or null when its depth was normal (or before the warm-up). */
  public DetectionSignal finding() {
    return finding;
  }

  /** The latest top-of-book depth, NaN before the first book. */
  public double lastDepth() {
    return lastDepth;
  }

  /** The norm's mean depth. */
  public double normalDepth() {
    return norm.mean();
  }
}
