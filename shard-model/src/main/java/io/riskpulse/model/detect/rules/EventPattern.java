package io.riskpulse.model.detect.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An event type with the predicates an event must satisfy, all of them: {@code fill(side = SELL, quantity >
 * 1000)}. Immutable.
 */
public record EventPattern(EventType type, List<Predicate> predicates) {

  public EventPattern {
    predicates = List.copyOf(predicates);
  }

  /** The canonical source: {@code fill} or {@code fill(side = SELL, quantity > 1000)}. */
  public String text() {
    if (predicates.isEmpty()) {
      return type.keyword();
    }
    return type.keyword() + predicates.stream().map(Predicate::text).collect(Collectors.joining(", ", "(", ")"));
  }
}
