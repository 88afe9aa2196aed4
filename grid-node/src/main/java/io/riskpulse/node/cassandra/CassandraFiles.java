package io.riskpulse.node.cassandra;

import java.nio.file.Path;

/**
 * The files of a local Cassandra node under its data folder: what {@link CassandraLauncher} writes and where
 * Cassandra keeps its data and log. Immutable; thread-safe.
 *
 * @param dir the node's folder
 */
record CassandraFiles(Path dir) {

  CassandraFiles {
    dir = dir.toAbsolutePath().normalize();
  }

  /** The minimal single-node cassandra.yaml, rewritten at every start. */
  Path yaml() {
    return dir.resolve("cassandra.yaml");
  }

  /** Cassandra's logging configuration (INFO to standard output, which goes to {@link #log()}). */
  Path logback() {
    return dir.resolve("logback.xml");
  }

  /** The process id of the running node, present while it runs. */
  Path pidFile() {
    return dir.resolve("cassandra.pid");
  }

  /** The ports of the last start (native_port, storage_port, jmx_port). */
  Path portsFile() {
    return dir.resolve("cassandra-ports.properties");
  }

  Path logDir() {
    return dir.resolve("logs");
  }

  /** Cassandra's standard output and error, appended over starts. */
  Path log() {
    return logDir().resolve("cassandra.log");
  }

  Path data() {
    return dir.resolve("data");
  }

  Path commitLog() {
    return dir.resolve("commitlog");
  }

  Path savedCaches() {
    return dir.resolve("saved_caches");
  }

  Path hints() {
    return dir.resolve("hints");
  }

  Path cdcRaw() {
    return dir.resolve("cdc_raw");
  }

  Path triggers() {
    return dir.resolve("triggers");
  }
}
