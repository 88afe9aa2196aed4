package io.riskpulse.model.limits.scope;

import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.KillSwitchClient;
import io.riskpulse.model.halt.KillSwitchReply;
import io.riskpulse.model.halt.ScopeKind;
import io.riskpulse.model.risk.aggregate.AggregateRisk;
import io.riskpulse.model.risk.aggregate.RiskAggregates;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * What a desk or firm limit entity needs from its node: a clock (the time on its events and the grace period),
 * its settings, where it reads its scope's figures and how it halts its scope. Shared by every incarnation of the
 * entity on the node; each member is thread-safe and non-blocking (entities call them from their mailbox).
 *
 * <p>Why two small interfaces rather than {@link RiskAggregates} and {@link KillSwitchClient} themselves: both
 * reach their entities through cluster sharding, which a test of the limit logic does not need. The node wires
 * them with {@link #of}; tests ask a real aggregate and a real kill switch spawned without a cluster.
 */
public record ScopeLimitsEnvironment(Clock clock, ScopeLimitsSettings settings, AggregateSource aggregates,
    ScopeHalter killSwitch) {

  /** The live risk of a scope: its desk's aggregate ({@code DESK}) or the firm's ({@code FIRM}). */
  @FunctionalInterface
  public interface AggregateSource {
    /** The aggregate's figures now; a stage that fails or never completes counts as "no answer". */
    CompletionStage<AggregateRisk> risk(HaltScope scope);
  }

  /** The kill switch, as far as an automatic halt of a scope needs it. */
  @FunctionalInterface
  public interface ScopeHalter {
    /** Halts {@code scope}; answered ACCEPTED, or REJECTED with {@code ALREADY_HALTED} and the halt in force. */
    CompletionStage<KillSwitchReply> engage(HaltScope scope, String by, String reason);
  }

  /**
   * The node's wiring: the sharded desk and firm aggregates, asked for their figures without the member lists,
   * and the firm's kill switch.
   */
  public static ScopeLimitsEnvironment of(Clock clock, ScopeLimitsSettings settings, RiskAggregates aggregates,
      KillSwitchClient killSwitch) {
    AggregateSource source =
        scope -> scope.kind() == ScopeKind.FIRM ? aggregates.firmSummary() : aggregates.deskSummary(scope.value());
    return new ScopeLimitsEnvironment(clock, settings, source, killSwitch::engage);
  }
}
