package io.riskpulse.bench.e2e;

import io.riskpulse.model.collect.BoundedIdRing;
import io.riskpulse.model.collect.BoundedInsertionMap;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap held by a portfolio's execution-id window, measured with JOL: the window as shipped ({@link BoundedIdRing}:
 * ids as bytes in primitive arrays) against the structure it replaced ({@link BoundedInsertionMap} keeping each
 * id's {@code String} and a boxed fingerprint), each filled with the same ids, at a few sizes and once turned over
 * (three times its capacity added, so the oldest were forgotten). Ids are made as the wire decoder makes them: a new
 * {@code String} per fill ({@code EXEC-} and a 10-digit sequence, 15 chars: the benchmarks' own ids are of that
 * kind).
 *
 * <p>Options ({@code key=value}): {@code capacity} (100,000, the shipped {@code dedup-window}), {@code sizes} ids
 * held (20,1000,10000,100000). Run with {@code -Djdk.attach.allowAttachSelf=true} (see {@link EntityFootprint}).
 */
public final class WindowFootprint {

  private WindowFootprint() {}

  public static void main(String[] args) {
    BenchArgs options = new BenchArgs(args);
    int capacity = options.integer("capacity", 100_000);
    int[] sizes = options.integers("sizes", 20, 1_000, 10_000, 100_000);
    System.out.println("RiskPulse execution-id window footprint (JOL GraphLayout, everything each window reaches)");
    System.out.println("options: " + options.used());
    System.out.println();
    System.out.println("    ids added   ids held   ring bytes  ring B/id    map bytes   map B/id   ring / map");
    for (int size : sizes) {
      row(capacity, Math.min(size, capacity), size);
    }
    row(capacity, capacity, 3 * capacity);
  }

  private static void row(int capacity, int held, int added) {
    BoundedIdRing ring = new BoundedIdRing(capacity);
    BoundedInsertionMap<Integer> map = new BoundedInsertionMap<>(capacity, forgotten -> { });
    long sequence = 1_000_000_000L;
    for (int i = 0; i < added; i++) {
      String id = new String(("EXEC-" + sequence++).toCharArray()); // a fresh string, as a decoder makes it
      int fingerprint = id.hashCode() * 0x9E3779B9;
      ring.add(id, fingerprint);
      if (!map.containsKey(id)) {
        map.put(id, fingerprint);
      }
    }
    if (ring.size() != held || map.size() != held) {
      throw new IllegalStateException("held " + ring.size() + " and " + map.size() + ", expected " + held);
    }
    long ringBytes = GraphLayout.parseInstance(ring).totalSize();
    long mapBytes = GraphLayout.parseInstance(map).totalSize();
    System.out.println(Stats.fmt("%,13d  %,9d  %,11d  %9.1f  %,11d  %9.1f  %11.2f", added, held, ringBytes,
        (double) ringBytes / held, mapBytes, (double) mapBytes / held, (double) ringBytes / mapBytes));
  }
}
