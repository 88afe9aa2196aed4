package io.riskpulse.bench;

import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.limits.OrderLimits;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The book and the limits the pre-trade and halt benchmarks give a portfolio: ten USD positions of 1,000 units at
 * 100 (gross exposure 1,000,000 in the reporting currency), and every limit kind set at a level a check of a
 * 10-unit order at the mark never reaches, so each check runs every judgement and is accepted.
 *
 * <table>
 *   <caption>levels, reporting currency unless stated</caption>
 *   <tr><td>gross / net exposure</td><td>5,000,000 / 5,000,000</td></tr>
 *   <tr><td>position notional; concentration</td><td>1,000,000; 40% above a gross of 500,000 (the book: 10%)</td></tr>
 *   <tr><td>intraday loss; drawdown</td><td>250,000; 250,000</td></tr>
 *   <tr><td>order quantity; order notional</td><td>10,000 units; 1,000,000</td></tr>
 *   <tr><td>orders / messages per second, per minute</td><td>{@code ordersPerSecond} and 60 × that; messages 1.2 ×
 *       the orders (the warning level, 80%, stays above what the harnesses send)</td></tr>
 *   <tr><td>order-to-trade ratio</td><td>1,000,000, or 100 × {@code ordersPerSecond} if higher: the harnesses send
 *       orders and no fills, so the ratio over a minute is the message count itself</td></tr>
 *   <tr><td>repeated executions</td><td>20 in 10 s (judged on fills only)</td></tr>
 *   <tr><td>price collar; credit</td><td>5%; 1,000,000 (cash stays positive)</td></tr>
 *   <tr><td>restricted list</td><td>{@code HYG}, never traded here</td></tr>
 *   <tr><td>VaR 99% / ES 97.5% ({@link Risk#VAR})</td><td>500,000 / 600,000: the what-if VaR and ES run on every
 *       check; no stress or liquidity limit, so no stress revaluation per check</td></tr>
 *   <tr><td>worst stress loss ({@link Risk#VAR_AND_STRESS})</td><td>800,000 (the book loses about 160,000 in
 *       "equities -20%"): every check also revalues the book under each stress scenario</td></tr>
 * </table>
 */
public final class BenchLimits {

  /** Ten USD instruments of the shipped universe, lot size 1, all with VaR scenarios in the synthetic model. */
  public static final List<String> SYMBOLS =
      List.of("AAPL", "MSFT", "NVDA", "JPM", "JNJ", "XOM", "SPX", "NDX", "TLT", "IEF");
  /** Units held per symbol by {@link #book}. */
  public static final double HELD = 1_000;
  /** The price everything is quoted and bought at. */
  public static final double PRICE = 100;
  /** Cash a benchmark portfolio opens with. */
  public static final double INITIAL_CASH = 10_000_000;

  /** Which risk-measure limits are set: each makes a pre-trade check compute more. */
  public enum Risk {
    /** none: the check judges valuation, P&amp;L and order-flow limits only */
    NONE,
    /** VaR and ES: a what-if VaR and ES over the scenario vector per check */
    VAR,
    /** VaR, ES and stress loss: also a stress revaluation per check */
    VAR_AND_STRESS
  }

  private BenchLimits() {}

  /**
   * @param haltOnBreach whether a breach halts the portfolio (the realistic choice; nothing breaches anyway)
   * @param risk which risk-measure limits to set
   * @param ordersPerSecond the order-rate burst limit; everything rate-based scales from it
   */
  public static Limits realistic(boolean haltOnBreach, Risk risk, double ordersPerSecond) {
    OrderLimits orders = new OrderLimits(ordersPerSecond, ordersPerSecond * 60, ordersPerSecond * 1.2,
        ordersPerSecond * 72, Math.max(1_000_000.0, ordersPerSecond * 100), null, 20, null, 5.0, Set.of("HYG"),
        1_000_000.0);
    Limits limits = new Limits(5_000_000.0, 5_000_000.0, 1_000_000.0, 40.0, 500_000.0, 250_000.0, 250_000.0,
        10_000.0, 1_000_000.0, haltOnBreach);
    if (risk == Risk.VAR) {
      limits = limits.withRiskLimits(500_000.0, 600_000.0, null);
    } else if (risk == Risk.VAR_AND_STRESS) {
      limits = limits.withRiskLimits(500_000.0, 600_000.0, 800_000.0);
    }
    return limits.withOrderLimits(orders);
  }

  /** The fills that build the book of {@code portfolioId}: one buy of {@link #HELD} per symbol at {@link #PRICE}. */
  public static List<Execution> book(String portfolioId, long atMillis) {
    List<Execution> fills = new ArrayList<>();
    for (String symbol : SYMBOLS) {
      fills.add(new Execution(portfolioId + "-seed-" + symbol, portfolioId, "bench", symbol, Side.BUY, HELD, PRICE,
          atMillis));
    }
    return fills;
  }
}
