package io.riskpulse.model.limits.scope;

import static io.riskpulse.model.concurrent.Completions.onCompletingThread;

import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.limits.scope.ScopeLimitsCommand.GetScopeLimits;
import io.riskpulse.model.limits.scope.ScopeLimitsCommand.SetScopeLimits;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The one way code outside the entities talks to desk and firm limits: asks through cluster sharding with the
 * timeout {@code riskpulse.limits.scope.ask-timeout}. A timeout completes the stage exceptionally with
 * {@link java.util.concurrent.TimeoutException}; callers map that in one place (the API layer).
 *
 * <p>Scopes are {@link HaltScope#desk(String)} or {@link HaltScope#FIRM}; any other kind throws
 * {@link IllegalArgumentException}. Stages complete on the answering thread (see
 * {@link io.riskpulse.model.concurrent.Completions}): keep callbacks short and non-blocking.
 *
 * <p>Thread-safe; create one per node, after {@link ScopeLimits#init}.
 */
public final class ScopeLimitsClient {

  private final ClusterSharding sharding;
  private final Duration askTimeout;

  public ScopeLimitsClient(ActorSystem<?> system) {
    this(ClusterSharding.get(system),
        system.settings().config().getDuration("riskpulse.limits.scope.ask-timeout"));
  }

  public ScopeLimitsClient(ClusterSharding sharding, Duration askTimeout) {
    this.sharding = sharding;
    this.askTimeout = askTimeout;
  }

  private EntityRef<ScopeLimitsCommand> ref(HaltScope scope) {
    return sharding.entityRefFor(ScopeLimits.ENTITY_KEY, ScopeLimits.entityId(scope));
  }

  /**
   * Replaces the limits of a desk or of the firm, journaled with {@code by} and {@code reason}; rejected, naming the
   * fields, when a field is invalid or does not apply to a scope.
   */
  public CompletionStage<ScopeLimitsReply> set(HaltScope scope, Limits limits, String by, String reason) {
    return onCompletingThread(ref(scope).ask(replyTo -> new SetScopeLimits(limits, by, reason, replyTo), askTimeout));
  }

  /** The limits of a desk or of the firm, their open episodes, halt and latest figures. */
  public CompletionStage<ScopeLimitsView> limits(HaltScope scope) {
    return onCompletingThread(ref(scope).ask(GetScopeLimits::new, askTimeout));
  }
}
