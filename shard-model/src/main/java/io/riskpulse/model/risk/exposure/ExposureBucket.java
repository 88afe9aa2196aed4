package io.riskpulse.model.risk.exposure;

/**
 * Exposure of a group of positions (an asset class, a currency, a sector, or the whole book), reporting
 * currency. Immutable.
 *
 * @param longExposure Σ notional of long positions, ≥ 0
 * @param shortExposure Σ |notional| of short positions, ≥ 0
 * @param grossExposure long + short
 * @param netExposure long − short
 * @param positions number of open positions in the group
 */
public record ExposureBucket(
    double longExposure, double shortExposure, double grossExposure, double netExposure, int positions) {

  /** No position. */
  public static final ExposureBucket EMPTY = new ExposureBucket(0, 0, 0, 0, 0);

  /** This bucket with one more position of the given signed notional. NaN propagates (fail closed). */
  public ExposureBucket plus(double notional) {
    double addLong = notional > 0 ? notional : 0;
    double addShort = notional < 0 ? -notional : 0;
    if (Double.isNaN(notional)) {
      addLong = Double.NaN;
      addShort = Double.NaN;
    }
    double newLong = longExposure + addLong;
    double newShort = shortExposure + addShort;
    return new ExposureBucket(newLong, newShort, newLong + newShort, newLong - newShort, positions + 1);
  }
}
