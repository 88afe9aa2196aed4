package io.riskpulse.model.risk.aggregate;

import io.riskpulse.model.CborSerializable;
import org.apache.pekko.actor.typed.ActorRef;

/** Messages a desk or firm risk aggregate ({@link RiskAggregator}) accepts. */
public sealed interface RiskAggregatorCommand extends CborSerializable {

  /** A member's latest vector; replaces its previous one. Fire-and-forget. */
  record Report(RiskVectorReport report) implements RiskAggregatorCommand {}

  /** Asks for the aggregate's figures now. */
  record GetRisk(ActorRef<AggregateRisk> replyTo) implements RiskAggregatorCommand {}

  /**
   * Asks for the aggregate's figures now without the member list ({@link AggregateRisk#withoutMembers()}): what a
   * frequent caller (desk and firm limits) asks, so that the answer stays small however many members there are.
   */
  record GetSummary(ActorRef<AggregateRisk> replyTo) implements RiskAggregatorCommand {}

  /** Internal timer tick: a desk sends its summed vector to the firm when it changed or is due a refresh. */
  enum Publish implements RiskAggregatorCommand {
    INSTANCE
  }
}
