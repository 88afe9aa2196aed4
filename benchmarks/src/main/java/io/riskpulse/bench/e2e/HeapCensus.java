package io.riskpulse.bench.e2e;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The live objects on this JVM's heap, counted the way {@code jcmd <pid> GC.class_histogram} counts them: the
 * diagnostic command first runs a full, stop-the-world collection, then walks the heap and sums the shallow size
 * of every object still reachable, per class. Its total is the live bytes, exactly: no free space, no garbage not
 * yet collected, no region rounding.
 *
 * <p>Why this rather than "heap used" after {@code System.gc()}: with G1, used is counted per region and includes
 * what the last collection left (humongous regions are whole regions, a concurrent cycle may be running), so it
 * moves by megabytes between two calls with nothing changed. The histogram is read after {@code System.gc()} too,
 * and that figure ({@link #usedAfterGc}, from the {@code MemoryMXBean}) is kept as a cross-check, not as the
 * measurement. Both are bytes.
 *
 * <p>Thread-safety: a census is an immutable value; {@link #take} may be called from any thread (it pauses the
 * whole JVM for the collection and the walk).
 *
 * @param liveBytes bytes of every live object, from the histogram's total
 * @param liveObjects how many live objects
 * @param usedAfterGc heap used after three {@code System.gc()} calls, bytes ({@code MemoryMXBean}), a cross-check
 * @param bytesByClass live bytes per class name as the histogram names it ({@code [D} for {@code double[]})
 * @param countByClass live instances per class name
 */
record HeapCensus(long liveBytes, long liveObjects, long usedAfterGc, Map<String, Long> bytesByClass,
    Map<String, Long> countByClass) {

  private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
  private static final Pattern TOTAL = Pattern.compile("^\\s*Total\\s+(\\d+)\\s+(\\d+)\\s*$");

  /** Collects the garbage (full collections) and counts what is left. */
  static HeapCensus take() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    Map<String, Long> bytes = new HashMap<>();
    Map<String, Long> counts = new HashMap<>();
    long totalBytes = -1;
    long totalObjects = -1;
    for (String line : histogram.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
        counts.merge(row.group(3), Long.parseLong(row.group(1)), Long::sum);
        continue;
      }
      Matcher total = TOTAL.matcher(line);
      if (total.matches()) {
        totalObjects = Long.parseLong(total.group(1));
        totalBytes = Long.parseLong(total.group(2));
      }
    }
    if (totalBytes < 0) {
      throw new IllegalStateException("no total in the class histogram:\n" + histogram);
    }
    return new HeapCensus(totalBytes, totalObjects, used, bytes, counts);
  }

  /** Bytes of a class name in this census minus those in {@code earlier}; 0 where neither has it. */
  long bytesSince(HeapCensus earlier, String className) {
    return bytesByClass.getOrDefault(className, 0L) - earlier.bytesByClass.getOrDefault(className, 0L);
  }

  /** Instances of a class name in this census minus those in {@code earlier}. */
  long countSince(HeapCensus earlier, String className) {
    return countByClass.getOrDefault(className, 0L) - earlier.countByClass.getOrDefault(className, 0L);
  }
}
