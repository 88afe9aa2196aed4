package io.riskpulse.ingestion.aeron;

import static io.riskpulse.ingestion.pipeline.PortfolioShards.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.ExclusivePublication;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.riskpulse.ingestion.codec.FrameToEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.ingestion.pipeline.HandledWatermark;
import io.riskpulse.ingestion.pipeline.IngestMetrics;
import io.riskpulse.ingestion.pipeline.IngestPipeline;
import io.riskpulse.ingestion.pipeline.PipelineSettings;
import io.riskpulse.ingestion.pipeline.PortfolioShards;
import io.riskpulse.ingestion.pipeline.Quarantine;
import io.riskpulse.model.halt.OpenOrder;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.Side;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A real embedded media driver, real publications, the pipeline and real sharded portfolios. */
@ExtendWith(LogCapturingExtension.class)
@Timeout(120)
class AeronIngressTest {

  @TempDir Path dir;

  /** IPC within a host; UDP on loopback as across hosts (unicast here; multicast is a channel string away). */
  static Stream<String> channels() {
    return Stream.of("aeron:ipc", "aeron:udp?endpoint=127.0.0.1:" + freePort());
  }

  private static int freePort() {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("channels")
  void shouldDeliverPublishedFillsToTheirPortfoliosExactlyOnceAndQuarantineBadFrames(String channel)
      throws Exception {
    String[] portfolios = {"A", "B", "C"};
    try (PortfolioShards shards = new PortfolioShards("AeronTest" + Math.abs(channel.hashCode()), portfolios)) {
      Quarantine quarantine = new Quarantine(null, 100, Clock.systemUTC());
      IngestPipeline pipeline = new IngestPipeline(shards.testKit.system(), shards.market, new OrderBookView(),
          shards.portfolios, quarantine, new IngestMetrics(new SimpleMeterRegistry()),
          new PipelineSettings(256, 64, 16, Duration.ofMillis(200), 5));
      HandledWatermark watermark = new HandledWatermark();
      pipeline.addPersistedListener(watermark);
      AeronSettings settings = new AeronSettings(true, true, dir.resolve("aeron").toString(), channel, 1001,
          channel, 1002, "aeron:ipc", 1003, 64);
      try (AeronTransport transport = AeronTransport.start(settings, pipeline);
           ExclusivePublication marketData = transport.aeron().addExclusivePublication(channel, 1001);
           ExclusivePublication orderFlow = transport.aeron().addExclusivePublication(channel, 1002)) {
        FeedPublisher prices = new FeedPublisher(marketData, 1, 1, Duration.ofSeconds(10));
        FeedPublisher fills = new FeedPublisher(orderFlow, 2, 1, Duration.ofSeconds(10));
        prices.quote(new Quote("SPY", Double.NaN, 99.9, 100.1, 1), 1);

        Map<String, Double> expected = new TreeMap<>();
        int count = 3_000;
        for (int i = 0; i < count; i++) {
          String portfolio = portfolios[i % portfolios.length];
          Side side = i % 5 == 0 ? Side.SELL : Side.BUY;
          double quantity = 1 + i % 7;
          fills.execution(new Execution("X" + i, portfolio, "s", "SPY", side, quantity, 100, 1), System.nanoTime());
          expected.merge(portfolio, side.sign() * quantity, Double::sum);
        }
        // The same fills again under new sequence numbers (a redelivery): acknowledged as duplicates.
        for (int i = 0; i < 30; i++) {
          fills.execution(new Execution("X" + i, portfolios[i % portfolios.length], "s", "SPY",
              i % 5 == 0 ? Side.SELL : Side.BUY, 1 + i % 7, 100, 1), 0);
        }
        // An id reused for a different fill: refused as a conflict, never merged.
        fills.execution(new Execution("X0", "A", "s", "SPY", Side.BUY, 999, 100, 1), 0);
        // A garbage frame on the order-flow stream: quarantined, the stream keeps flowing.
        UnsafeBuffer junk = new UnsafeBuffer(new byte[40]);
        junk.putShort(0, (short) 99); // template id nobody knows
        junk.putShort(2, (short) 1); // schema version 1
        junk.putInt(4, 40); // frame length
        while (orderFlow.offer(junk, 0, junk.capacity()) < 0) {
          Thread.onSpinWait();
        }
        // Two working orders; the last fill names A's and fills it, B's stays open.
        fills.order(new OrderEvent(OrderAction.NEW, "A", "s", "ORD-A", "", "SPY", Side.BUY, 1, 100, 1), 0);
        fills.order(new OrderEvent(OrderAction.NEW, "B", "s", "ORD-B", "", "SPY", Side.BUY, 1, 100, 1), 0);
        long last = fills.execution(new Execution("LAST", "A", "s", "SPY", Side.BUY, 1, 100, 1, "ORD-A"), 0);
        expected.merge("A", 1.0, Double::sum);

        await(watermark.reached("aeron:2", last));

        for (String portfolio : portfolios) {
          PortfolioSnapshot snapshot = await(shards.portfolios.snapshot(portfolio));
          assertEquals(expected.get(portfolio), snapshot.valuation().positions().get(0).quantity(), 1e-9,
              portfolio);
          assertEquals(portfolio.equals("A") ? count / 3 + 1 : count / 3, snapshot.executionCount(), portfolio);
          assertEquals(portfolio.equals("B") ? List.of("ORD-B") : List.of(),
              snapshot.openOrders().stream().map(OpenOrder::clOrdId).toList(), portfolio);
        }
        assertEquals(30, quarantine.count(IngestRejection.DUPLICATE_EXECUTION));
        assertEquals(1, quarantine.count(IngestRejection.CONFLICTING_EXECUTION));
        assertEquals(1, quarantine.count(IngestRejection.UNKNOWN_MESSAGE_TYPE));
        assertEquals(100.0, shards.market.markPrice("SPY"), 1e-9);
        assertTrue(transport.ingresses().stream().mapToLong(AeronIngress::frames).sum() >= count + 34);
      }
      await(pipeline.close());
    }
  }

  @Test
  void shouldCheckTheSequencesOfOneSourceIdOnTheTwoStreamsSeparately() throws Exception {
    try (PortfolioShards shards = new PortfolioShards("AeronTwoStreams", "A")) {
      Quarantine quarantine = new Quarantine(null, 100, Clock.systemUTC());
      IngestPipeline pipeline = new IngestPipeline(shards.testKit.system(), shards.market, new OrderBookView(),
          shards.portfolios, quarantine, new IngestMetrics(new SimpleMeterRegistry()),
          new PipelineSettings(256, 64, 4, Duration.ofMillis(200), 5));
      HandledWatermark watermark = new HandledWatermark();
      pipeline.addPersistedListener(watermark);
      AeronSettings settings = new AeronSettings(true, true, dir.resolve("aeron2").toString(), "aeron:ipc", 1001,
          "aeron:ipc", 1002, "aeron:ipc", 1003, 64);
      try (AeronTransport transport = AeronTransport.start(settings, pipeline);
           ExclusivePublication marketData = transport.aeron().addExclusivePublication("aeron:ipc", 1001);
           ExclusivePublication orderFlow = transport.aeron().addExclusivePublication("aeron:ipc", 1002)) {
        // One publisher identity, two streams, each numbered from 1 on its own thread of the node.
        FeedPublisher prices = new FeedPublisher(marketData, 5, 1, Duration.ofSeconds(10));
        FeedPublisher fills = new FeedPublisher(orderFlow, 5, 1, Duration.ofSeconds(10));
        long last = 0;
        for (int i = 0; i < 50; i++) {
          prices.quote(new Quote("SPY", Double.NaN, 99.9 + i, 100.1 + i, 1 + i), 1);
          last = fills.execution(new Execution("T" + i, "A", "s", "SPY", Side.BUY, 1, 100, 1), 0);
        }
        await(watermark.reached(FrameToEvent.SOURCE_PREFIX + 5, last));
        assertEquals(0, quarantine.total(), () -> quarantine.recent().toString());
        assertEquals(50, await(shards.portfolios.snapshot("A")).executionCount());
        assertEquals(149.0, shards.market.markPrice("SPY"), 1e-9);
      }
      await(pipeline.close());
    }
  }
}
