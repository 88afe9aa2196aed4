package io.riskpulse.model.detect;

/**
 * The detectors that watch live order flow and market data. Each raises {@link DetectionSignal}s; what a signal
 * does beyond an alert (nothing, reduce-only, halt) is chosen per detector in {@link DetectionPolicy}.
 */
public enum Detector {
  /**
   * Runaway algorithm: a strategy's order or message rate, cancel ratio, order-to-trade ratio, run of fills in
   * one direction or position growth far beyond its own recent norm.
   */
  RUNAWAY,
  /** Market impact: fills far from the arrival mid, beyond what the square-root impact model expects. */
  SLIPPAGE,
  /** Market impact: the portfolio's share of an instrument's traded volume. */
  VOLUME_SHARE,
  /** Unusual liquidity: the spread far wider than its recent norm. */
  SPREAD,
  /** Unusual liquidity: book depth collapsed against its recent norm. */
  DEPTH,
  /** Unusual liquidity: VPIN (volume-synchronised probability of informed trading) above its percentile band. */
  VPIN,
  /** Market data: a price move beyond a volatility-scaled band. */
  PRICE_JUMP,
  /** Market data: no update of an instrument for longer than its norm allows. */
  STALE_BOOK,
  /** Market data: crossed books (bid above ask) arriving from the feed. */
  CROSSED_BOOK,
  /** A declarative event-pattern rule matched (complex event processing). */
  RULE,
  /** The strategy's order-flow model (Random Cut Forest) scored its behaviour anomalous. */
  MODEL,
  /** A model's score distribution or alert rate shifted: its alerts can no longer be trusted as calibrated. */
  MODEL_DRIFT
}
