package io.riskpulse.model.detect.flow;

import com.typesafe.config.Config;

/**
 * How fills are judged for market impact ({@code riskpulse.detection.impact}).
 *
 * @param slippageMultiple how many times the expected cost a fill's slippage may reach
 * @param minimumSlippageBp slippage below this never counts, basis points of the mid
 * @param impactCoefficient Y of the square-root model {@code Y · σ_daily · sqrt(Q / ADV)}
 * @param maxVolumeShare the share of an instrument's traded volume the portfolio may take over the window (0..1]
 * @param volumeWindowSeconds the window of the volume share, seconds
 * @param minimumMarketVolume market volume in the window below which the share is not judged, instrument units
 */
public record ImpactSettings(double slippageMultiple, double minimumSlippageBp, double impactCoefficient,
    double maxVolumeShare, int volumeWindowSeconds, double minimumMarketVolume) {

  /**
   * Slippage beyond 3× the expected cost and at least 50 bp (a fill half a percent through the mid); a 25% share
   * of the volume over a minute, judged once the market has traded 1,000 units in it.
   */
  public static final ImpactSettings DEFAULTS = new ImpactSettings(3, 50, 1.0, 0.25, 60, 1_000);

  public ImpactSettings {
    if (!(slippageMultiple > 0) || !(minimumSlippageBp >= 0) || !(impactCoefficient > 0)
        || !(maxVolumeShare > 0 && maxVolumeShare <= 1) || volumeWindowSeconds < 1 || !(minimumMarketVolume >= 0)) {
      throw new IllegalArgumentException("impact settings out of range: " + slippageMultiple + ", "
          + minimumSlippageBp + ", " + impactCoefficient + ", " + maxVolumeShare + ", " + volumeWindowSeconds
          + ", " + minimumMarketVolume);
    }
  }

  /** Reads the {@code impact} keys of {@code riskpulse.detection}; absent keys keep their defaults. */
  public static ImpactSettings fromConfig(Config config) {
    return new ImpactSettings(
        config.hasPath("slippage-multiple") ? config.getDouble("slippage-multiple") : DEFAULTS.slippageMultiple,
        config.hasPath("minimum-slippage-bp") ? config.getDouble("minimum-slippage-bp") : DEFAULTS.minimumSlippageBp,
        config.hasPath("impact-coefficient") ? config.getDouble("impact-coefficient") : DEFAULTS.impactCoefficient,
        config.hasPath("max-volume-share") ? config.getDouble("max-volume-share") : DEFAULTS.maxVolumeShare,
        config.hasPath("volume-window") ? (int) config.getDuration("volume-window").toSeconds()
            : DEFAULTS.volumeWindowSeconds,
        config.hasPath("minimum-market-volume") ? config.getDouble("minimum-market-volume")
            : DEFAULTS.minimumMarketVolume);
  }
}
