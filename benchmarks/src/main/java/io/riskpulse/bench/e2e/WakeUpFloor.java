package io.riskpulse.bench.e2e;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The machine's floor for any latency a harness measures from an intended time: how late one thread is for
 * intended times {@code start + k / rate}, with nothing of RiskPulse running, waiting as the open-loop senders of
 * {@link PreTradeLatency} and {@link OpenLoop} wait: parked ({@link LockSupport#parkNanos} with a timeout, as a
 * thread that sleeps until its next piece of work; Linux adds its timer slack, 50 µs by default, to such a sleep)
 * and spinning ({@link Thread#onSpinWait}, a thread that owns a core). Whatever lateness this shows with the machine
 * otherwise idle (the operating system's timers and scheduling, the hypervisor taking the virtual CPU away) a
 * sender waiting the same way cannot beat at the same percentile. A thread woken by another ({@code unpark}, as a
 * dispatcher thread is for a message) is not measured here.
 *
 * <p>Each repetition measures both, parked then spinning, for {@code seconds} each at {@code rate} wake-ups per
 * second; lateness in microseconds (HdrHistogram, 3 significant digits), and the CPU of this process and the other
 * processes over each window, in cores.
 *
 * <p>Options ({@code key=value}): {@code rate} wake-ups/s (20,000: the pre-trade target's rate), {@code seconds}
 * (10), {@code reps} (3), {@code warmupSeconds} (2, not recorded).
 */
public final class WakeUpFloor {

  private WakeUpFloor() {}

  public static void main(String[] args) {
    BenchArgs options = new BenchArgs(args);
    int rate = options.integer("rate", 20_000);
    int seconds = options.integer("seconds", 10);
    int reps = options.integer("reps", 3);
    int warmupSeconds = options.integer("warmupSeconds", 2);
    Harness.banner("RiskPulse harness floor: how late one thread wakes for intended times, nothing else of ours "
        + "running", options);
    measure(rate, warmupSeconds, false);
    measure(rate, warmupSeconds, true);
    System.out.println();
    System.out.println("lateness in microseconds from the intended time");
    System.out.println("rep  wait     count       p50       p90       p99     p99.9       max  cores this/others");
    double[][] park = new double[3][reps];
    double[][] spin = new double[3][reps];
    for (int rep = 0; rep < reps; rep++) {
      print(rep, "park", measure(rate, seconds, false), park);
      print(rep, "spin", measure(rate, seconds, true), spin);
    }
    System.out.println(Stats.fmt("median of %d: parked p50 %s, p99 %s, p99.9 %s; spinning p50 %s, p99 %s, p99.9 %s "
            + "(us)", reps, Stats.micros(Stats.median(park[0])), Stats.micros(Stats.median(park[1])),
        Stats.micros(Stats.median(park[2])), Stats.micros(Stats.median(spin[0])),
        Stats.micros(Stats.median(spin[1])), Stats.micros(Stats.median(spin[2]))));
  }

  private record Window(Histogram lateness, Stats.Cpu cpu) {}

  private static Window measure(int rate, int seconds, boolean spin) {
    Histogram lateness = new Histogram(3);
    long period = TimeUnit.SECONDS.toNanos(1) / rate;
    long count = (long) rate * seconds;
    Stats.Cpu.Meter meter = Stats.Cpu.start();
    long start = System.nanoTime() + 1_000_000;
    for (long k = 0; k < count; k++) {
      long intended = start + k * period;
      long now = IntendedTime.await(intended, spin);
      lateness.recordValue(now - intended);
    }
    return new Window(lateness, meter.stop());
  }

  private static void print(int rep, String wait, Window w, double[][] figures) {
    Histogram h = w.lateness();
    figures[0][rep] = h.getValueAtPercentile(50);
    figures[1][rep] = h.getValueAtPercentile(99);
    figures[2][rep] = h.getValueAtPercentile(99.9);
    System.out.println(Stats.fmt("%3d  %s  %8d  %8s  %8s  %8s  %8s  %8s  %s", rep + 1, wait, h.getTotalCount(),
        Stats.micros(h.getValueAtPercentile(50)), Stats.micros(h.getValueAtPercentile(90)),
        Stats.micros(h.getValueAtPercentile(99)), Stats.micros(h.getValueAtPercentile(99.9)),
        Stats.micros(h.getMaxValue()), w.cpu()));
  }
}
