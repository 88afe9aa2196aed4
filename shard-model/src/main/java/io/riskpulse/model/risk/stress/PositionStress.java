package io.riskpulse.model.risk.stress;

/**
 * One position revalued under one scenario. Prices in the instrument's price currency, values and P&amp;L in
 * the reporting currency.
 *
 * @param symbol instrument symbol
 * @param quantity signed quantity, instrument units
 * @param price current mark price; NaN when unknown
 * @param shockedPrice price after the scenario's price shock (and, for FX pairs, its FX moves)
 * @param fxRate current reporting currency per unit of price currency; NaN when unknown
 * @param shockedFxRate the rate after the scenario's FX moves
 * @param value quantity × price × fxRate
 * @param shockedValue quantity × shockedPrice × shockedFxRate
 * @param pnl shockedValue − value; NaN when the position could not be stressed
 * @param selector which shock applied (see {@link StressScenario.SelectedShock#selector()})
 * @param problem why the position could not be stressed, {@code ""} when it could
 */
public record PositionStress(
    String symbol,
    double quantity,
    double price,
    double shockedPrice,
    double fxRate,
    double shockedFxRate,
    double value,
    double shockedValue,
    double pnl,
    String selector,
    String problem) {

  /** True when the position's P&amp;L under the scenario is known. */
  public boolean stressed() {
    return problem.isEmpty();
  }
}
