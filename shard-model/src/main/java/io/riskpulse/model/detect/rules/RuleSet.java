package io.riskpulse.model.detect.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A compiled, immutable set of rules in source order (the order in which the engine evaluates them and reports
 * their matches). Built by {@link RuleParser#parse(String)}.
 *
 * @param rules the rules, names unique
 */
public record RuleSet(List<Rule> rules) {

  /** No rules. */
  public static final RuleSet EMPTY = new RuleSet(List.of());

  public RuleSet {
    rules = List.copyOf(rules);
    Set<String> names = new HashSet<>();
    for (Rule rule : rules) {
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException("duplicate rule name '" + rule.name() + "'");
      }
    }
  }

  /** The rule named {@code name}, if any. */
  public Optional<Rule> rule(String name) {
    return rules.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The canonical source of every rule, one a line. */
  public String text() {
    return rules.stream().map(Rule::text).collect(Collectors.joining("\n"));
  }
}
