package io.riskpulse.gateway.oms;

import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.DoNotSend;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.MessageStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.PossDupFlag;

/**
 * An OMS reached over a FIX 4.4 session: RiskPulse is the initiator (a QuickFIX/J {@link SocketInitiator}),
 * the OMS the acceptor. A halt becomes OrderMassCancelRequests (35=q) or OrderCancelRequests (35=F) as mapped by
 * {@link FixHaltMapping}, a rebalance one NewOrderSingle (35=D) per order as mapped by {@link FixRebalanceMapping};
 * the answers are matched by {@link FixDeliveries}. Everything is described in {@code docs/OMS.md}.
 *
 * <p>Connection: {@link #start()} starts the initiator, which logs on and, after any drop or refused connect,
 * tries again every {@link FixOmsSettings#reconnectInterval()} by itself. {@link #cancel} and {@link #submit} fail
 * fast (retryable) while the session is not logged on; a drop fails the deliveries in flight (retryable) and a new
 * Logon is reported to the {@link OmsConnectionListener}s, so that the caller re-sends what was not acknowledged.
 * We do not rely on the OMS cancelling the orders of a dropped session (cancel-on-disconnect): the halt is re-sent.
 *
 * <p>Stale requests are never replayed by the session layer: with {@link FixOmsSettings#resetOnLogon()} (default)
 * both sides restart at sequence number 1, and without it a ResendRequest from the OMS is answered with a
 * SequenceReset-GapFill instead of the old 35=q/35=F/35=D ({@code toApp} refuses PossDup resends), because a halt
 * that has since been lifted must not cancel orders again, nor a rebalance that has since been withdrawn enter
 * orders, by a late replay. Re-sending is the caller's decision.
 *
 * <p>The session's messages are logged through SLF4J ({@code quickfixj.msg.incoming}/{@code .outgoing}, events on
 * {@code quickfixj.event}). Incoming messages are not validated against the data dictionary: an answer with an
 * extra or missing field must still count, or a halt that the OMS executed would look unacknowledged.
 *
 * <p>Thread-safe. Stages complete on the QuickFIX/J session thread or on this endpoint's timer thread
 * (acknowledgement timeout).
 */
