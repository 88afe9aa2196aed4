package io.riskpulse.model.risk.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.history.EwmaCovariance;
import io.riskpulse.model.history.GapPolicy;
import io.riskpulse.model.history.PriceHistory;
import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.history.SharedData;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real daily closes of {@code ../shared/data/daily} (skipped when absent): load, align,
 * scenarios over the 500 days to 2020-12-31 (March 2020 and the negative WTI settlement inside), a long
 * portfolio of 1,000,000 USD in each of five assets, historical VaR/ES through a live {@link ScenarioPnlVector}.
 */
class RealDataVarTest {

  private static final List<String> SYMBOLS = List.of("SPXTR", "XNDX", "TLT", "GLD", "CL");
  private static final double NOTIONAL_USD = 1_000_000;

  @Test
  void shouldComputeHistoricalVarOfADiversifiedLongPortfolioFromTheRealHistory() {
    PriceHistory history = PriceHistory.load(SharedData.dailyFolder(), SYMBOLS, GapPolicy.DEFAULT);
    ScenarioSet scenarios = ScenarioSet.of(history, LocalDate.of(2020, 12, 31));
    int asOfDay = history.dayOnOrBefore(scenarios.asOf());
    double[] prices = new double[SYMBOLS.size()];
    double[] exposures = new double[SYMBOLS.size()];
    ScenarioPnlVector portfolio = ScenarioPnlVector.flat(scenarios, pricesOn(history, asOfDay, prices));
    double sumOfStandaloneVars = 0;
    for (int i = 0; i < SYMBOLS.size(); i++) {
      double quantity = NOTIONAL_USD / prices[i];
      portfolio.applyExecution(i, quantity);
      exposures[i] = scenarios.exposure(i, quantity, prices[i]);
      ScenarioPnlVector alone = ScenarioPnlVector.flat(scenarios, prices);
      alone.applyExecution(i, quantity);
      sumOfStandaloneVars += alone.valueAtRisk(Confidence.P99);
    }

    assertEquals(ReturnType.ABSOLUTE, scenarios.returnType(scenarios.indexOf("CL")), "CL went negative in 2020");
    assertEquals(ReturnType.RELATIVE, scenarios.returnType(scenarios.indexOf("SPXTR")));
    assertEquals(500, scenarios.scenarioCount());
    double var99 = portfolio.valueAtRisk(Confidence.P99);
    double es975 = portfolio.expectedShortfall(Confidence.P975);
    double gross = NOTIONAL_USD * SYMBOLS.size();
    // Two years that include March 2020: a 1-day 99% loss of a few percent of gross, not basis points, not a crash.
    assertTrue(var99 > 0.01 * gross && var99 < 0.10 * gross, "VaR99 " + var99);
    assertTrue(es975 >= portfolio.valueAtRisk(Confidence.P975), "ES " + es975);
    assertTrue(var99 < sumOfStandaloneVars, "VaR99 " + var99 + " vs standalone sum " + sumOfStandaloneVars);
    // Same number from a fresh full revaluation and from the components of the attribution.
    double[] pnl = new double[scenarios.scenarioCount()];
    scenarios.portfolioPnl(portfolio.quantities(), prices, pnl);
    assertEquals(HistoricalVar.tailRisk(pnl, Confidence.P99).valueAtRisk(), var99, 1e-9 * var99);
    assertEquals(var99, RiskAttribution.historicalVar(scenarios, exposures, Confidence.P99).componentSum(),
        1e-9 * var99);
    // Delta-normal on the EWMA covariance of the same window is finite and of the same order (calm end of 2020).
    double parametric = ParametricVar.valueAtRisk(exposures, EwmaCovariance.of(scenarios).toArray(),
        Confidence.P99, 1);
    assertTrue(parametric > var99 / 10 && parametric < var99 * 3, "parametric " + parametric + " vs HS " + var99);
  }

  private static double[] pricesOn(PriceHistory history, int day, double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = history.close(i, day);
    }
    return out;
  }
}
