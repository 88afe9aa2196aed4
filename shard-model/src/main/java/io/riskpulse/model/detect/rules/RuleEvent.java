package io.riskpulse.model.detect.rules;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.CheckFailure;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeCheck;
import io.riskpulse.model.pretrade.PreTradeDecision;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One input event of the {@link RuleEngine}: what a portfolio sees, reduced to the fields rules can test. Each
 * carries its time, epoch milliseconds (the only clock rules use). Fields are read by {@link Field}: {@link
 * #number(Field)} for numbers, {@link #is(Field, String)} for text. Immutable.
 */
public sealed interface RuleEvent permits RuleEvent.Order, RuleEvent.Fill, RuleEvent.Reject, RuleEvent.Market {

  /** Which kind of event. */
  EventType type();

  /** When it happened, epoch milliseconds. */
  long atMillis();

  /** Strategy that sent it, {@code ""} when unknown or for market events. */
  String strategy();

  /** Instrument symbol. */
  String symbol();

  /** The value of a numeric field, NaN when this event has no such field. */
  double number(Field field);

  /** The value of a text field ({@code ""} when absent); a reject's checks are comma separated. */
  String text(Field field);

  /** Whether text field {@code field} equals {@code value}; for a reject's {@code check}: one of the checks is it. */
  default boolean is(Field field, String value) {
    return text(field).equals(value);
  }

  /** An order-flow message. */
  static Order of(OrderEvent order) {
    return new Order(order.action(), order.strategy(), order.orderId(), order.symbol(), order.side(),
        order.quantity(), order.price(), order.timestampMillis());
  }

  /** A fill, at its venue time. */
  static Fill of(Execution fill) {
    return new Fill(fill.executionId(), fill.strategy(), fill.symbol(), fill.side(), fill.quantity(), fill.price(),
        fill.executedAtMillis());
  }

  /** A pre-trade rejection: the order and the decision that rejected it (at the decision's time). */
  static Reject of(OrderRequest order, PreTradeDecision decision) {
    return new Reject(order.clOrdId(), order.strategy(), order.symbol(), order.side(), order.quantity(),
        order.price(), decision.failures().stream().map(CheckFailure::check).toList(), decision.atMillis());
  }

  /** A market update: mid and spread from bid and ask when both are known, else the mark price and NaN. */
  static Market of(Quote quote) {
    boolean twoSided = Double.isFinite(quote.bid()) && Double.isFinite(quote.ask());
    double mid = twoSided ? (quote.bid() + quote.ask()) / 2 : quote.markPrice();
    double spread = twoSided ? quote.ask() - quote.bid() : Double.NaN;
    return new Market(quote.symbol(), mid, spread, quote.timestampMillis());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String name(Enum<?> e) {
    return e == null ? "" : e.name();
  }

  /**
   * An order-flow message.
   *
   * @param action new, replace, cancel or (venue) reject
   * @param strategy sending strategy, {@code ""} when unknown
   * @param orderId client order id
   * @param symbol instrument symbol
   * @param side buy or sell
   * @param quantity instrument units
   * @param price limit price, 0 for market orders and cancels
   * @param atMillis sender time, epoch milliseconds
   */
  record Order(OrderAction action, String strategy, String orderId, String symbol, Side side, double quantity,
      double price, long atMillis) implements RuleEvent {

    public Order {
      strategy = nz(strategy);
      orderId = nz(orderId);
      symbol = nz(symbol);
    }

    @Override
    public EventType type() {
      return EventType.ORDER;
    }

    @Override
    public double number(Field field) {
      return switch (field) {
        case QUANTITY -> quantity;
        case PRICE -> price;
        case NOTIONAL -> quantity * price;
        default -> Double.NaN;
      };
    }

    @Override
    public String text(Field field) {
      return switch (field) {
        case ACTION -> name(action);
        case STRATEGY -> strategy;
        case SYMBOL -> symbol;
        case SIDE -> name(side);
        default -> "";
      };
    }
  }

  /**
   * A fill.
   *
   * @param executionId venue/OMS execution id
   * @param strategy sending strategy, {@code ""} when unknown
   * @param symbol instrument symbol
   * @param side buy or sell
   * @param quantity filled instrument units
   * @param price fill price
   * @param atMillis venue time, epoch milliseconds
   */
  record Fill(String executionId, String strategy, String symbol, Side side, double quantity, double price,
      long atMillis) implements RuleEvent {

    public Fill {
      executionId = nz(executionId);
      strategy = nz(strategy);
      symbol = nz(symbol);
    }

    @Override
    public EventType type() {
      return EventType.FILL;
    }

    @Override
    public double number(Field field) {
      return switch (field) {
        case QUANTITY -> quantity;
        case PRICE -> price;
        case NOTIONAL -> quantity * price;
        default -> Double.NaN;
      };
    }

    @Override
    public String text(Field field) {
      return switch (field) {
        case STRATEGY -> strategy;
        case SYMBOL -> symbol;
        case SIDE -> name(side);
        default -> "";
      };
    }
  }

  /**
   * An order rejected by the pre-trade checks.
   *
   * @param orderId client order id
   * @param strategy sending strategy, {@code ""} when unknown
   * @param symbol instrument symbol
   * @param side buy or sell
   * @param quantity instrument units
   * @param price limit price
   * @param checks every check it failed
   * @param atMillis decision time, epoch milliseconds
   */
  record Reject(String orderId, String strategy, String symbol, Side side, double quantity, double price,
      List<PreTradeCheck> checks, long atMillis) implements RuleEvent {

    public Reject {
      orderId = nz(orderId);
      strategy = nz(strategy);
      symbol = nz(symbol);
      checks = checks == null ? List.of() : List.copyOf(checks);
    }

    @Override
    public EventType type() {
      return EventType.REJECT;
    }

    @Override
    public double number(Field field) {
      return switch (field) {
        case QUANTITY -> quantity;
        case PRICE -> price;
        case NOTIONAL -> quantity * price;
        default -> Double.NaN;
      };
    }

    @Override
    public String text(Field field) {
      return switch (field) {
        case CHECK -> checks.stream().map(Enum::name).collect(Collectors.joining(","));
        case STRATEGY -> strategy;
        case SYMBOL -> symbol;
        case SIDE -> name(side);
        default -> "";
      };
    }

    @Override
    public boolean is(Field field, String value) {
      if (field == Field.CHECK) {
        return checks.stream().anyMatch(c -> c.name().equals(value));
      }
      return text(field).equals(value);
    }
  }

  /**
   * A market update of one instrument. Also updates the market state that {@code market.mid} and {@code
   * market.spread} read for orders, fills and rejects of the same symbol.
   *
   * @param symbol instrument symbol
   * @param mid mid price, NaN when unknown
   * @param spread ask minus bid, NaN when unknown
   * @param atMillis exchange or feed time, epoch milliseconds
   */
  record Market(String symbol, double mid, double spread, long atMillis) implements RuleEvent {

    public Market {
      symbol = nz(symbol);
    }

    @Override
    public EventType type() {
      return EventType.MARKET;
    }

    @Override
    public String strategy() {
      return "";
    }

    @Override
    public double number(Field field) {
      return switch (field) {
        case MID -> mid;
        case SPREAD -> spread;
        default -> Double.NaN;
      };
    }

    @Override
    public String text(Field field) {
      return field == Field.SYMBOL ? symbol : "";
    }
  }
}
