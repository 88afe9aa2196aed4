package io.riskpulse.model.halt;

import io.riskpulse.model.CborSerializable;
import org.apache.pekko.actor.typed.ActorRef;

/** Commands the kill switch accepts. Each operator command is answered with a {@link KillSwitchReply}. */
public sealed interface KillSwitchCommand extends CborSerializable {

  /**
   * Halts every order in {@code scope} (any kind but PORTFOLIO, which the portfolio entity holds) until
   * released; {@code by} and {@code reason} are journaled and handed to the OMS gateway.
   */
  record Engage(HaltScope scope, String by, String reason, ActorRef<KillSwitchReply> replyTo)
      implements KillSwitchCommand {}

  /**
   * Ends the halt of {@code scope}. A FIRM halt needs two different people: the first release is recorded and
   * answered {@link KillSwitchReply.Outcome#PENDING_APPROVAL}, a release by someone else resumes.
   */
  record Release(HaltScope scope, String by, String reason, ActorRef<KillSwitchReply> replyTo)
      implements KillSwitchCommand {}

  /** Asks for every halt in force and the version they are as of. */
  record GetHalts(ActorRef<HaltsSnapshot> replyTo) implements KillSwitchCommand {}

  /** Internal: the OMS gateway recorded halt {@code haltId} ({@code attempt}, 1-based, of this incarnation). */
  record DispatchSucceeded(String haltId, int attempt) implements KillSwitchCommand {}

  /** Internal: handing halt {@code haltId} to the OMS gateway failed or timed out, for {@code reason}. */
  record DispatchFailed(String haltId, int attempt, String reason) implements KillSwitchCommand {}

  /** Internal timer: hand halt {@code haltId} to the OMS gateway again, as attempt {@code attempt}. */
  record RetryDispatch(String haltId, int attempt) implements KillSwitchCommand {}
}
