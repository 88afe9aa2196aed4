package io.riskpulse.model.detect.rules;

import static io.riskpulse.model.detect.rules.Field.ACTION;
import static io.riskpulse.model.detect.rules.Field.CHECK;
import static io.riskpulse.model.detect.rules.Field.MID;
import static io.riskpulse.model.detect.rules.Field.NOTIONAL;
import static io.riskpulse.model.detect.rules.Field.PRICE;
import static io.riskpulse.model.detect.rules.Field.QUANTITY;
import static io.riskpulse.model.detect.rules.Field.SIDE;
import static io.riskpulse.model.detect.rules.Field.SPREAD;
import static io.riskpulse.model.detect.rules.Field.STRATEGY;
import static io.riskpulse.model.detect.rules.Field.SYMBOL;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of event a rule can match, by the keyword written in rules, each with its fields. */
public enum EventType {
  /** An order-flow message of the portfolio (new, replace, cancel, venue reject). */
  ORDER("order", List.of(ACTION, STRATEGY, SYMBOL, SIDE, QUANTITY, PRICE, NOTIONAL)),
  /** A fill (execution) of the portfolio. */
  FILL("fill", List.of(STRATEGY, SYMBOL, SIDE, QUANTITY, PRICE, NOTIONAL)),
  /** An order the pre-trade checks rejected, with every check it failed. */
  REJECT("reject", List.of(CHECK, STRATEGY, SYMBOL, SIDE, QUANTITY, PRICE, NOTIONAL)),
  /** A market update of an instrument (no strategy). */
  MARKET("market", List.of(SYMBOL, MID, SPREAD));

  private final String keyword;
  private final List<Field> fields;

  EventType(String keyword, List<Field> fields) {
    this.keyword = keyword;
    this.fields = fields;
  }

  /** The keyword written in rules, e.g. {@code fill}. */
  public String keyword() {
    return keyword;
  }

  /** The fields events of this type carry. */
  public List<Field> fields() {
    return fields;
  }

  /** The field of this type written {@code name} in rules, if it has one. */
  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.ruleName().equals(name)).findFirst();
  }

  /** The field names, comma separated, for error messages. */
  String fieldList() {
    return fields.stream().map(Field::ruleName).collect(Collectors.joining(", "));
  }

  /** The event type written {@code keyword} in rules, if any. */
  public static Optional<EventType> byKeyword(String keyword) {
    for (EventType type : values()) {
      if (type.keyword.equals(keyword)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
