package io.riskpulse.model.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class InstrumentRegistryTest {

  private static InstrumentRegistry parse(String csv) throws Exception {
    return InstrumentRegistry.parse(new StringReader(csv), "test.csv");
  }

  @Test
  void shouldLoadOptionalColumnsWithDefaultsAndSkipComments() throws Exception {
    InstrumentRegistry registry = parse("""
        symbol,asset_class,currency,lot_size,sector,region
        # a comment
        SPY,equity,USD,1,broad,north_america

        7203.T,Equity,JPY,100,,japan
        """);
    assertEquals(2, registry.size());
    Instrument toyota = registry.find("7203.T").orElseThrow();
    assertEquals(AssetClass.EQUITY, toyota.assetClass());
    assertEquals(100, toyota.lotSize(), 0);
    assertEquals("", toyota.sector());
    assertTrue(registry.find("NOPE").isEmpty());
    assertTrue(registry.find(null).isEmpty());
  }

  @Test
  void shouldReadTheAverageDailyVolumeWithBlankAsUnknown() throws Exception {
    InstrumentRegistry registry = parse("""
        symbol,asset_class,currency,lot_size,adv,description
        SPY,equity,USD,1,80000000,S&P 500 ETF
        EURUSD,fx,USD,1000,1.5e11,euro
        XYZ,equity,USD,1,,no volume data
        """);
    assertEquals(80_000_000, registry.find("SPY").orElseThrow().averageDailyVolume(), 0);
    assertEquals(150e9, registry.find("EURUSD").orElseThrow().averageDailyVolume(), 0);
    Instrument unknown = registry.find("XYZ").orElseThrow();
    assertTrue(Double.isNaN(unknown.averageDailyVolume()));
    assertFalse(unknown.hasAverageDailyVolume());
  }

  @Test
  void shouldTolerateAFileWithoutAnAdvColumnAsEveryVolumeUnknown() throws Exception {
    InstrumentRegistry registry = parse("symbol,asset_class,currency,lot_size\nSPY,equity,USD,1\n");
    Instrument spy = registry.find("SPY").orElseThrow();
    assertTrue(Double.isNaN(spy.averageDailyVolume()));
    assertEquals(new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "", ""), spy);
  }

  @Test
  void shouldRefuseAnAdvThatIsNotAPositiveNumberWithItsLineNumber() {
    for (String bad : new String[] {"0", "-5", "lots", "Infinity"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> parse("symbol,asset_class,currency,adv\nSPY,equity,USD,100\nXYZ,equity,USD," + bad + "\n"));
      assertTrue(e.getMessage().startsWith("test.csv:3: "), e.getMessage());
      assertTrue(e.getMessage().contains("adv"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class,
        () -> new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "", "", -1));
  }

  @Test
  void shouldNameTheLineAndTheProblemOfAMalformedFile() {
    IllegalArgumentException badClass = assertThrows(IllegalArgumentException.class,
        () -> parse("symbol,asset_class,currency\nSPY,equity,USD\nXX,stocks,USD\n"));
    assertTrue(badClass.getMessage().startsWith("test.csv:3: unknown asset class 'stocks'"), badClass.getMessage());
    IllegalArgumentException badLot = assertThrows(IllegalArgumentException.class,
        () -> parse("symbol,asset_class,currency,lot_size\nSPY,equity,USD,-1\n"));
    assertTrue(badLot.getMessage().contains("test.csv:2: lotSize must be a positive finite number"),
        badLot.getMessage());
    IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
        () -> parse("symbol,asset_class,currency\nSPY,equity,USD\nSPY,equity,USD\n"));
    assertTrue(duplicate.getMessage().contains("duplicate instrument symbol 'SPY'"), duplicate.getMessage());
    IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
        () -> parse("symbol,currency\nSPY,USD\n"));
    assertTrue(header.getMessage().contains("lacks required column 'asset_class'"), header.getMessage());
  }

  @Test
  void shouldLoadTheInstrumentFileThatShipsWithTheRealDailyPrices() {
    Path file = Path.of(System.getProperty("riskpulse.shared.data", "../../shared/data"), "daily",
        "instruments.csv");
    Assumptions.assumeTrue(Files.isRegularFile(file), "shared data folder absent: " + file + " (skipped)");
    InstrumentRegistry registry = InstrumentRegistry.load(file);
    assertEquals(13, registry.size());
    assertEquals(AssetClass.EQUITY_INDEX, registry.find("SPXTR").orElseThrow().assetClass());
  }
}
