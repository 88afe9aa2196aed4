package io.riskpulse.gateway.oms;

import io.riskpulse.model.CborSerializable;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An OMS acknowledged a whole instruction: every request a {@code HaltInstruction} ({@link OmsEndpoint#cancel})
 * or a {@code RebalanceInstruction} ({@link OmsEndpoint#submit}) was split into was answered as done (or as having
 * nothing left to do). Immutable; may be journaled as is (CBOR), which is why the id keeps its original name
 * {@code haltId} for both kinds.
 *
 * @param endpoint the {@link OmsEndpoint#name() endpoint} that delivered it
 * @param haltId the acknowledged instruction's id: the halt id, or for {@link OmsEndpoint#submit} the rebalance id
 * @param detail short human description of what the OMS answered, for logs and the audit trail, e.g.
 *     {@code "35=r MassCancelResponse=7 TotalAffectedOrders=3"}
 * @param ordersAffected for a halt, the number of orders the OMS reports as cancelled by this delivery; for a
 *     rebalance, the number it reports as entered (orders it answered as duplicates of an earlier send are not
 *     counted); or {@link #UNKNOWN} when it did not say (a re-send of an already executed mass cancel may report
 *     the original count again)
 */
public record OmsAck(String endpoint, String haltId, String detail, int ordersAffected) implements CborSerializable {

  /** Value of {@link #ordersAffected} when the OMS did not report a count. */
  public static final int UNKNOWN = -1;

  public OmsAck {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(haltId, "haltId");
    Objects.requireNonNull(detail, "detail");
    if (ordersAffected < UNKNOWN) {
      throw new IllegalArgumentException("ordersAffected must be >= 0 or UNKNOWN, was " + ordersAffected);
    }
  }

  /** {@link #ordersAffected} when known. */
  public OptionalInt ordersAffectedIfKnown() {
    return ordersAffected == UNKNOWN ? OptionalInt.empty() : OptionalInt.of(ordersAffected);
  }
}
