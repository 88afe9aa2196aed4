package io.riskpulse.bench.e2e;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/** Medians and formatting for the harness reports. */
final class Stats {

  private Stats() {}

  /** The median; the mean of the middle two for an even count. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  static String millis(double nanos) {
    return String.format(Locale.ROOT, "%,.3f", nanos / 1_000_000);
  }

  static String micros(double nanos) {
    return String.format(Locale.ROOT, "%,.1f", nanos / 1_000);
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** CPU time of this whole process, ns (every thread: publisher, driver, node). */
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }

  /**
   * Busy CPU time of the whole machine so far, ns, from /proc/stat (user, nice, system, irq, softirq, steal of
   * every cpu); -1 where unavailable. Minus {@link #processCpuNanos()} over the same interval, it is what other
   * processes took: on a shared machine that is the noise a figure was measured under.
   */
  static long machineBusyNanos() {
    try {
      String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      long ticks = 0;
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
        ticks += Long.parseLong(f[i]);
      }
      return ticks * (1_000_000_000L / 100);
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU use of this process and of everything else on the machine over an interval, in cores. */
  record Cpu(double self, double others) {

    static final class Meter {
      private final long wallStart = System.nanoTime();
      private final long selfStart = processCpuNanos();
      private final long machineStart = machineBusyNanos();

      Cpu stop() {
        long wall = System.nanoTime() - wallStart;
        double self = (double) (processCpuNanos() - selfStart) / wall;
        long machine = machineBusyNanos();
        double others = machineStart < 0 || machine < 0 ? Double.NaN
            : Math.max(0, (double) (machine - machineStart) / wall - self);
        return new Cpu(self, others);
      }
    }

    static Meter start() {
      return new Meter();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.2f/%.2f", self, others);
    }
  }

  static String machine() {
    Runtime rt = Runtime.getRuntime();
    return fmt("%d cpus, JDK %s (%s), max heap %d MiB", rt.availableProcessors(),
        System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.maxMemory() >> 20);
  }
}
