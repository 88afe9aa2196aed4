package io.riskpulse.ingestion.codec;

import io.riskpulse.model.portfolio.Side;

/**
 * Base of the encoders of the frames that belong to a portfolio, {@link ExecutionEncoder} and
 * {@link OrderEncoder}: the setters of the fields they share, layout in {@link PortfolioMessageDecoder}. Each
 * setter returns the concrete encoder {@code E}, so that calls chain. Not thread-safe: one per publishing thread.
 *
 * @param <E> the concrete encoder
 */
public abstract class PortfolioMessageEncoder<E extends PortfolioMessageEncoder<E>> extends MessageEncoder {

  PortfolioMessageEncoder() {}

  /** Venue time of the fill, or sender/venue time of the order event, epoch ns. */
  public E eventTimeNanos(long eventTimeNanos) {
    putEventTimeNanos(eventTimeNanos);
    return self();
  }

  /** At most 24 ASCII characters. */
  public E portfolioId(CharSequence portfolioId) {
    putText(PortfolioMessageDecoder.PORTFOLIO_ID_OFFSET, WireFormat.PORTFOLIO_ID_LENGTH, portfolioId);
    return self();
  }

  /** At most 24 ASCII characters; empty or {@code null} when unknown. */
  public E strategy(CharSequence strategy) {
    putText(PortfolioMessageDecoder.STRATEGY_OFFSET, WireFormat.STRATEGY_LENGTH, strategy);
    return self();
  }

  /** At most 16 ASCII characters. */
  public E symbol(CharSequence symbol) {
    putText(PortfolioMessageDecoder.SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH, symbol);
    return self();
  }

  /** Fill price (LastPx) of an execution; limit price of an order, 0 for a market order or when not applicable. */
  public E price(double price) {
    putDouble(PortfolioMessageDecoder.PRICE_OFFSET, price);
    return self();
  }

  /** Filled quantity (LastQty) of an execution; order quantity of an order. */
  public E quantity(double quantity) {
    putDouble(PortfolioMessageDecoder.QUANTITY_OFFSET, quantity);
    return self();
  }

  public E side(Side side) {
    return sideCode(WireFormat.sideCode(side));
  }

  /** Raw code (low 8 bits), to write any value. */
  public E sideCode(int code) {
    putByte(PortfolioMessageDecoder.SIDE_OFFSET, code);
    return self();
  }

  /** Writes a {@code char[32]} id field; at most 32 ASCII characters, empty or {@code null} for none. */
  final E putId(int fieldOffset, CharSequence id) {
    putText(fieldOffset, WireFormat.ID_LENGTH, id);
    return self();
  }

  /** Safe: the only subclasses are final and declare themselves as {@code E}. */
  @SuppressWarnings("unchecked")
  private E self() {
    return (E) this;
  }
}
