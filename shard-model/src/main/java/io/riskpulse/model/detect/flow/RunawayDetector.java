package io.riskpulse.model.detect.flow;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.portfolio.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a runaway algorithm: a strategy whose order-flow features (rates, cancel and order-to-trade ratios, runs
 * of one-way fills, net notional, order size; see {@link OrderFlowFeatures}) lie far beyond the strategy's own
 * recent norm.
 *
 * <p>Each strategy has one {@link FeatureNorm} per feature, fed once per completed second with the features as of
 * that second's end (idle seconds included, so a strategy that wakes up is judged against its quiet norm). A
 * strategy is judged on every event against the norms of the completed seconds: a burst is seen on the message
 * that makes it, not at the end of its second. A feature counts when its z-score reaches the threshold and its
 * value the feature's minimum; the score is the largest such z, and the attribution each counting feature's share
 * of their z sum.
 *
 * <p>Deterministic (event time only) and bounded: at most {@value #MAX_STRATEGIES} strategies, the least recently
 * active forgotten beyond it. Not thread-safe: owned by one portfolio entity.
 */
public final class RunawayDetector {

  static final int MAX_STRATEGIES = 1_000;
  /**
   * Seconds enter the norms clamped at this many standard deviations: a minute-long burst clamped at the detection
   * threshold (8 σ) would widen σ more than twofold and hide the next incident for most of a half-life; at 4 σ
   * ordinary fluctuations pass almost whole and a burst moves the norm little.
   */
  static final double WINSOR_SIGMAS = 4;

  private final RunawaySettings settings;
  private final Map<String, Tracked> strategies = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Tracked> eldest) {
      return size() > MAX_STRATEGIES;
    }
  };
  private final CompletedSeconds completedSeconds;

  /** Told the features of every completed active second of a strategy, in time order. */
  @FunctionalInterface
  public interface CompletedSeconds {
    /**
     * @param epochSecond the second completed, seconds since the epoch
     * @param features the strategy's features as of that second's end
     */
    void completed(String strategy, long epochSecond, OrderFlowFeatures features);
  }

  /**
   * @param completedSeconds told the features of every completed active second of a strategy: the samples the
   *     strategy's anomaly model learns from
   */
  public RunawayDetector(RunawaySettings settings, CompletedSeconds completedSeconds) {
    this.settings = settings;
    this.completedSeconds = completedSeconds;
  }

  /** Records an order-flow message of {@code strategy}. */
  public void onOrder(String strategy, OrderAction action, double quantity, double price, long atMillis) {
    tracked(strategy, atMillis).flow.recordOrder(action, quantity, price, atMillis);
  }

  /** Records a fill of {@code strategy}. */
  public void onFill(String strategy, String symbol, Side side, double quantity, double price, long atMillis) {
    tracked(strategy, atMillis).flow.recordFill(side, quantity, price, atMillis);
  }

  /** The strategy's features now, or {@link OrderFlowFeatures#IDLE} for a strategy never seen. */
  public OrderFlowFeatures features(String strategy, long atMillis) {
    Tracked tracked = strategies.get(strategy);
    if (tracked == null) {
      return OrderFlowFeatures.IDLE;
    }
    return tracked.flow.featuresAt(Math.max(tracked.flow.currentSecond(), Math.floorDiv(atMillis, 1000)));
  }

  /**
   * Judges {@code strategy} at {@code atMillis}: the finding when it runs away, else {@code null} (also while its
   * norm warms up).
   */
  public DetectionSignal judge(String strategy, long atMillis) {
    Tracked tracked = strategies.get(strategy);
    if (tracked == null || tracked.norms[0].samples() < settings.warmUpSeconds()) {
      return null;
    }
    double[] values = features(strategy, atMillis).toArray();
    if (!firing(tracked, values)) {
      return null;
    }
    List<String> names = OrderFlowFeatures.NAMES;
    Map<String, Double> zs = new HashMap<>();
    double best = 0;
    String bestName = null;
    double zSum = 0;
    for (int i = 0; i < values.length; i++) {
      FeatureNorm norm = tracked.norms[i];
      double sigma = Math.max(norm.sigma(), 0.1 * Math.abs(norm.mean()));
      double z = (values[i] - norm.mean()) / sigma;
      if (z >= settings.zThreshold() && values[i] >= settings.minimums()[i]) {
        zs.put(names.get(i), z);
        zSum += z;
        if (z > best) {
          best = z;
          bestName = names.get(i);
        }
      }
    }
    if (bestName == null) {
      return null;
    }
    Map<String, Double> attribution = new HashMap<>();
    double total = zSum;
    zs.forEach((name, z) -> attribution.put(name, z / total));
    int top = names.indexOf(bestName);
    String explanation = String.format(java.util.Locale.ROOT,
        "strategy '%s' %s = %s against its norm %s (z %.1f)%s", strategy, bestName, figure(values[top]),
        figure(tracked.norms[top].mean()), best, zs.size() > 1 ? "; also " + others(zs, bestName) : "");
    return new DetectionSignal(Detector.RUNAWAY, DetectionSignal.keyOf(Detector.RUNAWAY, strategy), strategy, best,
        settings.zThreshold(), explanation, attribution, atMillis);
  }

  /**
   * Whether {@link #judge} would find {@code strategy} running away at {@code atMillis}, without building the
   * finding: the cheap question asked on every event of a strategy whose episode is already open.
   */
  public boolean firing(String strategy, long atMillis) {
    Tracked tracked = strategies.get(strategy);
    return tracked != null && tracked.norms[0].samples() >= settings.warmUpSeconds()
        && firing(tracked, features(strategy, atMillis).toArray());
  }

  private boolean firing(Tracked tracked, double[] values) {
    for (int i = 0; i < values.length; i++) {
      FeatureNorm norm = tracked.norms[i];
      double sigma = Math.max(norm.sigma(), 0.1 * Math.abs(norm.mean()));
      if ((values[i] - norm.mean()) / sigma >= settings.zThreshold() && values[i] >= settings.minimums()[i]) {
        return true;
      }
    }
    return false;
  }

  private static String others(Map<String, Double> zs, String except) {
    List<String> parts = new ArrayList<>();
    new java.util.TreeMap<>(zs).forEach((name, z) -> {
      if (!name.equals(except)) {
        parts.add(String.format(java.util.Locale.ROOT, "%s (z %.1f)", name, z));
      }
    });
    return String.join(", ", parts);
  }

  private static String figure(double value) {
    return Math.abs(value) >= 1000 ? String.format(java.util.Locale.ROOT, "%,.0f", value)
        : String.format(java.util.Locale.ROOT, "%.2f", value);
  }

  /**
   * The strategy's record, after folding every second completed before {@code atMillis}'s into its norms (and
   * telling {@code completedSeconds} of each active one).
   */
  private Tracked tracked(String strategy, long atMillis) {
    Tracked tracked = strategies.computeIfAbsent(strategy, s -> new Tracked(settings));
    long now = Math.floorDiv(atMillis, 1000);
    long last = tracked.flow.currentSecond();
    if (last != Long.MIN_VALUE && now > last) {
      OrderFlowFeatures completed = tracked.flow.featuresAt(last);
      tracked.fold(completed);
      completedSeconds.completed(strategy, last, completed);
      long idle = now - last - 1;
      long folded = Math.min(idle, StrategyFlow.SECONDS);
      for (long s = last + 1; s <= last + folded; s++) {
        tracked.fold(tracked.flow.featuresAt(s));
      }
      if (idle > folded) {
        for (FeatureNorm norm : tracked.norms) {
          norm.addRepeated(0, idle - folded);
        }
      }
    }
    return tracked;
  }

  /** One strategy: its flow and one norm per feature. */
  private static final class Tracked {
    final StrategyFlow flow = new StrategyFlow();
    final FeatureNorm[] norms;

    Tracked(RunawaySettings settings) {
      norms = new FeatureNorm[OrderFlowFeatures.NAMES.size()];
      for (int i = 0; i < norms.length; i++) {
        norms[i] = new FeatureNorm(settings.halfLifeSeconds(), settings.warmUpSeconds(), WINSOR_SIGMAS,
            settings.sigmaFloors()[i]);
      }
    }

    void fold(OrderFlowFeatures features) {
      double[] values = features.toArray();
      for (int i = 0; i < values.length; i++) {
        norms[i].add(values[i]);
      }
    }
  }
}
