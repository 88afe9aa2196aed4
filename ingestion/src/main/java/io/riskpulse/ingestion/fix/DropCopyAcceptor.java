package io.riskpulse.ingestion.fix;

import io.riskpulse.ingestion.event.IngestSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.mina.core.service.IoAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldConvertError;
import quickfix.FileLogFactory;
import quickfix.FileStoreFactory;
import quickfix.LogFactory;
import quickfix.MemoryStoreFactory;
import quickfix.MessageFactory;
import quickfix.MessageStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.ThreadedSocketAcceptor;

/**
 * FIX 4.4 drop-copy acceptor: the OMS (or a venue) connects as initiator and copies its order flow and fills to
 * RiskPulse, which hands them to an {@link IngestSink} (mapping in {@link DropCopyTranslator} and
 * {@code docs/FIX.md}).
 *
 * <p>Configured by a standard QuickFIX/J session settings file; the default is the classpath resource
 * {@value #DEFAULT_SETTINGS_RESOURCE}. A few keys prefixed {@code RiskPulse} in {@code [DEFAULT]} are read here
 * and ignored by QuickFIX/J: {@value #MESSAGE_STORE_KEY} ({@code file} or {@code memory}),
 * {@value #MESSAGE_LOG_KEY} ({@code slf4j} or {@code file}), {@value #STRATEGY_TAG_KEY} and the queue
 * watermarks {@value #QUEUE_LOW_WATERMARK_KEY} / {@value #QUEUE_HIGH_WATERMARK_KEY}. The port and the
 * store/log directory can be overridden through the {@link Builder} (tests use port 0 and a temporary
 * directory).
 *
 * <p>Uses a {@link ThreadedSocketAcceptor}: one dispatcher thread per session, so a sink that blocks for
 * backpressure stalls only that session, and QuickFIX/J suspends reading its socket once more than the high
 * watermark of messages are queued (TCP backpressure to the counterparty).
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #stop()} (or {@link #close()}); a stopped acceptor cannot be
 * restarted, build a new one. Thread-safe.
 */
public final class DropCopyAcceptor implements AutoCloseable {

  /** Classpath resource of the shipped default settings. */
  public static final String DEFAULT_SETTINGS_RESOURCE = "riskpulse/fix/dropcopy.cfg";
  /** {@code file} (default; sequence numbers and sent messages survive a restart) or {@code memory}. */
  public static final String MESSAGE_STORE_KEY = "RiskPulseMessageStore";
  /** {@code slf4j} (default; categories {@code quickfixj.msg.*} and {@code quickfixj.event}) or {@code file}. */
  public static final String MESSAGE_LOG_KEY = "RiskPulseMessageLog";
  /** The user-defined tag carrying the strategy id; default {@value DropCopyTranslator#DEFAULT_STRATEGY_TAG}. */
  public static final String STRATEGY_TAG_KEY = "RiskPulseStrategyTag";
  /** Resume reading a session's socket when its queue falls below this many messages. */
  public static final String QUEUE_LOW_WATERMARK_KEY = "RiskPulseQueueLowWatermark";
  /** Suspend reading a session's socket when its queue holds more than this many messages. */
  public static final String QUEUE_HIGH_WATERMARK_KEY = "RiskPulseQueueHighWatermark";

  /** Default of {@link Builder#handledTimeout}, in seconds. */
  public static final long DEFAULT_HANDLED_TIMEOUT_SECONDS = 10;
  private static final Duration DEFAULT_HANDLED_TIMEOUT = Duration.ofSeconds(DEFAULT_HANDLED_TIMEOUT_SECONDS);
  private static final Logger LOG = LoggerFactory.getLogger(DropCopyAcceptor.class);
  private static final String SOCKET_ACCEPT_PORT = "SocketAcceptPort";
  private static final String FILE_STORE_PATH = "FileStorePath";
  private static final String FILE_LOG_PATH = "FileLogPath";

  /** Where QuickFIX/J keeps sequence numbers and sent messages. */
  public enum MessageStore {
    /** {@code FileStorePath}: survives restarts, so a restarted node asks the counterparty to resend. */
    FILE,
    /** Lost on restart: the counterparty's next logon then looks like a gap from 1. For tests. */
    MEMORY
  }

