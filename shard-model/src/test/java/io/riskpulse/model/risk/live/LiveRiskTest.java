package io.riskpulse.model.risk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.portfolio.Position;
import io.riskpulse.model.risk.PriceSource;
import io.riskpulse.model.risk.liquidity.LiquiditySettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveRiskTest {

  private final Map<String, Double> quotes = new HashMap<>();
  private final AtomicLong marketVersion = new AtomicLong();
  private final PriceSource prices = new PriceSource() {
    @Override
    public double markPrice(String symbol) {
      return quotes.getOrDefault(symbol, Double.NaN);
    }

    @Override
    public double fxToReporting(String symbol) {
      return 1.0;
    }

    @Override
    public double currencyToReporting(String currency) {
      return 1.0;
    }
  };

  private LiveRisk liveRisk() {
    int n = 500;
    double[][] shocks = new double[2][n];
    Random random = new Random(1);
    List<LocalDate> dates = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      shocks[0][s] = random.nextGaussian() * 0.02;
      shocks[1][s] = random.nextGaussian() * 0.01;
      dates.add(LocalDate.of(2020, 1, 1).plusDays(s));
    }
    ScenarioSet set = ScenarioSet.of(List.of("XYZ", "ABC"), dates,
        List.of(ReturnType.RELATIVE, ReturnType.RELATIVE), shocks);
    InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
        new Instrument("XYZ", AssetClass.EQUITY, "USD", 1, "x", "US", 1e9),
        new Instrument("ABC", AssetClass.EQUITY, "USD", 1, "x", "US", 1e9),
        new Instrument("QQQ", AssetClass.EQUITY, "USD", 1, "x", "US", 1e9)));
    return new LiveRisk("P", new RiskModel(set, List.of(), "test"), prices, marketVersion::get, instruments,
        "USD", LiquiditySettings.DEFAULTS);
  }

  @Test
  void shouldJudgeAFillOnTheWholeHeldPositionWhenItsPriceIsFirstKnownFromTheFill() {
    LiveRisk risk = liveRisk();
    // Recovered with 1,000 XYZ held; the market has not quoted XYZ yet and fill prices died with the process.
    risk.sync(List.of(Position.flat("XYZ").apply(1000, 100)));
    assertTrue(Double.isNaN(risk.measures(0).valueAtRisk99()), "no price yet: VaR unknown");
    // A fill of +10 at 100 arrives: its price is recorded, then the portfolio asks for the what-if of 1,010.
    risk.recordFillPrices(Map.of("XYZ", 100.0));
    double whatIf = risk.whatIf(Map.of("XYZ", 1010.0), 0, false).valueAtRisk99();
    risk.sync(List.of(Position.flat("XYZ").apply(1010, 100)));
    double after = risk.measures(1).valueAtRisk99();
    assertTrue(after > 0);
    assertEquals(after, whatIf, after * 1e-9, "the what-if judged only the new fill");
  }

  @Test
  void shouldRecomputeOnlyWhenAHeldInstrumentMoves() {
    LiveRisk risk = liveRisk();
    quotes.put("XYZ", 100.0);
    quotes.put("ABC", 50.0);
    marketVersion.incrementAndGet();
    risk.sync(List.of(Position.flat("XYZ").apply(1000, 100)));
    RiskMeasures first = risk.measures(1);

    quotes.put("ABC", 51.0); // not held
    marketVersion.incrementAndGet();
    assertFalse(risk.refresh(), "a move of an instrument the portfolio does not hold changes nothing");
    assertEquals(first.valueAtRisk99(), risk.measures(2).valueAtRisk99());

    quotes.put("XYZ", 110.0);
    marketVersion.incrementAndGet();
    assertTrue(risk.refresh());
    assertEquals(first.valueAtRisk99() * 1.1, risk.measures(3).valueAtRisk99(), first.valueAtRisk99() * 1e-9);
  }

  @Test
  void shouldFailClosedWhenAHeldInstrumentLosesItsPrice() {
    LiveRisk risk = liveRisk();
    quotes.put("XYZ", 100.0);
    marketVersion.incrementAndGet();
    risk.sync(List.of(Position.flat("XYZ").apply(1000, 100)));
    assertTrue(risk.measures(1).valueAtRisk99() > 0);

    quotes.put("XYZ", Double.NaN); // e.g. its FX rate is gone: no reporting-currency price
    marketVersion.incrementAndGet();
    RiskMeasures unknown = risk.measures(2);
    assertTrue(Double.isNaN(unknown.valueAtRisk99()), "VaR from a stale price: " + unknown);
    assertEquals(List.of("no price or FX rate for XYZ"), unknown.varProblems());
  }
}
