package io.riskpulse.ingestion.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.risk.FxRates;
import io.riskpulse.model.risk.PriceSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SimUniverseTest {

  @Test
  void shouldLoadTheDefaultUniverseAsTheNodesInstrumentReference() throws IOException {
    InstrumentRegistry registry;
    try (InputStream in = SimUniverse.class.getResourceAsStream(SimUniverse.DEFAULT_RESOURCE)) {
      registry = InstrumentRegistry.parse(new InputStreamReader(in, StandardCharsets.UTF_8), "universe.csv");
    }
    SimUniverse universe = SimUniverse.loadDefault();

    assertEquals(List.copyOf(registry.all()), universe.instruments());
    assertTrue(universe.size() >= 25 && universe.size() <= 40, "about 30 instruments, was " + universe.size());
    Set<AssetClass> classes = EnumSet.noneOf(AssetClass.class);
    universe.instruments().forEach(i -> classes.add(i.assetClass()));
    assertEquals(EnumSet.allOf(AssetClass.class), classes, "every asset class is represented");
    Instrument eurusd = registry.find("EURUSD").orElseThrow();
    assertEquals(AssetClass.FX, eurusd.assetClass());
    assertEquals(1000, eurusd.lotSize(), 0);
    assertEquals("JPY", registry.find("7203.T").orElseThrow().currency());
    // The adv column reaches the instrument reference: every instrument of the demo has a liquidity figure.
    for (Instrument instrument : universe.instruments()) {
      assertTrue(instrument.hasAverageDailyVolume(), instrument.toString());
    }
    assertEquals(50_000_000, registry.find("AAPL").orElseThrow().averageDailyVolume(), 0);
    assertEquals(100e9, eurusd.averageDailyVolume(), 0, "FX: units of the base currency");
  }

  @Test
  void everyInstrumentCurrencyShouldConvertToUsdWithTheUniversesFxPairsAtTheStartPrices() {
    SimUniverse universe = SimUniverse.loadDefault();
    PriceSource startPrices = symbol -> {
      try {
        return universe.get(symbol).startPrice();
      } catch (IllegalArgumentException notInUniverse) {
        return Double.NaN;
      }
    };

    Set<String> currencies = new TreeSet<>();
    universe.instruments().forEach(i -> currencies.add(i.currency()));
    assertEquals(Set.of("USD", "EUR", "GBP", "JPY", "TWD"), currencies);
    for (String currency : currencies) {
      double rate = FxRates.toReporting(currency, "USD", startPrices);
      assertTrue(Double.isFinite(rate) && rate > 0, currency + " converts to USD, rate " + rate);
    }
    assertEquals(1 / 150.0, FxRates.toReporting("JPY", "USD", startPrices), 1e-12, "USDJPY inverted");
    assertEquals(1 / 32.0, FxRates.toReporting("TWD", "USD", startPrices), 1e-12, "USDTWD inverted");
    assertEquals(1.08, FxRates.toReporting("EUR", "USD", startPrices), 1e-12, "EURUSD direct");
    // The FxRates convention: a pair is named base then quote and priced in the quote currency.
    for (Instrument pair : universe.instruments()) {
      if (pair.assetClass() == AssetClass.FX) {
        assertTrue(pair.symbol().length() == 6 && pair.symbol().endsWith(pair.currency()), pair.toString());
      }
    }
  }

  @Test
  void shouldFollowOnlyCalibratedProxiesWithSaneVolatilities() {
    Calibration calibration = Calibration.loadDefault();
    SimUniverse universe = SimUniverse.loadDefault();

    universe.requireProxiesIn(calibration);
    for (SimUniverse.SimInstrument member : universe.members()) {
      assertTrue(calibration.contains(member.proxy()), member.symbol() + " follows " + member.proxy());
      double vol = member.annualVol(calibration);
      assertTrue(vol >= 0.05 && vol <= 1.0, member.symbol() + " annual vol " + vol);
    }
    double fx = universe.get("EURUSD").annualVol(calibration);
    assertTrue(fx > 0.06 && fx < 0.12, "EURUSD has an FX-like vol, was " + fx);
  }

  @Test
  void shouldRejectAProxyThatIsNotCalibrated() throws IOException {
    SimUniverse universe = SimUniverse.parse(new StringReader(
        "symbol,asset_class,currency,start_price,proxy,beta,idio_vol\nX,equity,USD,10,NOPE,1,0.1\n"), "u.csv");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> universe.requireProxiesIn(Calibration.loadDefault()));
    assertTrue(e.getMessage().contains("X->NOPE"), e.getMessage());
  }

  @Test
  void shouldRejectAMalformedLineWithItsLineNumber() {
    String text = "symbol,asset_class,currency,start_price,proxy,beta,idio_vol\n"
        + "# comment\nX,equity,USD,10,SPY,1,0.1\nY,equity,USD,-3,SPY,1,0.1\n";

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimUniverse.parse(new StringReader(text), "u.csv"));
    assertTrue(e.getMessage().startsWith("u.csv:4: start_price must be a positive"), e.getMessage());
  }
}
