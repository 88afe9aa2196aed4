package io.riskpulse.node.cluster;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how {@code ./riskpulse cluster start} runs a cluster of node processes on this machine (loopback), read
 * from {@code riskpulse.cluster.local}. Node {@code i} (from 1) uses each base port plus {@code i - 1}.
 *
 * @param baseDir the folder holding one folder per node ({@code node-1}, ...): its data, log and pid file
 * @param remoteBasePort Pekko remoting port of node 1
 * @param httpBasePort HTTP port of node 1
 * @param grpcBasePort gRPC port of node 1
 * @param managementBasePort management port (/ready, /alive, /cluster/members) of node 1
 * @param fixPort the FIX drop-copy port, served by node 1 only (one acceptor per session)
 * @param marketDataControlPort the loopback UDP port market-data publishers bind (multi-destination-cast control)
 * @param cassandraContactPoints the journal's Cassandra ({@code host:port}, comma-separated)
 * @param startTimeout how long start waits for every node's /ready
 * @param stopTimeout how long stop waits after SIGTERM before it kills a node
 */
public record LocalClusterSettings(Path baseDir, int remoteBasePort, int httpBasePort, int grpcBasePort,
    int managementBasePort, int fixPort, int marketDataControlPort, String cassandraContactPoints,
    Duration startTimeout, Duration stopTimeout) {

  /** The settings under {@code riskpulse.cluster.local} and the journal's contact points. */
  public static LocalClusterSettings fromConfig(Config config) {
    Config local = config.getConfig("riskpulse.cluster.local");
    return new LocalClusterSettings(Path.of(local.getString("base-dir")), local.getInt("remote-base-port"),
        local.getInt("http-base-port"), local.getInt("grpc-base-port"), local.getInt("management-base-port"),
        config.getInt("riskpulse.ingestion.fix.port"), local.getInt("market-data-control-port"),
        config.getString("riskpulse.persistence.cassandra.contact-points"), local.getDuration("start-timeout"),
        local.getDuration("stop-timeout"));
  }

  /** The market-data channel every node subscribes to: its own ephemeral endpoint, the publishers' control. */
  public String marketDataSubscribeChannel() {
    return "aeron:udp?endpoint=127.0.0.1:0|control=127.0.0.1:" + marketDataControlPort + "|control-mode=dynamic";
  }

  /** The market-data channel a feed publishes to: one publication reaches every node. */
  public String marketDataPublishChannel() {
    return "aeron:udp?control=127.0.0.1:" + marketDataControlPort + "|control-mode=dynamic";
  }

  /** Node {@code index} (from 1) of this cluster. */
  public LocalClusterNode node(int index) {
    int offset = index - 1;
    return new LocalClusterNode(index, baseDir.resolve("node-" + index), remoteBasePort + offset,
        httpBasePort + offset, grpcBasePort + offset, managementBasePort + offset);
  }
}
