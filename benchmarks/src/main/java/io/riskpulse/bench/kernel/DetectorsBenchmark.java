package io.riskpulse.bench.kernel;

import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.detect.DetectionEnvironment;
import io.riskpulse.model.detect.DetectionSettings;
import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.MarketConditions;
import io.riskpulse.model.detect.PortfolioDetectors;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.util.List;
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
 * What one portfolio's detectors cost per fill and per order-flow message ({@link PortfolioDetectors#onFill},
 * {@link PortfolioDetectors#onOrder}) with the shipped settings ({@code riskpulse.detection}, its default rule
 * included) and no episode open: the runaway judgement, the
 * slippage and volume-share checks, and each strategy's Random Cut Forest once per completed second (fills arrive
 * at 1,000 a second of event time over 4 strategies, so the model's cost is spread over 250 fills each).
 *
 * <p>Baseline in the same run: {@code baselineExecution} builds the same execution and nothing else (the floor of
 * the harness itself).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DetectorsBenchmark {

  private static final long T0 = 1_795_680_000_000L;
  private static final String[] STRATEGIES = {"mm", "vwap", "momentum", "pairs"};

  private PortfolioDetectors detectors;
  private final Quote quote = new Quote("SPY", Double.NaN, 99.99, 100.01, T0);
  private long n;

  @Setup
  public void setUp() {
    DetectionSettings shipped = DetectionSettings.fromConfig(ConfigFactory.load().getConfig("riskpulse.detection"));
    detectors = new PortfolioDetectors("bench-1", new DetectionEnvironment(shipped, MarketConditions.NONE,
        new OrderBookView(), symbol -> 0.012));
  }

  private Execution next() {
    long i = n++;
    return new Execution("F" + i, "bench-1", STRATEGIES[(int) (i & 3)], "SPY", (i & 4) == 0 ? Side.BUY : Side.SELL,
        100, 100.005, T0 + i);
  }

  @Benchmark
  public List<DetectionSignal> onFill() {
    Execution fill = next();
    return detectors.onFill(fill, quote, 5e7, fill.executedAtMillis(), key -> false);
  }

  @Benchmark
  public List<DetectionSignal> onOrder() {
    long i = n++;
    OrderEvent order = new OrderEvent((i & 1) == 0 ? OrderAction.NEW : OrderAction.CANCEL, "bench-1",
        STRATEGIES[(int) ((i >> 1) & 3)], "O" + i, "", "SPY", Side.BUY, 100, 100, T0 + i);
    return detectors.onOrder(order, quote, order.timestampMillis(), key -> false);
  }

  @Benchmark
  public Execution baselineExecution() {
    return next();
  }
}
