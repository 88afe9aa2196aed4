package io.riskpulse.ingestion.fix;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.TestReqID;
import quickfix.fix44.TestRequest;

/**
 * The OMS side in tests: a real QuickFIX/J {@link SocketInitiator} (FIX 4.4, OMS1 → RISKPULSE, memory store)
 * that records every application and admin message it receives.
 */
public final class OmsInitiator implements Application, AutoCloseable {

  static final SessionID SESSION_ID = new SessionID("FIX.4.4", "OMS1", "RISKPULSE");
  private static final long TIMEOUT_SECONDS = CollectingSink.TIMEOUT_SECONDS;

  private final BlockingQueue<Message> appReceived = new LinkedBlockingQueue<>();
  private final BlockingQueue<Message> adminReceived = new LinkedBlockingQueue<>();
  private final AtomicInteger testRequests = new AtomicInteger();
  private final CountDownLatch loggedOn = new CountDownLatch(1);
  private final SocketInitiator initiator;

  public OmsInitiator(int acceptorPort) throws ConfigError {
    SessionSettings settings = new SessionSettings();
    settings.setString("ConnectionType", "initiator");
    settings.setString("SocketConnectHost", "127.0.0.1");
    settings.setLong("SocketConnectPort", acceptorPort);
    settings.setLong("HeartBtInt", 30);
    settings.setLong("ReconnectInterval", 1);
    settings.setString("NonStopSession", "Y");
    settings.setString("UseDataDictionary", "Y");
    settings.setString("DataDictionary", "FIX44.xml");
    settings.setString("ValidateUserDefinedFields", "N");
    settings.setString("SLF4JLogHeartbeats", "N");
    settings.setString(SESSION_ID, "BeginString", SESSION_ID.getBeginString());
    settings.setString(SESSION_ID, "SenderCompID", SESSION_ID.getSenderCompID());
    settings.setString(SESSION_ID, "TargetCompID", SESSION_ID.getTargetCompID());
    initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings),
        new DefaultMessageFactory());
  }

  /** Connects and waits for the Logon handshake to complete. */
  public void startAndAwaitLogon() throws ConfigError, InterruptedException {
    initiator.start();
    assertTrue(loggedOn.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "initiator did not log on");
  }

  Session session() {
    return Session.lookupSession(SESSION_ID);
  }

  /** Sends an application message and returns the MsgSeqNum it went out with. */
  public int send(Message message) throws Exception {
    assertTrue(Session.sendToTarget(message, SESSION_ID), "not sent");
    return message.getHeader().getInt(MsgSeqNum.FIELD);
  }

  /**
   * Sends a TestRequest and waits for the acceptor's Heartbeat answering it. The acceptor handles a session's
   * messages one at a time in order, so afterwards everything sent before has been fully processed (counters
   * included).
   */
  public void roundTrip() throws Exception {
    String id = "sync-" + testRequests.incrementAndGet();
    assertTrue(Session.sendToTarget(new TestRequest(new TestReqID(id)), SESSION_ID), "not sent");
    while (true) {
      Message heartbeat = awaitAdmin(MsgType.HEARTBEAT);
      if (heartbeat.isSetField(TestReqID.FIELD) && id.equals(heartbeat.getString(TestReqID.FIELD))) {
        return;
      }
    }
  }

  /** Waits for the next application message of this type, skipping others. */
  Message awaitApp(String msgType) throws InterruptedException, FieldNotFound {
    return await(appReceived, msgType);
  }

  /** Waits for the next admin message of this type (heartbeats and others are skipped). */
  Message awaitAdmin(String msgType) throws InterruptedException, FieldNotFound {
    return await(adminReceived, msgType);
  }

  private static Message await(BlockingQueue<Message> queue, String msgType)
      throws InterruptedException, FieldNotFound {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      Message message = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertNotNull(message, "no message of type " + msgType + " within " + TIMEOUT_SECONDS + " s");
      if (msgType.equals(message.getHeader().getString(MsgType.FIELD))) {
        return message;
      }
    }
  }

  @Override
  public void close() {
    initiator.stop();
  }

  @Override
  public void onCreate(SessionID sessionId) {}

  @Override
  public void onLogon(SessionID sessionId) {
    loggedOn.countDown();
  }

  @Override
  public void onLogout(SessionID sessionId) {}

  @Override
  public void toAdmin(Message message, SessionID sessionId) {}

  @Override
  public void fromAdmin(Message message, SessionID sessionId) {
    adminReceived.add(message);
  }

  @Override
  public void toApp(Message message, SessionID sessionId) {}

  @Override
  public void fromApp(Message message, SessionID sessionId) {
    appReceived.add(message);
  }
}
