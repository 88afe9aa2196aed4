package io.riskpulse.model.risk.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.portfolio.Position;
import io.riskpulse.model.risk.PortfolioValuer;
import io.riskpulse.model.risk.PriceSource;
import io.riskpulse.model.risk.Valuation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExposureAnalyzerTest {

  private static final InstrumentRegistry INSTRUMENTS = InstrumentRegistry.of(List.of(
      new Instrument("AAPL", AssetClass.EQUITY, "USD", 1, "tech", "US"),
      new Instrument("MSFT", AssetClass.EQUITY, "USD", 1, "tech", "US"),
      new Instrument("SAP", AssetClass.EQUITY, "EUR", 1, "tech", "EU"),
      new Instrument("TLT", AssetClass.RATES, "USD", 1, "", "US")));

  private static final Map<String, Double> MARKS = Map.of("AAPL", 200.0, "MSFT", 400.0, "SAP", 100.0, "TLT", 90.0,
      "XYZ", 10.0, "EURUSD", 1.2);

  private static PriceSource prices(String eurusdSymbol) {
    return new PriceSource() {
      @Override
      public double markPrice(String symbol) {
        return MARKS.getOrDefault(symbol, Double.NaN);
      }

      @Override
      public double fxToReporting(String symbol) {
        return symbol.equals("SAP") ? MARKS.getOrDefault(eurusdSymbol, Double.NaN) : 1;
      }
    };
  }

  /** Long 50 AAPL (10,000), short 10 MSFT (-4,000), long 50 SAP (5,000 EUR = 6,000 USD), long 10 TLT (900), short 10 XYZ (-100). */
  private static Valuation book(String eurusdSymbol) {
    List<Position> positions = List.of(
        Position.flat("AAPL").apply(50, 150), Position.flat("MSFT").apply(-10, 410), Position.flat("SAP").apply(50, 90),
        Position.flat("TLT").apply(10, 95), Position.flat("XYZ").apply(-10, 11), Position.flat("FLAT"));
    return PortfolioValuer.value(positions, 0, prices(eurusdSymbol));
  }

  @Test
  void shouldBreakExposureDownByAssetClassCurrencyAndSector() {
    ExposureReport report = ExposureAnalyzer.analyze(book("EURUSD"), INSTRUMENTS);

    assertEquals(new ExposureBucket(16_900, 4_100, 21_000, 12_800, 5), report.total());
    assertEquals(new ExposureBucket(16_000, 4_000, 20_000, 12_000, 3), report.byAssetClass().get(AssetClass.EQUITY));
    assertEquals(new ExposureBucket(900, 0, 900, 900, 1), report.byAssetClass().get(AssetClass.RATES));
    assertEquals(List.of(AssetClass.EQUITY, AssetClass.RATES), List.copyOf(report.byAssetClass().keySet()));
    assertEquals(new ExposureBucket(6_000, 0, 6_000, 6_000, 1), report.byCurrency().get("EUR"));
    assertEquals(new ExposureBucket(10_900, 4_000, 14_900, 6_900, 3), report.byCurrency().get("USD"));
    assertEquals(new ExposureBucket(16_000, 4_000, 20_000, 12_000, 3), report.bySector().get("tech"));
    assertEquals(new ExposureBucket(900, 0, 900, 900, 1), report.bySector().get(ExposureAnalyzer.UNSPECIFIED_SECTOR));
    assertEquals(new ExposureBucket(0, 100, 100, -100, 1), report.unclassified());
    assertEquals(List.of("XYZ"), report.unclassifiedSymbols());
  }

  @Test
  void shouldAgreeWithTheValuationTotals() {
    Valuation valuation = book("EURUSD");
    ExposureReport report = ExposureAnalyzer.analyze(valuation, INSTRUMENTS);
    assertEquals(valuation.grossExposure(), report.total().grossExposure(), 1e-9);
    assertEquals(valuation.netExposure(), report.total().netExposure(), 1e-9);
  }

  @Test
  void shouldMeasureConcentration() {
    Concentration concentration = ExposureAnalyzer.analyze(book("EURUSD"), INSTRUMENTS).concentration();
    assertEquals("AAPL", concentration.largestSymbol());
    assertEquals(10_000 / 21_000.0, concentration.largestShare(), 1e-12);
    double[] sizes = {10_000, 4_000, 6_000, 900, 100};
    double herfindahl = 0;
    for (double size : sizes) {
      herfindahl += (size / 21_000) * (size / 21_000);
    }
    assertEquals(herfindahl, concentration.herfindahl(), 1e-12);
    assertEquals(1 / herfindahl, concentration.effectivePositions(), 1e-9);
  }

  @Test
  void shouldGiveOneOverNForEqualPositionsAndOneForASinglePosition() {
    PriceSource flat = symbol -> 10;
    Valuation four = PortfolioValuer.value(List.of(Position.flat("A").apply(1, 10), Position.flat("B").apply(-1, 10),
        Position.flat("C").apply(1, 10), Position.flat("D").apply(-1, 10)), 0, flat);
    Concentration equal = ExposureAnalyzer.analyze(four, INSTRUMENTS).concentration();
    assertEquals(0.25, equal.herfindahl(), 1e-15);
    assertEquals(4, equal.effectivePositions(), 1e-12);
    assertEquals(0.25, equal.largestShare(), 1e-15);

    Valuation single = PortfolioValuer.value(List.of(Position.flat("A").apply(3, 10)), 0, flat);
    assertEquals(new Concentration("A", 1, 1, 1), ExposureAnalyzer.analyze(single, INSTRUMENTS).concentration());

    Valuation empty = PortfolioValuer.value(List.of(), 0, flat);
    ExposureReport none = ExposureAnalyzer.analyze(empty, INSTRUMENTS);
    assertEquals(Concentration.NONE, none.concentration());
    assertEquals(ExposureBucket.EMPTY, none.total());
  }

  @Test
  void shouldPropagateAMissingFxRateAsNaN() {
    ExposureReport report = ExposureAnalyzer.analyze(book("NOPE"), INSTRUMENTS);
    assertTrue(Double.isNaN(report.total().grossExposure()));
    assertTrue(Double.isNaN(report.byCurrency().get("EUR").netExposure()));
    assertEquals(14_900, report.byCurrency().get("USD").grossExposure(), 1e-9);
    assertTrue(Double.isNaN(report.concentration().herfindahl()));
    assertTrue(Double.isNaN(report.concentration().largestShare()));
  }
}
