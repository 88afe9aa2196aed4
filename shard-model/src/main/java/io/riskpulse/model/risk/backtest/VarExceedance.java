package io.riskpulse.model.risk.backtest;

import java.time.LocalDate;

/**
 * One backtest exception: a day whose realized loss exceeded the VaR forecast for it. Amounts in the
 * reporting currency.
 *
 * @param date the day the loss was realized
 * @param pnl realized P&amp;L of the day (negative = loss)
 * @param loss −pnl, the realized loss (positive)
 * @param var the VaR forecast for the day, as a positive loss amount
 * @param excess loss − var, how far beyond VaR the loss went (positive)
 */
public record VarExceedance(LocalDate date, double pnl, double loss, double var, double excess) {}
