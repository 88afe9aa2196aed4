package io.riskpulse.model.orderflow;

import io.riskpulse.model.portfolio.Side;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs of executions in one direction, per strategy and instrument, over a sliding window: the input of the
 * MiFID II RTS 6 Art 15(3) repeated-execution throttle. An execution in the other direction ends the run.
 *
 * <p>Transient: after a restart the runs start again empty (what the throttle decided, a disabled strategy, is
 * journaled). Memory is bounded by the limit: a run never holds more than {@code maxKept} times. Not
 * thread-safe: owned by one portfolio entity.
 */
public final class ExecutionStreaks {

  /**
   * One strategy's run in one instrument. Its deque starts with room for two times and grows as needed: a run
   * rarely holds more than a few, and a portfolio keeps a run per strategy and instrument it traded (the default
   * room of 16 cost 56 bytes more per run).
   */
  private static final class Run {
    Side side;
    final ArrayDeque<Long> times = new ArrayDeque<>(2);
  }

  private final Map<String, Run> runs = new HashMap<>();

  /**
   * Records an execution and returns how many executions of the current run fall within the window ending now.
   *
   * @param windowMillis length of the window, milliseconds
   * @param maxKept the most times a run keeps (the throttle's limit + 1 is enough to judge it)
   */
  public int record(String strategy, String symbol, Side side, long nowMillis, long windowMillis, int maxKept) {
    Run run = runs.computeIfAbsent(strategy + '\u0000' + symbol, k -> new Run());
    if (run.side != side) {
      run.side = side;
      run.times.clear();
    }
    while (!run.times.isEmpty() && run.times.peekFirst() <= nowMillis - windowMillis) {
      run.times.pollFirst();
    }
    run.times.addLast(nowMillis);
    while (run.times.size() > maxKept) {
      run.times.pollFirst();
    }
    return run.times.size();
  }

  /** Forgets the runs of a strategy (it was re-enabled: it starts counting again). */
  public void reset(String strategy) {
    runs.keySet().removeIf(key -> key.startsWith(strategy + '\u0000'));
  }
}
