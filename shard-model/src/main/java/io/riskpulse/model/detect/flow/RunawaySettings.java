package io.riskpulse.model.detect.flow;

import com.typesafe.config.Config;
import java.util.List;

/**
 * How the runaway detector judges a strategy against its own norm ({@code riskpulse.detection.runaway}).
 *
 * @param zThreshold standard deviations from the norm at which a feature counts as runaway
 * @param halfLifeSeconds half-life of the norms, active seconds
 * @param warmUpSeconds seconds since a strategy was first seen before it is judged at all
 * @param minimums per feature (in {@link OrderFlowFeatures#NAMES} order) the value below which it never counts,
 *     however far from a quiet norm: 3 messages a second are no runaway even for a strategy that sends one a minute
 * @param sigmaFloors per feature, the smallest σ used to score it, feature units
 */
public record RunawaySettings(
    double zThreshold, double halfLifeSeconds, int warmUpSeconds, double[] minimums, double[] sigmaFloors) {

  /**
   * z ≥ 8 beyond a norm with a 10-minute half-life after 2 active minutes. Minimums: 20 messages/s, 10 new
   * orders/s, cancel ratio 0.95, order-to-trade 100 (50 is a quiet market maker's ordinary lull without fills),
   * 8 one-way fills, 0 net notional (its σ floor of 10% of
   * the mean does the work), 1,000,000 order notional (an occasional trader's ordinary orders score z &gt; 8
   * against its almost idle per-second norm; see docs/DETECTION.md).
   */
  public static final RunawaySettings DEFAULTS = new RunawaySettings(8, 600, 120,
      new double[] {20, 10, 0.95, 100, 8, 0, 1_000_000}, new double[] {1, 1, 0.05, 2, 1, 1, 1});

  public RunawaySettings {
    int n = OrderFlowFeatures.NAMES.size();
    if (!(zThreshold > 0) || !(halfLifeSeconds > 0) || warmUpSeconds < 0) {
      throw new IllegalArgumentException("runaway: z-threshold and half-life must be > 0 and warm-up >= 0, were "
          + zThreshold + ", " + halfLifeSeconds + ", " + warmUpSeconds);
    }
    if (minimums == null || minimums.length != n || sigmaFloors == null || sigmaFloors.length != n) {
      throw new IllegalArgumentException("runaway: minimums and sigma floors need one value per feature " + n);
    }
    for (double floor : sigmaFloors) {
      if (!(floor > 0)) {
        throw new IllegalArgumentException("runaway: sigma floors must be > 0");
      }
    }
    minimums = minimums.clone();
    sigmaFloors = sigmaFloors.clone();
  }

  /** Reads {@code runaway} keys of {@code riskpulse.detection}; absent keys keep their defaults. */
  public static RunawaySettings fromConfig(Config config) {
    double[] minimums = DEFAULTS.minimums.clone();
    if (config.hasPath("minimums")) {
      Config m = config.getConfig("minimums");
      List<String> names = OrderFlowFeatures.NAMES;
      for (int i = 0; i < names.size(); i++) {
        if (m.hasPath(names.get(i))) {
          minimums[i] = m.getDouble(names.get(i));
        }
      }
    }
    return new RunawaySettings(
        config.hasPath("z-threshold") ? config.getDouble("z-threshold") : DEFAULTS.zThreshold,
        config.hasPath("half-life") ? config.getDuration("half-life").toSeconds() : DEFAULTS.halfLifeSeconds,
        config.hasPath("warm-up") ? (int) config.getDuration("warm-up").toSeconds() : DEFAULTS.warmUpSeconds,
        minimums, DEFAULTS.sigmaFloors);
  }
}
