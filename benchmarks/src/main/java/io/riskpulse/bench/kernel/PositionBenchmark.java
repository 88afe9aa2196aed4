package io.riskpulse.bench.kernel;

import io.riskpulse.model.portfolio.Position;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Position#apply} (average-cost accounting) over a cycle of four fills that adds, reduces, crosses
 * through zero and closes, so every branch runs and the position stays bounded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PositionBenchmark {

  private static final double[] QUANTITIES = {100, -40, -110, 50};
  private static final double[] PRICES = {100.0, 101.5, 99.25, 100.75};

  private Position position = Position.flat("AAPL");
  private int next;

  @Benchmark
  public Position apply() {
    position = position.apply(QUANTITIES[next], PRICES[next]);
    next = (next + 1) & 3;
    return position;
  }
}
