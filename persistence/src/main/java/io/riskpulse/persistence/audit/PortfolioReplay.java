package io.riskpulse.persistence.audit;

import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.KillSwitchEvent;
import io.riskpulse.model.halt.KillSwitchEvent.ScopeHalted;
import io.riskpulse.model.halt.KillSwitchEvent.ScopeResumed;
import io.riskpulse.model.journal.ChainedEvent;
import io.riskpulse.model.portfolio.PortfolioEvent;
import io.riskpulse.model.portfolio.PortfolioFold;
import io.riskpulse.model.portfolio.PortfolioState;
import io.riskpulse.model.portfolio.PortfolioStateHash;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.serialization.Serialization;

/**
 * Rebuilds a portfolio's state from its journal as of an instant: every event the node had decided by then (the
 * journal's prefix up to the first event decided later), folded by the entity's own event handler.
 *
 * <p>The result is what the system knew at that instant: positions, cash, limits, breaches, halts, and the
 * timeline of events that led there. Kill-switch events ({@link #scopeEvents}) covering the portfolio join the
 * timeline in time order, and the scope halts in force at the instant are listed; they do not change the
 * portfolio's own state (a pre-trade check consults them), so the state hash is the portfolio's alone. Its state hash is comparable with the live entity's
 * ({@link io.riskpulse.model.portfolio.AuditHead}) when replayed to now.
 *
 * <p>Thread-safety: none; feed it from one stream.
 */
public final class PortfolioReplay {

  private final String portfolioId;
  private final long asOfMillis;
  private final long maxVersion;
  private final PortfolioFold fold;
  private final List<TimelineEntry> timeline = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Deque<JournalRecord> scopeEvents = new ArrayDeque<>();
  /** Kill-switch halts in force, by halt id, whatever their scope. */
  private final Map<String, ActiveHalt> scopeHalts = new LinkedHashMap<>();
  private long version;
  private long lastAppliedMillis;
  private boolean past;

  /**
   * @param asOfMillis the instant, epoch milliseconds ({@code Long.MAX_VALUE}: now, every event)
   * @param dedupWindow the node's {@code riskpulse.portfolio.dedup-window}
   */
  public PortfolioReplay(String portfolioId, long asOfMillis, int dedupWindow) {
    this(portfolioId, asOfMillis, Long.MAX_VALUE, dedupWindow);
  }

  /**
   * @param asOfMillis the instant, epoch milliseconds ({@code Long.MAX_VALUE}: now, every event)
   * @param maxVersion the last journal sequence number to apply ({@code Long.MAX_VALUE}: no bound), to compare
   *     with a live {@link io.riskpulse.model.portfolio.AuditHead} of that version
   * @param dedupWindow the node's {@code riskpulse.portfolio.dedup-window}
   */
  public PortfolioReplay(String portfolioId, long asOfMillis, long maxVersion, int dedupWindow) {
    this.portfolioId = portfolioId;
    this.asOfMillis = asOfMillis;
    this.maxVersion = maxVersion;
    this.fold = new PortfolioFold(portfolioId, dedupWindow);
  }

  /**
   * The kill switch's journal, to read before the portfolio's: its halts and resumes of scopes covering the
   * portfolio join the timeline.
   */
  public void scopeEvents(List<JournalRecord> killSwitchRecords) {
    scopeEvents.addAll(killSwitchRecords);
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
    if (event.atMillis() > asOfMillis || record.sequenceNr() > maxVersion) {
      past = true;
      return;
    }
    takeScopeEventsUntil(event.atMillis());
    fold.apply(event);
    version = record.sequenceNr();
    lastAppliedMillis = event.atMillis();
    timeline.add(new TimelineEntry("portfolio", record.sequenceNr(), event.atMillis(), record.journalMillis(),
        event.getClass().getSimpleName(), PortfolioEventText.describe(event), hashOf(record)));
  }

  /** The replay's outcome, with the state hash computed by {@code serialization} (the journal's). */
  public Result result(Serialization serialization) {
    if (version > 0) {
      // Kill-switch events up to the instant; bounded by version, up to the last portfolio event applied.
      takeScopeEventsUntil(maxVersion == Long.MAX_VALUE ? asOfMillis : lastAppliedMillis);
    }
    PortfolioState state = fold.state();
    List<ActiveHalt> inForce = scopeHalts.values().stream().filter(halt -> covers(halt.scope(), state)).toList();
    return new Result(portfolioId, asOfMillis, version, PortfolioStateHash.of(state, serialization), state,
        inForce, List.copyOf(timeline), List.copyOf(problems));
  }

  /** Adds the kill-switch events decided by {@code untilMillis} that cover the portfolio, as it stands. */
  private void takeScopeEventsUntil(long untilMillis) {
    PortfolioState state = fold.state();
    while (!scopeEvents.isEmpty()) {
      JournalRecord record = scopeEvents.peekFirst();
      if (!(record.event() instanceof KillSwitchEvent event)) {
        scopeEvents.removeFirst();
        continue;
      }
      if (event.atMillis() > untilMillis) {
        return;
      }
      scopeEvents.removeFirst();
      // Every halt is tracked (one engaged before the portfolio opened may cover it); the timeline shows those
      // covering the open portfolio.
      String text = null;
      if (event instanceof ScopeHalted halted) {
        scopeHalts.put(halted.halt().haltId(), halted.halt());
        text = "kill switch: " + halted.halt().describe();
      } else if (event instanceof ScopeResumed resumed) {
        scopeHalts.remove(resumed.haltId());
        text = "kill switch: " + resumed.scope() + " resumed by " + resumed.by() + ": " + resumed.reason()
            + (resumed.secondApprover().isEmpty() ? "" : ", confirmed by " + resumed.secondApprover()) + " ("
            + resumed.haltId() + ")";
      }
      HaltScope scope = event instanceof ScopeHalted halted ? halted.halt().scope()
          : event instanceof ScopeResumed resumed ? resumed.scope() : null;
      if (text != null && state.isOpen() && covers(scope, state)) {
        timeline.add(new TimelineEntry("kill-switch", record.sequenceNr(), event.atMillis(), record.journalMillis(),
            event.getClass().getSimpleName(), text, hashOf(record)));
      }
    }
  }

  /** Whether a halt of {@code scope} stops orders of this portfolio (or of some of them: strategy, instrument). */
  private boolean covers(HaltScope scope, PortfolioState state) {
    return switch (scope.kind()) {
      case FIRM, STRATEGY, INSTRUMENT -> true;
      case DESK -> scope.value().equals(state.desk());
      case TRADER -> scope.value().equals(state.trader());
      case PORTFOLIO -> scope.value().equals(portfolioId);
    };
  }

  private static String hashOf(JournalRecord record) {
    return record.stored() instanceof ChainedEvent sealed ? HexFormat.of().formatHex(sealed.hash()) : null;
  }

  /**
   * A replay's outcome.
   *
   * @param asOfMillis the instant replayed to ({@code Long.MAX_VALUE}: now)
   * @param version the sequence number of the last event applied (0: none)
   * @param stateHash {@link PortfolioStateHash} of the rebuilt state (hex)
   * @param state the rebuilt state
   * @param scopeHalts kill-switch halts in force over the portfolio's scopes at the instant
   * @param timeline the events applied, with the kill-switch events covering the portfolio, in time order
   * @param problems events that could not be replayed (they also fail {@code audit verify})
   */
  public record Result(String portfolioId, long asOfMillis, long version, String stateHash, PortfolioState state,
      List<ActiveHalt> scopeHalts, List<TimelineEntry> timeline, List<String> problems) {}
}
