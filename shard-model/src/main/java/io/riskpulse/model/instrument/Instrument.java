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
 */
public record Instrument(
    String symbol, AssetClass assetClass, String currency, double lotSize, String sector, String region)
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
  }
}
