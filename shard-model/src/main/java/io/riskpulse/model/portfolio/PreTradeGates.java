package io.riskpulse.model.portfolio;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link PreTradeGate} of every portfolio entity running on this node, by portfolio id: where the node's
 * {@link PortfolioClient} looks first when it checks an order. A portfolio without one here (resident on another
 * node, not started, or between incarnations) is asked through cluster sharding.
 *
 * <p>Thread-safe: entities register and unregister from their own threads, callers look up from any.
 */
public final class PreTradeGates {

  private final ConcurrentHashMap<String, PreTradeGate> gates = new ConcurrentHashMap<>();

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
