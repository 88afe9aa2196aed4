package io.riskpulse.model.detect.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link RuleSet} incrementally over one portfolio's events, fed in order: each {@link
 * #onEvent(RuleEvent)} updates every rule's state and returns the matches that event completes.
 *
 * <p>Time: only event timestamps are used, never the wall clock. The engine's clock is the latest timestamp seen,
 * so an event stamped earlier than one already seen is taken as happening at that latest time (windows stay in
 * order). Windows are inclusive: with {@code within 2s}, an event exactly 2,000 ms older than the current one still
 * counts, one 2,001 ms older does not.
 *
 * <p>Memory is bounded: per rule at most {@link RuleRuntime#MAX_GROUPS} groups (least recently active dropped);
 * per group a first-step window of at most N times ({@code N or more}) or {@link RuleParser#MAX_COUNT} values
 * (threshold), each history at most its {@code over last N} (at most {@link RuleParser#MAX_HISTORY}); the market
 * state at most {@link MarketBook#MAX_SYMBOLS} symbols.
 *
 * <p>Deterministic: the same rule set and the same events give the same matches, so the state can be rebuilt by
 * replay or restored from {@link #snapshot()}. Not thread-safe: owned by one portfolio entity, one event at a time.
 */
public final class RuleEngine {

  private RuleSet rules;
  private Map<String, RuleRuntime> runtimes;
  private final MarketBook market = new MarketBook();
  private long clockMillis = Long.MIN_VALUE;
  private boolean involvesMarket;

  /** An engine with {@code rules} and no state. */
  public RuleEngine(RuleSet rules) {
    this.rules = rules;
    this.runtimes = new LinkedHashMap<>();
    rules.rules().forEach(rule -> runtimes.put(rule.name(), new RuleRuntime(rule)));
    this.involvesMarket = involvesMarket(rules);
  }

  /**
   * An engine with {@code rules} and the state of a {@link #snapshot()}: each rule whose canonical text is the
   * one recorded gets its state back; other rules start empty; state of rules no longer present is dropped.
   */
  public static RuleEngine restore(RuleSet rules, RuleEngineState state) {
    RuleEngine engine = new RuleEngine(rules);
    engine.clockMillis = state.clockMillis();
    engine.market.restore(state.market());
    for (RuleEngineState.RuleState ruleState : state.rules()) {
      RuleRuntime current = engine.runtimes.get(ruleState.rule());
      if (current != null && current.rule().text().equals(ruleState.text())) {
        engine.runtimes.put(ruleState.rule(), RuleRuntime.restore(current.rule(), ruleState));
      }
    }
    return engine;
  }

  /**
   * Feeds one event and returns the matches it completes, in rule-set order (empty when none). Market events
   * also update the market state read by {@code market.mid} / {@code market.spread}, after the rules have seen
   * them.
   */
  public List<RuleMatch> onEvent(RuleEvent event) {
    clockMillis = Math.max(clockMillis, event.atMillis());
    List<RuleMatch> matches = null;
    for (RuleRuntime runtime : runtimes.values()) {
      RuleMatch match = runtime.onEvent(event, clockMillis, market);
      if (match != null) {
        if (matches == null) {
          matches = new ArrayList<>(2);
        }
        matches.add(match);
      }
    }
    if (event instanceof RuleEvent.Market update) {
      market.update(update, clockMillis);
    }
    return matches == null ? List.of() : List.copyOf(matches);
  }

  /**
   * Replaces the rule set at runtime: a rule whose canonical text ({@link Rule#text()}, so layout and comments do
   * not matter) is unchanged keeps its state; a new or changed rule starts empty; a removed rule's state is
   * dropped. The market state is kept.
   */
  public void replaceRules(RuleSet newRules) {
    Map<String, RuleRuntime> old = new HashMap<>(runtimes);
    Map<String, RuleRuntime> next = new LinkedHashMap<>();
    for (Rule rule : newRules.rules()) {
      RuleRuntime kept = old.get(rule.name());
      next.put(rule.name(),
          kept != null && kept.rule().text().equals(rule.text()) ? kept : new RuleRuntime(rule));
    }
    this.rules = newRules;
    this.runtimes = next;
    this.involvesMarket = involvesMarket(newRules);
  }

  /**
   * Whether any rule in force looks at market updates (a market event or {@code market.mid}/{@code spread}); worked
   * out when the rules are set, since it is asked on every event.
   */
  public boolean involvesMarket() {
    return involvesMarket;
  }

  private static boolean involvesMarket(RuleSet rules) {
    return rules.rules().stream().anyMatch(rule -> rule.involves(EventType.MARKET)
        || rule.text().contains("market."));
  }

  /** The rules in force. */

  public RuleSet rules() {
    return rules;
  }

  /** Everything the engine remembers, as plain serialisable records. */
  public RuleEngineState snapshot() {
    List<RuleEngineState.RuleState> states = new ArrayList<>(runtimes.size());
    runtimes.values().forEach(runtime -> states.add(runtime.snapshot()));
    return new RuleEngineState(clockMillis, states, market.snapshot());
  }

  /** Groups held by rule {@code name} (0 when unknown): for tests of the caps. */
  int groupCount(String name) {
    RuleRuntime runtime = runtimes.get(name);
    return runtime == null ? 0 : runtime.groupCount();
  }

  /** Values held by rule {@code name}, all groups, windows and histories together: for tests of the caps. */
  int retained(String name) {
    RuleRuntime runtime = runtimes.get(name);
    return runtime == null ? 0 : runtime.retained();
  }

  /** Symbols with a market state: for tests of the caps. */
  int marketSymbols() {
    return market.size();
  }
}
