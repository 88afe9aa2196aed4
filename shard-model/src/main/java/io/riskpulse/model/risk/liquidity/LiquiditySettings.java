package io.riskpulse.model.risk.liquidity;

import com.typesafe.config.Config;

/**
 * Tunables of the liquidity measures, from {@code riskpulse.risk.liquidity} (see this module's reference.conf).
 *
 * @param participationRate share of average daily volume that can be traded per day without moving the
 *     market much, in (0, 1]; 0.1 by default
 * @param impactCoefficient Y of the square-root impact law, dimensionless, &gt; 0; about 1 empirically
 * @param spreadMultiplier a of Bangia et al.'s liquidity-adjusted VaR, the number of spread standard
 *     deviations added to the mean spread, ≥ 0
 */
public record LiquiditySettings(double participationRate, double impactCoefficient, double spreadMultiplier) {

  /** The reference.conf values. */
  public static final LiquiditySettings DEFAULTS = new LiquiditySettings(0.1, 1.0, 3.0);

  public LiquiditySettings {
    if (!(participationRate > 0 && participationRate <= 1)) {
      throw new IllegalArgumentException("participation rate must be in (0, 1], was " + participationRate);
    }
    if (!(impactCoefficient > 0) || Double.isInfinite(impactCoefficient)) {
      throw new IllegalArgumentException("impact coefficient must be a positive number, was " + impactCoefficient);
    }
    if (!(spreadMultiplier >= 0) || Double.isInfinite(spreadMultiplier)) {
      throw new IllegalArgumentException("spread multiplier must be a number >= 0, was " + spreadMultiplier);
    }
  }

  public static LiquiditySettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.risk.liquidity");
    return new LiquiditySettings(
        c.getDouble("participation-rate"), c.getDouble("impact-coefficient"), c.getDouble("spread-multiplier"));
  }
}
