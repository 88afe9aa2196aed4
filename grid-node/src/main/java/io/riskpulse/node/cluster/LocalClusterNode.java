package io.riskpulse.node.cluster;

import java.nio.file.Path;

/**
 * One node process of a local cluster: its folder (journal-independent data: Aeron, FIX store, gRPC keys, quarantine,
 * logs) and its ports.
 *
 * @param index from 1
 */
public record LocalClusterNode(int index, Path dir, int remotePort, int httpPort, int grpcPort, int managementPort) {

  /** The node's Pekko address, as seed nodes name it. */
  public String address() {
    return "pekko://" + io.riskpulse.node.Main.SYSTEM_NAME + "@127.0.0.1:" + remotePort;
  }

  /** Where its pid is kept while it runs. */
  public Path pidFile() {
    return dir.resolve("node.pid");
  }

  /** Its standard output and error. */
  public Path logFile() {
    return dir.resolve("node.log");
  }

  /** Base URI of its management endpoints. */
  public String managementUri() {
    return "http://127.0.0.1:" + managementPort;
  }
}
