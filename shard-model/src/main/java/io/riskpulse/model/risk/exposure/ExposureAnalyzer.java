package io.riskpulse.model.risk.exposure;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.risk.PositionValuation;
import io.riskpulse.model.risk.Valuation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Breaks a {@link Valuation} down into exposures by asset class, currency and sector and measures its
 * concentration. Builds on the notionals {@link io.riskpulse.model.risk.PortfolioValuer} computed (marked,
 * converted to the reporting currency) rather than valuing again. Pure and stateless; O(positions).
 */
public final class ExposureAnalyzer {

  /** Sector key of instruments whose reference data has no sector. */
  public static final String UNSPECIFIED_SECTOR = "unspecified";

  private ExposureAnalyzer() {}

  /**
   * @param valuation the book, marked and converted
   * @param instruments reference data giving each symbol's asset class, currency and sector
   */
  public static ExposureReport analyze(Valuation valuation, InstrumentRegistry instruments) {
    ExposureBucket total = ExposureBucket.EMPTY;
    Map<AssetClass, ExposureBucket> byAssetClass = new EnumMap<>(AssetClass.class);
    Map<String, ExposureBucket> byCurrency = new TreeMap<>();
    Map<String, ExposureBucket> bySector = new TreeMap<>();
    ExposureBucket unclassified = ExposureBucket.EMPTY;
    List<String> unclassifiedSymbols = new ArrayList<>();
    List<PositionValuation> open = new ArrayList<>();
    for (PositionValuation position : valuation.positions()) {
      if (position.quantity() == 0) {
        continue;
      }
      open.add(position);
      double notional = position.notional();
      total = total.plus(notional);
      Optional<Instrument> instrument = instruments.find(position.symbol());
      if (instrument.isEmpty()) {
        unclassified = unclassified.plus(notional);
        unclassifiedSymbols.add(position.symbol());
        continue;
      }
      Instrument reference = instrument.get();
      byAssetClass.merge(reference.assetClass(), ExposureBucket.EMPTY.plus(notional), ExposureAnalyzer::merge);
      byCurrency.merge(reference.currency(), ExposureBucket.EMPTY.plus(notional), ExposureAnalyzer::merge);
      String sector = reference.sector().isBlank() ? UNSPECIFIED_SECTOR : reference.sector();
      bySector.merge(sector, ExposureBucket.EMPTY.plus(notional), ExposureAnalyzer::merge);
    }
    return new ExposureReport(total, Collections.unmodifiableMap(byAssetClass),
        Collections.unmodifiableMap(byCurrency), Collections.unmodifiableMap(bySector), unclassified,
        unclassifiedSymbols, concentration(open, total.grossExposure()));
  }

  /**
   * Largest share and Herfindahl index of open positions. NaN gross (a position without FX rate) gives NaN
   * shares: concentration cannot be judged, and a limit on it breaches.
   */
  static Concentration concentration(List<PositionValuation> open, double gross) {
    if (Double.isNaN(gross)) {
      return new Concentration("", Double.NaN, Double.NaN, Double.NaN);
    }
    if (gross == 0) {
      return Concentration.NONE;
    }
    String largestSymbol = "";
    double largest = -1;
    double herfindahl = 0;
    for (PositionValuation position : open) {
      double size = Math.abs(position.notional());
      double share = size / gross;
      herfindahl += share * share;
      if (size > largest) {
        largest = size;
        largestSymbol = position.symbol();
      }
    }
    return new Concentration(largestSymbol, largest / gross, herfindahl, 1 / herfindahl);
  }

  private static ExposureBucket merge(ExposureBucket a, ExposureBucket b) {
    double longExposure = a.longExposure() + b.longExposure();
    double shortExposure = a.shortExposure() + b.shortExposure();
    return new ExposureBucket(longExposure, shortExposure, longExposure + shortExposure,
        longExposure - shortExposure, a.positions() + b.positions());
  }
}
