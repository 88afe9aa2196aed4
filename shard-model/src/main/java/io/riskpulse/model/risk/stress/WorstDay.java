package io.riskpulse.model.risk.stress;

import java.time.LocalDate;

/**
 * One day's move replayed on today's portfolio.
 *
 * @param date the day
 * @param previousDate the previous date on which every held symbol had a close; the move starts there
 * @param pnl P&amp;L of today's positions under that day's moves, reporting currency (negative = loss)
 */
public record WorstDay(LocalDate date, LocalDate previousDate, double pnl) {}
