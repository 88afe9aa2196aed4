package io.riskpulse.persistence.audit;

import io.riskpulse.model.concurrent.Completions;
import io.riskpulse.model.halt.KillSwitch;
import io.riskpulse.model.journal.JournalEvents;
import io.riskpulse.model.portfolio.Portfolio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentPersistenceIdsQuery;
import org.apache.pekko.persistence.query.javadsl.ReadJournal;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The journal as an auditor reads it: every stored event of an entity, in sequence order, through Persistence
 * Query on any read journal (the embedded H2 one or Cassandra's). Reads what is stored now; never writes.
 *
 * <p>Thread-safety: safe to share; each read is its own stream, whose consumer is called from one thread at a time,
 * in sequence order.
 */
public final class AuditJournal {

  private static final String PORTFOLIO_PREFIX = Portfolio.ENTITY_KEY.name() + "|";

  private final ActorSystem<?> system;
  private final ReadJournal journal;
  private final JournalEvents events;
  private final Duration idleTimeout;

  /**
   * @param system a running actor system configured with the journal
   * @param readJournalPluginId e.g. {@code jdbc-read-journal}
   * @param idleTimeout a read fails when the journal sends nothing for this long (unreachable, locked)
   */
  public AuditJournal(ActorSystem<?> system, String readJournalPluginId, Duration idleTimeout) {
    this.system = system;
    this.idleTimeout = idleTimeout;
    this.journal = PersistenceQuery.get(system).getReadJournalFor(ReadJournal.class, readJournalPluginId);
    this.events = new JournalEvents(system);
    if (!(journal instanceof CurrentEventsByPersistenceIdQuery) || !(journal instanceof CurrentPersistenceIdsQuery)) {
      throw new IllegalArgumentException(readJournalPluginId + " cannot list persistence ids and their events");
    }
  }

  /** The persistence id of portfolio {@code portfolioId}. */
  public static String portfolioPersistenceId(String portfolioId) {
    return PORTFOLIO_PREFIX + portfolioId;
  }

  /** The persistence id of the firm's kill switch (every scope halt and resume). */
  public static String killSwitchPersistenceId() {
    return KillSwitch.ENTITY_KEY.name() + "|" + KillSwitch.FIRM_ENTITY_ID;
  }

  /** Every stored event of {@code persistenceId}, in sequence order (for small journals: the kill switch's). */
  public CompletionStage<List<JournalRecord>> all(String persistenceId) {
    List<JournalRecord> records = new ArrayList<>();
    return forEach(persistenceId, records::add).thenApply(done -> records);
  }

  /** Hands each stored event of {@code persistenceId} to {@code consumer}, in sequence order; completes after. */
  public CompletionStage<Done> forEach(String persistenceId, Consumer<JournalRecord> consumer) {
    return Completions.onCompletingThread(((CurrentEventsByPersistenceIdQuery) journal)
        .currentEventsByPersistenceId(persistenceId, 0L, Long.MAX_VALUE)
        .idleTimeout(idleTimeout)
        .map(this::record)
        .runWith(Sink.foreach(consumer::accept), system));
  }

  /** Every portfolio id with at least one journaled event, sorted. */
  public CompletionStage<List<String>> portfolioIds() {
    return Completions.onCompletingThread(((CurrentPersistenceIdsQuery) journal).currentPersistenceIds()
        .idleTimeout(idleTimeout)
        .filter(id -> id.startsWith(PORTFOLIO_PREFIX))
        .map(id -> id.substring(PORTFOLIO_PREFIX.length()))
        .runWith(Sink.seq(), system))
        .thenApply(ids -> ids.stream().sorted().toList());
  }

  private JournalRecord record(EventEnvelope envelope) {
    Object stored = envelope.event();
    try {
      return new JournalRecord(envelope.persistenceId(), envelope.sequenceNr(), envelope.timestamp(), stored,
          events.open(stored), null);
    } catch (RuntimeException e) {
      return new JournalRecord(envelope.persistenceId(), envelope.sequenceNr(), envelope.timestamp(), stored, null,
          String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
    }
  }
}
