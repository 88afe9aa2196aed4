package io.riskpulse.bench.e2e;

import com.typesafe.config.ConfigFactory;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.cassandra.CassandraServerSettings;
import java.nio.file.Path;

/** Process set-up shared by the harness mains. */
final class Harness {

  private Harness() {}

  /** Quiet logging (warnings to stderr) unless a logback configuration is given; call first in main. */
  static void init() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-bench.xml");
    }
  }

  /**
   * The report's first lines: what is measured, the machine, and the options as used (call once every option has
   * been read, so defaults are listed too).
   */
  static void banner(String title, BenchArgs options) {
    System.out.println(title);
    System.out.println("machine: " + Stats.machine());
    System.out.println("options: " + options.used());
  }

  /**
   * The settings of a Cassandra node a harness starts itself: the shipped ones (deploy/cassandra's jars, heap,
   * timeouts) with its data in {@code dir}/cassandra and free ports.
   */
  static CassandraServerSettings cassandraIn(Path dir) {
    CassandraServerSettings configured = CassandraServerSettings.fromConfig(NodeConfig.load(ConfigFactory.parseString(
        "riskpulse.persistence.data-dir = \"" + dir.toAbsolutePath() + "\"")));
    return new CassandraServerSettings(configured.libDir(), dir.resolve("cassandra"), 0, 0, 0, configured.heapMin(),
        configured.heapMax(), configured.startTimeout(), configured.stopTimeout());
  }
}
