/**
 * Risk reports and VaR backtests of fixed positions over a folder of daily prices, as the {@code riskpulse risk}
 * and {@code riskpulse backtest} commands run them. Pure Java over the kernels of
 * {@link io.riskpulse.model.history} and {@link io.riskpulse.model.risk}: no actors, no transport.
 *
 * <ul>
 *   <li>{@link io.riskpulse.model.risk.report.PositionsFile}: the strict {@code symbol,quantity} reader.
 *   <li>{@link io.riskpulse.model.risk.report.MarketDataFolder}: price files, reference data and liquidity inputs
 *       of the held symbols, with user-facing errors.
 *   <li>{@link io.riskpulse.model.risk.report.RollingVarForecaster} and
 *       {@link io.riskpulse.model.risk.report.BacktestRunner}: out-of-sample daily VaR forecasts (no look-ahead)
 *       and their backtest, one method or a comparison ({@link io.riskpulse.model.risk.report.BacktestRun}).
 *   <li>{@link io.riskpulse.model.risk.report.RiskReport}, built by
 *       {@link io.riskpulse.model.risk.report.RiskReportBuilder}: VaR/ES, attribution, stress, exposures,
 *       liquidity and data quality as of a date.
 *   <li>{@link io.riskpulse.model.risk.report.RiskReportText}, {@link io.riskpulse.model.risk.report.BacktestRunText}
 *       and {@link io.riskpulse.model.risk.report.ReportJson}: renderings.
 * </ul>
 *
 * <p>Every measure is defined, with its units, confidence, horizon and formulas, in docs/RISK.md.
 */
package io.riskpulse.model.risk.report;
