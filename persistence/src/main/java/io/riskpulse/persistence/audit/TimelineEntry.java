package io.riskpulse.persistence.audit;

/**
 * One event of a replayed timeline.
 *
 * @param source whose journal it is from: {@code portfolio}, or {@code kill-switch} for a halt or resume of a
 *     scope covering the portfolio (its desk, its trader, the firm; strategy and instrument halts, which stop this
 *     portfolio's orders in them)
 * @param sequenceNr its position in that journal
 * @param atMillis when the node decided it (the event's own time), epoch milliseconds
 * @param journalMillis when the journal wrote it, epoch milliseconds (0 if not recorded)
 * @param type the event's type, e.g. {@code ExecutionApplied}
 * @param text what happened, for a person ({@link PortfolioEventText})
 * @param hash its hash in the chain (hex), or {@code null} if written before the chain
 */
public record TimelineEntry(
    String source, long sequenceNr, long atMillis, long journalMillis, String type, String text, String hash) {}
