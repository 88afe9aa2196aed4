package io.riskpulse.model.halt;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The node-local {@link HaltView} of the kill switch's halts: what every pre-trade check on the node reads.
 *
 * <p>An actor, started once per node by {@link #start}, keeps the view current from two sources: the snapshots
 * the kill switch publishes on the {@link KillSwitch#TOPIC_NAME} topic after each change (fast, but at most
 * once), and its own {@link KillSwitchCommand.GetHalts} ask every {@code refresh-interval} (slower, but it
 * notices losses and an unreachable kill switch). Either may arrive late or out of order, so a snapshot replaces
 * the view only if its version is higher than the view's.
 *
 * <p>Fail closed: the view is {@link #synchronised()} only once an ask has answered and while the last
 * successful ask was sent at most {@code stale-after} ago (by the injected clock). A published snapshot
 * updates the halts but does not confirm the view: the topic can lose messages without anyone noticing, so only
 * an answer proves that nothing was missed. An ask's answer confirms the state as of when the ask was sent.
 *
 * <p>Thread-safety: only the actor writes; it replaces one volatile reference to an immutable holder, so a
 * reader on any thread sees a consistent snapshot without locking. Reads do not allocate unless a halt covers
 * the order.
 */
public final class HaltRegistry implements HaltView {

  /** Name of the node's registry actor (a system actor): a second start on the same node fails. */
  public static final String NAME = "riskpulse-halt-registry";
  /** Why a view that never had an answer is not synchronised. */
  public static final String NOT_LOADED = "kill-switch state not loaded yet";

  private static final long NEVER = Long.MIN_VALUE;

  private final Clock clock;
  private final long staleAfterMillis;
  /** Replaced (never changed) by the registry actor only; read by any thread. */
  private volatile Known known = new Known(null, NEVER, "");

  /**
   * What the view knows.
   *
   * @param snapshot the newest snapshot received, or {@code null}
   * @param confirmedAtMillis when the newest successful ask was sent (epoch ms), or {@link #NEVER}
   * @param lastFailure why the last ask failed; {@code ""} after a success
   */
  private record Known(HaltsSnapshot snapshot, long confirmedAtMillis, String lastFailure) {}

  private HaltRegistry(Clock clock, Duration staleAfter) {
    this.clock = clock;
    this.staleAfterMillis = staleAfter.toMillis();
  }

  /**
   * Starts the node's registry, asking the kill switch through cluster sharding; call once per node (after
   * {@link KillSwitch#init}, so that the entity type is registered).
   *
   * @param clock the clock staleness is judged by
   * @return the view, to hand to every pre-trade check on the node
   */
  public static HaltRegistry start(ActorSystem<?> system, KillSwitchSettings settings, Clock clock) {
    KillSwitchClient client = new KillSwitchClient(ClusterSharding.get(system), settings.askTimeout());
    return start(system, settings, clock, client::halts, NAME);
  }

  /**
   * Starts a registry that loads snapshots from {@code source} (tests and tools; the node uses
   * {@link #start(ActorSystem, KillSwitchSettings, Clock)}).
   *
   * @param source asked every {@code refresh-interval} for the kill switch's halts; a stage that fails leaves the
   *     view as it is, and unsynchronised once it is older than {@code stale-after}
   * @param name the registry actor's name, unique in the actor system
   */
  public static HaltRegistry start(ActorSystem<?> system, KillSwitchSettings settings, Clock clock,
      Supplier<CompletionStage<HaltsSnapshot>> source, String name) {
    HaltRegistry view = new HaltRegistry(clock, settings.staleAfter());
    system.systemActorOf(view.behavior(settings, source), name, Props.empty());
    return view;
  }

  @Override
  public boolean synchronised() {
    long confirmed = known.confirmedAtMillis();
    return confirmed != NEVER && clock.millis() - confirmed <= staleAfterMillis;
  }

  @Override
  public String unsynchronisedReason() {
    Known now = known;
    String failure = now.lastFailure().isEmpty() ? "" : "; last refresh failed: " + now.lastFailure();
    if (now.confirmedAtMillis() == NEVER) {
      return NOT_LOADED + failure;
    }
    long age = clock.millis() - now.confirmedAtMillis();
    if (age <= staleAfterMillis) {
      return "";
    }
    return "kill-switch state last confirmed " + seconds(age) + " ago (bound " + seconds(staleAfterMillis) + ")"
        + failure;
  }

  @Override
  public Optional<ActiveHalt> covering(String portfolioId, String strategy, String trader, String desk,
      String symbol) {
    HaltsSnapshot snapshot = known.snapshot();
    if (snapshot == null) {
      return Optional.empty();
    }
    List<ActiveHalt> halts = snapshot.halts();
    for (int i = 0; i < halts.size(); i++) { // indexed: no iterator on the pre-trade path
      ActiveHalt halt = halts.get(i);
      if (halt.scope().covers(portfolioId, strategy, trader, desk, symbol)) {
        return Optional.of(halt);
      }
    }
    return Optional.empty();
  }

  @Override
  public List<ActiveHalt> all() {
    HaltsSnapshot snapshot = known.snapshot();
    return snapshot == null ? List.of() : snapshot.halts();
  }

  /** The version of the halts the view holds (the kill switch's sequence number); -1 before any arrived. */
  public long version() {
    HaltsSnapshot snapshot = known.snapshot();
    return snapshot == null ? -1 : snapshot.version();
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private Behavior<Message> behavior(KillSwitchSettings settings, Supplier<CompletionStage<HaltsSnapshot>> source) {
    return Behaviors.setup(context -> {
      ActorRef<Topic.Command<HaltsSnapshot>> topic =
          context.spawn(Topic.create(HaltsSnapshot.class, KillSwitch.TOPIC_NAME), "topic");
      topic.tell(Topic.subscribe(context.messageAdapter(HaltsSnapshot.class, Published::new)));
      return Behaviors.withTimers(timers -> {
        context.getSelf().tell(Refresh.INSTANCE);
        timers.startTimerWithFixedDelay(Refresh.INSTANCE, settings.refreshInterval());
        return new Updater(context, settings, source);
      });
    });
  }

  /** The registry actor's protocol. Node-local: never crosses a node boundary, so never serialized. */
  private interface Message {}

  /** Timer tick: ask the kill switch. */
  private enum Refresh implements Message {
    INSTANCE
  }

  /** An ask sent at {@code requestedAtMillis} was answered. */
  private record Loaded(HaltsSnapshot snapshot, long requestedAtMillis) implements Message {}

  private record LoadFailed(String reason) implements Message {}

  /** A snapshot the kill switch published on the topic. */
  private record Published(HaltsSnapshot snapshot) implements Message {}

  /** The single writer of {@link #known}. */
  private final class Updater extends AbstractBehavior<Message> {

    private final KillSwitchSettings settings;
    private final Supplier<CompletionStage<HaltsSnapshot>> source;
    /** Failed asks since the last success: only the first of a run is logged at warn. */
    private int failures;

    Updater(ActorContext<Message> context, KillSwitchSettings settings,
        Supplier<CompletionStage<HaltsSnapshot>> source) {
      super(context);
      this.settings = settings;
      this.source = source;
    }

    @Override
    public Receive<Message> createReceive() {
      return newReceiveBuilder()
          .onMessageEquals(Refresh.INSTANCE, this::onRefresh)
          .onMessage(Loaded.class, this::onLoaded)
          .onMessage(LoadFailed.class, this::onLoadFailed)
          .onMessage(Published.class, this::onPublished)
          .build();
    }

    private Behavior<Message> onRefresh() {
      long requestedAtMillis = clock.millis();
      CompletionStage<HaltsSnapshot> stage;
      try {
        stage = source.get();
      } catch (RuntimeException e) {
        stage = CompletableFuture.failedFuture(e);
      }
      if (stage == null) {
        stage = CompletableFuture.failedFuture(new IllegalStateException("the source returned no completion stage"));
      }
      getContext().pipeToSelf(stage, (snapshot, failure) -> {
        if (failure != null) {
          return new LoadFailed(KillSwitch.describe(failure, settings.askTimeout()));
        }
        return snapshot == null ? new LoadFailed("no snapshot in the answer") : new Loaded(snapshot, requestedAtMillis);
      });
      return this;
    }

    private Behavior<Message> onLoaded(Loaded loaded) {
      Known now = known;
      known = new Known(newest(now.snapshot(), loaded.snapshot()),
          Math.max(now.confirmedAtMillis(), loaded.requestedAtMillis()), "");
      if (failures > 0) {
        getContext().getLog().info("Kill-switch state confirmed again after {} failed refresh(es)", failures);
        failures = 0;
      }
      return this;
    }

    private Behavior<Message> onLoadFailed(LoadFailed failed) {
      Known now = known;
      known = new Known(now.snapshot(), now.confirmedAtMillis(), failed.reason());
      if (++failures == 1) {
        if (CoordinatedShutdown.get(getContext().getSystem()).getShutdownReason().isPresent()) {
          // The kill switch's shard stops with the node: expected, not a reason to alarm whoever reads the log.
          getContext().getLog().info("Kill-switch state not refreshed while the node shuts down: {}",
              failed.reason());
        } else {
          getContext().getLog().warn("Could not refresh the kill-switch state: {}; the halt view goes "
              + "unsynchronised (pre-trade checks reject) {} ms after its last confirmation", failed.reason(),
              settings.staleAfter().toMillis());
        }
      }
      return this;
    }

    private Behavior<Message> onPublished(Published published) {
      Known now = known;
      HaltsSnapshot newest = newest(now.snapshot(), published.snapshot());
      if (newest != now.snapshot()) {
        known = new Known(newest, now.confirmedAtMillis(), now.lastFailure());
      }
      return this;
    }

    private HaltsSnapshot newest(HaltsSnapshot held, HaltsSnapshot arrived) {
      return held == null || arrived.version() > held.version() ? arrived : held;
    }
  }
}
