package io.riskpulse.model.history;

/**
 * How {@link PriceHistory} aligns instruments whose files do not list the same dates (holidays differ between
 * markets, a feed misses a day). Immutable.
 *
 * <p>The aligned calendar is the union of every instrument's dates inside the span where all of them have data
 * (from the latest first date to the earliest last date). On a calendar date where an instrument has no close,
 * its previous close is carried forward if it has been missing for at most {@code maxForwardFillDays}
 * consecutive calendar dates (counted on the union, i.e. trading days of some instrument); otherwise the date is
 * dropped for everybody, so the next return of the other instruments spans two days. Forward-filled closes give
 * a zero move that day and the whole move on the day the instrument trades again, which understates short-term
 * volatility slightly; dropping a date merges two moves into one. Both are reported per instrument in
 * {@link GapReport}, never silent.
 *
 * @param maxForwardFillDays consecutive missing dates an instrument may be forward-filled over; 0 means the
 *     intersection of dates (any missing close drops the date)
 */
public record GapPolicy(int maxForwardFillDays) {

  /** Forward fill over at most 3 consecutive missing days: covers national holidays, drops longer outages. */
  public static final GapPolicy DEFAULT = new GapPolicy(3);

  public GapPolicy {
    if (maxForwardFillDays < 0) {
      throw new IllegalArgumentException("maxForwardFillDays must be >= 0, was " + maxForwardFillDays);
    }
  }

  /** Keep only dates on which every instrument has a close. */
  public static GapPolicy intersection() {
    return new GapPolicy(0);
  }

  /** Forward fill over at most {@code maxDays} consecutive missing dates. */
  public static GapPolicy forwardFill(int maxDays) {
    return new GapPolicy(maxDays);
  }
}
