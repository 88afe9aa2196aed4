package io.riskpulse.model.portfolio;

import io.riskpulse.model.journal.HashChain;
import java.util.HexFormat;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.Serializer;

/**
 * A fingerprint of everything a portfolio journals: SHA-256 of the serialized snapshot form of its state (without
 * chain head; maps in sorted order). Two states with the same hash hold the same positions, cash, limits, status,
 * breaches, warnings, halts, rebalances, counters and dedup window. Live-only figures (marks, live risk, order-flow
 * rates) are not in it: they are derived, never journaled.
 *
 * <p>Used to show that a replay of the journal rebuilds exactly the live state. Both sides must run the same
 * serializer configuration (they do: it is the journal's).
 */
public final class PortfolioStateHash {

  private PortfolioStateHash() {}

  /** The state hash of {@code state}, lower-case hex. */
  public static String of(PortfolioState state, Serialization serialization) {
    StoredPortfolioState stored = state.toStored();
    Serializer serializer = serialization.findSerializerFor(stored);
    return HexFormat.of().formatHex(HashChain.sha256().digest(serializer.toBinary(stored)));
  }
}
