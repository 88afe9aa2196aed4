package io.riskpulse.persistence;

import com.typesafe.config.Config;
import io.riskpulse.model.alert.AlertClient;
import io.riskpulse.model.alert.AlertSignal;
import io.riskpulse.model.alert.AlertSource;
import io.riskpulse.model.alert.Observed;
import io.riskpulse.model.alert.ObservedOffsets;
import io.riskpulse.model.journal.JournalEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.persistence.query.TimeBasedUUID;
import org.apache.pekko.persistence.query.javadsl.EventsByTagQuery;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link io.riskpulse.model.alert.AlertBook} from the journal: for each {@link AlertSource}, a live
 * {@code eventsByTag} stream of its tag on the read journal, each event mapped to its signals and observed by the
 * book in journal order, one at a time ({@code mapAsync(1)}).
 *
 * <p>Exactly-once effect: each stream starts after the offset the book has stored for its tag (asked at every
 * start), and the book journals each event's effect together with its offset and ignores what it has observed, so a
 * crash anywhere redelivers at most the event in flight, which then changes nothing. An event that maps to no
 * signal is not sent (its offset is not stored; after a restart it is read again and again maps to nothing).
 *
 * <p>Failures (the journal unreachable, the book not answering within {@code riskpulse.alerts.ask-timeout}) restart
 * the stream with exponential backoff ({@code riskpulse.alerts.projection.restart-backoff}), from the book's
 * offset. An observation the book refuses as invalid (a mapping bug) is logged at error and skipped: sending it
 * again cannot succeed.
 *
 * <p>Works on both journals: {@link Sequence} offsets (the JDBC journal's ordering) are stored as numbers and
 * resumed after; {@link TimeBasedUUID} offsets (Cassandra's {@code eventsByTag}) are stored as text and resumed
 * after the latest observed (see {@link io.riskpulse.model.alert.TimeUuidOffsets}: the book deduplicates those by
 * source event, as they are neither unique nor strictly ordered). A tag with no stored offset starts from
 * {@link Offset#noOffset()} (on Cassandra: from {@code events-by-tag.first-time-bucket}). A stream that meets
 * another kind of offset fails and keeps restarting, logged.
 *
 * <p>One per cluster: {@link #startSingleton} runs the streams in a cluster singleton, so two nodes never feed the
 * book the same events concurrently (harmless, but wasteful). Thread-safety: the streams run on the actor system's
 * materializer; the behaviour only starts and stops them.
 */
public final class AlertProjection {

  /** Name of the cluster singleton running the streams. */
  public static final String SINGLETON_NAME = "riskpulse-alert-projection";

  private static final Logger LOG = LoggerFactory.getLogger(AlertProjection.class);

  private AlertProjection() {}

  /**
   * How a failed stream restarts, from {@code riskpulse.alerts.projection.restart-backoff}.
   *
   * @param min delay before the first restart
   * @param max the longest delay, reached by doubling
   * @param randomFactor jitter added to each delay, as a share of it
   */
  public record Settings(Duration min, Duration max, double randomFactor) {

    public static Settings fromConfig(Config config) {
      Config c = config.getConfig("riskpulse.alerts.projection.restart-backoff");
      return new Settings(c.getDuration("min"), c.getDuration("max"), c.getDouble("random-factor"));
    }
  }

  /**
   * Starts the projection as the cluster's singleton (or joins it); call on every node, after
   * {@link io.riskpulse.model.alert.AlertBook#init}.
   *
   * @param readJournalPluginId e.g. {@code jdbc-read-journal} or {@code pekko.persistence.cassandra.query}
   */
  public static void startSingleton(ActorSystem<?> system, String readJournalPluginId, AlertClient book,
      List<AlertSource> sources, Settings settings) {
    ClusterSingleton.get(system).init(SingletonActor.of(
        Behaviors.supervise(create(readJournalPluginId, book, sources, settings))
            .onFailure(SupervisorStrategy.restart()),
        SINGLETON_NAME));
  }

  /** The projection's behaviour: runs one stream per source while it lives (outside a singleton: tests). */
  public static Behavior<Void> create(String readJournalPluginId, AlertClient book, List<AlertSource> sources,
      Settings settings) {
    return Behaviors.setup(context -> {
      ActorSystem<?> system = context.getSystem();
      EventsByTagQuery journal = PersistenceQuery.get(system)
          .getReadJournalFor(EventsByTagQuery.class, readJournalPluginId);
      List<UniqueKillSwitch> running = new ArrayList<>();
      JournalEvents events = new JournalEvents(system);
      for (AlertSource source : sources) {
        running.add(stream(journal, events, book, source, settings)
            .viaMat(KillSwitches.single(), Keep.right())
            .toMat(Sink.ignore(), Keep.left())
            .run(system));
      }
      LOG.info("Alert projection following tags {}", sources.stream().map(AlertSource::tag).toList());
      return Behaviors.receive(Void.class)
          .onSignal(PostStop.class, stop -> {
            running.forEach(UniqueKillSwitch::shutdown);
            return Behaviors.same();
          })
          .build();
    });
  }

  /**
   * The restarting stream of one source: asks the book for its offset, follows the tag from there and observes
   * every event's signals, in order. Events are opened from their stored form by {@code events}.
   */
  static Source<Done, ?> stream(EventsByTagQuery journal, JournalEvents events, AlertClient book,
      AlertSource source, Settings settings) {
    String tag = source.tag();
    RestartSettings restart = RestartSettings.create(settings.min(), settings.max(), settings.randomFactor());
    return RestartSource.withBackoff(restart, () -> Source.completionStage(book.offsets())
        .flatMapConcat(offsets -> {
          Offset from = resumeAfter(offsets, tag);
          LOG.info("Alert projection reads tag {} after offset {}", tag, from);
          return journal.eventsByTag(tag, from);
        })
        .mapAsync(1, envelope -> observe(book, source, envelope, events.open(envelope.event()))));
  }

  /**
   * Where a tag's stream resumes: after its stored time-based offset, else after its stored sequence offset, else
   * from the start.
   */
  static Offset resumeAfter(ObservedOffsets offsets, String tag) {
    String uuid = offsets.uuidOffset(tag);
    if (uuid != null) {
      return Offset.timeBasedUUID(UUID.fromString(uuid));
    }
    long sequence = offsets.offset(tag);
    return sequence > 0 ? Offset.sequence(sequence) : Offset.noOffset();
  }

  private static CompletionStage<Done> observe(AlertClient book, AlertSource source, EventEnvelope envelope,
      Object event) {
    Offset offset = envelope.offset();
    if (!(offset instanceof Sequence) && !(offset instanceof TimeBasedUUID)) {
      throw new IllegalStateException("the alert projection needs Sequence or TimeBasedUUID offsets; tag "
          + source.tag() + " gave " + offset);
    }
    List<AlertSignal> signals = source.signals(envelope.persistenceId(), envelope.sequenceNr(), event);
    if (signals.isEmpty()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    CompletionStage<Observed> observing = offset instanceof Sequence sequence
        ? book.observe(source.tag(), sequence.value(), signals)
        : book.observeAt(source.tag(), ((TimeBasedUUID) offset).value().toString(), signals);
    return observing.thenApply((Observed observed) -> {
      if (!observed.problem().isEmpty()) {
        LOG.error("The alert book refused the signals of {} #{} (tag {}, offset {}), skipped: {}",
            envelope.persistenceId(), envelope.sequenceNr(), source.tag(), offset, observed.problem());
      }
      return Done.getInstance();
    });
  }
}
