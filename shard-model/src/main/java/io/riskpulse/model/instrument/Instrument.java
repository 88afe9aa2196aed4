package io.riskpulse.model.instrument;

import io.riskpulse.model.CborSerializable;
import java.util.Objects;

/**
 * Reference data of one tradable instrument. Immutable and thread-safe.
 *
 * @param symbol unique ticker used in every message (case-sensitive)
 * @param assetClass broad asset class
 * @param currency ISO 4217 code of the price currency
 * @param lotSize minimum tradable quantity step, in units of the instrument (shares, contracts, ...); &gt; 0
 * @param sector sector or sub-class where known, else {@code ""}
 * @param region region where known, else {@code ""}
 * @param averageDailyVolume average daily traded volume (ADV), instrument units per day (the units of
 *     {@code lotSize}: shares, contracts, units of base currency, coins); NaN when unknown. Days to liquidate and
 *     market impact divide by it, so an unknown ADV makes them unknown and a liquidity limit breaches (fail
 *     closed); it never reads as "perfectly liquid". 0 also means unknown: it is what an {@code Instrument}
 *     serialized before this field existed deserializes to (Jackson's default for a missing primitive), and no
 *     instrument anyone holds really trades nothing.
 */
public record Instrument(
    String symbol, AssetClass assetClass, String currency, double lotSize, String sector, String region,
    double averageDailyVolume)
    implements CborSerializable {

  public Instrument {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(assetClass, "assetClass");
    Objects.requireNonNull(currency, "currency");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    if (!(lotSize > 0) || Double.isInfinite(lotSize)) {
      throw new IllegalArgumentException("lotSize must be a positive finite number, was " + lotSize);
    }
    sector = sector == null ? "" : sector;
    region = region == null ? "" : region;
    if (averageDailyVolume == 0) {
      averageDailyVolume = Double.NaN;
    }
    if (averageDailyVolume < 0 || Double.isInfinite(averageDailyVolume)) {
      throw new IllegalArgumentException(
          "averageDailyVolume must be a positive finite number or NaN (unknown), was " + averageDailyVolume);
    }
  }

  /** An instrument whose average daily volume is unknown (NaN): the fields before ADV existed. */
  public Instrument(
      String symbol, AssetClass assetClass, String currency, double lotSize, String sector, String region) {
    this(symbol, assetClass, currency, lotSize, sector, region, Double.NaN);
  }

  /** Whether the average daily volume is known (a positive finite number). */
  public boolean hasAverageDailyVolume() {
    return !Double.isNaN(averageDailyVolume);
  }
}
