package io.riskpulse.model.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What aligning one instrument under a {@link GapPolicy} changed, so that nothing is silent. Immutable.
 *
 * @param symbol the instrument
 * @param filledDates calendar dates on which this instrument's close was carried forward from an earlier date
 * @param droppedDates dates of this instrument's own file, inside the common span, that were dropped because
 *     another instrument was missing on them for longer than the policy allows
 * @param trimmedDays how many of this instrument's own dates fall outside the common span (before the latest
 *     first date or after the earliest last date of the instruments) and were not used
 */
public record GapReport(String symbol, List<LocalDate> filledDates, List<LocalDate> droppedDates, int trimmedDays) {

  public GapReport {
    Objects.requireNonNull(symbol, "symbol");
    filledDates = List.copyOf(filledDates);
    droppedDates = List.copyOf(droppedDates);
  }

  /** Whether the aligned series is exactly this instrument's own closes over the common span. */
  public boolean untouched() {
    return filledDates.isEmpty() && droppedDates.isEmpty();
  }
}
