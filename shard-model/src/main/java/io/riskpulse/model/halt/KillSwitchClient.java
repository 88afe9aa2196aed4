package io.riskpulse.model.halt;

import static io.riskpulse.model.concurrent.Completions.onCompletingThread;

import io.riskpulse.model.halt.KillSwitchCommand.Engage;
import io.riskpulse.model.halt.KillSwitchCommand.GetHalts;
import io.riskpulse.model.halt.KillSwitchCommand.Release;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The one way code outside the entity talks to the kill switch: asks through cluster sharding with the timeout
 * {@code riskpulse.kill-switch.ask-timeout}. A timeout completes the stage exceptionally with
 * {@link java.util.concurrent.TimeoutException}; callers map that in one place (the API layer) and treat it as
 * "state unavailable".
 *
 * <p>Every stage it returns is a plain {@link java.util.concurrent.CompletableFuture} whose callbacks run where
 * the answer arrives (see {@link io.riskpulse.model.concurrent.Completions}): keep them short and non-blocking.
 *
 * <p>Thread-safe; create one per node.
 */
public final class KillSwitchClient {

  private final ClusterSharding sharding;
  private final Duration askTimeout;
  private final Supplier<CompletionStage<Void>> durable;

  public KillSwitchClient(ActorSystem<?> system) {
    this(ClusterSharding.get(system),
        system.settings().config().getDuration("riskpulse.kill-switch.ask-timeout"));
  }

  public KillSwitchClient(ClusterSharding sharding, Duration askTimeout) {
    this(sharding, askTimeout, () -> CompletableFuture.completedFuture(null));
  }

  private KillSwitchClient(ClusterSharding sharding, Duration askTimeout, Supplier<CompletionStage<Void>> durable) {
    this.sharding = sharding;
    this.askTimeout = askTimeout;
    this.durable = durable;
  }

  /**
   * This client, with engage and release answered only once {@code durable} has made the journal durable (see
   * {@code PortfolioClient.withDurability}): an operator told "halted" must not lose the halt to a crash.
   */
  public KillSwitchClient withDurability(Supplier<CompletionStage<Void>> durable) {
    return new KillSwitchClient(sharding, askTimeout, durable);
  }

  /** A reply that changed the journal, once the journal is durable; a flush failure fails the stage. */
  private CompletionStage<KillSwitchReply> durably(CompletionStage<KillSwitchReply> reply) {
    return reply.thenCompose(answer -> answer.outcome() == KillSwitchReply.Outcome.REJECTED
        ? CompletableFuture.completedFuture(answer)
        : durable.get().handle((done, failure) -> {
          if (failure != null) {
            throw new CompletionException(new IllegalStateException(
                "accepted and journaled, but the journal could not be made durable: " + failure, failure));
          }
          return answer;
        }));
  }

  private EntityRef<KillSwitchCommand> ref() {
    return sharding.entityRefFor(KillSwitch.ENTITY_KEY, KillSwitch.FIRM_ENTITY_ID);
  }

  /** Halts every order in {@code scope} (not a PORTFOLIO scope: halt the portfolio itself). */
  public CompletionStage<KillSwitchReply> engage(HaltScope scope, String by, String reason) {
    return durably(onCompletingThread(ref().ask(replyTo -> new Engage(scope, by, reason, replyTo), askTimeout)));
  }

  /** Ends the halt of {@code scope}; a FIRM halt answers PENDING_APPROVAL until a second person releases it. */
  public CompletionStage<KillSwitchReply> release(HaltScope scope, String by, String reason) {
    return durably(onCompletingThread(ref().ask(replyTo -> new Release(scope, by, reason, replyTo), askTimeout)));
  }

  /** Every halt in force, with the version it is as of. */
  public CompletionStage<HaltsSnapshot> halts() {
    return onCompletingThread(ref().ask(GetHalts::new, askTimeout));
  }
}
