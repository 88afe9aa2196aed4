package io.riskpulse.node.cassandra;

/**
 * Cassandra cannot be started as configured, before any process was launched: its jars are not built, or a
 * configured port is taken. Fix the setup and retry (the CLI exits 2 for it, where a failed start exits 1).
 */
public final class CassandraSetupException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public CassandraSetupException(String message) {
    super(message);
  }
}
