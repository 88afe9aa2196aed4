package io.riskpulse.model.risk.backtest;

/**
 * How often an exception day (1) or a quiet day (0) follows each kind of day, the input of Christoffersen's
 * independence test. Immutable.
 *
 * @param n00 quiet day followed by a quiet day
 * @param n01 quiet day followed by an exception
 * @param n10 exception followed by a quiet day
 * @param n11 exception followed by an exception
 */
public record TransitionCounts(int n00, int n01, int n10, int n11) {

  public TransitionCounts {
    if (n00 < 0 || n01 < 0 || n10 < 0 || n11 < 0) {
      throw new IllegalArgumentException("transition counts must be >= 0, were "
          + n00 + ", " + n01 + ", " + n10 + ", " + n11);
    }
  }

  /** Counts the transitions of a sequence of days, {@code true} for an exception. */
  public static TransitionCounts of(boolean[] exceptions) {
    int n00 = 0;
    int n01 = 0;
    int n10 = 0;
    int n11 = 0;
    for (int i = 1; i < exceptions.length; i++) {
      if (exceptions[i - 1]) {
        if (exceptions[i]) {
          n11++;
        } else {
          n10++;
        }
      } else if (exceptions[i]) {
        n01++;
      } else {
        n00++;
      }
    }
    return new TransitionCounts(n00, n01, n10, n11);
  }

  /** Number of transitions counted. */
  public int total() {
    return n00 + n01 + n10 + n11;
  }

  /** π01 = P(exception | previous day quiet) = n01 / (n00 + n01); NaN when no quiet day had a successor. */
  public double exceptionRateAfterQuiet() {
    return (double) n01 / (n00 + n01);
  }

  /** π11 = P(exception | previous day an exception) = n11 / (n10 + n11); NaN when no exception had a successor. */
  public double exceptionRateAfterException() {
    return (double) n11 / (n10 + n11);
  }
}
