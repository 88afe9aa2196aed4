package io.riskpulse.bench.kernel;

import io.riskpulse.bench.BenchUniverse;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.market.QuoteRejection;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@link MarketView#update} from one writer thread, cycling through 1,024 valid quotes over the node's 33
 * instruments (the ingress applies market data inline on its polling thread, so this is a per-tick cost on the
 * market-data path), and {@link MarketView#markPrice} as read by the entities when they mark to market.
 *
 * <p>Baseline measured in the same run: {@code baselineMapPut} publishes the same quotes with a plain
 * {@link ConcurrentHashMap#put} (the least a thread-safe latest-value map costs); {@code update} adds the
 * instrument check, the price checks, the atomic out-of-order compare and the version counter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MarketViewBenchmark {

  private static final int QUOTES = 1024;

  private MarketView market;
  private Quote[] quotes;
  private String[] symbols;
  private final ConcurrentHashMap<String, Quote> baseline = new ConcurrentHashMap<>();
  private int next;

  @Setup
  public void setUp() {
    InstrumentRegistry instruments = BenchUniverse.instruments();
    market = BenchUniverse.pricedMarket(instruments);
    quotes = BenchUniverse.quotes(BenchUniverse.symbols(instruments), QUOTES, 2);
    symbols = BenchUniverse.symbols(instruments).toArray(new String[0]);
  }

  @Benchmark
  public QuoteRejection update() {
    QuoteRejection rejection = market.update(quotes[next]);
    next = (next + 1) & (QUOTES - 1);
    return rejection;
  }

  @Benchmark
  public Quote baselineMapPut() {
    Quote quote = quotes[next];
    next = (next + 1) & (QUOTES - 1);
    return baseline.put(quote.symbol(), quote);
  }

  @Benchmark
  public double markPrice() {
    double price = market.markPrice(symbols[next]);
    next = next + 1 == symbols.length ? 0 : next + 1;
    return price;
  }
}
