package io.riskpulse.bench.e2e;

import io.grpc.Status;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One window of calls sent at a fixed rate, open loop: call <em>k</em> goes at its intended time
 * {@code start + k / rate} whatever happened to earlier calls, and {@code now − intended} is recorded when its
 * answer arrives (HdrHistogram {@link Recorder}, nanoseconds, 3 significant digits): a late sender, a queue or a
 * pause is charged to every call it delays, so there is no coordinated omission. Used by {@link GrpcLatency} in its
 * own JVM and in its client process ({@link GrpcLoadClient}).
 */
final class OpenLoop {

  private OpenLoop() {}

  /** One way of making call {@code k} of a window, and of judging its answer. Not thread-safe: one sender. */
  interface Route {

    /**
     * Builds the requests of the next window of {@code count} calls before it starts: none is built in it. Called
     * with 0 once a window is over, to let its requests go.
     */
    void prepare(int count);

    /**
     * Sends call {@code k}; the stage completes with {@code null} for the expected answer or with a description of
     * what came back instead, and fails when the call failed.
     */
    CompletionStage<String> send(int k);
  }

  /**
   * How a window is sent.
   *
   * @param rate calls per second offered
   * @param maxInFlight calls outstanding at most; a call due beyond that is dropped (an error)
   * @param timeoutSeconds how long after the last send unanswered calls are waited for
   * @param settleMillis quiet time before a window, so that what the previous one left queued is not charged to it
   */
  record Schedule(int rate, int maxInFlight, long timeoutSeconds, long settleMillis) {}

  /**
   * What one window measured.
   *
   * @param latency intended send → answer, nanoseconds
   * @param service actual send → answer, nanoseconds
   * @param sendLag how late the sender woke up for each call, nanoseconds
   * @param achievedPerSecond expected answers per second from the first intended send to the last answer
   * @param cpu this process and all others over the window, in cores (the node's JVM when the client runs in a
   *     process of its own: the client is then among the others)
   * @param clientCores the client process's own CPU, in cores; {@code NaN} when the client shares the node's JVM
   * @param jitCores the cores the client's JVM spent in its JIT compilers over the window
   */
  record Result(Histogram latency, Histogram service, Histogram sendLag, double achievedPerSecond, long count,
      long errors, Map<String, Long> errorKinds, String firstError, Stats.Cpu cpu, double clientCores,
      double jitCores) {

    /** The same result with the node's CPU measured over the window by the process that ran the node. */
    Result withNodeCpu(Stats.Cpu node) {
      return new Result(latency, service, sendLag, achievedPerSecond, count, errors, errorKinds, firstError, node,
          cpu.self(), jitCores);
    }

    /** One line, tab-separated, without newlines: what a client process writes back ({@link #parse}). */
    String encode() {
      StringBuilder kinds = new StringBuilder();
      errorKinds.forEach((k, n) -> kinds.append(kinds.length() == 0 ? "" : ";").append(clean(k)).append('=').append(n));
      return String.join("\t", encode(latency), encode(service), encode(sendLag), Double.toString(achievedPerSecond),
          Long.toString(count), Long.toString(errors), kinds.toString(), firstError == null ? "" : clean(firstError),
          Double.toString(cpu.self()), Double.toString(cpu.others()), Double.toString(jitCores));
    }

    static Result parse(String line) {
      String[] f = line.split("\t", -1);
      Map<String, Long> kinds = new TreeMap<>();
      if (!f[6].isEmpty()) {
        for (String kind : f[6].split(";")) {
          int eq = kind.lastIndexOf('=');
          kinds.put(kind.substring(0, eq), Long.parseLong(kind.substring(eq + 1)));
        }
      }
      return new Result(decode(f[0]), decode(f[1]), decode(f[2]), Double.parseDouble(f[3]), Long.parseLong(f[4]),
          Long.parseLong(f[5]), kinds, f[7].isEmpty() ? null : f[7],
          new Stats.Cpu(Double.parseDouble(f[8]), Double.parseDouble(f[9])), Double.NaN, Double.parseDouble(f[10]));
    }

    private static String clean(String text) {
      return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').replace(';', ',');
    }

    private static String encode(Histogram histogram) {
      ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
      int length = histogram.encodeIntoCompressedByteBuffer(buffer);
      return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    private static Histogram decode(String text) {
      try {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
      } catch (DataFormatException e) {
        throw new IllegalArgumentException("a histogram the client process sent does not decode", e);
      }
    }
  }

  /**
   * Runs a callback on the thread that completes the stage. Every callback of the harness is given it explicitly:
   * the pekko-grpc client's stages are Scala's {@code FutureConverters.CF}, which turns a plain {@code thenApply}
   * or {@code whenComplete} into its {@code *Async} variant on the common pool, and on 2 CPUs (common-pool
   * parallelism 1) {@code CompletableFuture} runs each of those on a new thread: the harness would measure its
   * own thread starts.
   */
  static final Executor DIRECT = Runnable::run;

  /** The JIT compilers' time: on 2 cores a compilation competes with the calls it is meant to speed up. */
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  /** The calls of one measurement and what came back. Thread-safe: answers arrive on the clients' threads. */
  private static final class Window {
    final Recorder latency = new Recorder(3);
    final Recorder service = new Recorder(3);
    final AtomicInteger inFlight = new AtomicInteger();
    final LongAdder answered = new LongAdder();
    final LongAdder expected = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final AtomicReference<String> firstError = new AtomicReference<>();
    final AtomicLong lastAnswerNanos = new AtomicLong();

    void error(String kind, String detail) {
      errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
      firstError.compareAndSet(null, kind + ": " + detail);
    }

    void answered(long intendedNanos, long sentNanos, String unexpected, Throwable failure) {
      long now = System.nanoTime();
      inFlight.decrementAndGet();
      latency.recordValue(Math.max(0, now - intendedNanos));
      service.recordValue(Math.max(0, now - sentNanos));
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        error(Status.fromThrowable(cause).getCode().name(), cause.toString());
      } else if (unexpected != null) {
        error("unexpected answer", unexpected);
      } else {
        expected.increment();
      }
      lastAnswerNanos.accumulateAndGet(now, Math::max);
      answered.increment();
    }

    long errorCount() {
      return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }
  }

