package io.riskpulse.node.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free local TCP ports for a {@link LocalClusterSettings} of a test or a benchmark, where the shipped fixed ports may
 * be taken. Ports are drawn from 20000-31999, below Linux's ephemeral range (32768-60999): a port in that range can be
 * taken between this check and the node's bind by an outgoing connection, such as a readiness poll that reaches the
 * port before the node listens and gets connected to itself. Free when checked, not reserved; stateless and
 * thread-safe.
 */
public final class FreePorts {

  private FreePorts() {}

  /**
   * The first ports of {@code count} runs of {@code length} consecutive ports that are free now and do not overlap
   * one another. Take every port a cluster needs from one call: runs drawn by separate calls can overlap, since
   * none is bound yet (a clash that failed a node's start in a test).
   */
  public static int[] runs(int count, int length) {
    int[] bases = new int[count];
    int found = 0;
    while (found < count) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      boolean free = !overlaps(bases, found, length, base);
      for (int port = base; port < base + length && free; port++) {
        try (ServerSocket socket = new ServerSocket(port)) {
          socket.setReuseAddress(true);
        } catch (IOException taken) {
          free = false;
        }
      }
      if (free) {
        bases[found++] = base;
      }
    }
    return bases;
  }

  /** Whether a run from {@code base} shares a port with one of the first {@code found} runs of {@code bases}. */
  private static boolean overlaps(int[] bases, int found, int length, int base) {
    for (int i = 0; i < found; i++) {
      if (Math.abs(bases[i] - base) < length) {
        return true;
      }
    }
    return false;
  }
}
