package io.riskpulse.model.risk.aggregate;

import static io.riskpulse.model.concurrent.Completions.onCompletingThread;

import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.GetRisk;
import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.GetSummary;
import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.Report;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The one way code outside the aggregates talks to them: asks the sharded desk and firm entities with
 * {@code riskpulse.risk.aggregation.ask-timeout} (a timeout completes the stage exceptionally with
 * {@link java.util.concurrent.TimeoutException}), and the reporters members send their vectors through.
 *
 * <p>Thread-safe; create one per node, after {@link RiskAggregator#init}.
 */
public final class RiskAggregates {

  private final ClusterSharding sharding;
  private final Duration askTimeout;

  public RiskAggregates(ActorSystem<?> system) {
    this(ClusterSharding.get(system),
        system.settings().config().getDuration("riskpulse.risk.aggregation.ask-timeout"));
  }

  public RiskAggregates(ClusterSharding sharding, Duration askTimeout) {
    this.sharding = sharding;
    this.askTimeout = askTimeout;
  }

  /** The live risk of a desk; a desk no portfolio reported to answers with NaN and "no member has reported". */
  public CompletionStage<AggregateRisk> desk(String desk) {
    return onCompletingThread(sharding.entityRefFor(RiskAggregator.DESK_KEY, desk).ask(GetRisk::new, askTimeout));
  }

  /** The live risk of the firm: every desk's summed vector added up. */
  public CompletionStage<AggregateRisk> firm() {
    return onCompletingThread(
        sharding.entityRefFor(RiskAggregator.FIRM_KEY, RiskAggregator.FIRM_ID).ask(GetRisk::new, askTimeout));
  }

  /**
   * A desk's figures without its member list ({@link AggregateRisk#withoutMembers()}): for callers that ask often,
   * e.g. desk limits every check. The answer does not grow with the desk's portfolios, so it always fits a remote
   * message (Artery's frame is 256 KiB by default).
   */
  public CompletionStage<AggregateRisk> deskSummary(String desk) {
    return onCompletingThread(
        sharding.entityRefFor(RiskAggregator.DESK_KEY, desk).ask(GetSummary::new, askTimeout));
  }

  /** The firm's figures without its member list, as {@link #deskSummary}. */
  public CompletionStage<AggregateRisk> firmSummary() {
    return onCompletingThread(
        sharding.entityRefFor(RiskAggregator.FIRM_KEY, RiskAggregator.FIRM_ID).ask(GetSummary::new, askTimeout));
  }

  /** What portfolio entities report through: each report goes to the desk it names as parent. */
  public RiskReporter portfolioReporter() {
    return deskReporter(sharding);
  }

  static RiskReporter deskReporter(ClusterSharding sharding) {
    return report -> sharding.entityRefFor(RiskAggregator.DESK_KEY, report.parentId()).tell(new Report(report));
  }

  static RiskReporter firmReporter(ClusterSharding sharding) {
    return report ->
        sharding.entityRefFor(RiskAggregator.FIRM_KEY, RiskAggregator.FIRM_ID).tell(new Report(report));
  }
}
