package io.riskpulse.bench;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The instrument universe the node ships with (classpath {@code riskpulse/sim/universe.csv}, 33 instruments in
 * five currencies with their FX pairs), and deterministic quotes over it, so every benchmark prices the same
 * realistic reference data the demo uses.
 */
public final class BenchUniverse {

  /** Classpath resource of the node's default instrument universe. */
  public static final String RESOURCE = "riskpulse/sim/universe.csv";

  private BenchUniverse() {}

  public static InstrumentRegistry instruments() {
    try (InputStream in = BenchUniverse.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return InstrumentRegistry.parse(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The symbols of the universe, in file order. */
  public static List<String> symbols(InstrumentRegistry instruments) {
    List<String> symbols = new ArrayList<>();
    for (Instrument instrument : instruments.all()) {
      symbols.add(instrument.symbol());
    }
    return symbols;
  }

  /**
   * {@code count} valid two-sided quotes cycling over the symbols, mid near 100 (FX pairs near their usual
   * level so cross-currency valuation stays sane), spread 0.02, all with the same exchange time (the market
   * view accepts equal times, so replaying the array in a loop is never refused as out of order).
   */
  public static Quote[] quotes(List<String> symbols, int count, long timestampMillis) {
    Quote[] quotes = new Quote[count];
    for (int i = 0; i < count; i++) {
      String symbol = symbols.get(i % symbols.size());
      double mid = referencePrice(symbol) * (1 + 0.001 * ((i * 7919) % 21 - 10));
      quotes[i] = new Quote(symbol, Double.NaN, mid - 0.01 * mid / 100, mid + 0.01 * mid / 100, timestampMillis);
    }
    return quotes;
  }

  /** A plausible level per symbol: FX pairs at their rough rate, everything else at 100. */
  public static double referencePrice(String symbol) {
    switch (symbol) {
      case "EURUSD":
        return 1.08;
      case "GBPUSD":
        return 1.27;
      case "USDJPY":
        return 150;
      case "USDTWD":
        return 32;
      case "AUDUSD":
        return 0.66;
      default:
        return 100;
    }
  }

  /** A market view holding one quote for every symbol of the universe. */
  public static MarketView pricedMarket(InstrumentRegistry instruments) {
    MarketView market = new MarketView(instruments);
    for (Quote quote : quotes(symbols(instruments), instruments.size(), 1)) {
      if (market.update(quote) != null) {
        throw new IllegalStateException("market view refused " + quote);
      }
    }
    return market;
  }
}
