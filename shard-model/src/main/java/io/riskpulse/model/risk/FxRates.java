package io.riskpulse.model.risk;

/**
 * Converts amounts between currencies with the FX pairs of the node's market view. Pure and stateless.
 *
 * <p>Convention: an FX pair is an instrument whose symbol is the two ISO codes, base first (EURUSD, USDJPY),
 * priced in the second. The rate from {@code C} to the reporting currency {@code R} is the mark of {@code CR}
 * when quoted, else {@code 1 / mark(RC)}, else NaN: an amount that cannot be converted is NaN, never
 * silently treated as already converted (limits on NaN breach; risk fails closed).
 */
public final class FxRates {

  private FxRates() {}

  /** Units of {@code reporting} per unit of {@code currency}; 1 for the same currency; NaN when unknown. */
  public static double toReporting(String currency, String reporting, PriceSource marks) {
    if (currency.equals(reporting)) {
      return 1;
    }
    double direct = marks.markPrice(currency + reporting);
    if (direct > 0 && direct < Double.POSITIVE_INFINITY) {
      return direct;
    }
    double inverse = marks.markPrice(reporting + currency);
    if (inverse > 0 && inverse < Double.POSITIVE_INFINITY) {
      return 1 / inverse;
    }
    return Double.NaN;
  }
}
