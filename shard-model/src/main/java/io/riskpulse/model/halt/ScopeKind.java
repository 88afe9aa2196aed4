package io.riskpulse.model.halt;

/**
 * What a kill-switch halt covers (MiFID II RTS 6 Art 12: any or all orders, for a trader, desk or client). Wider
 * scopes first in {@link #values()} order is not implied; see {@link HaltScope#covers}.
 */
public enum ScopeKind {
  /** One portfolio (account): its id. */
  PORTFOLIO,
  /** One strategy or algorithm, firm-wide: its name as orders carry it. */
  STRATEGY,
  /** Every portfolio a trader owns: the trader's id. */
  TRADER,
  /** Every portfolio of a desk: the desk's name. */
  DESK,
  /** One instrument, firm-wide: its symbol. */
  INSTRUMENT,
  /** Everything. The value is empty. */
  FIRM
}
