package io.riskpulse.model.detect;

import java.util.List;

/**
 * The node's current market-data and liquidity findings per instrument (spread, depth, VPIN, price jumps, stale
 * and crossed books), read by portfolio entities for the instruments they hold or trade.
 *
 * <p>Implementations are thread-safe and cheap to read: every portfolio reads them on its mark timer.
 */
public interface MarketConditions {

  /** No market surveillance: never a finding. */
  MarketConditions NONE = (symbol, nowMillis) -> List.of();

  /** The active findings about {@code symbol} at {@code nowMillis}; empty when the market looks normal. */
  List<DetectionSignal> conditions(String symbol, long nowMillis);
}
