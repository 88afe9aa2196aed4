package io.riskpulse.model.portfolio;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@link PreTradeGate} of every portfolio entity running on this node, by portfolio id: where the node's
 * {@link PortfolioClient} looks first when it checks an order. A portfolio without one here (resident on another
 * node, not started, or between incarnations) is asked through cluster sharding.
 *
 * <p>It also counts, for the whole node, the checks its gates judged in place and those that found the entity busy
 * and asked it instead ({@link #judgedInPlace}, {@link #foundBusy}): their ratio is how much of the in-place path a
 * node actually takes.
 *
 * <p>Thread-safe: entities register and unregister from their own threads, callers look up from any; the counts are
 * {@link LongAdder}s, incremented by callers' threads.
 */
public final class PreTradeGates {

  private final ConcurrentHashMap<String, PreTradeGate> gates = new ConcurrentHashMap<>();
  private final LongAdder judged = new LongAdder();
  private final LongAdder busy = new LongAdder();

  /** A new entity's gate, counting into this node's figures. */
  PreTradeGate newGate() {
    return new PreTradeGate(judged, busy);
  }

  /** Checks judged in place by this node's gates since the node started. */
  public long judgedInPlace() {
    return judged.sum();
  }

  /** Checks that found their entity busy and asked it instead, on this node since it started. */
  public long foundBusy() {
    return busy.sum();
  }

  /** The portfolio's gate on this node, open or not, or {@code null}. */
  public PreTradeGate find(String portfolioId) {
    return gates.get(portfolioId);
  }

  /** Entity only: {@code gate} is this portfolio's from now on, replacing an earlier incarnation's. */
  void register(String portfolioId, PreTradeGate gate) {
    gates.put(portfolioId, gate);
  }

  /** Entity only: drops {@code gate} if it is still the portfolio's (a newer incarnation's stays). */
  void unregister(String portfolioId, PreTradeGate gate) {
    gates.remove(portfolioId, gate);
  }

  /** Gates registered here (entities running on this node). */
  public int size() {
    return gates.size();
  }
}
