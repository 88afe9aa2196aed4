package io.riskpulse.ingestion.event;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;

/**
 * A decoded message from a feed, with the identity of its source and its per-source sequence number (Aeron
 * frames carry both; FIX uses {@code fix:<SenderCompID>} and MsgSeqNum). The pipeline validates sequence
 * numbers per source (gaps, duplicates, out of order) before routing.
 */
public sealed interface IngestEvent {

  /** Feed identity, e.g. {@code aeron:7} or {@code fix:OMS1}. */
  String sourceId();

  /** Per-source sequence number, starting at 1 and increasing by one. */
  long sequence();

  /** A price update for the node's market view (trade, top of book). */
  record MarketData(String sourceId, long sequence, Quote quote) implements IngestEvent {}

  /** A level-2 order book update, best level first on each side; arrays are owned by the event. */
  record BookUpdate(
      String sourceId, long sequence, String symbol, double[] bidPrices, double[] bidQuantities,
      double[] askPrices, double[] askQuantities, long timestampMillis)
      implements IngestEvent {}

  /** A trade print: last price and traded quantity (feeds traded volume). */
  record Trade(String sourceId, long sequence, String symbol, double price, double quantity, long timestampMillis)
      implements IngestEvent {}

  /** An order-flow message routed to its portfolio. */
  record OrderFlow(String sourceId, long sequence, OrderEvent order) implements IngestEvent {}

  /** A fill routed to its portfolio. */
  record Fill(String sourceId, long sequence, Execution execution) implements IngestEvent {}
}
