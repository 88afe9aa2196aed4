package io.riskpulse.model.risk.stress;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The definition of a historical scenario before it meets price history: a name and a date window.
 * Immutable.
 *
 * @param name unique scenario name
 * @param description one line for reports
 * @param from base date: moves start from the close of the last trading day on or before it
 * @param to end date: moves end at the close of the last trading day on or before it; after {@code from}
 */
public record HistoricalWindow(String name, String description, LocalDate from, LocalDate to) {

  public HistoricalWindow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "historical scenario '" + name + "': from (" + from + ") must be before to (" + to + ")");
    }
    description = description == null ? "" : description;
  }

  /** The scenario this window gives over the given history (see {@link StressScenario#historical}). */
  public StressScenario resolve(LocalDate[] dates, Map<String, double[]> closes) {
    return StressScenario.historical(name, description, dates, closes, from, to);
  }
}
