package io.riskpulse.model.detect.flow;

import io.riskpulse.model.collect.TimedValues;
import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.portfolio.Side;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a portfolio's fills for market impact.
 *
 * <ul>
 *   <li>{@link Detector#SLIPPAGE}: a fill's slippage against the mid the node saw when the fill arrived (the
 *       arrival mid: executions do not name their order, so the order's own arrival is unknown), in basis points
 *       signed so that paying up is positive, against what the fill should cost: half the spread plus the
 *       square-root impact {@code Y · σ_daily · sqrt(Q / ADV)}. It counts beyond {@code slippageMultiple} times
 *       that cost and {@code minimumSlippageBp}. Without ADV or σ the expectation is the half spread alone.
 *   <li>{@link Detector#VOLUME_SHARE}: the portfolio's filled quantity in an instrument over the window against
 *       the market's traded volume in it (from the node's cumulative traded-volume counter), once the market
 *       has traded {@code minimumMarketVolume}. The share is {@code own / max(market, own)}, so a market feed
 *       that misses the portfolio's own trades still gives a share of at most 1.
 * </ul>
 *
 * <p>Deterministic (event time only); at most {@value #MAX_SYMBOLS} instruments and {@value #MAX_FILLS} fills
 * per instrument remembered. Not thread-safe: owned by one portfolio entity.
 */
public final class ImpactDetector {

  static final int MAX_SYMBOLS = 10_000;
  static final int MAX_FILLS = 10_000;

  private final ImpactSettings settings;
  private final Map<String, Window> windows = new HashMap<>();

  public ImpactDetector(ImpactSettings settings) {
    this.settings = settings;
  }

  /**
   * Judges one fill's slippage.
   *
   * @param bid best bid when the fill arrived, NaN when unknown
   * @param ask best ask when the fill arrived, NaN when unknown
   * @param averageDailyVolume ADV, instrument units; NaN when unknown
   * @param dailyVolatility σ of daily returns, fraction; NaN when unknown
   * @return the finding, or {@code null} when within bounds or no mid is known
   */
  public DetectionSignal judgeFill(String strategy, String symbol, Side side, double quantity, double price,
      double bid, double ask, double averageDailyVolume, double dailyVolatility, long atMillis) {
    if (!(bid > 0) || !(ask >= bid) || !Double.isFinite(ask) || !(price > 0) || !(quantity > 0)) {
      return null;
    }
    double mid = (bid + ask) / 2;
    double slippageBp = (side == Side.BUY ? 1 : -1) * (price - mid) / mid * 1e4;
    double halfSpreadBp = (ask - bid) / 2 / mid * 1e4;
    boolean withImpact = averageDailyVolume > 0 && dailyVolatility >= 0 && Double.isFinite(averageDailyVolume)
        && Double.isFinite(dailyVolatility);
    double impactBp = withImpact
        ? settings.impactCoefficient() * dailyVolatility * Math.sqrt(quantity / averageDailyVolume) * 1e4 : 0;
    double expectedBp = halfSpreadBp + impactBp;
    double bound = Math.max(settings.slippageMultiple() * expectedBp, settings.minimumSlippageBp());
    if (slippageBp <= bound) {
      return null; // the common case: nothing is formatted
    }
    String model = String.format(Locale.ROOT, "half spread %.1f bp", halfSpreadBp) + (withImpact
        ? String.format(Locale.ROOT, " + square-root impact %.1f bp (ADV %,.0f, σ %.2f%%)", impactBp,
            averageDailyVolume, dailyVolatility * 100) : "");
    String subject = symbol;
    String explanation = String.format(Locale.ROOT,
        "%s %s %,.0f %s at %.4f is %.1f bp through the arrival mid %.4f; expected %.1f bp (%s)",
        strategy.isEmpty() ? "a fill" : "strategy '" + strategy + "'", side, quantity, symbol, price, slippageBp,
        mid, expectedBp, model);
    return new DetectionSignal(Detector.SLIPPAGE, DetectionSignal.keyOf(Detector.SLIPPAGE, subject), subject,
        slippageBp, bound, explanation, Map.of(), atMillis);
  }

  /**
   * Records a fill of the portfolio and judges its share of the instrument's volume.
   *
   * @param marketVolume the node's cumulative traded volume of the instrument now (instrument units), NaN when
   *     the feed reports none
   * @return the finding, or {@code null}
   */
  public DetectionSignal recordFill(String symbol, double quantity, double marketVolume, long atMillis) {
    Window window = window(symbol);
    if (window == null) {
      return null;
    }
    window.fill(quantity, atMillis, windowMillis());
    window.observe(marketVolume, atMillis, windowMillis());
    return judgeShare(symbol, window, atMillis);
  }

  /**
   * Samples the market's cumulative volume of an instrument the portfolio filled in recently and judges the
   * share again (called on the entity's mark timer, so the window also moves without fills).
   *
   * @return the finding, or {@code null}
   */
  public DetectionSignal observeMarket(String symbol, double marketVolume, long atMillis) {
    Window window = windows.get(symbol);
    if (window == null) {
      return null;
    }
    window.observe(marketVolume, atMillis, windowMillis());
    if (window.fills.isEmpty()) {
      windows.remove(symbol);
      return null;
    }
    return judgeShare(symbol, window, atMillis);
  }

  /** The instruments filled in within the window: those whose market volume {@link #observeMarket} wants. */
  public java.util.Set<String> recentlyFilled() {
    return java.util.Set.copyOf(windows.keySet());
  }

  private long windowMillis() {
    return settings.volumeWindowSeconds() * 1000L;
  }

  private Window window(String symbol) {
    if (!windows.containsKey(symbol) && windows.size() >= MAX_SYMBOLS) {
      return null;
    }
    return windows.computeIfAbsent(symbol, s -> new Window());
  }

  private DetectionSignal judgeShare(String symbol, Window window, long atMillis) {
    double market = window.marketVolume(atMillis - windowMillis());
    if (!(market >= settings.minimumMarketVolume()) || !(window.own() > 0)) {
      return null;
    }
    double share = window.own() / Math.max(market, window.own());
    if (share <= settings.maxVolumeShare()) {
      return null;
    }
    String explanation = String.format(Locale.ROOT,
        "the portfolio filled %,.0f of the %,.0f %s traded in the last %d s: %.0f%% of the volume", window.own(),
        Math.max(market, window.own()), symbol, settings.volumeWindowSeconds(), share * 100);
    return new DetectionSignal(Detector.VOLUME_SHARE, DetectionSignal.keyOf(Detector.VOLUME_SHARE, symbol), symbol,
        share, settings.maxVolumeShare(), explanation, Map.of(), atMillis);
  }

  /**
   * One instrument: the portfolio's fills within the window (time, quantity; their sum is the portfolio's volume),
   * and samples of the market's cumulative volume back to the last one at or before the window's start (time,
   * cumulative volume), each in a {@link TimedValues}: no object per sample, though each stays for the whole window.
   *
   * <p>The rings start with room for {@value #INITIAL_ROOM} (they grow as needed, up to {@link #MAX_FILLS}): most
   * instruments hold a fill or two and a couple of market samples, and a portfolio holds a window per instrument it
   * traded, for as long as it is resident.
   */
  private static final class Window {
    private static final int INITIAL_ROOM = 2;
    final TimedValues fills = new TimedValues(MAX_FILLS, INITIAL_ROOM);
    final TimedValues market = new TimedValues(MAX_FILLS, INITIAL_ROOM);

    /** The portfolio's filled quantity within the window. */
    double own() {
      return fills.sum();
    }

    void fill(double quantity, long atMillis, long windowMillis) {
      expire(atMillis, windowMillis);
      fills.add(atMillis, quantity);
    }

    void observe(double cumulative, long atMillis, long windowMillis) {
      expire(atMillis, windowMillis);
      if (Double.isNaN(cumulative)) {
        return;
      }
      market.add(atMillis, cumulative);
      long start = atMillis - windowMillis;
      while (market.size() > 1 && market.time(1) <= start) {
        market.removeFirst();
      }
    }

    /** Forgets the fills at or before the window's start. */
    private void expire(long atMillis, long windowMillis) {
      fills.evictBefore(atMillis - windowMillis + 1);
    }

    /** Market volume since {@code start}, NaN until a sample at or before it exists. */
    double marketVolume(long start) {
      if (market.isEmpty() || market.time(0) > start) {
        return Double.NaN;
      }
      return market.value(market.size() - 1) - market.value(0);
    }
  }
}
