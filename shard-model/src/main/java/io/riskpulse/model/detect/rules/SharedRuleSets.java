package io.riskpulse.model.detect.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rule sets parsed once per rule text and shared by every portfolio that runs that text. Every portfolio of a node
 * runs the node's default rules unless given its own, and each used to parse and keep a copy of them (about 1.5 KB
 * of records per resident portfolio). A {@link RuleSet} is immutable (records over copied lists), so one instance
 * serves them all; each portfolio keeps its own {@link RuleEngine} and with it its own windows and histories.
 *
 * <p>Bounded: the {@value #CAPACITY} texts used most recently are kept (the default, and custom texts that
 * portfolios share); a text that was dropped is parsed again when next asked for. A text that does not parse is
 * not kept: {@link #parse} throws as {@link RuleParser#parse} does, every time.
 *
 * <p>Thread-safety: safe for concurrent use from every dispatcher thread. A text is parsed when a portfolio starts
 * or its rules change, never per event, so one lock is enough.
 */
public final class SharedRuleSets {

  static final int CAPACITY = 64;

  private static final Map<String, RuleSet> RECENT = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
      return size() > CAPACITY;
    }
  };

  private SharedRuleSets() {}

  /**
   * The rule set of {@code text}, the same instance for the same text while it is kept.
   *
   * @throws RuleSyntaxException when the text is not valid rule language
   */
  public static RuleSet parse(String text) {
    synchronized (RECENT) {
      RuleSet rules = RECENT.get(text);
      if (rules == null) {
        rules = RuleParser.parse(text);
        RECENT.put(text, rules);
      }
      return rules;
    }
  }
}
