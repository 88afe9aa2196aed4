package io.riskpulse.persistence.audit;

import io.riskpulse.model.journal.ChainedEvent;
import io.riskpulse.model.portfolio.PortfolioEvent;
import io.riskpulse.model.portfolio.PortfolioFold;
import io.riskpulse.model.portfolio.PortfolioState;
import io.riskpulse.model.portfolio.PortfolioStateHash;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.pekko.serialization.Serialization;

/**
 * Rebuilds a portfolio's state from its journal as of an instant: every event the node had decided by then (the
 * journal's prefix up to the first event decided later), folded by the entity's own event handler.
 *
 * <p>The result is what the system knew at that instant: positions, cash, limits, breaches, halts, and the
 * timeline of events that led there. Its state hash is comparable with the live entity's
 * ({@link io.riskpulse.model.portfolio.AuditHead}) when replayed to now.
 *
 * <p>Thread-safety: none; feed it from one stream.
 */
public final class PortfolioReplay {

  private final String portfolioId;
  private final long asOfMillis;
  private final PortfolioFold fold;
  private final List<TimelineEntry> timeline = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private long version;
  private boolean past;

  /**
   * @param asOfMillis the instant, epoch milliseconds ({@code Long.MAX_VALUE}: now, every event)
   * @param dedupWindow the node's {@code riskpulse.portfolio.dedup-window}
   */
  public PortfolioReplay(String portfolioId, long asOfMillis, int dedupWindow) {
    this.portfolioId = portfolioId;
    this.asOfMillis = asOfMillis;
    this.fold = new PortfolioFold(portfolioId, dedupWindow);
  }

  /** The next stored event of the portfolio, in journal order. */
  public void accept(JournalRecord record) {
    if (past) {
      return;
    }
    if (!(record.event() instanceof PortfolioEvent event)) {
      problems.add("event " + record.sequenceNr() + " cannot be replayed: "
          + (record.unreadable() != null ? record.unreadable() : "not a portfolio event"));
      return;
    }
    if (event.atMillis() > asOfMillis) {
      past = true;
      return;
    }
    fold.apply(event);
    version = record.sequenceNr();
    String hash = record.stored() instanceof ChainedEvent sealed ? HexFormat.of().formatHex(sealed.hash()) : null;
    timeline.add(new TimelineEntry(record.sequenceNr(), event.atMillis(), record.journalMillis(),
        event.getClass().getSimpleName(), PortfolioEventText.describe(event), hash));
  }

  /** The replay's outcome, with the state hash computed by {@code serialization} (the journal's). */
  public Result result(Serialization serialization) {
    PortfolioState state = fold.state();
    return new Result(portfolioId, asOfMillis, version, PortfolioStateHash.of(state, serialization), state,
        List.copyOf(timeline), List.copyOf(problems));
  }

  /**
   * A replay's outcome.
   *
   * @param asOfMillis the instant replayed to ({@code Long.MAX_VALUE}: now)
   * @param version the sequence number of the last event applied (0: none)
   * @param stateHash {@link PortfolioStateHash} of the rebuilt state (hex)
   * @param state the rebuilt state
   * @param timeline the events applied, in order
   * @param problems events that could not be replayed (they also fail {@code audit verify})
   */
  public record Result(String portfolioId, long asOfMillis, long version, String stateHash, PortfolioState state,
      List<TimelineEntry> timeline, List<String> problems) {}
}