  private enum State { NEW, STARTED, STOPPED }

  private final ThreadedSocketAcceptor acceptor;
  private final DropCopyApplication application;
  private final DropCopyCounters counters;
  private State state = State.NEW;

  private DropCopyAcceptor(ThreadedSocketAcceptor acceptor, DropCopyApplication application,
      DropCopyCounters counters) {
    this.acceptor = acceptor;
    this.application = application;
    this.counters = counters;
  }

  /** A builder reading {@value #DEFAULT_SETTINGS_RESOURCE} unless other settings are given. */
  public static Builder builder(IngestSink sink) {
    return new Builder(sink);
  }

  /** Binds the listening socket(s); sessions log on when the counterparty connects. */
  public synchronized void start() throws ConfigError {
    if (state != State.NEW) {
      throw new IllegalStateException("drop-copy acceptor already " + state.name().toLowerCase(Locale.ROOT));
    }
    acceptor.start();
    state = State.STARTED;
    LOG.info("FIX drop-copy acceptor listening on port {} for {}", localPort(), acceptor.getSessions());
  }

  /**
   * Logs the sessions out (waiting up to LogoutTimeout for the counterparty's Logout), unbinds and stops the
   * session threads. A session thread blocked in the sink is interrupted; the message it was handing over is
   * not consumed and is resent after the next logon. Idempotent.
   */
  public synchronized void stop() {
    if (state == State.STOPPED) {
      return;
    }
    State previous = state;
    state = State.STOPPED;
    application.beginStop();
    if (previous == State.STARTED) {
      acceptor.stop();
      LOG.info("FIX drop-copy acceptor stopped");
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The bound TCP port (useful with port 0); -1 when not listening. */
  public synchronized int localPort() {
    if (state != State.STARTED) {
      return -1;
    }
    for (IoAcceptor endpoint : acceptor.getEndpoints()) {
      SocketAddress address = endpoint.getLocalAddress();
      if (address instanceof InetSocketAddress inet) {
        return inet.getPort();
      }
    }
    return -1;
  }

  /** The configured sessions, e.g. {@code FIX.4.4:RISKPULSE->OMS1}. */
  public List<SessionID> sessionIds() {
    return List.copyOf(acceptor.getSessions());
  }

  /** True when the given session is logged on. */
  public boolean isLoggedOn(SessionID sessionId) {
    Session session = Session.lookupSession(sessionId);
    return session != null && session.isLoggedOn();
  }

  public DropCopyCounters counters() {
    return counters;
  }

  /** Builds a {@link DropCopyAcceptor} from a settings file plus programmatic overrides. */
  public static final class Builder {
    private final IngestSink sink;
    private SessionSettings settings;
    private Integer acceptPort;
    private Path dataDirectory;
    private MessageStore messageStore;
    private Duration handledTimeout = DEFAULT_HANDLED_TIMEOUT;

    private Builder(IngestSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Reads the given QuickFIX/J settings file instead of the default resource. */
    public Builder settingsFile(Path file) throws IOException, ConfigError {
      try (InputStream in = Files.newInputStream(file)) {
        this.settings = new SessionSettings(in);
      }
      return this;
    }

    /** Uses these settings (they are modified by the overrides) instead of the default resource. */
    public Builder settings(SessionSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Overrides SocketAcceptPort for every session; 0 binds an ephemeral port (see {@link #localPort()}). */
    public Builder acceptPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.acceptPort = port;
      return this;
    }

    /** Overrides FileStorePath and FileLogPath with {@code <directory>/store} and {@code <directory>/log}. */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Overrides {@value #MESSAGE_STORE_KEY}. */
    public Builder messageStore(MessageStore store) {
      this.messageStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * How long a session thread waits for a message to be handled (persisted or quarantined) before leaving
     * it for resend; default {@value #DEFAULT_HANDLED_TIMEOUT_SECONDS} s. See {@code DropCopyApplication}.
     */
    public Builder handledTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("handled timeout must be positive: " + timeout);
      }
      this.handledTimeout = timeout;
      return this;
    }

    public DropCopyAcceptor build() throws ConfigError {
      SessionSettings effective = settings != null ? settings : defaultSettings();
      applyOverrides(effective);
      try {
        DropCopyCounters counters = new DropCopyCounters();
        MessageFactory messageFactory = new DefaultMessageFactory();
        DropCopyTranslator translator = new DropCopyTranslator(
            (int) effective.getLongOrDefault(STRATEGY_TAG_KEY, DropCopyTranslator.DEFAULT_STRATEGY_TAG));
        DropCopyApplication application = new DropCopyApplication(
            sink, translator, messageFactory, counters, handledTimeout);
        int low = (int) effective.getLongOrDefault(QUEUE_LOW_WATERMARK_KEY, 256);
        int high = (int) effective.getLongOrDefault(QUEUE_HIGH_WATERMARK_KEY, 1024);
        ThreadedSocketAcceptor acceptor = ThreadedSocketAcceptor.newBuilder()
            .withApplication(application)
            .withSettings(effective)
            .withMessageStoreFactory(storeFactory(effective))
            .withLogFactory(logFactory(effective))
            .withMessageFactory(messageFactory)
            .withQueueWatermarks(low, high)
            .build();
        return new DropCopyAcceptor(acceptor, application, counters);
      } catch (FieldConvertError e) {
        throw new ConfigError(e);
      }
    }

    private void applyOverrides(SessionSettings effective) throws ConfigError {
      List<SessionID> sessions = new ArrayList<>();
      for (Iterator<SessionID> it = effective.sectionIterator(); it.hasNext(); ) {
        sessions.add(it.next());
      }
      if (sessions.isEmpty()) {
        throw new ConfigError("no [SESSION] in the drop-copy settings");
      }
      if (acceptPort != null) {
        setEverywhere(effective, sessions, SOCKET_ACCEPT_PORT, Integer.toString(acceptPort));
      }
      if (dataDirectory != null) {
        setEverywhere(effective, sessions, FILE_STORE_PATH, dataDirectory.resolve("store").toString());
        setEverywhere(effective, sessions, FILE_LOG_PATH, dataDirectory.resolve("log").toString());
      }
      if (messageStore != null) {
        effective.setString(MESSAGE_STORE_KEY, messageStore.name().toLowerCase(Locale.ROOT));
      }
    }

    private static void setEverywhere(SessionSettings settings, List<SessionID> sessions, String key, String value) {
      settings.setString(key, value);
      for (SessionID session : sessions) {
        settings.setString(session, key, value);
      }
    }

    private static MessageStoreFactory storeFactory(SessionSettings settings) throws ConfigError {
      String store = settings.getStringOrDefault(MESSAGE_STORE_KEY, "file").trim().toLowerCase(Locale.ROOT);
      switch (store) {
        case "file":
          return new FileStoreFactory(settings);
        case "memory":
          return new MemoryStoreFactory();
        default:
          throw new ConfigError(MESSAGE_STORE_KEY + " must be file or memory, was " + store);
      }
    }

    private static LogFactory logFactory(SessionSettings settings) throws ConfigError {
      String log = settings.getStringOrDefault(MESSAGE_LOG_KEY, "slf4j").trim().toLowerCase(Locale.ROOT);
      switch (log) {
        case "slf4j":
          return new SLF4JLogFactory(settings);
        case "file":
          return new FileLogFactory(settings);
        default:
          throw new ConfigError(MESSAGE_LOG_KEY + " must be slf4j or file, was " + log);
      }
    }

    private static SessionSettings defaultSettings() throws ConfigError {
      InputStream in = DropCopyAcceptor.class.getClassLoader().getResourceAsStream(DEFAULT_SETTINGS_RESOURCE);
      if (in == null) {
        throw new ConfigError("missing classpath resource " + DEFAULT_SETTINGS_RESOURCE);
      }
      try (in) {
        return new SessionSettings(in);
      } catch (IOException e) {
        throw new ConfigError(e);
      }
    }
  }
}
