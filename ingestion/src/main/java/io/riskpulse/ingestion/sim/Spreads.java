package io.riskpulse.ingestion.sim;

import io.riskpulse.model.instrument.AssetClass;

/**
 * Quoted bid/ask spreads of simulated and replayed quotes, by asset class. Stateless.
 *
 * <p>The spreads are typical orders of magnitude for liquid instruments of each class, not calibrated figures:
 * no order-book data is available (see {@code shared/data/SOURCES.md}). They only need to be small, positive
 * and different enough across classes that the cost of crossing them shows in P&amp;L.
 */
final class Spreads {

  private Spreads() {}

  /** Half of the bid/ask spread as a fraction of the mid price (1 bp = 0.0001). */
  static double halfSpread(AssetClass assetClass) {
    switch (assetClass) {
      case EQUITY_INDEX:
      case FX:
        return 0.5e-4;
      case RATES:
        return 1e-4;
      case EQUITY:
      case COMMODITY:
        return 2e-4;
      case CREDIT:
      case REAL_ESTATE:
        return 3e-4;
      case CRYPTO:
        return 5e-4;
      default:
        throw new IllegalArgumentException(assetClass.name());
    }
  }
}
