package io.riskpulse.gateway.oms;

import io.riskpulse.model.portfolio.Side;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.mina.core.service.IoAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.ThreadedSocketAcceptor;
import quickfix.UnsupportedMessageType;
import quickfix.field.Account;
import quickfix.field.AvgPx;
import quickfix.field.BusinessRejectReason;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.MassCancelRejectReason;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MassCancelResponse;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TimeInForce;
import quickfix.field.TotalAffectedOrders;
import quickfix.field.TransactTime;
import quickfix.fix44.BusinessMessageReject;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.OrderCancelReject;
import quickfix.fix44.OrderMassCancelReport;

/**
 * A small OMS for tests and the demo: a QuickFIX/J {@link ThreadedSocketAcceptor} (FIX 4.4) that holds working
 * orders, cancels them when a {@link FixOmsEndpoint} asks, and enters the orders of a rebalance.
 *
 * <ul>
 *   <li>OrderMassCancelRequest (35=q): MassCancelRequestType (530) 7 cancels all working orders, 1 those of
 *       Symbol (55); an Account (1), accepted as the usual extension, narrows either to that account. For each
 *       cancelled order an ExecutionReport (35=8, 150=4) goes out, then an OrderMassCancelReport (35=r) echoing
 *       ClOrdID with MassCancelResponse (531) = the request type and TotalAffectedOrders (533). Idempotent by
 *       ClOrdID: a repeated ClOrdID gets the same 35=r again and cancels nothing more; {@link #massCancelsEffective()}
 *       counts distinct ClOrdIDs, {@link #massCancelsReceived()} every request.</li>
 *   <li>OrderCancelRequest (35=F): cancels order OrigClOrdID (41) with an ExecutionReport (150=4, 39=4); an order
 *       already cancelled gets an OrderCancelReject (35=9) with CxlRejReason (102) 0 (too late), an unknown one
 *       102 = 1 (unknown order).</li>
 *   <li>NewOrderSingle (35=D): adds a working order (Account, ClOrdID, Symbol, Side, OrderQty) and answers an
 *       ExecutionReport 150=0 39=0 (New) with OrderID, ExecID, LeavesQty = OrderQty, CumQty 0 and AvgPx 0.
 *       Idempotent by ClOrdID: a repeated ClOrdID gets the same 35=8 again and enters nothing;
 *       {@link #newOrdersEffective()} counts distinct ClOrdIDs entered, {@link #newOrdersReceived()} every request.
 *       A ClOrdID already used by an order added with {@link #addWorkingOrder} is refused as a duplicate (150=8
 *       103=6).</li>
 *   <li>{@link #massCancelSupported(boolean) massCancelSupported(false)} answers 35=q with a BusinessMessageReject
 *       (35=j, 372=q, 380=3 unsupported message type); {@link Builder#acceptAccountOnMassCancel(boolean)
 *       acceptAccountOnMassCancel(false)} makes the data dictionary refuse Account on 35=q with a session Reject
 *       (35=3, 373=2); {@link #rejectNewOrders(String) rejectNewOrders(text)} answers every new ClOrdID on 35=D
 *       with 150=8 39=8 OrdRejReason (103) 99 and that Text; {@link #holdAcks(boolean) holdAcks(true)} processes
 *       requests but withholds every answer until {@code holdAcks(false)}, so a test can drop or restart the
 *       gateway between "sent" and "acknowledged".</li>
 * </ul>
 *
 * <p>Sequence numbers reset on every Logon (memory store), like a fresh OMS. The session's messages are logged
 * through SLF4J; what it received is available from {@link #received()}, {@link #awaitReceived} and
 * {@link #onReceived} (the demo prints {@link Received#summary()}), never printed here.
 *
 * <p>Thread-safe: one lock guards the orders and counters; answers are sent outside it. Single use: {@link #start()}
 * once, then {@link #close()}.
 */
