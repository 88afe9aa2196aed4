package io.riskpulse.model.risk.rebalance;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * Orders an OMS must enter for one approved rebalance of one portfolio: each a market day order that reduces a
 * position (see {@link RebalanceOrder}). Idempotent by {@code rebalanceId}: delivering it twice must not enter the
 * orders twice (FIX ClOrdIDs are derived from it).
 *
 * @param rebalanceId unique id of the rebalance, stable across restarts
 * @param portfolioId the account the orders are for (FIX Account, tag 1)
 * @param orders the orders, at most one per instrument
 * @param by who approved them (a person, or {@code riskpulse:auto-rebalance} when sent without approval)
 * @param reason the breach that prompted them
 * @param atMillis when they were approved, epoch milliseconds (FIX TransactTime, so a re-send is identical)
 */
public record RebalanceInstruction(String rebalanceId, String portfolioId, List<RebalanceOrder> orders, String by,
    String reason, long atMillis) implements CborSerializable {

  public RebalanceInstruction {
    orders = orders == null ? List.of() : List.copyOf(orders);
  }
}
