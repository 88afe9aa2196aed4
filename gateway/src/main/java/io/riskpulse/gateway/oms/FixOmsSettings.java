package io.riskpulse.gateway.oms;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of one {@link FixOmsEndpoint}: a FIX 4.4 initiator session from RiskPulse to one OMS. Immutable.
 *
 * <p>Read from one entry of {@code riskpulse.gateway.oms.endpoints} with {@link #fromConfig}; every key is
 * documented in the gateway's {@code reference.conf} ({@code riskpulse.gateway.oms.fix-defaults}) and in
 * {@code docs/OMS.md}.
 *
 * @param name endpoint name, unique per node; also the QuickFIX/J SessionQualifier, so that two endpoints with
 *     the same CompIDs do not share a session in one JVM (the qualifier never goes on the wire)
 * @param host OMS host name or address
 * @param port OMS FIX acceptor port, 1-65535
 * @param senderCompId our CompID (49)
 * @param targetCompId the OMS's CompID (56)
 * @param heartbeatInterval HeartBtInt (108) asked for in our Logon; whole seconds, at least 1 s
 * @param reconnectInterval wait between connection attempts after a drop or a refused connect; whole seconds, at
 *     least 1 s
 * @param massCancelSupported {@code false} sends one OrderCancelRequest (35=F) per known open order instead of
 *     OrderMassCancelRequest (35=q), for OMSs that do not implement mass cancel
 * @param storeDirectory QuickFIX/J FileStorePath (sequence numbers and sent messages survive a restart), or
 *     {@code null} for an in-memory store
 * @param resetOnLogon send ResetSeqNumFlag (141=Y) on every Logon, so both sides restart at 1. Default on: the
 *     gateway actor re-sends unacknowledged halts itself, so session-level recovery of old requests is not wanted
 * @param ackTimeout how long a delivery waits for the OMS's answers before failing as retryable
 */
public record FixOmsSettings(String name, String host, int port, String senderCompId, String targetCompId,
    Duration heartbeatInterval, Duration reconnectInterval, boolean massCancelSupported, Path storeDirectory,
    boolean resetOnLogon, Duration ackTimeout) {

  /** Path, inside the node configuration, of the defaults applied to every {@code type = fix} endpoint entry. */
  public static final String DEFAULTS_PATH = "riskpulse.gateway.oms.fix-defaults";
  /** Value of the {@code store} key that selects the in-memory store. */
  public static final String MEMORY_STORE = "memory";

  public FixOmsSettings {
    requireText(name, "name");
    requireText(host, "host");
    requireText(senderCompId, "sender-comp-id");
    requireText(targetCompId, "target-comp-id");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, was " + port);
    }
    requireWholeSeconds(heartbeatInterval, "heartbeat-interval");
    requireWholeSeconds(reconnectInterval, "reconnect-interval");
    Objects.requireNonNull(ackTimeout, "ackTimeout");
    if (ackTimeout.isNegative() || ackTimeout.isZero()) {
      throw new IllegalArgumentException("ack-timeout must be positive, was " + ackTimeout);
    }
  }

  /**
   * Reads one endpoint entry. Keys missing from the entry are taken from {@value #DEFAULTS_PATH} of the gateway's
   * {@code reference.conf} ({@link OmsEndpoints#fromConfig} applies the node's own defaults first).
   *
   * @throws ConfigException naming the key when a value is missing or invalid
   */
  public static FixOmsSettings fromConfig(Config entry) {
    Config c = entry.withFallback(ConfigFactory.defaultReference().getConfig(DEFAULTS_PATH));
    String store = c.getString("store").trim();
    try {
      return new FixOmsSettings(
          c.getString("name"),
          c.getString("host"),
          c.getInt("port"),
          c.getString("sender-comp-id"),
          c.getString("target-comp-id"),
          c.getDuration("heartbeat-interval"),
          c.getDuration("reconnect-interval"),
          c.getBoolean("mass-cancel"),
          store.toLowerCase(Locale.ROOT).equals(MEMORY_STORE) ? null : Path.of(store),
          c.getBoolean("reset-on-logon"),
          c.getDuration("ack-timeout"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(entry.origin(), "endpoints", e.getMessage(), e);
    }
  }

  /** A copy pointing at another port (tests and the demo start the OMS simulator on an ephemeral port). */
  public FixOmsSettings withPort(int newPort) {
    return new FixOmsSettings(name, host, newPort, senderCompId, targetCompId, heartbeatInterval, reconnectInterval,
        massCancelSupported, storeDirectory, resetOnLogon, ackTimeout);
  }

  /** A copy with {@link #massCancelSupported} changed. */
  public FixOmsSettings withMassCancelSupported(boolean supported) {
    return new FixOmsSettings(name, host, port, senderCompId, targetCompId, heartbeatInterval, reconnectInterval,
        supported, storeDirectory, resetOnLogon, ackTimeout);
  }

  /** A copy with {@link #ackTimeout} changed. */
  public FixOmsSettings withAckTimeout(Duration timeout) {
    return new FixOmsSettings(name, host, port, senderCompId, targetCompId, heartbeatInterval, reconnectInterval,
        massCancelSupported, storeDirectory, resetOnLogon, timeout);
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is required");
    }
  }

  private static void requireWholeSeconds(Duration value, String key) {
    Objects.requireNonNull(value, key);
    if (value.getSeconds() < 1 || value.getNano() != 0) {
      throw new IllegalArgumentException(key + " must be a whole number of seconds >= 1, was " + value);
    }
  }
}
