package io.riskpulse.model.detect.market;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.VpinSettings;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * VPIN, the volume-synchronised probability of informed trading (Easley, López de Prado and O'Hara, "Flow Toxicity
 * and Liquidity in a High-Frequency World", 2012), of one instrument, and its percentile against its own history.
 *
 * <ol>
 *   <li><b>Bars.</b> Trades are grouped in time bars of {@code barMillis} by their event timestamps ({@code
 *       floorDiv(t, barMillis)}). A bar closes when the first trade of a later bar arrives (so the latest bar's
 *       volume counts one bar late); bars without trades do not exist, and the price change of the next bar spans
 *       them. A trade stamped earlier than the open bar is added to it (no bar reopens).
 *   <li><b>Bulk volume classification.</b> A closed bar's volume V is split into {@code V_buy = V·Φ(ΔP/σ_ΔP)} and
 *       {@code V_sell = V − V_buy}, where ΔP is the bar's last price minus the previous bar's and σ_ΔP the
 *       exponentially weighted standard deviation (half-life {@code sigmaHalfLife} bars) of the <em>earlier</em>
 *       bars' ΔP: a bar is judged against past volatility, without look-ahead. The first bar (no ΔP) and bars
 *       before two ΔP exist are split evenly; with σ_ΔP = 0 the split is Φ's limit (all buy, all sell, or even for
 *       ΔP = 0). Φ is commons-math3's standard normal CDF.
 *   <li><b>Volume buckets</b> of {@code bucketVolume} each: a bar's volume fills the open bucket and overflows into
 *       the next ones with the same split. A bucket's order imbalance is {@code |V_buy − V_sell|}.
 *   <li><b>VPIN</b> {@code = Σ|V_buy − V_sell| / (n·bucketVolume)} over the last n completed buckets, in [0, 1]; it
 *       exists once n buckets are complete and is recomputed at each completed bucket.
 *   <li><b>Percentile</b>: the share of the last {@code history} VPIN values (before the newest) that are ≤ the
 *       newest: its empirical CDF. It fires when the percentile exceeds {@code percentile}, at least {@code
 *       minHistory} earlier values exist, and VPIN itself is at least {@code minVpin}: by construction the CDF is
 *       above 0.9 for a tenth of the time even in a balanced market, and the absolute floor keeps that tenth quiet
 *       (balanced flow over several bars per bucket gives a VPIN around 0.1–0.3).
 * </ol>
 *
 * <p>Units: prices in the instrument's currency, volumes in instrument units; VPIN and its percentile are
 * dimensionless, the score is the percentile. Trades with a non-finite or non-positive price or quantity are ignored
 * ({@link #onTrade} returns false). Memory is bounded: n + {@code history} doubles. A single bar larger than
 * (n + history) buckets is truncated to that many, which changes nothing kept. Deterministic; not thread-safe:
 * {@link MarketSurveillance} guards it with its symbol's lock.
 */
public final class Vpin {

  /** Stateless, so shared: its cumulative probability is a pure function. */
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

  private final String symbol;
  private final VpinSettings settings;
  private final double bucketVolume;
  private final EwmaNorm priceChanges;

  private boolean barOpen;
  private long bar;
  private double barVolume;
  private double barClose;
  private long barCloseMillis;
  private double previousClose = Double.NaN;

  private double bucketFilled;
  private double bucketBuy;
  private final double[] imbalances;
  private long completedBuckets;

  private final double[] history;
  private int historySize;
  private int historyNext;

  private double vpin = Double.NaN;
  private double percentile = Double.NaN;
  private DetectionSignal finding;

  /**
   * @param bucketVolume volume per bucket, instrument units, &gt; 0 (e.g. average daily volume / 50)
   */
  public Vpin(String symbol, VpinSettings settings, double bucketVolume) {
    if (!(bucketVolume > 0) || Double.isInfinite(bucketVolume)) {
      throw new IllegalArgumentException("bucket volume must be a positive finite number, was " + bucketVolume);
    }
    this.symbol = symbol;
    this.settings = settings;
    this.bucketVolume = bucketVolume;
    this.priceChanges = new EwmaNorm(settings.sigmaHalfLife());
    this.imbalances = new double[settings.buckets()];
    this.history = new double[settings.history()];
  }

  /**
   * Applies a trade: {@code price} in the instrument's currency, {@code quantity} in instrument units, at {@code
   * timestampMillis} (epoch milliseconds).
   *
   * @return false when the trade was ignored
   */
  public boolean onTrade(double price, double quantity, long timestampMillis) {
    if (!(price > 0) || !(quantity > 0) || Double.isInfinite(price) || Double.isInfinite(quantity)) {
      return false;
    }
    long tradeBar = Math.floorDiv(timestampMillis, settings.barMillis());
    if (barOpen && tradeBar > bar) {
      closeBar();
    }
    if (!barOpen) {
      barOpen = true;
      bar = tradeBar;
      barVolume = 0;
      barCloseMillis = Long.MIN_VALUE;
    }
    barVolume += quantity;
    if (timestampMillis >= barCloseMillis) {
      barClose = price;
      barCloseMillis = timestampMillis;
    }
    return true;
  }

  private void closeBar() {
    double buyFraction = 0.5;
    if (!Double.isNaN(previousClose)) {
      double change = barClose - previousClose;
      if (priceChanges.count() >= 2) {
        double sigma = priceChanges.standardDeviation();
        buyFraction = sigma > 0 ? STANDARD_NORMAL.cumulativeProbability(change / sigma)
            : change > 0 ? 1 : change < 0 ? 0 : 0.5;
      }
      priceChanges.update(change);
    }
    previousClose = barClose;
    barOpen = false;
    addVolume(Math.min(barVolume, (settings.buckets() + settings.history()) * bucketVolume), buyFraction);
  }

  private void addVolume(double volume, double buyFraction) {
    double left = volume;
    while (left > 0) {
      double take = Math.min(left, bucketVolume - bucketFilled);
      bucketFilled += take;
      bucketBuy += take * buyFraction;
      left -= take;
      if (bucketFilled >= bucketVolume * (1 - 1e-12)) {
        completeBucket(barCloseMillis);
        left = left <= bucketVolume * 1e-12 ? 0 : left;
      }
    }
  }

  private void completeBucket(long atMillis) {
    imbalances[(int) (completedBuckets % imbalances.length)] = Math.abs(2 * bucketBuy - bucketFilled);
    completedBuckets++;
    bucketFilled = 0;
    bucketBuy = 0;
    if (completedBuckets < imbalances.length) {
      return;
    }
    double total = 0;
    for (double imbalance : imbalances) {
      total += imbalance;
    }
    vpin = Math.min(1, total / (imbalances.length * bucketVolume));
    int atOrBelow = 0;
    for (int i = 0; i < historySize; i++) {
      if (history[i] <= vpin) {
        atOrBelow++;
      }
    }
    int earlier = historySize;
    percentile = earlier == 0 ? Double.NaN : (double) atOrBelow / earlier;
    history[historyNext] = vpin;
    historyNext = (historyNext + 1) % history.length;
    historySize = Math.min(historySize + 1, history.length);
    if (earlier >= settings.minHistory() && percentile > settings.percentile() && vpin >= settings.minVpin()) {
      finding = new DetectionSignal(
          Detector.VPIN, DetectionSignal.keyOf(Detector.VPIN, symbol), symbol, percentile, settings.percentile(),
          String.format(Locale.ROOT,
              "VPIN %.3f over the last %d buckets of %.0f is at the %.1fth percentile of its last %d values"
                  + " (above %.1f, VPIN floor %.2f)",
              vpin, imbalances.length, bucketVolume, 100 * percentile, earlier, 100 * settings.percentile(),
              settings.minVpin()),
          Map.of(), atMillis);
    } else {
      finding = null;
    }
  }

  /** The finding of the latest completed bucket, or null. */
  public DetectionSignal finding() {
    return finding;
  }

  /** The latest VPIN, NaN before n buckets are complete. */
  public double vpin() {
    return vpin;
  }

  /** The latest VPIN's percentile against the values before it, NaN before the second VPIN. */
  public double percentile() {
    return percentile;
  }

  /** Buckets completed since the start. */
  public long completedBuckets() {
    return completedBuckets;
  }

  /** The volume per bucket, instrument units. */
  public double bucketVolume() {
    return bucketVolume;
  }
}
