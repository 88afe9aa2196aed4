package io.riskpulse.node.cassandra;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a local Apache Cassandra node is started by {@link CassandraLauncher}: from {@code riskpulse.cassandra.server}
 * (grid-node's {@code cassandra.conf}).
 *
 * @param libDir folder holding cassandra-all and its dependency jars (deploy/cassandra's {@code target/lib}), used as
 *     the server's classpath
 * @param dataDir folder of the node: its cassandra.yaml, data, commit log, pid file and logs
 * @param nativePort CQL port the driver connects to; 0 picks a free one
 * @param storagePort internode (gossip) port; 0 picks a free one
 * @param jmxPort local JMX port ({@code nodetool}); 0 picks a free one
 * @param heapMin initial heap, a JVM size such as {@code 256M} (Cassandra locks its heap in memory when it may, so
 *     this is resident memory from the start)
 * @param heapMax maximum heap, a JVM size such as {@code 1G}
 * @param startTimeout how long {@link CassandraLauncher#start} waits for the CQL port before it gives up
 * @param stopTimeout how long {@link CassandraLauncher#stop} waits after SIGTERM before it kills the process
 */
public record CassandraServerSettings(Path libDir, Path dataDir, int nativePort, int storagePort, int jmxPort,
    String heapMin, String heapMax, Duration startTimeout, Duration stopTimeout) {

  public CassandraServerSettings {
    requirePort("native-port", nativePort);
    requirePort("storage-port", storagePort);
    requirePort("jmx-port", jmxPort);
    requireHeap("heap-min", heapMin);
    requireHeap("heap-max", heapMax);
    if (startTimeout.isNegative() || startTimeout.isZero() || stopTimeout.isNegative() || stopTimeout.isZero()) {
      throw new IllegalArgumentException("start-timeout and stop-timeout must be positive, were " + startTimeout
          + " and " + stopTimeout);
    }
  }

  /** Reads {@code riskpulse.cassandra.server}; {@code data-dir} relative paths resolve against the working folder. */
  public static CassandraServerSettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.cassandra.server");
    return new CassandraServerSettings(Path.of(c.getString("lib-dir")), Path.of(c.getString("data-dir")),
        c.getInt("native-port"), c.getInt("storage-port"), c.getInt("jmx-port"), c.getString("heap-min"),
        c.getString("heap-max"), c.getDuration("start-timeout"), c.getDuration("stop-timeout"));
  }

  /** The same settings on another data folder. */
  public CassandraServerSettings withDataDir(Path dir) {
    return new CassandraServerSettings(libDir, dir, nativePort, storagePort, jmxPort, heapMin, heapMax, startTimeout,
        stopTimeout);
  }

  private static void requirePort(String name, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be 0 (a free port) or 1-65535, was " + port);
    }
  }

  private static void requireHeap(String name, String size) {
    if (size == null || !size.matches("[1-9][0-9]*[kKmMgG]?")) {
      throw new IllegalArgumentException(name + " must be a JVM heap size such as 256M or 1G, was '" + size + "'");
    }
  }
}
