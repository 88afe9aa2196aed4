package io.riskpulse.model.portfolio;

/** Direction of an execution: a buy adds to the signed position, a sell subtracts. */
public enum Side {
  BUY(1),
  SELL(-1);

  private final int sign;

  Side(int sign) {
    this.sign = sign;
  }

  /** +1 for a buy, -1 for a sell. */
  public int sign() {
    return sign;
  }
}