  /**
   * Sends {@code schedule.rate() × seconds} calls of {@code path} after the settle time and waits for their answers
   * (at most {@code timeoutSeconds} after the last send).
   */
  static Result run(Route path, Schedule schedule, int seconds) throws InterruptedException {
    int rate = schedule.rate();
    int count = rate * seconds;
    int maxInFlight = schedule.maxInFlight();
    long timeoutSeconds = schedule.timeoutSeconds();
    path.prepare(count);
    Thread.sleep(schedule.settleMillis());
    Window window = new Window();
    Histogram sendLag = new Histogram(3);
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    Stats.Cpu.Meter meter = Stats.Cpu.start();
    long jitStartMillis = JIT.getTotalCompilationTime();
    long wallStart = System.nanoTime();
    long start = System.nanoTime() + 1_000_000;
    for (int k = 0; k < count; k++) {
      long intended = start + k * periodNanos;
      long now = IntendedTime.await(intended, false);
      sendLag.recordValue(now - intended);
      if (window.inFlight.get() >= maxInFlight) {
        window.dropped.increment();
        window.error("dropped", maxInFlight + " calls in flight when call " + k + " was due");
        continue;
      }
      window.inFlight.incrementAndGet();
      long sent = System.nanoTime();
      CompletionStage<String> answer;
      try {
        answer = path.send(k);
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      answer.whenCompleteAsync((unexpected, failure) -> window.answered(intended, sent, unexpected, failure), DIRECT);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (window.answered.sum() + window.dropped.sum() < count && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    long unanswered = count - window.answered.sum() - window.dropped.sum();
    for (long i = 0; i < unanswered; i++) {
      window.error("unanswered", "no answer " + timeoutSeconds + " s after the last send");
    }
    Stats.Cpu cpu = meter.stop();
    // Let the window's requests go: in the node's JVM (the in-process baseline), 100,000 pre-built orders kept until
    // the next window's prepare would be copied by the young collections of that window (PERFORMANCE.md 21).
    path.prepare(0);
    double jitCores = (JIT.getTotalCompilationTime() - jitStartMillis) * 1e6 / (System.nanoTime() - wallStart);
    double achieved = window.expected.sum() * 1e9 / (Math.max(window.lastAnswerNanos.get(), start + 1) - start);
    Map<String, Long> kinds = new TreeMap<>();
    window.errors.forEach((kind, n) -> kinds.put(kind, n.sum()));
    return new Result(window.latency.getIntervalHistogram(), window.service.getIntervalHistogram(), sendLag,
        achieved, count, window.errorCount(), kinds, window.firstError.get(), cpu, Double.NaN, jitCores);
  }
}
