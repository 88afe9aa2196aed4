package io.riskpulse.model.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckpointRestoresTest {

  @Test
  void shouldGiveAtMostItsPlacesAtOnceAndTheNextTurnInRequestOrderWhenOneCloses() {
    CheckpointRestores gate = new CheckpointRestores(2);
    List<String> turns = new ArrayList<>();
    CheckpointRestores.Ticket a = gate.request(() -> turns.add("a"));
    CheckpointRestores.Ticket b = gate.request(() -> turns.add("b"));
    CheckpointRestores.Ticket c = gate.request(() -> turns.add("c"));
    gate.request(() -> turns.add("d"));
    assertEquals(List.of("a", "b"), turns, "two places: c and d wait");
    assertEquals(2, gate.running());
    assertEquals(2, gate.waiting());

    b.close();
    assertEquals(List.of("a", "b", "c"), turns, "b's place goes to the first waiting");
    assertEquals(2, gate.running());
    c.close();
    a.close();
    assertEquals(List.of("a", "b", "c", "d"), turns);
    assertEquals(1, gate.running());
    assertEquals(0, gate.waiting());
  }

  @Test
  void shouldSkipATicketClosedWhileWaitingAndIgnoreASecondClose() {
    CheckpointRestores gate = new CheckpointRestores(1);
    List<String> turns = new ArrayList<>();
    CheckpointRestores.Ticket a = gate.request(() -> turns.add("a"));
    CheckpointRestores.Ticket b = gate.request(() -> turns.add("b")); // its portfolio stops before its turn
    gate.request(() -> turns.add("c"));
    b.close();
    assertEquals(1, gate.waiting());

    a.close();
    a.close(); // twice: must not give a second place away
    assertEquals(List.of("a", "c"), turns, "b left the queue; c's turn came");
    assertEquals(1, gate.running(), "only c runs");
    gate.request(() -> turns.add("e"));
    assertEquals(List.of("a", "c"), turns, "one place, taken by c");
  }

  @Test
  void shouldNeverRunMoreThanItsPlacesWhenManyThreadsRequestAndClose() throws InterruptedException {
    CheckpointRestores gate = new CheckpointRestores(3);
    AtomicInteger inTurn = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    int requests = 2_000;
    CountDownLatch done = new CountDownLatch(requests);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int i = 0; i < requests; i++) {
        pool.execute(() -> {
          CheckpointRestores.Ticket[] ticket = new CheckpointRestores.Ticket[1];
          CountDownLatch issued = new CountDownLatch(1);
          ticket[0] = gate.request(() -> {
            mostAtOnce.accumulateAndGet(inTurn.incrementAndGet(), Math::max);
            // the restore "finishes" on another thread, as a portfolio's does
            pool.execute(() -> {
              try {
                issued.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inTurn.decrementAndGet();
              ticket[0].close();
              done.countDown();
            });
          });
          issued.countDown();
        });
      }
      assertTrue(done.await(30, TimeUnit.SECONDS), "every turn came: " + done.getCount() + " left");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(3, mostAtOnce.get(), "at most three at once, and three were used");
    assertEquals(0, gate.running());
    assertEquals(0, gate.waiting());
  }

  @Test
  void shouldReadThePlacesFromTheDetectionSettings() {
    assertEquals(4, CheckpointRestores.fromConfig(ConfigFactory.load()).atOnce(), "the shipped default");
    assertEquals(9, CheckpointRestores.fromConfig(ConfigFactory.parseString(
        "riskpulse.detection.checkpoint-restores-at-once = 9")).atOnce());
  }

  @Test
  void shouldRefuseFewerThanOnePlace() {
    assertThrows(IllegalArgumentException.class, () -> new CheckpointRestores(0));
  }
}
