package io.riskpulse.ingestion.codec;

import io.riskpulse.model.portfolio.ExecutionValidation;
import io.riskpulse.model.portfolio.Side;
import java.nio.ByteOrder;

/**
 * Constants shared by every RiskPulse wire message (schema version 1): byte order, text widths, side codes and
 * magnitude limits. The full byte layout is documented in {@code docs/WIRE_FORMAT.md}; the offsets live in the
 * flyweight of each message ({@link MessageHeader}, {@link TradeDecoder}, ...).
 *
 * <p>Stateless; safe to use from any thread.
 */
public final class WireFormat {

  /** Every multi-byte field is little-endian (the native order of x86 and ARM servers: no byte swapping). */
  public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

  /** The schema version this code writes and the only one it accepts. */
  public static final int SCHEMA_VERSION = 1;

  /** Width of a symbol field, bytes. */
  public static final int SYMBOL_LENGTH = 16;

  /** Width of a portfolio id field, bytes. */
  public static final int PORTFOLIO_ID_LENGTH = 24;

  /** Width of a strategy field, bytes. */
  public static final int STRATEGY_LENGTH = 24;

  /** Width of an order id, original order id or execution id field, bytes. */
  public static final int ID_LENGTH = 32;

  /** Price levels per side carried by a book update. */
  public static final int BOOK_DEPTH = 5;

  /** Side code: not known (only legal as the aggressor side of a trade). */
  public static final byte SIDE_NONE = 0;

  /** Side code: buy. */
  public static final byte SIDE_BUY = 1;

  /** Side code: sell. */
  public static final byte SIDE_SELL = 2;

  /**
   * Prices, quantities and their product must stay below this (currency units, or instrument units for a
   * quantity), else {@code OVERFLOW}. The same bound as {@link ExecutionValidation#MAX_NOTIONAL}.
   */
  public static final double MAX_NOTIONAL = ExecutionValidation.MAX_NOTIONAL;

  private WireFormat() {}

  /** The side for a wire code, or {@code null} for {@link #SIDE_NONE} and unknown codes. */
  public static Side side(int code) {
    if (code == SIDE_BUY) {
      return Side.BUY;
    }
    if (code == SIDE_SELL) {
      return Side.SELL;
    }
    return null;
  }

  /** The wire code of a side; {@code null} encodes as {@link #SIDE_NONE}. */
  public static byte sideCode(Side side) {
    if (side == null) {
      return SIDE_NONE;
    }
    return side == Side.BUY ? SIDE_BUY : SIDE_SELL;
  }
}
