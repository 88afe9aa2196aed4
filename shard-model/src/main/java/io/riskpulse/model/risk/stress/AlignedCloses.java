package io.riskpulse.model.risk.stress;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/** Checks and look-ups on aligned close histories ({@code LocalDate[]} + closes per symbol). Pure. */
final class AlignedCloses {

  private AlignedCloses() {}

  /** Throws unless dates are strictly ascending and every close series has their length. */
  static void checkAligned(LocalDate[] dates, Map<String, double[]> closes) {
    for (int i = 0; i < dates.length; i++) {
      if (dates[i] == null || i > 0 && !dates[i].isAfter(dates[i - 1])) {
        throw new IllegalArgumentException(
            "dates must be strictly ascending, not at index " + i + " (" + dates[i] + ")");
      }
    }
    for (Map.Entry<String, double[]> series : closes.entrySet()) {
      if (series.getValue() == null || series.getValue().length != dates.length) {
        throw new IllegalArgumentException("closes of " + series.getKey() + " must have one value per date ("
            + dates.length + "), had " + (series.getValue() == null ? "none" : series.getValue().length));
      }
    }
  }

  /** Index of the last date on or before {@code day}, −1 when every date is after it. Binary search. */
  static int lastIndexOnOrBefore(LocalDate[] dates, LocalDate day) {
    int found = Arrays.binarySearch(dates, day);
    return found >= 0 ? found : -found - 2;
  }
}
