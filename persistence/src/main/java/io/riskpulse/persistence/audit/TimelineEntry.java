package io.riskpulse.persistence.audit;

/**
 * One event of a replayed timeline.
 *
 * @param sequenceNr its position in the journal
 * @param atMillis when the node decided it (the event's own time), epoch milliseconds
 * @param journalMillis when the journal wrote it, epoch milliseconds (0 if not recorded)
 * @param type the event's type, e.g. {@code ExecutionApplied}
 * @param text what happened, for a person ({@link PortfolioEventText})
 * @param hash its hash in the chain (hex), or {@code null} if written before the chain
 */
public record TimelineEntry(
    long sequenceNr, long atMillis, long journalMillis, String type, String text, String hash) {}