public final class SimulatedOms implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedOms.class);

  /** A working order of the simulated OMS; quantity in instrument units. */
  public record WorkingOrder(String account, String clOrdId, String symbol, Side side, double quantity,
      String strategy) {}

  /**
   * One request the simulated OMS received and what it did with it.
   *
   * @param msgType {@code "q"}, {@code "F"} or {@code "D"}
   * @param clOrdId the request's ClOrdID (11)
   * @param summary one line for people, e.g. {@code "mass cancel ClOrdID=H1 530=7 (all orders) 1=P1: cancelled 2
   *     orders"}
   * @param ordersCancelled working orders this request cancelled (0 for a repeat, a reject or a new order)
   * @param repeat whether the ClOrdID had been received before
   * @param atMillis when it was received, epoch milliseconds
   */
  public record Received(String msgType, String clOrdId, String summary, int ordersCancelled, boolean repeat,
      long atMillis) {}

  private final ThreadedSocketAcceptor acceptor;
  private final SessionID sessionId;
  private final Object lock = new Object();
  private final Map<String, WorkingOrder> working = new LinkedHashMap<>();
  private final Map<String, WorkingOrder> cancelled = new LinkedHashMap<>();
  private final Map<String, Message> massCancelReports = new HashMap<>();
  private final Map<String, Message> newOrderReports = new HashMap<>();
  private final List<Received> received = new ArrayList<>();
  private final List<Message> held = new ArrayList<>();
  private boolean massCancelSupported = true;
  private boolean holding;
  private String newOrderRejectText;
  private int massCancelsReceived;
  private int massCancelsEffective;
  private int orderCancelsReceived;
  private int ordersCancelled;
  private int newOrdersReceived;
  private int newOrdersEffective;
  private long nextId = 1;
  private boolean started;
  private boolean stopped;
  private volatile Consumer<Received> listener;

  private SimulatedOms(Builder builder) throws ConfigError {
    this.sessionId = new SessionID("FIX.4.4", builder.omsCompId, builder.gatewayCompId);
    SessionSettings settings = new SessionSettings();
    settings.setString("ConnectionType", "acceptor");
    settings.setLong("SocketAcceptPort", builder.port);
    settings.setString("SocketAcceptAddress", builder.bindAddress);
    settings.setString("SocketReuseAddress", "Y");
    settings.setString("NonStopSession", "Y");
    settings.setString("TimeZone", "UTC");
    settings.setString("ResetOnLogon", "Y");
    settings.setString("UseDataDictionary", "Y");
    settings.setString("DataDictionary", "FIX44.xml");
    settings.setString("ValidateUserDefinedFields", "N");
    settings.setString("AllowUnknownMsgFields", builder.acceptAccountOnMassCancel ? "Y" : "N");
    settings.setString("TimeStampPrecision", "MILLIS");
    settings.setString("SLF4JLogHeartbeats", "N");
    settings.setLong("LogoutTimeout", 1);
    settings.setString(sessionId, "BeginString", sessionId.getBeginString());
    settings.setString(sessionId, "SenderCompID", sessionId.getSenderCompID());
    settings.setString(sessionId, "TargetCompID", sessionId.getTargetCompID());
    this.acceptor = new ThreadedSocketAcceptor(new Callbacks(), new MemoryStoreFactory(), settings,
        new SLF4JLogFactory(settings), new DefaultMessageFactory());
  }

  /** A builder for an OMS with CompID {@code SIMOMS} accepting {@code RISKPULSE} on an ephemeral port. */
  public static Builder builder() {
    return new Builder();
  }

  /** Binds the port; the gateway's session logs on when it connects. */
  public void start() {
    synchronized (lock) {
      if (started) {
        throw new IllegalStateException("simulated OMS already started");
      }
      started = true;
    }
    try {
      acceptor.start();
    } catch (ConfigError e) {
      throw new IllegalStateException("simulated OMS cannot start: " + e.getMessage(), e);
    }
    LOG.info("Simulated OMS {} listening on port {}", sessionId.getSenderCompID(), port());
  }

  /** Logs the gateway out, unbinds the port and stops the session thread. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      if (stopped || !started) {
        stopped = true;
        return;
      }
      stopped = true;
    }
    acceptor.stop();
    LOG.info("Simulated OMS {} stopped", sessionId.getSenderCompID());
  }

  /** The bound TCP port (useful with port 0); -1 when not listening. */
  public int port() {
    for (IoAcceptor endpoint : acceptor.getEndpoints()) {
      SocketAddress address = endpoint.getLocalAddress();
      if (address instanceof InetSocketAddress inet) {
        return inet.getPort();
      }
    }
    return -1;
  }

  /** The acceptor's session, e.g. {@code FIX.4.4:SIMOMS->RISKPULSE}. */
  public SessionID sessionId() {
    return sessionId;
  }

  /** Whether the gateway is logged on. */
  public boolean loggedOn() {
    Session session = Session.lookupSession(sessionId);
    return session != null && session.isLoggedOn();
  }

  /**
   * Adds a working order that mass and single cancels can hit.
   *
   * @param quantity order quantity, instrument units
   */
  public void addWorkingOrder(String account, String clOrdId, String symbol, Side side, double quantity,
      String strategy) {
    WorkingOrder order = new WorkingOrder(Objects.requireNonNull(account, "account"),
        Objects.requireNonNull(clOrdId, "clOrdId"), Objects.requireNonNull(symbol, "symbol"),
        Objects.requireNonNull(side, "side"), quantity, strategy == null ? "" : strategy);
    synchronized (lock) {
      working.put(clOrdId, order);
      cancelled.remove(clOrdId);
    }
  }

  /** The orders still working, in the order they were added. */
  public List<WorkingOrder> workingOrders() {
    synchronized (lock) {
      return List.copyOf(working.values());
    }
  }

  public boolean isWorking(String clOrdId) {
    synchronized (lock) {
      return working.containsKey(clOrdId);
    }
  }

  /** {@code false}: answer every 35=q with 35=j BusinessRejectReason 3 (unsupported message type). */
  public void massCancelSupported(boolean supported) {
    synchronized (lock) {
      massCancelSupported = supported;
    }
  }

  /**
   * A text: answer every 35=D with a ClOrdID not entered before with an ExecutionReport 150=8 39=8, OrdRejReason
   * (103) 99 (other) and this Text, entering nothing. {@code null}: enter new orders again. A ClOrdID entered
   * earlier still gets its original answer.
   */
  public void rejectNewOrders(String reasonText) {
    synchronized (lock) {
      newOrderRejectText = reasonText;
    }
  }

  /**
   * {@code true}: keep processing requests but withhold every answer. {@code false}: send the withheld answers,
   * in order, to whichever gateway session is logged on now (they are lost if none is), and answer at once again.
   */
  public void holdAcks(boolean hold) {
    List<Message> release;
    synchronized (lock) {
      holding = hold;
      if (hold) {
        return;
      }
      release = List.copyOf(held);
      held.clear();
    }
    send(release);
  }

  /** Number of answers withheld by {@link #holdAcks(boolean)}. */
  public int heldAcks() {
    synchronized (lock) {
      return held.size();
    }
  }

  /**
   * Forgets orders, requests, counters and ClOrdIDs seen, and goes back to supporting mass cancel, entering new
   * orders and answering at once (withheld answers are dropped), so that one running OMS can serve several tests
   * or demo runs. The session stays up.
   */
  public void reset() {
    synchronized (lock) {
      working.clear();
      cancelled.clear();
      massCancelReports.clear();
      newOrderReports.clear();
      received.clear();
      held.clear();
      massCancelSupported = true;
      holding = false;
      newOrderRejectText = null;
      massCancelsReceived = 0;
      massCancelsEffective = 0;
      orderCancelsReceived = 0;
      ordersCancelled = 0;
      newOrdersReceived = 0;
      newOrdersEffective = 0;
    }
  }

  /** Every 35=q, 35=F and 35=D received, in order. */
  public List<Received> received() {
    synchronized (lock) {
      return List.copyOf(received);
    }
  }

  /**
   * Waits until at least {@code count} requests have been received in total.
   *
   * @return whether they were within the timeout
   */
  public boolean awaitReceived(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (received.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /** Calls {@code listener} (on the session thread, must not block) for each request received; null removes it. */
  public void onReceived(Consumer<Received> listener) {
    this.listener = listener;
  }

  /** OrderMassCancelRequests received, repeats and rejected ones included. */
  public int massCancelsReceived() {
    synchronized (lock) {
      return massCancelsReceived;
    }
  }

  /** OrderMassCancelRequests executed: distinct ClOrdIDs that were accepted. */
  public int massCancelsEffective() {
    synchronized (lock) {
      return massCancelsEffective;
    }
  }

  /** OrderCancelRequests received. */
  public int orderCancelsReceived() {
    synchronized (lock) {
      return orderCancelsReceived;
    }
  }

  /** NewOrderSingles received, repeats and rejected ones included. */
  public int newOrdersReceived() {
    synchronized (lock) {
      return newOrdersReceived;
    }
  }

  /** NewOrderSingles executed: distinct ClOrdIDs entered as working orders. */
  public int newOrdersEffective() {
    synchronized (lock) {
      return newOrdersEffective;
    }
  }

  /** Working orders cancelled so far, by mass or single cancels. */
  public int ordersCancelled() {
    synchronized (lock) {
      return ordersCancelled;
    }
  }

  /**
   * One line for the demo, e.g. {@code "simulated OMS SIMOMS on port 9880: 1 working order(s), 3 cancelled; ..."};
   * new orders are mentioned once one has been received (or while they are being rejected).
   */
  public String describe() {
    synchronized (lock) {
      return "simulated OMS " + sessionId.getSenderCompID() + " on port " + port() + ": " + working.size()
          + " working order(s), " + ordersCancelled + " cancelled; received " + massCancelsReceived
          + " mass cancel(s) (" + massCancelsEffective + " effective), " + orderCancelsReceived + " order cancel(s)"
          + (newOrdersReceived == 0 ? "" : ", " + newOrdersReceived + " new order(s) (" + newOrdersEffective
              + " effective)")
          + (massCancelSupported ? "" : "; mass cancel unsupported")
          + (newOrderRejectText == null ? "" : "; rejecting new orders")
          + (holding ? "; holding answers" : "");
    }
  }

  private void onMassCancel(Message request) throws FieldNotFound {
    String clOrdId = request.getString(ClOrdID.FIELD);
    char type = request.getChar(MassCancelRequestType.FIELD);
    String account = request.isSetField(Account.FIELD) ? request.getString(Account.FIELD) : null;
    String symbol = request.isSetField(Symbol.FIELD) ? request.getString(Symbol.FIELD) : null;
    String what = "mass cancel ClOrdID=" + clOrdId + " 530=" + type + (type == '7' ? " (all orders)" : "")
        + (account == null ? "" : " 1=" + account) + (symbol == null ? "" : " 55=" + symbol);
    List<Message> answers = new ArrayList<>();
    Received record;
    synchronized (lock) {
      massCancelsReceived++;
      Message previous = massCancelReports.get(clOrdId);
      if (!massCancelSupported) {
        BusinessMessageReject reject = new BusinessMessageReject(new RefMsgType(MsgType.ORDER_MASS_CANCEL_REQUEST),
            new BusinessRejectReason(BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE));
        reject.set(new RefSeqNum(request.getHeader().getInt(MsgSeqNum.FIELD)));
        reject.set(new BusinessRejectRefID(clOrdId));
        reject.set(new Text("OrderMassCancelRequest not supported"));
        answers.add(reject);
        record = received("q", clOrdId, what + ": refused, mass cancel not supported (35=j 380=3)", 0, false);
      } else if (previous != null) {
        answers.add((Message) previous.clone());
        record = received("q", clOrdId, "repeat of " + what + ": answered again, cancelled nothing", 0, true);
      } else {
        OrderMassCancelReport report = new OrderMassCancelReport(new OrderID("SIM-MC-" + nextId++),
            new MassCancelRequestType(type), new MassCancelResponse(type));
        report.set(new ClOrdID(clOrdId));
        int count = 0;
        if (type == MassCancelRequestType.CANCEL_ALL_ORDERS
            || type == MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY && symbol != null) {
          for (WorkingOrder order : List.copyOf(working.values())) {
            if ((account == null || account.equals(order.account()))
                && (type == MassCancelRequestType.CANCEL_ALL_ORDERS || symbol.equals(order.symbol()))) {
              answers.add(cancelOrder(order, order.clOrdId(), null));
              count++;
            }
          }
          report.set(new TotalAffectedOrders(count));
          massCancelsEffective++;
          record = received("q", clOrdId, what + ": cancelled " + count + " order(s)", count, false);
        } else {
          report.set(new MassCancelResponse(MassCancelResponse.CANCEL_REQUEST_REJECTED_SEE_MASSCANCELREJECTREASON));
          boolean noSymbol = type == MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY;
          report.set(new MassCancelRejectReason(noSymbol ? MassCancelRejectReason.INVALID_OR_UNKNOWN_SECURITY
              : MassCancelRejectReason.OTHER));
          report.set(new Text(noSymbol ? "Symbol required" : "MassCancelRequestType " + type + " not supported"));
          record = received("q", clOrdId, what + ": rejected (35=r 531=0)", 0, false);
        }
        if (symbol != null) {
          report.set(new Symbol(symbol));
        }
        massCancelReports.put(clOrdId, report);
        answers.add(report);
      }
    }
    published(record);
    answer(answers);
  }

  private void onOrderCancel(Message request) throws FieldNotFound {
    String clOrdId = request.getString(ClOrdID.FIELD);
    String origClOrdId = request.getString(OrigClOrdID.FIELD);
    String what = "order cancel ClOrdID=" + clOrdId + " 41=" + origClOrdId;
    Message answer;
    Received record;
    synchronized (lock) {
      orderCancelsReceived++;
      WorkingOrder order = working.get(origClOrdId);
      if (order != null) {
        answer = cancelOrder(order, clOrdId, origClOrdId);
        record = received("F", clOrdId, what + ": cancelled", 1, false);
      } else {
        boolean wasCancelled = cancelled.containsKey(origClOrdId);
        OrderCancelReject reject = new OrderCancelReject(new OrderID(wasCancelled ? "SIM-" + origClOrdId : "NONE"),
            new ClOrdID(clOrdId), new OrigClOrdID(origClOrdId),
            new OrdStatus(wasCancelled ? OrdStatus.CANCELED : OrdStatus.REJECTED),
            new CxlRejResponseTo(CxlRejResponseTo.ORDER_CANCEL_REQUEST));
        reject.set(new CxlRejReason(wasCancelled ? CxlRejReason.TOO_LATE_TO_CANCEL : CxlRejReason.UNKNOWN_ORDER));
        reject.set(new Text(wasCancelled ? "order already cancelled" : "unknown order"));
        answer = reject;
        record = received("F", clOrdId, what + (wasCancelled ? ": already cancelled (35=9 102=0)"
            : ": unknown order (35=9 102=1)"), 0, false);
      }
    }
    published(record);
    answer(List.of(answer));
  }

  private void onNewOrder(Message request) throws FieldNotFound {
    String clOrdId = request.getString(ClOrdID.FIELD);
    String account = request.isSetField(Account.FIELD) ? request.getString(Account.FIELD) : "";
    String symbol = request.getString(Symbol.FIELD);
    char fixSide = request.getChar(quickfix.field.Side.FIELD);
    double quantity = request.isSetField(OrderQty.FIELD) ? request.getDouble(OrderQty.FIELD) : 0;
    String what = "new order ClOrdID=" + clOrdId + " 1=" + account + " 55=" + symbol + " 54=" + fixSide + " 38="
        + FixRebalanceMapping.quantity(quantity)
        + (request.isSetField(OrdType.FIELD) ? " 40=" + request.getChar(OrdType.FIELD) : "")
        + (request.isSetField(TimeInForce.FIELD) ? " 59=" + request.getChar(TimeInForce.FIELD) : "");
    Message answer;
    Received record;
    synchronized (lock) {
      newOrdersReceived++;
      Message previous = newOrderReports.get(clOrdId);
      if (previous != null) {
        answer = (Message) previous.clone();
        record = received("D", clOrdId, "repeat of " + what + ": answered again, entered nothing", 0, true);
      } else if (newOrderRejectText != null) {
        answer = newOrderReject(clOrdId, fixSide, symbol, OrdRejReason.OTHER, newOrderRejectText);
        record = received("D", clOrdId, what + ": rejected (35=8 150=8 103=99 " + newOrderRejectText + ")", 0, false);
      } else if (working.containsKey(clOrdId) || cancelled.containsKey(clOrdId)) {
        answer = newOrderReject(clOrdId, fixSide, symbol, OrdRejReason.DUPLICATE_ORDER, "duplicate ClOrdID");
        record = received("D", clOrdId, what + ": duplicate ClOrdID (35=8 150=8 103=6)", 0, false);
      } else {
        Side side = fixSide == quickfix.field.Side.BUY ? Side.BUY : Side.SELL;
        working.put(clOrdId, new WorkingOrder(account, clOrdId, symbol, side, quantity, ""));
        ExecutionReport report = new ExecutionReport(new OrderID("SIM-" + clOrdId), new ExecID("SIM-X-" + nextId++),
            new ExecType(ExecType.NEW), new OrdStatus(OrdStatus.NEW), new quickfix.field.Side(fixSide),
            new LeavesQty(quantity), new CumQty(0), new AvgPx(0));
        report.set(new ClOrdID(clOrdId));
        report.set(new Account(account));
        report.set(new Symbol(symbol));
        report.set(new OrderQty(quantity));
        report.set(new OrdType(OrdType.MARKET));
        report.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        newOrderReports.put(clOrdId, report);
        newOrdersEffective++;
        answer = report;
        record = received("D", clOrdId, what + ": entered", 0, false);
      }
    }
    published(record);
    answer(List.of(answer));
  }

  /** An ExecutionReport rejecting a new order; call under the lock. */
  private Message newOrderReject(String clOrdId, char side, String symbol, int reason, String text) {
    ExecutionReport reject = new ExecutionReport(new OrderID("NONE"), new ExecID("SIM-X-" + nextId++),
        new ExecType(ExecType.REJECTED), new OrdStatus(OrdStatus.REJECTED), new quickfix.field.Side(side),
        new LeavesQty(0), new CumQty(0), new AvgPx(0));
    reject.set(new ClOrdID(clOrdId));
    reject.set(new Symbol(symbol));
    reject.set(new OrdRejReason(reason));
    reject.set(new Text(text));
    reject.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
    return reject;
  }

  /** Moves a working order to cancelled and builds its ExecutionReport; call under the lock. */
  private Message cancelOrder(WorkingOrder order, String clOrdId, String origClOrdId) {
    working.remove(order.clOrdId());
    cancelled.put(order.clOrdId(), order);
    ordersCancelled++;
    ExecutionReport report = new ExecutionReport(new OrderID("SIM-" + order.clOrdId()),
        new ExecID("SIM-X-" + nextId++), new ExecType(ExecType.CANCELED), new OrdStatus(OrdStatus.CANCELED),
        new quickfix.field.Side(FixHaltMapping.side(order.side())), new LeavesQty(0), new CumQty(0), new AvgPx(0));
    report.set(new ClOrdID(clOrdId));
    if (origClOrdId != null) {
      report.set(new OrigClOrdID(origClOrdId));
    }
    report.set(new Account(order.account()));
    report.set(new Symbol(order.symbol()));
    report.set(new OrderQty(order.quantity()));
    report.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
    return report;
  }

  /** Records a request; call under the lock. */
  private Received received(String msgType, String clOrdId, String summary, int cancelledNow, boolean repeat) {
    Received record = new Received(msgType, clOrdId, summary, cancelledNow, repeat, System.currentTimeMillis());
    received.add(record);
    lock.notifyAll();
    return record;
  }

  private void published(Received record) {
    LOG.info("Simulated OMS {} received {}", sessionId.getSenderCompID(), record.summary());
    Consumer<Received> current = listener;
    if (current != null) {
      try {
        current.accept(record);
      } catch (RuntimeException e) {
        LOG.warn("simulated OMS listener failed", e);
      }
    }
  }

  private void answer(List<Message> answers) {
    synchronized (lock) {
      if (holding) {
        held.addAll(answers);
        return;
      }
    }
    send(answers);
  }

  private void send(List<Message> answers) {
    for (Message message : answers) {
      try {
        Session.sendToTarget(message, sessionId);
      } catch (SessionNotFound e) {
        LOG.warn("simulated OMS: no session to answer on", e);
      }
    }
  }

  /**
   * Builds a {@link SimulatedOms}; defaults: port 0, loopback, CompIDs SIMOMS (the OMS) / RISKPULSE (the gateway),
   * Account accepted on 35=q. QuickFIX/J keeps sessions in one registry per JVM, so the OMS's session
   * ({@code FIX.4.4:SIMOMS->RISKPULSE}) must not equal another acceptor or initiator session of the same JVM, e.g. a
   * simulated drop-copy OMS logging on as {@code OMS1 -> RISKPULSE}.
   */
  public static final class Builder {
    private int port;
    private String bindAddress = "127.0.0.1";
    private String omsCompId = "SIMOMS";
    private String gatewayCompId = "RISKPULSE";
    private boolean acceptAccountOnMassCancel = true;

    private Builder() {}

    /** TCP port to listen on; 0 binds an ephemeral port (see {@link SimulatedOms#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** Address to bind, default {@code 127.0.0.1}. */
    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** The simulated OMS's CompID (the endpoint's target-comp-id). */
    public Builder omsCompId(String compId) {
      this.omsCompId = Objects.requireNonNull(compId, "compId");
      return this;
    }

    /** The gateway's CompID (the endpoint's sender-comp-id). */
    public Builder gatewayCompId(String compId) {
      this.gatewayCompId = Objects.requireNonNull(compId, "compId");
      return this;
    }

    /**
     * {@code false}: validate 35=q strictly against the FIX 4.4 dictionary, which has no Account on it, so an
     * account-scoped mass cancel gets a session Reject (35=3, SessionRejectReason 2). Default {@code true}.
     */
    public Builder acceptAccountOnMassCancel(boolean accept) {
      this.acceptAccountOnMassCancel = accept;
      return this;
    }

    public SimulatedOms build() {
      try {
        return new SimulatedOms(this);
      } catch (ConfigError e) {
        throw new IllegalArgumentException("simulated OMS settings: " + e.getMessage(), e);
      }
    }
  }

  /** QuickFIX/J callbacks, on the session thread. */
  private final class Callbacks implements Application {

    @Override
    public void onCreate(SessionID id) {}

    @Override
    public void onLogon(SessionID id) {
      LOG.info("Simulated OMS {}: gateway logged on", sessionId.getSenderCompID());
    }

    @Override
    public void onLogout(SessionID id) {
      LOG.info("Simulated OMS {}: gateway logged out", sessionId.getSenderCompID());
    }

    @Override
    public void toAdmin(Message message, SessionID id) {}

    @Override
    public void fromAdmin(Message message, SessionID id) {}

    @Override
    public void toApp(Message message, SessionID id) {}

    @Override
    public void fromApp(Message message, SessionID id) throws FieldNotFound, UnsupportedMessageType {
      String msgType = message.getHeader().getString(MsgType.FIELD);
      switch (msgType) {
        case MsgType.ORDER_MASS_CANCEL_REQUEST:
          onMassCancel(message);
          break;
        case MsgType.ORDER_CANCEL_REQUEST:
          onOrderCancel(message);
          break;
        case MsgType.NEW_ORDER_SINGLE:
          onNewOrder(message);
          break;
        default:
          LOG.info("Simulated OMS {}: unsupported message type {}", sessionId.getSenderCompID(), msgType);
          throw new UnsupportedMessageType();
      }
    }
  }
}
