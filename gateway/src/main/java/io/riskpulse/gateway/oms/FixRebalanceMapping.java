package io.riskpulse.gateway.oms;

import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TimeInForce;
import quickfix.fix44.NewOrderSingle;

/**
 * Maps a {@link RebalanceInstruction} to FIX 4.4 NewOrderSingles (35=D), one per order (the "Rebalance orders"
 * section of {@code docs/OMS.md}). Pure and stateless, so thread-safe.
 *
 * <p>Each order is a market (OrdType 40 = 1) day (TimeInForce 59 = 0) order for the instruction's portfolio
 * (Account 1), with Symbol (55), Side (54), OrderQty (38), TransactTime (60) = when the rebalance was approved and
 * Text (58) = its reason, sanitised as for halts. HandlInst (21) is not sent: FIX 4.4 made it optional (it was
 * required up to FIX 4.2), and our session uses the QuickFIX/J FIX44 dictionary.
 *
 * <p>ClOrdIDs depend only on the rebalance id and the orders, so a re-send of the same instruction carries the
 * same ClOrdIDs and the OMS can recognise it: the orders are sorted by symbol (then side and quantity, so that the
 * order of the list never matters) and numbered from 1, {@code R.1 .. R.n} for rebalance {@code R}. A rebalance id
 * longer than {@value FixHaltMapping#MAX_STEM_LENGTH} characters (or not printable ASCII) is replaced by the first
 * {@value FixHaltMapping#MAX_STEM_LENGTH} hex digits of its SHA-256, exactly as a halt id is, so every ClOrdID
 * fits in {@value FixHaltMapping#MAX_CLORDID_LENGTH} characters.
 */
final class FixRebalanceMapping {

  /** Text (58) when the rebalance has no reason. */
  static final String DEFAULT_TEXT = "RiskPulse rebalance";

  /** The order in which orders are numbered: by symbol, then side, then quantity. */
  private static final Comparator<RebalanceOrder> ORDERING = Comparator
      .comparing(RebalanceOrder::symbol, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(RebalanceOrder::side, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparingDouble(RebalanceOrder::quantity);

  private FixRebalanceMapping() {}

  /** The instruction's orders in ClOrdID order: order {@code i} (0-based) gets {@code clOrdId(id, i + 1)}. */
  static List<RebalanceOrder> sorted(RebalanceInstruction instruction) {
    List<RebalanceOrder> orders = new ArrayList<>(instruction.orders());
    orders.sort(ORDERING);
    return List.copyOf(orders);
  }

  /** ClOrdID of order {@code index} (1-based, in {@link #sorted} order) of a rebalance. */
  static String clOrdId(String rebalanceId, int index) {
    return FixHaltMapping.stem(rebalanceId) + "." + index;
  }

  /**
   * Why the instruction cannot be sent as FIX orders, or {@code null} when it can: the account and every symbol
   * must be printable ASCII (an SOH would end the field, other characters would be mangled into another
   * instrument), every order needs a side and a finite quantity &gt; 0.
   */
  static String invalid(RebalanceInstruction instruction) {
    if (!printable(instruction.portfolioId())) {
      return "portfolio id '" + instruction.portfolioId() + "' is not a printable ASCII FIX Account";
    }
    List<RebalanceOrder> orders = sorted(instruction);
    for (int i = 0; i < orders.size(); i++) {
      RebalanceOrder order = orders.get(i);
      String what = "order " + (i + 1) + " (" + order.symbol() + ")";
      if (!printable(order.symbol())) {
        return what + ": symbol is not a printable ASCII FIX Symbol";
      }
      if (order.side() == null) {
        return what + ": no side";
      }
      if (!(order.quantity() > 0) || Double.isInfinite(order.quantity())) {
        return what + ": quantity must be finite and > 0, was " + order.quantity();
      }
    }
    return null;
  }

  /**
   * One NewOrderSingle per order, in {@link #sorted} order. Call only for an instruction {@link #invalid} accepts.
   */
  static List<FixRequest> newOrders(RebalanceInstruction instruction) {
    List<RebalanceOrder> orders = sorted(instruction);
    List<FixRequest> requests = new ArrayList<>(orders.size());
    for (int i = 0; i < orders.size(); i++) {
      requests.add(newOrder(instruction, orders.get(i), clOrdId(instruction.rebalanceId(), i + 1)));
    }
    return List.copyOf(requests);
  }

  /** A quantity as people write it: {@code 100}, {@code 2500.5}. */
  static String quantity(double quantity) {
    return BigDecimal.valueOf(quantity).stripTrailingZeros().toPlainString();
  }

  private static FixRequest newOrder(RebalanceInstruction instruction, RebalanceOrder order, String clOrdId) {
    NewOrderSingle message = new NewOrderSingle(new ClOrdID(clOrdId),
        new quickfix.field.Side(FixHaltMapping.side(order.side())), FixHaltMapping.transactTime(instruction.atMillis()),
        new OrdType(OrdType.MARKET));
    message.set(new Account(instruction.portfolioId()));
    message.set(new Symbol(order.symbol()));
    message.set(new OrderQty(order.quantity()));
    message.set(new TimeInForce(TimeInForce.DAY));
    message.set(new Text(FixHaltMapping.text(instruction.reason(), DEFAULT_TEXT)));
    String label = "35=D 11=" + clOrdId + " 55=" + order.symbol() + " 54=" + FixHaltMapping.side(order.side())
        + " 38=" + quantity(order.quantity());
    return new FixRequest(FixRequest.Kind.NEW_ORDER, clOrdId, "", label, message);
  }

  /** Non-empty printable ASCII (spaces allowed: some symbols have them). */
  private static boolean printable(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
