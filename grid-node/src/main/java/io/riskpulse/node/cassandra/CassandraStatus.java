package io.riskpulse.node.cassandra;

import java.nio.file.Path;

/**
 * What {@link CassandraLauncher} knows of the Cassandra node of one data folder.
 *
 * @param running whether the process named by the pid file is alive and is this folder's Cassandra
 * @param pid its process id; -1 when not running
 * @param nativePort CQL port the node was started with (0 when it never was)
 * @param storagePort internode port the node was started with (0 when it never was)
 * @param jmxPort local JMX port the node was started with (0 when it never was)
 * @param dataDir the node's folder
 */
public record CassandraStatus(boolean running, long pid, int nativePort, int storagePort, int jmxPort,
    Path dataDir) {

  /** One line for people: {@code running (pid 123), CQL 127.0.0.1:9042, storage 7000, JMX 7199, data /x}. */
  public String describe() {
    String ports = nativePort == 0 ? "never started here"
        : "CQL " + CassandraLauncher.HOST + ":" + nativePort + ", storage " + storagePort + ", JMX " + jmxPort;
    return (running ? "running (pid " + pid + ")" : "not running") + ", " + ports + ", data " + dataDir;
  }
}
