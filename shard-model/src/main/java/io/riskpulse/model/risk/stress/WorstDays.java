package io.riskpulse.model.risk.stress;

import java.util.List;

/**
 * The worst daily moves of a portfolio over a date range, worst first. Immutable.
 *
 * @param days at most the requested number of days, most negative P&amp;L first (ties: earlier date first)
 * @param daysEvaluated days in the range whose P&amp;L was computed
 * @param daysSkipped days in the range left out because a held symbol had no close on the day
 */
public record WorstDays(List<WorstDay> days, int daysEvaluated, int daysSkipped) {

  public WorstDays {
    days = List.copyOf(days);
  }
}
