package io.riskpulse.model.detect.market;

import com.typesafe.config.Config;

/**
 * Tunables of the market-data and liquidity detectors, from {@code riskpulse.detection.market} (see this module's
 * reference.conf, which justifies each default; {@link #DEFAULTS} holds the same values). Validation names the
 * offending key.
 *
 * @param maxSymbols most instruments tracked per node; updates of further symbols are ignored and counted, so a bad
 *     feed cannot exhaust memory
 * @param spread the spread monitor's
 * @param depth the depth monitor's
 * @param vpin VPIN's
 * @param priceJump the price-jump detector's
 * @param staleness the staleness monitor's
 * @param crossedBook the crossed-book monitor's
 */
public record MarketSurveillanceSettings(
    int maxSymbols,
    SpreadSettings spread,
    DepthSettings depth,
    VpinSettings vpin,
    PriceJumpSettings priceJump,
    StalenessSettings staleness,
    CrossedBookSettings crossedBook) {

  /** The reference.conf values. */
  public static final MarketSurveillanceSettings DEFAULTS = new MarketSurveillanceSettings(
      100_000,
      new SpreadSettings(300, 100, 3.0, 4.0),
      new DepthSettings(5, 300, 100, 0.2),
      new VpinSettings(50, 50, 0, 60_000, 1_000, 2_000, 50, 0.9, 0.4),
      new PriceJumpSettings(6.0, 500, 100, 1_000, 30_000),
      new StalenessSettings(10.0, 2_000, 100, 20),
      new CrossedBookSettings(5, 10_000));

  public MarketSurveillanceSettings {
    atLeast("max-symbols", maxSymbols, 1);
    notNull("spread", spread);
    notNull("depth", depth);
    notNull("vpin", vpin);
    notNull("price-jump", priceJump);
    notNull("staleness", staleness);
    notNull("crossed-book", crossedBook);
  }

  /**
   * Spread monitor: relative spread (ask − bid)/mid against its EWMA mean and standard deviation.
   *
   * @param halfLife half-life of the norm, in quote updates, &gt; 0
   * @param warmUp quote updates seen before it may fire, ≥ 2
   * @param ratio fires only when the spread exceeds this multiple of its mean, &gt; 1
   * @param zScore and only when its z-score against the norm exceeds this, &gt; 0
   */
  public record SpreadSettings(double halfLife, int warmUp, double ratio, double zScore) {
    public SpreadSettings {
      positive("spread.half-life", halfLife);
      atLeast("spread.warm-up", warmUp, 2);
      greaterThan("spread.ratio", ratio, 1);
      positive("spread.z-score", zScore);
    }
  }

  /**
   * Depth monitor: the quantity on the best {@code levels} levels of both sides against its EWMA mean.
   *
   * @param levels book levels per side summed, ≥ 1
   * @param halfLife half-life of the norm, in book updates, &gt; 0
   * @param warmUp book updates seen before it may fire, ≥ 1
   * @param fraction fires when depth falls below this fraction of its norm, in (0, 1)
   */
  public record DepthSettings(int levels, double halfLife, int warmUp, double fraction) {
    public DepthSettings {
      atLeast("depth.levels", levels, 1);
      positive("depth.half-life", halfLife);
      atLeast("depth.warm-up", warmUp, 1);
      if (!(fraction > 0 && fraction < 1)) {
        throw new IllegalArgumentException("depth.fraction must be in (0, 1), was " + fraction);
      }
    }
  }

  /**
   * VPIN (Easley, López de Prado and O'Hara 2012).
   *
   * @param buckets n, the volume buckets VPIN averages over, ≥ 1
   * @param bucketsPerDay bucket volume = average daily volume / this, ≥ 1
   * @param bucketVolume bucket volume, instrument units, for instruments whose average daily volume is unknown;
   *     0 leaves VPIN off for them
   * @param barMillis length of the time bars whose price change classifies their volume, milliseconds, &gt; 0
   * @param sigmaHalfLife half-life of the EWMA standard deviation of bar price changes, in bars, &gt; 0
   * @param history VPIN values kept for its percentile (empirical CDF), ≥ 1
   * @param minHistory VPIN values needed before it may fire, in [1, history]
   * @param percentile fires when the percentile of the latest VPIN exceeds this, in (0, 1)
   * @param minVpin and only when VPIN itself is at least this, in [0, 1]
   */
  public record VpinSettings(
      int buckets,
      int bucketsPerDay,
      double bucketVolume,
      long barMillis,
      double sigmaHalfLife,
      int history,
      int minHistory,
      double percentile,
      double minVpin) {
    public VpinSettings {
      atLeast("vpin.buckets", buckets, 1);
      atLeast("vpin.buckets-per-day", bucketsPerDay, 1);
      if (!(bucketVolume >= 0) || Double.isInfinite(bucketVolume)) {
        throw new IllegalArgumentException("vpin.bucket-volume must be a finite number >= 0, was " + bucketVolume);
      }
      atLeast("vpin.bar", barMillis, 1);
      positive("vpin.sigma-half-life", sigmaHalfLife);
      atLeast("vpin.history", history, 1);
      if (minHistory < 1 || minHistory > history) {
        throw new IllegalArgumentException("vpin.min-history must be in [1, vpin.history], was " + minHistory);
      }
      if (!(percentile > 0 && percentile < 1)) {
        throw new IllegalArgumentException("vpin.percentile must be in (0, 1), was " + percentile);
      }
      if (!(minVpin >= 0 && minVpin <= 1)) {
        throw new IllegalArgumentException("vpin.min-vpin must be in [0, 1], was " + minVpin);
      }
    }
  }

  /**
   * Price-jump detector: log-return of the mid (or last) against an EWMA volatility per √second.
   *
   * @param k fires when |return| exceeds k expected standard deviations, &gt; 0
   * @param halfLife half-life of the volatility, in price updates, &gt; 0
   * @param warmUp returns seen before it may fire, ≥ 2
   * @param minIntervalMillis intervals between updates shorter than this count as this long, milliseconds, ≥ 1
   * @param holdMillis a jump stays a finding this long after it happened, milliseconds, ≥ 0
   */
  public record PriceJumpSettings(double k, double halfLife, int warmUp, long minIntervalMillis, long holdMillis) {
    public PriceJumpSettings {
      positive("price-jump.k", k);
      positive("price-jump.half-life", halfLife);
      atLeast("price-jump.warm-up", warmUp, 2);
      atLeast("price-jump.min-interval", minIntervalMillis, 1);
      atLeast("price-jump.hold", holdMillis, 0);
    }
  }

  /**
   * Staleness monitor: silence against the EWMA of the instrument's intervals between updates.
   *
   * @param multiple fires when silence exceeds this multiple of the normal interval, &gt; 1
   * @param floorMillis and exceeds this, milliseconds, ≥ 1
   * @param halfLife half-life of the normal interval, in updates, &gt; 0
   * @param warmUp intervals seen before it may fire, ≥ 1
   */
  public record StalenessSettings(double multiple, long floorMillis, double halfLife, int warmUp) {
    public StalenessSettings {
      greaterThan("staleness.multiple", multiple, 1);
      atLeast("staleness.floor", floorMillis, 1);
      positive("staleness.half-life", halfLife);
      atLeast("staleness.warm-up", warmUp, 1);
    }
  }

  /**
   * Crossed-book monitor.
   *
   * @param count fires at this many crossed books, ≥ 1
   * @param windowMillis within a sliding window of this length, milliseconds, ≥ 1
   */
  public record CrossedBookSettings(int count, long windowMillis) {
    public CrossedBookSettings {
      atLeast("crossed-book.count", count, 1);
      atLeast("crossed-book.window", windowMillis, 1);
    }
  }

  /** Reads {@code riskpulse.detection.market}. */
  public static MarketSurveillanceSettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.detection.market");
    Config s = c.getConfig("spread");
    Config d = c.getConfig("depth");
    Config v = c.getConfig("vpin");
    Config j = c.getConfig("price-jump");
    Config st = c.getConfig("staleness");
    Config x = c.getConfig("crossed-book");
    return new MarketSurveillanceSettings(
        c.getInt("max-symbols"),
        new SpreadSettings(
            s.getDouble("half-life"), s.getInt("warm-up"), s.getDouble("ratio"), s.getDouble("z-score")),
        new DepthSettings(
            d.getInt("levels"), d.getDouble("half-life"), d.getInt("warm-up"), d.getDouble("fraction")),
        new VpinSettings(
            v.getInt("buckets"), v.getInt("buckets-per-day"), v.getDouble("bucket-volume"),
            millis(v, "bar"), v.getDouble("sigma-half-life"), v.getInt("history"), v.getInt("min-history"),
            v.getDouble("percentile"), v.getDouble("min-vpin")),
        new PriceJumpSettings(
            j.getDouble("k"), j.getDouble("half-life"), j.getInt("warm-up"), millis(j, "min-interval"),
            millis(j, "hold")),
        new StalenessSettings(
            st.getDouble("multiple"), millis(st, "floor"), st.getDouble("half-life"), st.getInt("warm-up")),
        new CrossedBookSettings(x.getInt("count"), millis(x, "window")));
  }

  private static long millis(Config c, String key) {
    return c.getDuration(key).toMillis();
  }

  private static void notNull(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must be set");
    }
  }

  private static void atLeast(String field, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
    }
  }

  private static void positive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be a positive finite number, was " + value);
    }
  }

  private static void greaterThan(String field, double value, double min) {
    if (!(value > min) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number > " + min + ", was " + value);
    }
  }
}
