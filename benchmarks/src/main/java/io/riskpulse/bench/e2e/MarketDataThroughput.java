package io.riskpulse.bench.e2e;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.riskpulse.bench.BenchUniverse;
import io.riskpulse.ingestion.aeron.AeronIngress;
import io.riskpulse.ingestion.aeron.AeronSettings;
import io.riskpulse.ingestion.aeron.FeedPublisher;
import io.riskpulse.ingestion.codec.FrameDecoder;
import io.riskpulse.ingestion.codec.QuoteDecoder;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * Market data over Aeron IPC into the node's market view, against a raw-Aeron baseline measured in the same
 * process, on the same media driver, in the same run.
 *
 * <p>One real node ({@link BenchNode}). The main thread publishes QUOTE frames with {@link FeedPublisher} (the
 * feed tool's publisher: encode, offer, retry on back pressure) as fast as the receiver lets it, cycling through
 * 1,024 valid quotes over the node's 33 instruments. Three receivers are measured, interleaved in every
 * repetition so slow phases of a noisy machine hit all of them:
 *
 * <ul>
 *   <li>{@code raw-noop}: a plain subscription on a private IPC stream of the node's driver, polled by one agent
 *       thread with the node's idle strategy and fragment limit; the handler does nothing. The transport's
 *       ceiling on this machine with this publisher.
 *   <li>{@code raw-decode}: the same, the handler runs {@link FrameDecoder#validate} and reads every field.
 *   <li>{@code node}: the node's own market-data stream: {@code AeronIngress} (validate, build the event) →
 *       {@code IngestPipeline} (per-source sequence check) → {@link MarketView#update}. Counted as ticks
 *       applied, by {@link MarketView#version()}.
 * </ul>
 *
 * <p>Each repetition line also shows the CPU used, in cores, by this process and by every other process on the
 * machine during each measurement (a shared machine's noise, from /proc/stat).
 *
 * <p>Each measurement publishes {@code ticks} frames and ends when the receiver has counted all of them; the
 * rate is ticks / (last counted − first offered). Options ({@code key=value}): {@code reps} (7), {@code ticks}
 * per measurement (10,000,000), {@code warmup} ticks per receiver before the first repetition (5,000,000),
 * {@code timeoutSeconds} per measurement (120).
 */
public final class MarketDataThroughput {

  /** A stream id nobody else uses, on the node's market-data channel. */
  static final int RAW_STREAM_ID = 1901;
  private static final int NODE_SOURCE_ID = 101;
  private static final int RAW_SOURCE_ID = 102;
  private static final int QUOTES = 1024;

  private MarketDataThroughput() {}

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int reps = options.integer("reps", 7);
    long ticks = options.number("ticks", 10_000_000);
    long warmup = options.number("warmup", 5_000_000);
    long timeoutNanos = TimeUnit.SECONDS.toNanos(options.number("timeoutSeconds", 120));

    Harness.banner("RiskPulse market data over Aeron IPC into the market view (QUOTE frames, 88 B)", options);

    try (BenchNode node = BenchNode.start("md")) {
      AeronSettings settings = AeronSettings.fromConfig(node.system.settings().config());
      Aeron aeron = node.services.aeron().orElseThrow().aeron();
      MarketView market = node.services.market();
      AeronIngress nodeIngress = node.services.aeron().orElseThrow().ingresses().stream()
          .filter(i -> i.roleName().contains("market")).findFirst().orElseThrow();
      List<String> symbols = BenchUniverse.symbols(market.instruments());
      Quote[] quotes = BenchUniverse.quotes(symbols, QUOTES, System.currentTimeMillis());

      ExclusivePublication nodePublication =
          aeron.addExclusivePublication(settings.marketDataChannel(), settings.marketDataStreamId());
      FeedPublisher nodeFeed = new FeedPublisher(nodePublication, NODE_SOURCE_ID, 1, Duration.ofSeconds(10));

      ExclusivePublication rawPublication = aeron.addExclusivePublication(settings.marketDataChannel(), RAW_STREAM_ID);
      Subscription rawSubscription = aeron.addSubscription(settings.marketDataChannel(), RAW_STREAM_ID);
      FeedPublisher rawFeed = new FeedPublisher(rawPublication, RAW_SOURCE_ID, 1, Duration.ofSeconds(10));
      RawReceiver raw = new RawReceiver(rawSubscription, settings.fragmentLimit());
      // The node's ingress idle strategy (AeronTransport), so the baseline differs only in what it does per frame.
      AgentRunner rawRunner = new AgentRunner(new BackoffIdleStrategy(100, 10, 1_000, 1_000_000),
          Throwable::printStackTrace, null, raw);
      AgentRunner.startOnThread(rawRunner);

      try {
        Variant[] variants = {
            new Variant("raw-noop", rawFeed, raw::received, () -> raw.handler = RawReceiver.NOOP),
            new Variant("raw-decode", rawFeed, raw::received, () -> raw.handler = raw.decode),
            new Variant("node", nodeFeed, market::version, () -> { })};
        for (Variant variant : variants) {
          variant.select.run();
          variant.run(quotes, warmup, timeoutNanos);
        }
        System.out.println();
        System.out.println("rep  raw-noop msgs/s  raw-decode msgs/s   node ticks/s  node/raw-noop  "
            + "cores this process/other processes: raw-noop  raw-decode  node");
        double[][] rates = new double[variants.length][reps];
        Stats.Cpu[][] cpu = new Stats.Cpu[variants.length][reps];
        double[] ratios = new double[reps];
        for (int rep = 0; rep < reps; rep++) {
          for (int v = 0; v < variants.length; v++) {
            variants[v].select.run();
            Measurement m = variants[v].run(quotes, ticks, timeoutNanos);
            rates[v][rep] = m.perSecond;
            cpu[v][rep] = m.cpu;
          }
          ratios[rep] = rates[2][rep] / rates[0][rep];
          System.out.println(Stats.fmt("%3d  %15s  %17s  %13s  %12.1f%%  %9s  %9s  %9s", rep + 1,
              Stats.rate(rates[0][rep]), Stats.rate(rates[1][rep]), Stats.rate(rates[2][rep]), 100 * ratios[rep],
              cpu[0][rep], cpu[1][rep], cpu[2][rep]));
        }
        double rawMedian = Stats.median(rates[0]);
        double decodeMedian = Stats.median(rates[1]);
        double nodeMedian = Stats.median(rates[2]);
        System.out.println(Stats.fmt("med  %15s  %17s  %13s  %12.1f%%  (median of per-repetition ratios)",
            Stats.rate(rawMedian), Stats.rate(decodeMedian), Stats.rate(nodeMedian), 100 * Stats.median(ratios)));
        System.out.println();
        System.out.println(Stats.fmt("node ticks/s (median)      : %s   target >= 1,000,000: %s",
            Stats.rate(nodeMedian), nodeMedian >= 1_000_000 ? "MET" : "NOT MET"));
        System.out.println(Stats.fmt("node / raw-noop (medians)  : %.1f%%   target >= 50%%: %s",
            100 * nodeMedian / rawMedian, nodeMedian >= 0.5 * rawMedian ? "MET" : "NOT MET"));
        System.out.println(Stats.fmt("node / raw-decode (medians): %.1f%%", 100 * nodeMedian / decodeMedian));
        System.out.println(Stats.fmt("check: node frames read %,d, quotes applied %,d, quarantined %,d, "
                + "publisher back-pressured offers %,d (node) / %,d (raw)",
            nodeIngress.frames(), market.version(), node.services.quarantine().total(),
            nodeFeed.backPressured(), rawFeed.backPressured()));
      } finally {
        rawRunner.close();
      }
    }
  }

  private record Measurement(double perSecond, Stats.Cpu cpu) {}

  private record Variant(String name, FeedPublisher feed, LongSupplier counter, Runnable select) {

    Measurement run(Quote[] quotes, long ticks, long timeoutNanos) {
      long target = counter.getAsLong() + ticks;
      long sendTimeNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
      Stats.Cpu.Meter meter = Stats.Cpu.start();
      long start = System.nanoTime();
      for (long i = 0; i < ticks; i++) {
        feed.quote(quotes[(int) (i & (QUOTES - 1))], sendTimeNanos);
      }
      long deadline = System.nanoTime() + timeoutNanos;
      while (counter.getAsLong() < target) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(name + ": only " + (ticks - (target - counter.getAsLong())) + " of "
              + ticks + " ticks arrived in time");
        }
        LockSupport.parkNanos(20_000);
      }
      long elapsed = System.nanoTime() - start;
      return new Measurement(ticks * 1e9 / elapsed, meter.stop());
    }
  }

  /** The baseline subscriber: polls like the node's ingress, then either nothing or the decoder per frame. */
  static final class RawReceiver implements Agent {

    static final FragmentHandler NOOP = (buffer, offset, length, header) -> { };

    final FragmentHandler decode = this::decode;
    volatile FragmentHandler handler = NOOP;
    private final Subscription subscription;
    private final int fragmentLimit;
    private final FrameDecoder decoder = new FrameDecoder();
    private final AtomicLong received = new AtomicLong();
    /** Written per frame so the decode cannot be optimised away. */
    private long checksum;

    RawReceiver(Subscription subscription, int fragmentLimit) {
      this.subscription = subscription;
      this.fragmentLimit = fragmentLimit;
    }

    @Override
    public int doWork() {
      int fragments = subscription.poll(handler, fragmentLimit);
      if (fragments > 0) {
        received.lazySet(received.get() + fragments);
      }
      return fragments;
    }

    private void decode(DirectBuffer buffer, int offset, int length, io.aeron.logbuffer.Header header) {
      if (decoder.validate(buffer, offset, length) != null) {
        checksum--;
        return;
      }
      QuoteDecoder quote = decoder.quote();
      checksum += decoder.header().sequence() + quote.symbolView().stringHashCode()
          + (long) (quote.bidPrice() + quote.askPrice() + quote.bidQuantity() + quote.askQuantity());
    }

    long received() {
      return received.get();
    }

    @Override
    public String roleName() {
      return "raw-baseline";
    }
  }
}
