package io.riskpulse.model.detect.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest market state (mid, spread) per symbol, joined into predicates as {@code market.mid} and {@code
 * market.spread}. Bounded: at most {@link #MAX_SYMBOLS}; the symbol updated least recently is dropped first (its
 * {@code market.*} reads NaN again until its next update). Not thread-safe.
 */
final class MarketBook {

  /** The most symbols kept. */
  static final int MAX_SYMBOLS = 10_000;

  private final LinkedHashMap<String, RuleEngineState.MarketState> latest = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, RuleEngineState.MarketState> eldest) {
      return size() > MAX_SYMBOLS;
    }
  };

  void update(RuleEvent.Market market, long nowMillis) {
    latest.remove(market.symbol());
    latest.put(market.symbol(),
        new RuleEngineState.MarketState(market.symbol(), market.mid(), market.spread(), nowMillis));
  }

  /** {@code field} (mid or spread) of {@code symbol}, NaN when unknown. */
  double get(String symbol, Field field) {
    RuleEngineState.MarketState state = latest.get(symbol);
    if (state == null) {
      return Double.NaN;
    }
    return switch (field) {
      case MID -> state.mid();
      case SPREAD -> state.spread();
      default -> Double.NaN;
    };
  }

  int size() {
    return latest.size();
  }

  /** Oldest update first, so that restoring in order rebuilds the same eviction order. */
  List<RuleEngineState.MarketState> snapshot() {
    return new ArrayList<>(latest.values());
  }

  void restore(List<RuleEngineState.MarketState> states) {
    latest.clear();
    states.forEach(s -> latest.put(s.symbol(), s));
  }
}
