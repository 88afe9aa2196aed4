package io.riskpulse.node.demo;

import io.riskpulse.gateway.oms.SimulatedOms;
import io.riskpulse.ingestion.sim.TradingSimulation;
import io.riskpulse.model.limits.LimitAction;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitPolicy;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.PortfolioStatus;
import io.riskpulse.model.portfolio.RejectReason;
import io.riskpulse.model.portfolio.Reply;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the demo's control room sees and does around the runaway, as lines for the live table:
 *
 * <ol>
 *   <li>the limit monitor halts the runaway portfolio;
 *   <li>the simulated OMS receives the mass cancel and cancels the portfolio's working orders;
 *   <li>after {@code resumeAfterSteps}, a risk officer tries to resume and is refused (the breach is still open);
 *       they switch the breached limits to reduce-only (journaled with who and why) and resume; the algorithm is
 *       fixed and unwinds its position;
 *   <li>the breach clears once the position is back within its limit (less the hysteresis).
 * </ol>
 *
 * <p>Not thread-safe: called from the demo's stream, one step at a time; the OMS listener only appends lines
 * under the lock of {@link #event}.
 */
public final class DemoControlRoom {

  /** The operator identity the demo's resume flow acts as. */
  public static final String RISK_OFFICER = "risk-officer:dana";
  private static final int KEEP_LINES = 8;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private enum Phase {
    TRADING,
    HALTED,
    RESUMED,
    DONE
  }

  private final TradingSimulation simulation;
  private final PortfolioClient portfolios;
  private final long resumeAfterSteps;
  private final Deque<String> lines = new ArrayDeque<>();
  private Phase phase = Phase.TRADING;
  private long haltedAtStep;

  /**
   * @param oms the simulated OMS the node's gateway sends halts to, or {@code null} when there is none
   * @param resumeAfterSteps steps after the halt at which the risk officer resumes; 0 never
   */
  public DemoControlRoom(TradingSimulation simulation, PortfolioClient portfolios, SimulatedOms oms,
      long resumeAfterSteps) {
    this.simulation = simulation;
    this.portfolios = portfolios;
    this.resumeAfterSteps = resumeAfterSteps;
    if (oms != null) {
      oms.onReceived(received -> event("OMS received " + received.summary()));
    }
  }

  /** The latest control-room lines, oldest first. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  synchronized void event(String line) {
    lines.addLast(LocalTime.now(ZoneOffset.UTC).format(TIME) + "  " + line);
    while (lines.size() > KEEP_LINES) {
      lines.removeFirst();
    }
  }

  /** Follows the runaway after a step; completes when any operator action it took has been answered. */
  CompletionStage<Void> afterStep(long step, List<PortfolioSnapshot> snapshots) {
    String runaway = simulation.runawayPortfolioId();
    PortfolioSnapshot snapshot = snapshots.stream().filter(s -> s.portfolioId().equals(runaway)).findFirst()
        .orElse(null);
    if (snapshot == null) {
      return CompletableFuture.completedFuture(null);
    }
    switch (phase) {
      case TRADING:
        if (snapshot.status() == PortfolioStatus.HALTED) {
          phase = Phase.HALTED;
          haltedAtStep = step;
          event("HALTED " + runaway + " by " + snapshot.haltedBy() + ": " + snapshot.haltReason());
        }
        return CompletableFuture.completedFuture(null);
      case HALTED:
        if (resumeAfterSteps > 0 && step - haltedAtStep >= resumeAfterSteps) {
          return resume(snapshot);
        }
        return CompletableFuture.completedFuture(null);
      case RESUMED:
        if (snapshot.activeBreaches().isEmpty() && simulation.runawayUnwound()) {
          phase = Phase.DONE;
          event(runaway + " is back within its limits; the fixed algo trades normally");
        }
        return CompletableFuture.completedFuture(null);
      default:
        return CompletableFuture.completedFuture(null);
    }
  }

  /**
   * The resume flow: a plain resume is refused while a halting breach is open; the officer switches the breached
   * kinds to reduce-only, resumes, and the algorithm (fixed) unwinds.
   */
  private CompletionStage<Void> resume(PortfolioSnapshot snapshot) {
    String runaway = snapshot.portfolioId();
    phase = Phase.RESUMED; // one attempt; a failure is shown, not retried
    return portfolios.resume(runaway, RISK_OFFICER, "algo fixed, resume").thenCompose(first -> {
      if (first.isAccepted()) {
        return resumed(runaway, "resumed by " + RISK_OFFICER);
      }
      event("Resume refused (" + first.reason() + "): " + shorten(first.detail()));
      if (first.reason() != RejectReason.STILL_BREACHED) {
        return CompletableFuture.completedFuture(null);
      }
      Limits reduceOnly = reduceOnly(snapshot.limits(), snapshot.activeBreaches());
      return portfolios.setLimits(runaway, reduceOnly, RISK_OFFICER, "unwind the runaway under reduce-only")
          .thenCompose(set -> {
            if (!set.isAccepted()) {
              event("Limits not changed (" + set.reason() + "): " + set.detail());
              return CompletableFuture.completedFuture(Reply.rejected(set.reason(), set.detail()));
            }
            event(RISK_OFFICER + " set the breached limits to REDUCE_ONLY");
            return portfolios.resume(runaway, RISK_OFFICER, "algo fixed, unwinding under reduce-only");
          })
          .thenCompose(second -> second.isAccepted()
              ? resumed(runaway, "resumed by " + RISK_OFFICER + " under reduce-only; the fixed algo unwinds")
              : refused(second));
    });
  }

  private CompletionStage<Void> resumed(String runaway, String line) {
    event(line);
    simulation.fixRunaway();
    return CompletableFuture.completedFuture(null);
  }

  private CompletionStage<Void> refused(Reply reply) {
    event("Resume refused again (" + reply.reason() + "): " + shorten(reply.detail()));
    return CompletableFuture.completedFuture(null);
  }

  private static Limits reduceOnly(Limits limits, List<LimitBreach> breaches) {
    LimitPolicy policy = limits.policy();
    for (LimitBreach breach : breaches) {
      policy = policy.withAction(breach.kind(), LimitAction.REDUCE_ONLY);
    }
    return limits.withPolicy(policy);
  }

  private static String shorten(String text) {
    return text.length() <= 100 ? text : text.substring(0, 97) + "...";
  }
}
