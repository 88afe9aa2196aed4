package io.riskpulse.bench.kernel;

import io.riskpulse.model.collect.BoundedIdRing;
import io.riskpulse.model.collect.BoundedInsertionMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a portfolio's execution-id window costs per fill: look up a new id (a miss, as for every fill that is not a
 * redelivery) and remember it, forgetting the oldest, in a window that is already full. {@code ring} is the window
 * as shipped ({@link BoundedIdRing}: no object per id), {@code map} the structure it replaced
 * ({@link BoundedInsertionMap} of boxed fingerprints, which keeps each id's {@code String}). The id string is made
 * per fill in both, as the wire decoder makes it. Run with {@code -prof gc}: B/op is the same for both (the id
 * string), the difference is what stays live, which JMH does not show (PERFORMANCE.md section 32).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExecutionIdWindowBenchmark {

  @Param({"ring", "map"})
  public String window;

  /** Ids the window keeps ({@code riskpulse.portfolio.dedup-window} ships 100,000). */
  @Param({"1000", "100000"})
  public int capacity;

  private BoundedIdRing ring;
  private BoundedInsertionMap<Integer> map;
  private boolean useRing;
  private long next;

  @Setup(Level.Trial)
  public void fill() {
    useRing = window.equals("ring");
    ring = new BoundedIdRing(capacity);
    map = new BoundedInsertionMap<>(capacity, forgotten -> { });
    next = 1_000_000_000L;
    for (int i = 0; i < capacity; i++) {
      if (useRing) {
        rememberInRing(nextId());
      } else {
        rememberInMap(nextId());
      }
    }
  }

  private String nextId() {
    return "EXEC-" + next++;
  }

  private boolean rememberInRing(String id) {
    return !ring.contains(id) && ring.add(id, id.length());
  }

  private boolean rememberInMap(String id) {
    if (map.containsKey(id)) {
      return false;
    }
    map.put(id, Integer.valueOf(id.length() * 31));
    return true;
  }

  @Benchmark
  public boolean newFill() {
    return useRing ? rememberInRing(nextId()) : rememberInMap(nextId());
  }
}
