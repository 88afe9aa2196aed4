package io.riskpulse.ingestion.aeron;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.riskpulse.ingestion.codec.FrameToEvent;
import io.riskpulse.ingestion.event.IngestSink;
import io.riskpulse.ingestion.pipeline.IngestPipeline;
import java.util.ArrayList;
import java.util.List;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's Aeron side: an embedded media driver (unless an external one is configured), a client, and one
 * {@link AeronIngress} agent per subscribed stream (market data, order flow), each on its own thread with a
 * backoff idle strategy (spin briefly, then yield, then park up to 1 ms: low latency under load, little CPU
 * when idle on a 2-core machine).
 *
 * <p>Close it to stop the agents, the client and the driver, in that order.
 */
public final class AeronTransport implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AeronTransport.class);

  private final MediaDriver driver;
  private final Aeron aeron;
  private final List<AgentRunner> runners = new ArrayList<>();
  private final List<AeronIngress> ingresses = new ArrayList<>();
  private AckPublisher acks;

  private AeronTransport(MediaDriver driver, Aeron aeron) {
    this.driver = driver;
    this.aeron = aeron;
  }

  /**
   * Starts the driver (if embedded), connects, subscribes both streams into the pipeline, and acknowledges
   * handled order flow to publishers on the ack stream (from the order-flow thread).
   */
  public static AeronTransport start(AeronSettings settings, IngestPipeline pipeline) {
    MediaDriver driver = null;
    if (settings.embeddedDriver()) {
      driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
          .aeronDirectoryName(settings.directory())
          .threadingMode(ThreadingMode.SHARED)
          .dirDeleteOnStart(true)
          .dirDeleteOnShutdown(true));
    }
    Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(settings.directory()));
    AeronTransport transport = new AeronTransport(driver, aeron);
    Subscription marketData = aeron.addSubscription(settings.marketDataChannel(), settings.marketDataStreamId());
    Subscription orderFlow = aeron.addSubscription(settings.orderFlowChannel(), settings.orderFlowStreamId());
    // The ack publication only after the subscriptions: a publisher sends everything unacknowledged again
    // when a new node's ack stream appears (FeedPublisher), and by then this node must be subscribed.
    AckPublisher acks = new AckPublisher(aeron.addPublication(settings.ackChannel(), settings.ackStreamId()));
    pipeline.addPersistedListener(acks);
    transport.acks = acks;
    // Acks run on the market-data thread, not the order-flow one: an order-flow thread blocked by
    // backpressure must not starve the acknowledgements that let publishers forget frames.
    transport.run("aeron-market-data", marketData, FrameToEvent.MARKET_DATA_PREFIX, pipeline,
        settings.fragmentLimit(), acks);
    transport.run("aeron-order-flow", orderFlow, FrameToEvent.SOURCE_PREFIX, pipeline, settings.fragmentLimit(),
        null);
    log.info("Aeron ingress on {} (market data {}:{}, order flow {}:{}), {} driver", settings.directory(),
        settings.marketDataChannel(), settings.marketDataStreamId(), settings.orderFlowChannel(),
        settings.orderFlowStreamId(), settings.embeddedDriver() ? "embedded" : "external");
    return transport;
  }

  private void run(String name, Subscription subscription, String sourcePrefix, IngestSink sink, int fragmentLimit,
      Agent alongside) {
    AeronIngress ingress = new AeronIngress(name, subscription, sink, fragmentLimit, sourcePrefix);
    Agent agent = alongside == null ? ingress : new CompositeAgent(ingress, alongside);
    AgentRunner runner = new AgentRunner(
        new BackoffIdleStrategy(100, 10, 1_000, 1_000_000),
        error -> log.error("Aeron ingress {} failed", name, error), null, agent);
    AgentRunner.startOnThread(runner);
    runners.add(runner);
    ingresses.add(ingress);
  }

  /**
   * Stops reading order flow (market data and acknowledgements go on), so the pipeline can drain what it
   * already accepted and acknowledge it before {@link #close}.
   */
  public void stopOrderFlow() {
    for (int i = 0; i < ingresses.size(); i++) {
      if (ingresses.get(i).roleName().equals("aeron-order-flow")) {
        CloseHelper.quietClose(runners.get(i));
      }
    }
  }

  /** The client, for publishers in the same process (the demo, tests). */
  public Aeron aeron() {
    return aeron;
  }

  public List<AeronIngress> ingresses() {
    return List.copyOf(ingresses);
  }

  @Override
  public void close() {
    runners.forEach(CloseHelper::quietClose);
    if (acks != null) {
      acks.doWork(); // the last acknowledgements, for what was drained after the agents stopped
    }
    CloseHelper.quietClose(aeron);
    CloseHelper.quietClose(driver);
  }
}
