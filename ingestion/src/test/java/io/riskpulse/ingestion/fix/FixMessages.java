package io.riskpulse.ingestion.fix;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import quickfix.field.Account;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;

/** FIX 4.4 drop-copy messages as an OMS would send them. */
public final class FixMessages {

  static final int STRATEGY_TAG = DropCopyTranslator.DEFAULT_STRATEGY_TAG;
  /** A fixed transaction time, whole milliseconds (FIX carries milliseconds here). */
  static final Instant TRANSACT_TIME = Instant.parse("2024-03-15T14:30:05.123Z");

  private FixMessages() {}

  static LocalDateTime transactTime() {
    return LocalDateTime.ofInstant(TRANSACT_TIME, ZoneOffset.UTC);
  }

  /** ExecutionReport ExecType=F (Trade); null account or strategy leaves the tag out. */
  public static ExecutionReport trade(
      String execId, String account, String strategy, String symbol, char side, double lastQty, double lastPx) {
    ExecutionReport report = new ExecutionReport(new OrderID("O-" + execId), new ExecID(execId),
        new ExecType(ExecType.TRADE), new OrdStatus(OrdStatus.PARTIALLY_FILLED), new Side(side),
        new LeavesQty(1000), new CumQty(lastQty), new AvgPx(lastPx));
    if (account != null) {
      report.set(new Account(account));
    }
    if (strategy != null) {
      report.setString(STRATEGY_TAG, strategy);
    }
    report.set(new ClOrdID("C-" + execId));
    report.set(new Symbol(symbol));
    report.set(new LastQty(lastQty));
    report.set(new LastPx(lastPx));
    report.set(new TransactTime(transactTime()));
    return report;
  }

  /** ExecutionReport with the given ExecType for order ClOrdID, e.g. 0 (New) or 8 (Rejected). */
  static ExecutionReport orderReport(char execType, char ordStatus, String clOrdId, String account, String symbol,
      char side, double orderQty, double price) {
    ExecutionReport report = new ExecutionReport(new OrderID("O-" + clOrdId), new ExecID("X-" + clOrdId),
        new ExecType(execType), new OrdStatus(ordStatus), new Side(side), new LeavesQty(0), new CumQty(0),
        new AvgPx(0));
    report.set(new ClOrdID(clOrdId));
    report.set(new Account(account));
    report.set(new Symbol(symbol));
    report.set(new OrderQty(orderQty));
    report.set(new Price(price));
    report.set(new TransactTime(transactTime()));
    return report;
  }

  static NewOrderSingle newOrder(
      String clOrdId, String account, String strategy, String symbol, char side, double qty, double price) {
    NewOrderSingle order = new NewOrderSingle(new ClOrdID(clOrdId), new Side(side), new TransactTime(transactTime()),
        new OrdType(OrdType.LIMIT));
    order.set(new Account(account));
    order.setString(STRATEGY_TAG, strategy);
    order.set(new Symbol(symbol));
    order.set(new OrderQty(qty));
    order.set(new Price(price));
    return order;
  }

  static OrderCancelReplaceRequest replace(String origClOrdId, String clOrdId, String account, String strategy,
      String symbol, char side, double qty, double price) {
    OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest(new OrigClOrdID(origClOrdId),
        new ClOrdID(clOrdId), new Side(side), new TransactTime(transactTime()), new OrdType(OrdType.LIMIT));
    replace.set(new Account(account));
    replace.setString(STRATEGY_TAG, strategy);
    replace.set(new Symbol(symbol));
    replace.set(new OrderQty(qty));
    replace.set(new Price(price));
    return replace;
  }

  static OrderCancelRequest cancel(String origClOrdId, String clOrdId, String account, String strategy,
      String symbol, char side, double qty) {
    OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID(origClOrdId), new ClOrdID(clOrdId),
        new Side(side), new TransactTime(transactTime()));
    cancel.set(new Account(account));
    cancel.setString(STRATEGY_TAG, strategy);
    cancel.set(new Symbol(symbol));
    cancel.set(new OrderQty(qty));
    return cancel;
  }
}
