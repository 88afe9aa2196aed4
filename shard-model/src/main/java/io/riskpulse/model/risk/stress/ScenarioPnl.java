package io.riskpulse.model.risk.stress;

import java.util.List;

/**
 * A portfolio's P&amp;L under one scenario, reporting currency. Immutable.
 *
 * <p>Fails closed: when any open position cannot be stressed (no price, no FX rate, no reference data, no
 * history for the scenario's window) the scenario P&amp;L is NaN and {@code problems} says why;
 * {@code partialPnl} then sums only the positions that could be stressed, for diagnosis, never for limits.
 *
 * @param portfolioId the portfolio, as given by the caller ({@code ""} when none)
 * @param scenario scenario name
 * @param kind historical or hypothetical
 * @param pnl Σ position P&amp;L; NaN when incomplete
 * @param partialPnl Σ P&amp;L of the positions that could be stressed
 * @param baseValue Σ current value of the positions that could be stressed
 * @param positions every open position, in symbol order
 * @param problems one line per position that could not be stressed, e.g. {@code "CL: no close on 2008-10-10"}
 */
public record ScenarioPnl(
    String portfolioId,
    String scenario,
    StressScenario.Kind kind,
    double pnl,
    double partialPnl,
    double baseValue,
    List<PositionStress> positions,
    List<String> problems) {

  public ScenarioPnl {
    positions = List.copyOf(positions);
    problems = List.copyOf(problems);
  }

  /** True when every position was stressed and {@link #pnl()} is a number. */
  public boolean complete() {
    return problems.isEmpty();
  }
}
