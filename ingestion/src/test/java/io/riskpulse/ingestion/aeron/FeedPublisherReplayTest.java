package io.riskpulse.ingestion.aeron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.riskpulse.ingestion.codec.MessageHeader;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher side of acknowledgements, against a hand-driven "node" on a real embedded media driver: it
 * forgets only what an ack's range connects to, and sends again, once, the frames a node reports it never
 * received (a node that joined the stream mid-way after a crash).
 */
@Timeout(60)
class FeedPublisherReplayTest {

  private static final int SOURCE = 7;

  @TempDir Path dir;

  @Test
  void shouldSendTheFramesBelowANewNodesRangeAgainOnceAndForgetOnlyConnectedRanges() throws Exception {
    try (MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString()).threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true).dirDeleteOnShutdown(true));
         Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
         Subscription nodeIn = aeron.addSubscription("aeron:ipc", 2002);
         ExclusivePublication nodeAcks = aeron.addExclusivePublication("aeron:ipc", 2003);
         ExclusivePublication feedOut = aeron.addExclusivePublication("aeron:ipc", 2002);
         Subscription feedAcks = aeron.addSubscription("aeron:ipc", 2003)) {
      FeedPublisher feed = new FeedPublisher(feedOut, SOURCE, 1, Duration.ofSeconds(10))
          .withReplay(feedAcks, 1_024);
      List<Long> received = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        feed.execution(new Execution("X" + i, "P", "s", "SPY", Side.BUY, 1, 100, 1), 0);
      }
      drain(nodeIn, received, 10);
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), received);

      ack(nodeAcks, 1, 3); // the node that had them persisted 1..3, then died
      until(() -> {
        feed.maintain();
        return feed.acknowledged() == 3;
      });

      received.clear();
      ack(nodeAcks, 8, 10); // a new node joined at 8: it never had 4..7
      until(() -> {
        feed.maintain();
        drainAvailable(nodeIn, received);
        return received.size() >= 4;
      });
      assertEquals(List.of(4L, 5L, 6L, 7L), received);
      assertEquals(3, feed.acknowledged(), "a range that does not reach back to 4 forgets nothing");
      assertEquals(4, feed.replayed());

      ack(nodeAcks, 8, 10); // the same report again: the hole was already sent
      ack(nodeAcks, 4, 10); // the new node has everything now
      until(() -> {
        feed.maintain();
        return feed.acknowledged() == 10;
      });
      assertEquals(4, feed.replayed(), "the hole is sent once");
      assertEquals(0, drainAvailable(nodeIn, new ArrayList<>()));
    }
  }

  private static void ack(ExclusivePublication acks, long from, long handled) {
    UnsafeBuffer buffer = new UnsafeBuffer(new byte[Ack.LENGTH]);
    Ack.encode(buffer, 0, SOURCE, from, handled);
    while (acks.offer(buffer, 0, Ack.LENGTH) < 0) {
      Thread.onSpinWait();
    }
  }

  private static void drain(Subscription in, List<Long> received, int count) {
    until(() -> {
      drainAvailable(in, received);
      return received.size() >= count;
    });
  }

  private static int drainAvailable(Subscription in, List<Long> received) {
    MessageHeader header = new MessageHeader();
    return in.poll((buffer, offset, length, h) -> {
      header.wrap(buffer, offset, length);
      received.add(header.sequence());
    }, 100);
  }

  /** Spins on {@code condition} (each call does a unit of work) until it holds; the test timeout bounds it. */
  private static void until(BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      Thread.onSpinWait();
    }
  }
}
