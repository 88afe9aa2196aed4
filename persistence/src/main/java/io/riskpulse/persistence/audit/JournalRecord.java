package io.riskpulse.persistence.audit;

/**
 * One event as the journal holds it, read back with Persistence Query.
 *
 * @param persistenceId the entity's persistence id (e.g. {@code Portfolio|P1})
 * @param sequenceNr its position in the entity's journal, from 1
 * @param journalMillis when the journal wrote it, epoch milliseconds (0 if the journal did not record it)
 * @param stored the stored form: a {@link io.riskpulse.model.journal.ChainedEvent}, or the event itself if it was
 *     written before the hash chain
 * @param event the entity's event, or {@code null} if the stored form could not be deserialized
 * @param unreadable why the event could not be deserialized, or {@code null}
 */
public record JournalRecord(
    String persistenceId, long sequenceNr, long journalMillis, Object stored, Object event, String unreadable) {}
