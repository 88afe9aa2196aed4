package io.riskpulse.model.limits.scope;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.halt.KillSwitchReply;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.risk.aggregate.AggregateRisk;
import org.apache.pekko.actor.typed.ActorRef;

/** Commands a desk or firm limit entity ({@link ScopeLimits}) accepts. */
public sealed interface ScopeLimitsCommand extends CborSerializable {

  /**
   * Replaces the scope's limits, journaled with who and why. Only the fields a scope is judged on may be set
   * (see {@link ScopeLimitChecker#KINDS}); any other set field rejects the command, naming it. Judged from the next
   * check on.
   */
  record SetScopeLimits(Limits limits, String by, String reason, ActorRef<ScopeLimitsReply> replyTo)
      implements ScopeLimitsCommand {}

  /** Asks for the scope's limits, open episodes, halt and latest figures. */
  record GetScopeLimits(ActorRef<ScopeLimitsView> replyTo) implements ScopeLimitsCommand {}

  /** Internal timer tick: ask the aggregate for the figures (unless a check is still waiting for its answer). */
  enum Check implements ScopeLimitsCommand {
    INSTANCE
  }

  /**
   * Internal: the aggregate's answer to a check, or why there is none.
   *
   * @param risk the figures; {@code null} when the aggregate did not answer
   * @param failure why there is no answer, {@code ""} when there is one
   */
  record FiguresReceived(AggregateRisk risk, String failure) implements ScopeLimitsCommand {}

  /**
   * Internal: the kill switch's answer to the engagement of halt request {@code requestId}, or why there is none.
   *
   * @param reply the answer; {@code null} when the kill switch did not answer
   * @param failure why there is no answer, {@code ""} when there is one
   */
  record EngageOutcome(String requestId, KillSwitchReply reply, String failure) implements ScopeLimitsCommand {}

  /** Internal timer: engage the pending halt request {@code requestId} again. */
  record RetryEngage(String requestId) implements ScopeLimitsCommand {}
}
