package io.riskpulse.model.risk.exposure;

import io.riskpulse.model.instrument.AssetClass;
import java.util.List;
import java.util.Map;

/**
 * A book's exposures broken down by asset class, price currency and sector, with its concentration.
 * Amounts in the reporting currency of the {@link io.riskpulse.model.risk.Valuation} it was built from.
 * Immutable.
 *
 * <p>A position without an FX rate has a NaN notional (see {@link io.riskpulse.model.risk.PortfolioValuer}),
 * which propagates into every total and bucket it belongs to: limits judged on them breach (fail closed).
 *
 * @param total the whole book
 * @param byAssetClass per asset class, in enum order; positions without reference data are not in it
 * @param byCurrency per price currency (the currency the instrument is quoted in, not a look-through FX
 *     exposure), in currency order
 * @param bySector per sector, in sector order; instruments without a sector under {@code "unspecified"}
 * @param unclassified exposure of positions whose symbol has no reference data
 * @param unclassifiedSymbols their symbols
 * @param concentration largest position and Herfindahl index over the whole book
 */
public record ExposureReport(
    ExposureBucket total,
    Map<AssetClass, ExposureBucket> byAssetClass,
    Map<String, ExposureBucket> byCurrency,
    Map<String, ExposureBucket> bySector,
    ExposureBucket unclassified,
    List<String> unclassifiedSymbols,
    Concentration concentration) {

  public ExposureReport {
    unclassifiedSymbols = List.copyOf(unclassifiedSymbols);
  }
}
