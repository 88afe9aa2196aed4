package io.riskpulse.model.detect.rules;

import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.PreTradeCheck;
import java.util.Arrays;
import java.util.List;

/**
 * A field a rule can test, by the name written in rules. Text fields are compared with {@code =} and {@code !=}
 * only; numeric fields take part in arithmetic and every comparison. Which event type has which field is
 * {@link EventType#fields()}.
 */
public enum Field {
  /** Order action: NEW, REPLACE, CANCEL or REJECT (a venue or OMS reject on the order flow). */
  ACTION("action", false),
  /** Strategy or algorithm that sent the order, {@code ""} when unknown. */
  STRATEGY("strategy", false),
  /** Instrument symbol. */
  SYMBOL("symbol", false),
  /** BUY or SELL. */
  SIDE("side", false),
  /** A failed pre-trade check of a reject; {@code check = X} holds when X is among the failed checks. */
  CHECK("check", false),
  /** Quantity in instrument units. */
  QUANTITY("quantity", true),
  /** Price in the instrument's currency (0 for market orders and cancels). */
  PRICE("price", true),
  /** Quantity times price, in the instrument's currency. */
  NOTIONAL("notional", true),
  /** Market mid price (bid/ask mid, else the last trade), in the instrument's currency. */
  MID("mid", true),
  /** Market spread, ask minus bid, in the instrument's currency; NaN when the feed gave no two-sided quote. */
  SPREAD("spread", true);

  private final String ruleName;
  private final boolean numeric;

  Field(String ruleName, boolean numeric) {
    this.ruleName = ruleName;
    this.numeric = numeric;
  }

  /** The name written in rules, e.g. {@code quantity}. */
  public String ruleName() {
    return ruleName;
  }

  /** Whether the field is a number (else it is text). */
  public boolean numeric() {
    return numeric;
  }

  /** The values an enumerated text field accepts (upper case), empty for free text (strategy, symbol, numbers). */
  public List<String> choices() {
    return switch (this) {
      case ACTION -> names(OrderAction.values());
      case SIDE -> names(Side.values());
      case CHECK -> names(PreTradeCheck.values());
      default -> List.of();
    };
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
