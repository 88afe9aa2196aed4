package io.riskpulse.model.risk.rebalance;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * The orders that bring a portfolio back within its exposure and concentration limits, and what they leave.
 *
 * @param orders at most one order per instrument, largest notional first; empty when nothing is breached
 * @param complete whether the portfolio is within every target after the orders; false when liquidity caps or
 *     instruments without a known ADV leave a residual breach, which {@code residual} names
 * @param tradedNotional Σ order notional, reporting currency
 * @param grossAfter gross exposure after the orders, reporting currency
 * @param netAfter net exposure after the orders (signed), reporting currency
 * @param residual each target still not met after the orders and why (e.g. "GROSS_EXPOSURE 1.2M > 1.0M: WTI
 *     capped at 10% of ADV"), empty when complete
 */
public record RebalancePlan(List<RebalanceOrder> orders, boolean complete, double tradedNotional, double grossAfter,
    double netAfter, List<String> residual) implements CborSerializable {

  public RebalancePlan {
    orders = orders == null ? List.of() : List.copyOf(orders);
    residual = residual == null ? List.of() : List.copyOf(residual);
  }
}
