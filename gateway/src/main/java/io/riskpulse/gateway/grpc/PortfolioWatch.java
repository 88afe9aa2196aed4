package io.riskpulse.gateway.grpc;

import io.riskpulse.api.v1.Change;
import io.riskpulse.api.v1.Portfolio;
import io.riskpulse.api.v1.PortfolioUpdate;
import io.riskpulse.model.journal.JournalEvents;
import io.riskpulse.model.portfolio.PortfolioClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.javadsl.EventsByPersistenceIdQuery;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The stream behind {@code WatchPortfolio}: the portfolio's journal (live, from a resume point) merged with a
 * periodic re-read of its figures, so a watcher sees every journaled change, in order and without gaps, and the
 * P&amp;L and risk that move with prices between events.
 *
 * <p>Each update carries the portfolio now, the journal changes since the previous update and the sequence
 * number of the last change delivered ({@code version}); a client that reconnects with that version gets every
 * later change in its first update. Changes arriving while a snapshot is read are batched into the next update
 * (conflation never drops a change). An update without changes is sent only when the figures moved. A failed
 * snapshot read after the first keeps the stream going: the changes go out with the last portfolio read.
 */
public final class PortfolioWatch {

  /** Longest {@link Change#getDetail()} sent; a longer event text is cut with an ellipsis. */
  static final int MAX_DETAIL = 1_000;

  private final PortfolioClient portfolios;
  private final EventsByPersistenceIdQuery journal;
  private final String entityTypeName;
  private final Duration interval;
  private final JournalEvents events;

  /**
   * @param entityTypeName the portfolio entity's type name: persistence ids are {@code <name>|<portfolio id>}
   * @param interval how often the figures are re-read
   * @param events opens the journal's stored events (sealed in the hash chain) into portfolio events
   */
  public PortfolioWatch(PortfolioClient portfolios, EventsByPersistenceIdQuery journal, String entityTypeName,
      Duration interval, JournalEvents events) {
    this.portfolios = portfolios;
    this.journal = journal;
    this.events = events;
    this.entityTypeName = entityTypeName;
    this.interval = interval;
  }

  /** Marker element: time to re-read the figures. */
  private enum Tick {
    INSTANCE
  }

  /** Changes gathered while the previous snapshot was read. */
  private record Batch(List<Change> changes) {
    static Batch of(Object element) {
      return new Batch(new ArrayList<>()).add(element);
    }

    Batch add(Object element) {
      if (element instanceof Change change) {
        changes.add(change);
      }
      return this;
    }
  }

  /** What the stream remembers between updates. */
  private record Seen(Portfolio portfolio, Portfolio comparable, long version) {}

  /** Updates of an opened portfolio, after the journal position {@code resumeAfterVersion} (0: from the start). */
  public Source<PortfolioUpdate, NotUsed> updates(String portfolioId, long resumeAfterVersion) {
    Source<Object, NotUsed> changes = journal
        .eventsByPersistenceId(entityTypeName + "|" + portfolioId, resumeAfterVersion + 1, Long.MAX_VALUE)
        .map(envelope -> change(envelope, events.open(envelope.event())));
    Source<Object, NotUsed> ticks = Source.tick(interval, interval, (Object) Tick.INSTANCE)
        .mapMaterializedValue(cancellable -> NotUsed.getInstance());
    return Source.single((Object) Tick.INSTANCE).concat(ticks).merge(changes)
        .conflateWithSeed(Batch::of, Batch::add)
        .mapAsync(1, batch -> portfolios.snapshot(portfolioId).handle((snapshot, failure) ->
            Pair.create(batch, Optional.ofNullable(failure == null ? ProtoMapper.portfolio(snapshot) : null))))
        .statefulMap(() -> new Seen(null, null, resumeAfterVersion),
            (seen, step) -> next(seen, step.first(), step.second()), seen -> Optional.empty())
        .filter(Optional::isPresent)
        .map(Optional::get);
  }

  private static Pair<Seen, Optional<PortfolioUpdate>> next(Seen seen, Batch batch, Optional<Portfolio> read) {
    boolean initial = seen.portfolio() == null;
    if (read.isEmpty()) {
      if (initial) {
        throw GrpcErrors.unavailable("the portfolio did not answer in time; watch again");
      }
      if (batch.changes().isEmpty()) {
        return Pair.create(seen, Optional.empty());
      }
    }
    Portfolio portfolio = read.orElse(seen.portfolio());
    Portfolio comparable = withoutTimes(portfolio);
    long version = seen.version();
    for (Change change : batch.changes()) {
      version = Math.max(version, change.getVersion());
    }
    Seen now = new Seen(portfolio, comparable, version);
    if (!initial && batch.changes().isEmpty() && comparable.equals(seen.comparable())) {
      return Pair.create(now, Optional.empty());
    }
    return Pair.create(now, Optional.of(PortfolioUpdate.newBuilder().setPortfolio(portfolio)
        .addAllChanges(batch.changes()).setVersion(version).setInitial(initial).build()));
  }

  /** The portfolio without the times of its reading, which change on every read. */
  private static Portfolio withoutTimes(Portfolio portfolio) {
    Portfolio.Builder b = portfolio.toBuilder().clearAsOfMillis();
    if (b.hasRisk()) {
      b.setRisk(b.getRisk().toBuilder().clearAsOfMillis());
    }
    return b.build();
  }

  static Change change(EventEnvelope envelope, Object event) {
    String detail = String.valueOf(event);
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL - 1) + "…";
    }
    return Change.newBuilder().setVersion(envelope.sequenceNr()).setType(event.getClass().getSimpleName())
        .setDetail(detail).setAtMillis(envelope.timestamp()).build();
  }
}
