package io.riskpulse.model.risk.stress;

/**
 * A move applied to one price. Immutable.
 *
 * <p>A relative shock multiplies the price: {@code p' = p × (1 + value)}, value −0.2 for "−20%". An absolute
 * shock adds to it: {@code p' = p + value}, in the instrument's price currency. Historical moves are relative
 * unless a close at either end of the window is ≤ 0 (WTI crude closed at −37.63 on 2020-04-20): a ratio with a
 * negative or zero price has no meaning, so such a move is carried as the price difference instead.
 *
 * @param type how {@code value} applies
 * @param value relative change (fraction) or price difference (price currency), finite
 */
public record Shock(Type type, double value) {

  /** How a shock applies to a price. */
  public enum Type {
    /** {@code p × (1 + value)}. */
    RELATIVE,
    /** {@code p + value}. */
    ABSOLUTE
  }

  /** No move at all. */
  public static final Shock NONE = new Shock(Type.RELATIVE, 0);

  public Shock {
    if (type == null) {
      throw new IllegalArgumentException("shock type must be given");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("shock value must be finite, was " + value);
    }
    if (type == Type.RELATIVE && value < -1) {
      throw new IllegalArgumentException("a relative shock below -100% would flip the price's sign, was " + value);
    }
  }

  /** A relative shock, e.g. {@code relative(-0.2)} for −20%. */
  public static Shock relative(double fraction) {
    return new Shock(Type.RELATIVE, fraction);
  }

  /** An absolute shock in the instrument's price currency. */
  public static Shock absolute(double priceChange) {
    return new Shock(Type.ABSOLUTE, priceChange);
  }

  /**
   * The historical move from {@code startClose} to {@code endClose}: relative when both are &gt; 0, absolute
   * otherwise (see the class comment).
   *
   * @throws IllegalArgumentException when either close is not finite
   */
  public static Shock between(double startClose, double endClose) {
    if (!Double.isFinite(startClose) || !Double.isFinite(endClose)) {
      throw new IllegalArgumentException("closes must be finite, were " + startClose + " and " + endClose);
    }
    if (startClose > 0 && endClose > 0) {
      return relative(endClose / startClose - 1);
    }
    return absolute(endClose - startClose);
  }

  /** The shocked price. */
  public double apply(double price) {
    return type == Type.RELATIVE ? price * (1 + value) : price + value;
  }
}
