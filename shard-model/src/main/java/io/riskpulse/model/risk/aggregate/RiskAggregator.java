package io.riskpulse.model.risk.aggregate;

import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.GetRisk;
import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.GetSummary;
import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.Publish;
import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.Report;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * A desk's or the firm's live risk: the sum of its members' scenario P&amp;L vectors, and VaR/ES read from it,
 * with the sums of their gross exposure, net exposure and intraday P&amp;L (what desk and firm limits judge, see
 * {@link io.riskpulse.model.limits.scope.ScopeLimits}). A desk forwards its sums to the firm with its vector.
 * Portfolios report to their desk ({@link #DESK_KEY}, one entity per desk id); desks report to the firm
 * ({@link #FIRM_KEY}, one entity, {@link #FIRM_ID}).
 *
 * <p>Why sharded, non-persistent entities: sharding gives each desk exactly one owner in the cluster, wherever
 * its portfolios live, so the sum has a single writer and a single place to ask; it moves with rebalancing and
 * survives node loss (remembered entities are restarted). Nothing is journaled because everything here is
 * derived: a restarted aggregate fills up again from the members' periodic re-sends
 * ({@link AggregationSettings#refreshInterval()}) and, until every member is back and fresh, reports NaN rather
 * than a partial sum. Distributed pub-sub was the alternative; it would make every subscriber hold and sum
 * every vector (memory and CPU times the node count) and still leave no single owner to query.
 *
 * <p>Load: a portfolio reports at most once per {@code risk-staleness} and only when its vector changed (plus
 * the refresh); a desk applies a report in O(scenarios) and sends upwards at most once per
 * {@code publish-interval}. Vectors travel as {@code double[]} (about 4.5 KB in CBOR for 500 scenarios).
 *
 * <p>Thread-safety: an actor; its state is touched only from its mailbox.
 */
public final class RiskAggregator extends AbstractBehavior<RiskAggregatorCommand> {

  public static final EntityTypeKey<RiskAggregatorCommand> DESK_KEY =
      EntityTypeKey.create(RiskAggregatorCommand.class, "DeskRisk");
  public static final EntityTypeKey<RiskAggregatorCommand> FIRM_KEY =
      EntityTypeKey.create(RiskAggregatorCommand.class, "FirmRisk");
  /** Entity id of the one firm aggregate. */
  public static final String FIRM_ID = "firm";

  private final String scope;
  private final String id;
  private final AggregationSettings settings;
  private final Clock clock;
  private final RiskReporter upstream;
  private final VectorSum vectors = new VectorSum();
  private boolean changedSincePublish;
  private long lastPublishMillis = Long.MIN_VALUE;

  private RiskAggregator(ActorContext<RiskAggregatorCommand> context, String scope, String id,
      AggregationSettings settings, Clock clock, RiskReporter upstream) {
    super(context);
    this.scope = scope;
    this.id = id;
    this.settings = settings;
    this.clock = clock;
    this.upstream = upstream;
  }

  /** Registers the desk and firm entity types with cluster sharding on this node. */
  public static void init(ActorSystem<?> system, AggregationSettings settings, Clock clock) {
    ClusterSharding sharding = ClusterSharding.get(system);
    RiskReporter toFirm = RiskAggregates.firmReporter(sharding);
    sharding.init(Entity.of(DESK_KEY, entityContext -> desk(entityContext.getEntityId(), settings, clock, toFirm)));
    sharding.init(Entity.of(FIRM_KEY, entityContext -> firm(settings, clock)));
  }

  /**
   * The aggregate of one desk; every {@code publish-interval} it sends its summed vector to {@code upstream}
   * when it changed, and at least every {@code refresh-interval}.
   */
  public static Behavior<RiskAggregatorCommand> desk(
      String desk, AggregationSettings settings, Clock clock, RiskReporter upstream) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Publish.INSTANCE, settings.publishInterval());
      return new RiskAggregator(context, "desk", desk, settings, clock, upstream);
    }));
  }

  /** The firm aggregate: the sum of the desks' vectors. */
  public static Behavior<RiskAggregatorCommand> firm(AggregationSettings settings, Clock clock) {
    return Behaviors.setup(context -> new RiskAggregator(context, "firm", FIRM_ID, settings, clock, null));
  }

  @Override
  public Receive<RiskAggregatorCommand> createReceive() {
    return newReceiveBuilder()
        .onMessage(Report.class, this::onReport)
        .onMessage(GetRisk.class, this::onGetRisk)
        .onMessage(GetSummary.class, get -> {
          get.replyTo().tell(risk(clock.millis()).withoutMembers());
          return this;
        })
        .onMessageEquals(Publish.INSTANCE, this::onPublish)
        .build();
  }

  private Behavior<RiskAggregatorCommand> onReport(Report report) {
    vectors.update(report.report());
    changedSincePublish = true;
    return this;
  }

  private Behavior<RiskAggregatorCommand> onGetRisk(GetRisk get) {
    get.replyTo().tell(risk(clock.millis()));
    return this;
  }

  private Behavior<RiskAggregatorCommand> onPublish() {
    long now = clock.millis();
    boolean due = lastPublishMillis == Long.MIN_VALUE
        || now - lastPublishMillis >= settings.refreshInterval().toMillis();
    if (upstream == null || vectors.scenarioSetId().isEmpty() || !(changedSincePublish || due)) {
      return this;
    }
    AggregateRisk risk = risk(now);
    upstream.report(new RiskVectorReport(id, FIRM_ID, vectors.scenarioSetId(), vectors.sum(), risk.problems(),
        risk.portfolioCount(), risk.valueAtRisk99(), risk.asOfMillis(), risk.grossExposure(), risk.netExposure(),
        risk.intradayPnl()));
    changedSincePublish = false;
    lastPublishMillis = now;
    return this;
  }

  private AggregateRisk risk(long now) {
    return vectors.risk(scope, id, now, settings.staleAfter().toMillis());
  }
}