public final class FixOmsEndpoint implements OmsEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(FixOmsEndpoint.class);
  private static final String BEGIN_STRING = "FIX.4.4";
  private static final long LOGOUT_TIMEOUT_SECONDS = 2;

  private enum State { NEW, STARTED, CLOSED }

  private final FixOmsSettings settings;
  private final SessionID sessionId;
  private final FixDeliveries deliveries;
  private final SocketInitiator initiator;
  private final ScheduledThreadPoolExecutor timer;
  private final List<OmsConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private volatile State state = State.NEW;

  /**
   * Builds the initiator; nothing connects before {@link #start()}.
   *
   * @throws IllegalArgumentException if QuickFIX/J refuses the settings
   */
  public FixOmsEndpoint(FixOmsSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sessionId = new SessionID(BEGIN_STRING, settings.senderCompId(), settings.targetCompId(), settings.name());
    this.deliveries = new FixDeliveries(settings.name(), settings.massCancelSupported());
    SessionSettings sessionSettings = sessionSettings(settings, sessionId);
    try {
      this.initiator = new SocketInitiator(new Callbacks(), storeFactory(settings, sessionSettings), sessionSettings,
          new SLF4JLogFactory(sessionSettings), new DefaultMessageFactory());
    } catch (ConfigError e) {
      throw new IllegalArgumentException("OMS " + settings.name() + ": invalid FIX settings: " + e.getMessage(), e);
    }
    this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "oms-" + settings.name() + "-timer");
      thread.setDaemon(true);
      return thread;
    });
    this.timer.setRemoveOnCancelPolicy(true);
  }

  @Override
  public String name() {
    return settings.name();
  }

  public FixOmsSettings settings() {
    return settings;
  }

  /** The QuickFIX/J session id, e.g. {@code FIX.4.4:RISKPULSE->OMS1:oms1} (the qualifier is the name). */
  public SessionID sessionId() {
    return sessionId;
  }

  @Override
  public synchronized void start() {
    if (state != State.NEW) {
      throw new IllegalStateException("OMS endpoint " + name() + " already " + state.name().toLowerCase(Locale.ROOT));
    }
    try {
      initiator.start();
    } catch (ConfigError e) {
      throw new IllegalStateException("OMS endpoint " + name() + " cannot start: " + e.getMessage(), e);
    }
    state = State.STARTED;
    LOG.info("OMS {}: FIX initiator {} connecting to {}:{}", name(), sessionId, settings.host(), settings.port());
  }

  @Override
  public CompletionStage<OmsAck> cancel(HaltInstruction instruction) {
    Objects.requireNonNull(instruction, "instruction");
    return deliver(deliveries.begin(instruction), "(" + instruction.scope() + ")");
  }

  /**
   * Sends one NewOrderSingle per order and completes when the OMS has acknowledged every one (see
   * {@link FixDeliveries} and {@code docs/OMS.md}, "Rebalance orders").
   */
  @Override
  public CompletionStage<OmsAck> submit(RebalanceInstruction instruction) {
    Objects.requireNonNull(instruction, "instruction");
    return deliver(deliveries.begin(instruction), "(account " + instruction.portfolioId() + ")");
  }

  @Override
  public boolean connected() {
    Session session = session();
    return session != null && session.isLoggedOn();
  }

  /**
   * Whether the OMS said during the current session that it has no OrderMassCancelRequest (35=j 380=3, 35=3
   * invalid MsgType, or 35=r 532=0); until the next Logon, halts then go per order right away.
   */
  public boolean massCancelKnownUnsupported() {
    return deliveries.massCancelUnsupported();
  }

  @Override
  public void addConnectionListener(OmsConnectionListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeConnectionListener(OmsConnectionListener listener) {
    listeners.remove(listener);
  }

  /** Logs out (waiting up to 2 s for the OMS's Logout), stops reconnecting, fails what is in flight. */
  @Override
  public void close() {
    State previous;
    synchronized (this) {
      previous = state;
      if (previous == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
    }
    if (previous == State.STARTED) {
      initiator.stop();
    }
    deliveries.failAll(true, "endpoint closed before the OMS acknowledged");
    timer.shutdownNow();
    LOG.info("OMS {}: FIX initiator stopped", name());
  }

  private Session session() {
    return Session.lookupSession(sessionId);
  }

  private String notConnectedReason() {
    State current = state;
    return current == State.STARTED ? "not connected (FIX session to " + settings.host() + ":" + settings.port()
        + " not logged on)" : "endpoint " + current.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Sends what {@link FixDeliveries#begin} registered, under an acknowledgement timeout; a stage that is already
   * complete, or joins a delivery in flight, is returned as is.
   */
  private CompletionStage<OmsAck> deliver(FixDeliveries.Start start, String context) {
    FixDelivery delivery = start.delivery();
    if (delivery != null) {
      if (!connected()) {
        deliveries.fail(delivery, true, notConnectedReason());
        return start.stage();
      }
      ScheduledFuture<?> timeout = scheduleTimeout(delivery);
      if (timeout != null) {
        delivery.future().whenComplete((ack, failure) -> timeout.cancel(false));
      }
      LOG.info("OMS {}: sending {} {} as {}", name(), delivery.describe(), context, labels(start.toSend()));
      send(delivery, start.toSend());
    }
    return start.stage();
  }

  private ScheduledFuture<?> scheduleTimeout(FixDelivery delivery) {
    try {
      long millis = settings.ackTimeout().toMillis();
      return timer.schedule(() -> deliveries.timedOut(delivery, millis), millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      deliveries.fail(delivery, true, "endpoint closed");
      return null;
    }
  }

  private void send(FixDelivery delivery, List<FixRequest> requests) {
    Session session = session();
    for (FixRequest request : requests) {
      if (session == null || !session.send(request.message())) {
        deliveries.fail(delivery, true, "session disconnected while sending " + request.label());
        return;
      }
    }
  }

  private static String labels(List<FixRequest> requests) {
    if (requests.size() <= 3) {
      return requests.stream().map(FixRequest::label).toList().toString();
    }
    return requests.size() + " x " + requests.get(0).label().substring(0, 4).trim();
  }

  private void notifyListeners(boolean connected, String reason) {
    for (OmsConnectionListener listener : listeners) {
      try {
        if (connected) {
          listener.onConnected(name());
        } else {
          listener.onDisconnected(name(), reason);
        }
      } catch (RuntimeException e) {
        LOG.warn("OMS {}: connection listener {} failed", name(), listener, e);
      }
    }
  }

  private static SessionSettings sessionSettings(FixOmsSettings settings, SessionID sessionId) {
    SessionSettings s = new SessionSettings();
    s.setString("ConnectionType", "initiator");
    s.setString("SocketConnectHost", settings.host());
    s.setLong("SocketConnectPort", settings.port());
    s.setLong("HeartBtInt", settings.heartbeatInterval().getSeconds());
    s.setLong("ReconnectInterval", settings.reconnectInterval().getSeconds());
    s.setLong("LogonTimeout", 10);
    s.setLong("LogoutTimeout", LOGOUT_TIMEOUT_SECONDS);
    s.setString("NonStopSession", "Y");
    s.setString("TimeZone", "UTC");
    s.setString("ResetOnLogon", settings.resetOnLogon() ? "Y" : "N");
    s.setString("ResetOnLogout", "N");
    s.setString("ResetOnDisconnect", "N");
    s.setString("PersistMessages", "Y");
    s.setString("UseDataDictionary", "Y");
    s.setString("DataDictionary", "FIX44.xml");
    s.setString("ValidateIncomingMessage", "N");
    s.setString("ValidateUserDefinedFields", "N");
    s.setString("AllowUnknownMsgFields", "Y");
    s.setString("TimeStampPrecision", "MILLIS");
    s.setString("SLF4JLogHeartbeats", "N");
    if (settings.storeDirectory() != null) {
      s.setString("FileStorePath", settings.storeDirectory().toString());
    }
    s.setString(sessionId, "BeginString", sessionId.getBeginString());
    s.setString(sessionId, "SenderCompID", sessionId.getSenderCompID());
    s.setString(sessionId, "TargetCompID", sessionId.getTargetCompID());
    s.setString(sessionId, "SessionQualifier", sessionId.getSessionQualifier());
    return s;
  }

  private static MessageStoreFactory storeFactory(FixOmsSettings settings, SessionSettings sessionSettings) {
    return settings.storeDirectory() == null ? new MemoryStoreFactory() : new FileStoreFactory(sessionSettings);
  }

  /** QuickFIX/J callbacks, all on the session thread. */
  private final class Callbacks implements Application {

    @Override
    public void onCreate(SessionID id) {}

    @Override
    public void onLogon(SessionID id) {
      deliveries.sessionStarted();
      LOG.info("OMS {}: FIX session {} logged on", name(), id);
      notifyListeners(true, "");
    }

    @Override
    public void onLogout(SessionID id) {
      deliveries.failAll(true, "session disconnected before the OMS acknowledged");
      LOG.warn("OMS {}: FIX session {} logged out or disconnected; reconnecting every {} s", name(), id,
          settings.reconnectInterval().getSeconds());
      notifyListeners(false, "FIX session logged out or disconnected");
    }

    @Override
    public void toAdmin(Message message, SessionID id) {}

    @Override
    public void fromAdmin(Message message, SessionID id) {
      try {
        if (MsgType.REJECT.equals(message.getHeader().getString(MsgType.FIELD))) {
          sendFallback(deliveries.onSessionReject(message));
        }
      } catch (FieldNotFound | RuntimeException e) {
        LOG.warn("OMS {}: cannot handle admin message {}", name(), message, e);
      }
    }

    @Override
    public void toApp(Message message, SessionID id) throws DoNotSend {
      try {
        Message.Header header = message.getHeader();
        if (header.isSetField(PossDupFlag.FIELD) && header.getBoolean(PossDupFlag.FIELD)) {
          LOG.info("OMS {}: not replaying {} as a PossDup resend; the caller re-sends instructions itself", name(),
              message.isSetField(ClOrdID.FIELD) ? message.getString(ClOrdID.FIELD) : header.getString(MsgType.FIELD));
          throw new DoNotSend();
        }
        if (message.isSetField(ClOrdID.FIELD)) {
          deliveries.sent(header.getInt(MsgSeqNum.FIELD), message.getString(ClOrdID.FIELD));
        }
      } catch (FieldNotFound e) {
        LOG.warn("OMS {}: outgoing message without MsgSeqNum: {}", name(), message, e);
      }
    }

    @Override
    public void fromApp(Message message, SessionID id) {
      try {
        sendFallback(deliveries.onApplicationMessage(message));
      } catch (FieldNotFound | RuntimeException e) {
        LOG.warn("OMS {}: cannot read answer {}", name(), message, e);
      }
    }

    private void sendFallback(FixDeliveries.Fallback fallback) {
      if (fallback.delivery() != null) {
        send(fallback.delivery(), fallback.toSend());
      }
    }
  }
}
