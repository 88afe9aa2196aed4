package io.riskpulse.model.halt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.halt.KillSwitchReply.Outcome;
import io.riskpulse.model.portfolio.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node's view of the kill switch on a single-node cluster with the real sharded entity and Pekko's in-memory
 * journal: it loads, follows engages and releases (by its refresh and by the published snapshots), keeps only
 * the newest snapshot, and fails closed when it cannot confirm its state within the bound.
 *
 * <p>Staleness is judged on a {@link MutableClock} that only the test moves, and the registry's asks go through
 * a {@link Gate} the test can close, so that "no refresh for longer than the bound" happens exactly when the
 * test says.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HaltRegistryTest {

  private static final Config CONFIG = ConfigFactory.parseString("""
          pekko.actor.provider = cluster
          pekko.remote.artery.canonical.port = 0
          pekko.remote.artery.canonical.hostname = 127.0.0.1
          riskpulse.kill-switch {
            ask-timeout = 3s
            registry { refresh-interval = 100ms, stale-after = 5s }
          }
          """)
      .withFallback(PersistenceTestKitPlugin.getInstance().config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ActorTestKit testKit = ActorTestKit.create("HaltRegistryTest", CONFIG);
  private final KillSwitchSettings settings = KillSwitchSettings.fromConfig(CONFIG);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final TestProbe<Object> probe = testKit.createTestProbe();
  private KillSwitchClient killSwitch;
  /** Registries this test class started on the node: each subscribes to the topic. */
  private int registries;

  @BeforeAll
  void startCluster() {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    KillSwitch.init(testKit.system(), new KillSwitchEnvironment(clock, settings, HaltDispatcher.NONE));
    killSwitch = new KillSwitchClient(testKit.system());
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  /** The registry's way to the kill switch, which the test can close: a closed gate fails every ask. */
  private static final class Gate implements Supplier<CompletionStage<HaltsSnapshot>> {
    private final Supplier<CompletionStage<HaltsSnapshot>> target;
    private volatile boolean open;

    Gate(Supplier<CompletionStage<HaltsSnapshot>> target) {
      this.target = target;
    }

    @Override
    public CompletionStage<HaltsSnapshot> get() {
      return open ? target.get()
          : CompletableFuture.failedFuture(new IllegalStateException("kill switch unreachable (test)"));
    }
  }

  private HaltRegistry start(Supplier<CompletionStage<HaltsSnapshot>> source, String name) {
    registries++;
    return HaltRegistry.start(testKit.system(), settings, clock, source, name);
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }

  private void awaitAssert(Runnable assertion) {
    probe.awaitAssert(WAIT, () -> {
      assertion.run();
      return null;
    });
  }

  private static void assertSynchronised(HaltView view) {
    assertTrue(view.synchronised(), view.unsynchronisedReason());
    assertEquals("", view.unsynchronisedReason());
  }

  private KillSwitchReply accepted(CompletionStage<KillSwitchReply> command) {
    KillSwitchReply reply = await(command);
    assertEquals(Outcome.ACCEPTED, reply.outcome(), reply.toString());
    return reply;
  }

  @Test
  void shouldWarnOfAFailedRefreshButOnlyNoteOneWhileTheNodeShutsDown() throws Exception {
    ActorTestKit node = ActorTestKit.create("HaltRegistryShutdownTest", ConfigFactory.load());
    try {
      BlockingQueue<CompletableFuture<HaltsSnapshot>> asks = new LinkedBlockingQueue<>();
      Supplier<CompletionStage<HaltsSnapshot>> source = () -> {
        CompletableFuture<HaltsSnapshot> ask = new CompletableFuture<>();
        asks.add(ask);
        return ask;
      };
      HaltRegistry view = HaltRegistry.start(node.system(), settings, clock, source, "registry-shutdown");
      CompletableFuture<HaltsSnapshot> failing = nextAsk(asks);
      LoggingTestKit.warn("Could not refresh the kill-switch state: IllegalStateException: unreachable (test)")
          .expect(node.system(), () -> {
            failing.completeExceptionally(new IllegalStateException("unreachable (test)"));
            return null;
          });
      CompletableFuture<HaltsSnapshot> answered = nextAsk(asks);
      LoggingTestKit.info("Kill-switch state confirmed again").expect(node.system(), () -> {
        answered.complete(new HaltsSnapshot(1, List.of()));
        return null;
      });
      assertSynchronised(view);

      // Shutting down: the kill switch's shard stops first, so the next ask fails; that is noted, not warned of.
      CompletableFuture<Done> hold = new CompletableFuture<>();
      CoordinatedShutdown shutdown = CoordinatedShutdown.get(node.system());
      shutdown.addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "hold-until-the-log-is-checked", () -> hold);
      CompletableFuture<HaltsSnapshot> inFlight = nextAsk(asks);
      LoggingTestKit.info("Kill-switch state not refreshed while the node shuts down: IllegalStateException: stopped")
          .expect(node.system(), () -> {
            shutdown.run(CoordinatedShutdown.unknownReason());
            inFlight.completeExceptionally(new IllegalStateException("stopped (test)"));
            return null;
          });
      hold.complete(Done.getInstance());
      await(node.system().getWhenTerminated());
    } finally {
      node.shutdownTestKit();
    }
  }

  @Test
  void shouldFollowTheKillSwitchAndFailClosedWhenItCannotConfirmItsState() {
    Gate gate = new Gate(killSwitch::halts);
    HaltRegistry view = start(gate, "registry-follow");
    assertFalse(view.synchronised(), "nothing loaded yet");
    assertTrue(view.unsynchronisedReason().startsWith(HaltRegistry.NOT_LOADED), view.unsynchronisedReason());
    awaitAssert(() -> assertTrue(view.unsynchronisedReason().contains("kill switch unreachable (test)"),
        view.unsynchronisedReason()));
    assertFalse(view.synchronised(), "a failed ask confirms nothing");

    gate.open = true;
    awaitAssert(() -> assertSynchronised(view));
    assertEquals(Optional.empty(), view.covering("P1", "momentum", "alice", "rates", "SPY"));

    ActiveHalt halt = new ActiveHalt(accepted(killSwitch.engage(HaltScope.desk("rates"), "ops-1", "runaway algo"))
        .haltId(), HaltScope.desk("rates"), "ops-1", "runaway algo", clock.millis());
    awaitAssert(() -> assertEquals(Optional.of(halt), view.covering("P1", "momentum", "alice", "rates", "SPY")));
    assertEquals(Optional.empty(), view.covering("P2", "momentum", "alice", "credit", "SPY"), "another desk");
    assertEquals(List.of(halt), view.all());

    accepted(killSwitch.release(HaltScope.desk("rates"), "ops-2", "algo fixed"));
    awaitAssert(() -> assertEquals(List.of(), view.all()));
    assertEquals(Optional.empty(), view.covering("P1", "momentum", "alice", "rates", "SPY"));
    assertSynchronised(view);

    // The kill switch stops answering. Every successful ask so far was sent at the clock's current time, and
    // asks sent from now on fail: beyond the bound the view can no longer tell that an order is not halted.
    gate.open = false;
    clock.advance(Duration.ofSeconds(7));
    assertFalse(view.synchronised());
    assertTrue(view.unsynchronisedReason().startsWith("kill-switch state last confirmed 7 s ago (bound 5 s)"),
        view.unsynchronisedReason());

    gate.open = true;
    awaitAssert(() -> assertSynchronised(view));
  }

  @Test
  void shouldApplyPublishedSnapshotsBetweenRefreshes() {
    Gate gate = new Gate(killSwitch::halts);
    gate.open = true;
    HaltRegistry view = start(gate, "registry-topic");
    awaitAssert(() -> assertSynchronised(view));
    awaitTopicSubscribers();

    gate.open = false; // from here on only the topic can tell the view anything
    ActiveHalt halt = new ActiveHalt(accepted(killSwitch.engage(HaltScope.instrument("XYZ"), "ops-1", "bad prints"))
        .haltId(), HaltScope.instrument("XYZ"), "ops-1", "bad prints", clock.millis());
    awaitAssert(() -> assertEquals(Optional.of(halt), view.covering("P7", "", "bob", "credit", "XYZ")));
    accepted(killSwitch.release(HaltScope.instrument("XYZ"), "ops-2", "prints corrected"));
    awaitAssert(() -> assertEquals(Optional.empty(), view.covering("P7", "", "bob", "credit", "XYZ")));
  }

  /**
   * Waits until every registry's topic subscription is known on this node (a topic instance drops what is
   * published to instances it does not know yet): a new topic instance lists every instance with subscribers,
   * and the kill switch's publisher was told of them no later.
   */
  private void awaitTopicSubscribers() {
    ActorRef<Topic.Command<HaltsSnapshot>> topic =
        testKit.spawn(Topic.create(HaltsSnapshot.class, KillSwitch.TOPIC_NAME));
    TestProbe<Topic.TopicStats> stats = testKit.createTestProbe();
    awaitAssert(() -> {
      topic.tell(Topic.getTopicStats(stats.ref()));
      assertEquals(registries, stats.receiveMessage().topicInstanceCount(), "subscribed topic instances known");
    });
  }

  @Test
  void shouldKeepTheNewestSnapshotWhenAnswersArriveOutOfOrder() throws InterruptedException {
    BlockingQueue<CompletableFuture<HaltsSnapshot>> asks = new LinkedBlockingQueue<>();
    HaltRegistry view = start(() -> {
      CompletableFuture<HaltsSnapshot> answer = new CompletableFuture<>();
      asks.add(answer);
      return answer;
    }, "registry-order");
    CompletableFuture<HaltsSnapshot> first = nextAsk(asks);
    CompletableFuture<HaltsSnapshot> second = nextAsk(asks);
    // Versions far above what the real kill switch of this cluster publishes to every registry.
    ActiveHalt halt = new ActiveHalt("ks-1000001", HaltScope.instrument("XYZ"), "ops-1", "bad prints",
        clock.millis());
    second.complete(new HaltsSnapshot(1_000_001, List.of(halt)));
    awaitAssert(() -> assertEquals(1_000_001, view.version()));
    assertSynchronised(view);

    clock.advance(Duration.ofSeconds(10));
    first.complete(new HaltsSnapshot(1_000_000, List.of())); // older, and late
    nextAsk(asks).completeExceptionally(new IllegalStateException("marker"));
    // Answers are handled in the order they complete: once the marker is seen, the late one was handled too.
    awaitAssert(() -> assertTrue(view.unsynchronisedReason().endsWith("marker"), view.unsynchronisedReason()));
    assertEquals(1_000_001, view.version());
    assertEquals(List.of(halt), view.all());
    assertTrue(view.unsynchronisedReason().startsWith("kill-switch state last confirmed 10 s ago"),
        "an answer confirms the state as of when its ask was sent: " + view.unsynchronisedReason());
  }

  private static CompletableFuture<HaltsSnapshot> nextAsk(BlockingQueue<CompletableFuture<HaltsSnapshot>> asks)
      throws InterruptedException {
    CompletableFuture<HaltsSnapshot> ask = asks.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(ask, "the registry asked nothing");
    return ask;
  }
}
