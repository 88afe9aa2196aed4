package io.riskpulse.bench.kernel;

import io.riskpulse.bench.BenchUniverse;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.portfolio.Position;
import io.riskpulse.model.risk.PortfolioValuer;
import io.riskpulse.model.risk.PriceSource;
import io.riskpulse.model.risk.ReportingPrices;
import io.riskpulse.model.risk.Valuation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PortfolioValuer#value} of a 30-position portfolio (the first 30 instruments of the node's universe:
 * equities in USD, EUR, GBP, JPY and TWD, indices, rates, credit, FX pairs and commodities, long and short),
 * with cash in two currencies:
 *
 * <ul>
 *   <li>{@code marketView}: prices and FX rates from {@link ReportingPrices} over a {@link MarketView} holding a
 *       quote per instrument, reporting in USD: what a portfolio entity does after every fill and every
 *       mark interval;
 *   <li>{@code singleCurrency}: marks from a plain map and every FX rate 1, the valuation arithmetic alone.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PortfolioValuerBenchmark {

  private static final int POSITIONS = 30;

  private List<Position> positions;
  private Map<String, Double> cash;
  private PriceSource marketPrices;
  private PriceSource mapPrices;

  @Setup
  public void setUp() {
    InstrumentRegistry instruments = BenchUniverse.instruments();
    MarketView market = BenchUniverse.pricedMarket(instruments);
    List<String> symbols = BenchUniverse.symbols(instruments);
    if (symbols.size() < POSITIONS) {
      throw new IllegalStateException("the universe has only " + symbols.size() + " instruments");
    }
    positions = new ArrayList<>(POSITIONS);
    Map<String, Double> marks = new HashMap<>();
    for (int i = 0; i < POSITIONS; i++) {
      String symbol = symbols.get(i);
      double price = BenchUniverse.referencePrice(symbol);
      double quantity = (i % 3 == 0 ? -1 : 1) * 100.0 * (1 + i % 7);
      positions.add(new Position(symbol, quantity, price * (1 - 0.002 * (i % 5)), 10.0 * i));
      marks.put(symbol, market.markPrice(symbol));
    }
    cash = new TreeMap<>(Map.of("USD", 1_000_000.0, "EUR", 250_000.0));
    marketPrices = new ReportingPrices(market, instruments, "USD");
    mapPrices = symbol -> marks.getOrDefault(symbol, Double.NaN);
  }

  @Benchmark
  public Valuation marketView() {
    return PortfolioValuer.value(positions, cash, marketPrices);
  }

  @Benchmark
  public Valuation singleCurrency() {
    return PortfolioValuer.value(positions, 1_000_000.0, mapPrices);
  }
}
