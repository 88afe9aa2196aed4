package io.riskpulse.model.portfolio;

import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyDetected;
import io.riskpulse.model.portfolio.PortfolioEvent.DayRolled;
import io.riskpulse.model.portfolio.PortfolioEvent.ExecutionApplied;
import io.riskpulse.model.portfolio.PortfolioEvent.HaltDispatched;
import io.riskpulse.model.portfolio.PortfolioEvent.Halted;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitBreached;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitWarned;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitsSet;
import io.riskpulse.model.portfolio.PortfolioEvent.PeakPnlRaised;
import io.riskpulse.model.portfolio.PortfolioEvent.PortfolioOpened;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceApproved;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceDispatched;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceProposed;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceRejected;
import io.riskpulse.model.portfolio.PortfolioEvent.Resumed;
import io.riskpulse.model.portfolio.PortfolioEvent.RulesSet;
import io.riskpulse.model.portfolio.PortfolioEvent.StrategyDisabled;
import io.riskpulse.model.portfolio.PortfolioEvent.StrategyEnabled;
import io.riskpulse.model.portfolio.PortfolioEvent.WarningCleared;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event-sourced state of one portfolio: what the journal says, nothing derived from prices.
 *
 * <p>Mutable for speed (the dedup window and position map would otherwise be copied on every fill), which is
 * safe because only the owning entity touches it, and only {@link #apply} changes it. Snapshots go through
 * {@link StoredPortfolioState}, an immutable copy, so the snapshot store never serializes a state that the
 * entity is still changing.
 */
public final class PortfolioState {

  private final String portfolioId;
  private final ExecutionIdWindow seenExecutions;
  private final Map<String, Position> positions = new TreeMap<>();
  private final Map<String, LimitBreach> activeBreaches = new TreeMap<>();
  private final Map<String, LimitBreach> activeWarnings = new TreeMap<>();
  private final Map<String, AnomalyDetected> activeAnomalies = new TreeMap<>();
  /** The portfolio's own rules (rule language), {@code ""} for the node's defaults. */
  private String rules = "";
  /** Strategies disabled by the repeated-execution throttle, with why. */
  private final Map<String, String> disabledStrategies = new TreeMap<>();
  /** The halt persisted and not yet handed to the OMS gateway, or {@code null}. */
  private ActiveHalt undispatchedHalt;
  /** The rebalance proposal waiting for a person, or {@code null}. */
  private RebalanceProposed pendingRebalance;
  /** The approved rebalance not yet handed to the OMS gateway, or {@code null}. */
  private RebalanceInstruction undispatchedRebalance;
  private PortfolioStatus status = PortfolioStatus.UNOPENED;
  private String desk = "";
  private String trader = "";
  private final Map<String, Double> cashByCurrency = new TreeMap<>();
  private Limits limits = Limits.NONE;
  private String haltedBy = "";
  private String haltReason = "";
  private long haltedAtMillis;
  private double peakPnl;
  private long tradingDay = Long.MIN_VALUE;
  private double startOfDayPnl;
  private long breachCount;
  private long executionCount;
  /** Capacity of the dedup window, to start a new state from a pristine one. */
  private final int dedupWindow;
  /** Whether this is the entity's empty state, never changed (see {@link #pristine}). */
  private final boolean pristine;

  PortfolioState(String portfolioId, int dedupWindow) {
    this(portfolioId, dedupWindow, false);
  }

  private PortfolioState(String portfolioId, int dedupWindow, boolean pristine) {
    this.portfolioId = portfolioId;
    this.dedupWindow = dedupWindow;
    this.seenExecutions = new ExecutionIdWindow(dedupWindow);
    this.pristine = pristine;
  }

  /**
   * The state before any event, as the entity's {@code emptyState()}: never changed itself. Pekko keeps the empty
   * state it was given and starts every recovery from it, including the recovery after a failed journal write
   * (the entity's backoff restart); were it changed in place, that recovery would apply the journal on top of the
   * previous incarnation's state, counting fills twice and remembering ids that were never persisted.
   */
  static PortfolioState pristine(String portfolioId, int dedupWindow) {
    return new PortfolioState(portfolioId, dedupWindow, true);
  }

  /**
   * Applies one journaled event. The only place state changes. A {@link #pristine} state is not changed: the event
   * is applied to a new state, which is returned.
   */
  PortfolioState apply(PortfolioEvent event) {
    if (pristine) {
      return new PortfolioState(portfolioId, dedupWindow).apply(event);
    }
    if (event instanceof ExecutionApplied) {
      Execution execution = ((ExecutionApplied) event).execution();
      positions.put(execution.symbol(),
          position(execution.symbol()).apply(execution.signedQuantity(), execution.price()));
      cashByCurrency.merge(((ExecutionApplied) event).currency(),
          -execution.signedQuantity() * execution.price(), Double::sum);
      seenExecutions.add(execution.executionId(), ExecutionIdWindow.fingerprint(execution));
      executionCount++;
    } else if (event instanceof LimitBreached) {
      LimitBreach breach = ((LimitBreached) event).breach();
      if (breach.kind().continuous()) {
        activeBreaches.put(breach.key(), breach);
      }
      breachCount++;
    } else if (event instanceof LimitCleared) {
      activeBreaches.remove(((LimitCleared) event).key());
    } else if (event instanceof LimitWarned) {
      LimitBreach warning = ((LimitWarned) event).warning();
      activeWarnings.put(warning.key(), warning);
    } else if (event instanceof WarningCleared) {
      activeWarnings.remove(((WarningCleared) event).key());
    } else if (event instanceof AnomalyDetected) {
      AnomalyDetected detected = (AnomalyDetected) event;
      activeAnomalies.put(detected.signal().key(), detected);
    } else if (event instanceof RulesSet) {
      rules = ((RulesSet) event).rules() == null ? "" : ((RulesSet) event).rules();
    } else if (event instanceof AnomalyCleared) {
      activeAnomalies.remove(((AnomalyCleared) event).key());
    } else if (event instanceof StrategyDisabled) {
      StrategyDisabled disabled = (StrategyDisabled) event;
      disabledStrategies.put(disabled.strategy(), disabled.reason());
    } else if (event instanceof StrategyEnabled) {
      disabledStrategies.remove(((StrategyEnabled) event).strategy());
    } else if (event instanceof RebalanceProposed) {
      pendingRebalance = (RebalanceProposed) event;
    } else if (event instanceof RebalanceApproved) {
      RebalanceApproved approved = (RebalanceApproved) event;
      if (pendingRebalance != null && pendingRebalance.rebalanceId().equals(approved.rebalanceId())) {
        undispatchedRebalance = new RebalanceInstruction(approved.rebalanceId(), portfolioId,
            pendingRebalance.plan().orders(), approved.by(), pendingRebalance.reason(), approved.atMillis());
        pendingRebalance = null;
      }
    } else if (event instanceof RebalanceRejected) {
      if (pendingRebalance != null
          && pendingRebalance.rebalanceId().equals(((RebalanceRejected) event).rebalanceId())) {
        pendingRebalance = null;
      }
    } else if (event instanceof RebalanceDispatched) {
      if (undispatchedRebalance != null
          && undispatchedRebalance.rebalanceId().equals(((RebalanceDispatched) event).rebalanceId())) {
        undispatchedRebalance = null;
      }
    } else if (event instanceof HaltDispatched) {
      if (undispatchedHalt != null && undispatchedHalt.haltId().equals(((HaltDispatched) event).haltId())) {
        undispatchedHalt = null;
      }
    } else if (event instanceof DayRolled) {
      DayRolled rolled = (DayRolled) event;
      tradingDay = rolled.tradingDay();
      startOfDayPnl = rolled.startOfDayPnl();
      peakPnl = 0;
    } else if (event instanceof PeakPnlRaised) {
      peakPnl = Math.max(peakPnl, ((PeakPnlRaised) event).peakPnl());
    } else if (event instanceof PortfolioOpened) {
      PortfolioOpened opened = (PortfolioOpened) event;
      status = PortfolioStatus.ACTIVE;
      desk = opened.desk();
      trader = opened.trader();
      cashByCurrency.merge(opened.cashCurrency(), opened.initialCash(), Double::sum);
      limits = opened.limits();
    } else if (event instanceof LimitsSet) {
      limits = ((LimitsSet) event).limits();
    } else if (event instanceof Halted) {
      Halted halted = (Halted) event;
      status = PortfolioStatus.HALTED;
      haltedBy = halted.by();
      haltReason = halted.reason();
      haltedAtMillis = halted.atMillis();
      undispatchedHalt = halted.haltId() == null ? null
          : new ActiveHalt(halted.haltId(), HaltScope.portfolio(portfolioId), halted.by(), halted.reason(),
              halted.atMillis());
    } else if (event instanceof Resumed) {
      status = PortfolioStatus.ACTIVE;
      undispatchedHalt = null; // resumed before the gateway took it: cancelling now would surprise the trader
      haltedBy = "";
      haltReason = "";
      haltedAtMillis = 0;
    } else {
      throw new IllegalStateException("unhandled event " + event.getClass().getName());
    }
    return this;
  }

  /** The position in a symbol, flat if none. */
  public Position position(String symbol) {
    Position position = positions.get(symbol);
    return position == null ? Position.flat(symbol) : position;
  }

  public String portfolioId() {
    return portfolioId;
  }

  public PortfolioStatus status() {
    return status;
  }

  public boolean isOpen() {
    return status != PortfolioStatus.UNOPENED;
  }

  public boolean isHalted() {
    return status == PortfolioStatus.HALTED;
  }

  public String desk() {
    return desk;
  }

  public String trader() {
    return trader;
  }

  /** Cash per ISO currency: initial cash, minus buys, plus sells, each in its price currency. */
  public Map<String, Double> cashByCurrency() {
    return Collections.unmodifiableMap(cashByCurrency);
  }

  public Limits limits() {
    return limits;
  }

  public String haltedBy() {
    return haltedBy;
  }

  public String haltReason() {
    return haltReason;
  }

  public long haltedAtMillis() {
    return haltedAtMillis;
  }

  /** Current trading day (days since 1970-01-01), {@code Long.MIN_VALUE} before the first roll. */
  public long tradingDay() {
    return tradingDay;
  }

  /** Total P&amp;L since opening at the start of the trading day: intraday P&amp;L is measured from it. */
  public double startOfDayPnl() {
    return startOfDayPnl;
  }

  /** Highest intraday P&amp;L persisted as a peak. */
  public double peakPnl() {
    return peakPnl;
  }

  public long breachCount() {
    return breachCount;
  }

  public long executionCount() {
    return executionCount;
  }

  /** Positions in symbol order (including flat ones that still carry realized P&amp;L). */
  public Collection<Position> positions() {
    return Collections.unmodifiableCollection(positions.values());
  }

  /** Continuous limits breached and not yet cleared, by breach key. */
  public Map<String, LimitBreach> activeBreaches() {
    return Collections.unmodifiableMap(activeBreaches);
  }

  /** Warning episodes open, by key (a limit past its warning level, not breached). */
  public Map<String, LimitBreach> activeWarnings() {
    return Collections.unmodifiableMap(activeWarnings);
  }

  /** The instruments the portfolio holds a position in (quantity not zero), sorted. */
  public List<String> heldSymbols() {
    List<String> held = new ArrayList<>();
    positions.forEach((symbol, position) -> {
      if (position.quantity() != 0) {
        held.add(symbol);
      }
    });
    return held;
  }

  /** The portfolio's own event-pattern rules (rule language), {@code ""} when it runs the node's defaults. */
  public String rules() {
    return rules;
  }

  /** Anomaly episodes open (a detector's finding not yet quiet), by episode key. */
  public Map<String, AnomalyDetected> activeAnomalies() {
    return Collections.unmodifiableMap(activeAnomalies);
  }

  /** Strategies disabled by the repeated-execution throttle, with the reason, by strategy. */
  public Map<String, String> disabledStrategies() {
    return Collections.unmodifiableMap(disabledStrategies);
  }

  /** The halt persisted but not yet handed to the OMS gateway, or {@code null}: resent after a restart. */
  public ActiveHalt undispatchedHalt() {
    return undispatchedHalt;
  }

  /** The rebalance proposal waiting for approval, or {@code null}. */
  public RebalanceProposed pendingRebalance() {
    return pendingRebalance;
  }

  /** The approved rebalance not yet handed to the OMS gateway, or {@code null}: resent after a restart. */
  public RebalanceInstruction undispatchedRebalance() {
    return undispatchedRebalance;
  }

  /** How many execution ids the dedup window holds (at most the configured {@code dedup-window}). */
  int executionWindowSize() {
    return seenExecutions.size();
  }

  /** The content fingerprint of an execution id in the dedup window, or {@code null} if not there. */
  Integer seenFingerprint(String executionId) {
    return seenExecutions.fingerprint(executionId);
  }

  /**
   * An immutable copy for the snapshot store, without chain head. Maps keep their sorted order, so two equal
   * states serialize to the same bytes in any JVM (the state hash relies on it).
   */
  StoredPortfolioState toStored() {
    return new StoredPortfolioState(portfolioId, status, desk, trader, sortedCopy(cashByCurrency), limits, haltedBy,
        haltReason, haltedAtMillis, peakPnl, tradingDay, startOfDayPnl, breachCount, executionCount,
        List.copyOf(positions.values()), List.copyOf(activeBreaches.values()), List.of(), List.of(),
        List.copyOf(activeWarnings.values()), sortedCopy(disabledStrategies), undispatchedHalt, pendingRebalance,
        undispatchedRebalance, null, List.copyOf(activeAnomalies.values()), rules, null, seenExecutions.pack());
  }

  private static <V> Map<String, V> sortedCopy(Map<String, V> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /** Rebuilds the state from a stored snapshot. */
  static PortfolioState fromStored(StoredPortfolioState stored, int dedupWindow) {
    PortfolioState state = new PortfolioState(stored.portfolioId(), dedupWindow);
    state.status = stored.status();
    state.desk = stored.desk();
    state.trader = stored.trader();
    state.cashByCurrency.putAll(stored.cashByCurrency());
    state.limits = stored.limits();
    state.haltedBy = stored.haltedBy();
    state.haltReason = stored.haltReason();
    state.haltedAtMillis = stored.haltedAtMillis();
    state.peakPnl = stored.peakPnl();
    state.tradingDay = stored.tradingDay();
    state.startOfDayPnl = stored.startOfDayPnl();
    state.breachCount = stored.breachCount();
    state.executionCount = stored.executionCount();
    for (Position position : stored.positions()) {
      state.positions.put(position.symbol(), position);
    }
    for (LimitBreach breach : stored.activeBreaches()) {
      state.activeBreaches.put(breach.key(), breach);
    }
    for (LimitBreach warning : stored.activeWarnings()) {
      state.activeWarnings.put(warning.key(), warning);
    }
    state.disabledStrategies.putAll(stored.disabledStrategies());
    state.rules = stored.rules();
    for (AnomalyDetected anomaly : stored.activeAnomalies()) {
      state.activeAnomalies.put(anomaly.signal().key(), anomaly);
    }
    state.undispatchedHalt = stored.undispatchedHalt();
    state.pendingRebalance = stored.pendingRebalance();
    state.undispatchedRebalance = stored.undispatchedRebalance();
    if (stored.recentExecutions() != null) {
      state.seenExecutions.addAll(stored.recentExecutions());
    }
    List<String> ids = stored.recentExecutionIds(); // snapshots written before the packed form
    List<Integer> prints = stored.recentExecutionFingerprints();
    for (int i = 0; i < ids.size(); i++) {
      Integer print = i < prints.size() ? prints.get(i) : null;
      state.seenExecutions.add(ids.get(i), print == null ? ExecutionIdWindow.UNKNOWN : print);
    }
    return state;
  }
}
