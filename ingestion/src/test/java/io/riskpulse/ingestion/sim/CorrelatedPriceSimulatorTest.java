package io.riskpulse.ingestion.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.market.Quote;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

class CorrelatedPriceSimulatorTest {

  private static final SimUniverse UNIVERSE = SimUniverse.loadDefault();
  private static final Calibration CALIBRATION = Calibration.loadDefault();

  private static CorrelatedPriceSimulator simulator(long seed) {
    return new CorrelatedPriceSimulator(UNIVERSE, CALIBRATION, seed, 0, 60);
  }

  @Test
  void shouldProduceTheSameQuotesForTheSameSeedAndDifferentOnesForAnother() {
    CorrelatedPriceSimulator a = simulator(42);
    CorrelatedPriceSimulator b = simulator(42);
    CorrelatedPriceSimulator c = simulator(43);
    boolean differs = false;
    for (int step = 0; step < 1_000; step++) {
      List<Quote> fromA = a.next();
      assertEquals(fromA, b.next(), "step " + step);
      differs |= !fromA.equals(c.next());
    }
    assertTrue(differs, "another seed gives another path");
  }

  @Test
  void shouldKeepPricesPositiveFiniteAndOrderedOver100kSteps() {
    CorrelatedPriceSimulator simulator = simulator(7);
    for (int step = 0; step < 100_000; step++) {
      List<Quote> quotes = simulator.next();
      assertEquals(UNIVERSE.size(), quotes.size());
      for (Quote q : quotes) {
        if (!(q.bid() > 0 && q.bid() < q.last() && q.last() < q.ask() && Double.isFinite(q.ask()))) {
          throw new AssertionError("step " + step + ": bad quote " + q);
        }
      }
    }
  }

  @Test
  void shouldStayPositiveAndFiniteEvenWithAbsurdTimeSteps() {
    CorrelatedPriceSimulator simulator = simulator(11);
    for (int step = 0; step < 1_000; step++) {
      for (Quote q : simulator.step(1e12, step)) {
        double start = UNIVERSE.get(q.symbol()).startPrice();
        assertTrue(q.bid() > 0 && Double.isFinite(q.ask()), q.toString());
        assertTrue(q.last() >= start / CorrelatedPriceSimulator.MAX_MOVE_FACTOR * (1 - 1e-9)
            && q.last() <= start * CorrelatedPriceSimulator.MAX_MOVE_FACTOR * (1 + 1e-9), q.toString());
      }
    }
  }

  @Test
  void shouldStampEachStepWithTheConfiguredClock() {
    CorrelatedPriceSimulator simulator = new CorrelatedPriceSimulator(UNIVERSE, CALIBRATION, 1, 1_000, 0.25);
    assertEquals(1_000, simulator.next().get(0).timestampMillis());
    assertEquals(1_250, simulator.next().get(0).timestampMillis());
    assertEquals(1_500, simulator.next().get(5).timestampMillis());
  }

  @Test
  void shouldReproduceCalibratedVolsAndTheCorrelationImpliedByBetasAndProxies() {
    // Daily steps so that annualising is √252; 20,000 days.
    CorrelatedPriceSimulator simulator = simulator(2024);
    int days = 20_000;
    String[] symbols = {"SPX", "NDX", "TLT", "USDJPY"};
    int[] index = new int[symbols.length];
    List<String> all = UNIVERSE.instruments().stream().map(i -> i.symbol()).toList();
    for (int s = 0; s < symbols.length; s++) {
      index[s] = all.indexOf(symbols[s]);
    }
    double[][] returns = new double[days][symbols.length];
    double[] previous = new double[symbols.length];
    for (int s = 0; s < symbols.length; s++) {
      previous[s] = UNIVERSE.get(symbols[s]).startPrice();
    }
    for (int d = 0; d < days; d++) {
      List<Quote> quotes = simulator.step(6.5 * 3600, d);
      for (int s = 0; s < symbols.length; s++) {
        double last = quotes.get(index[s]).last();
        returns[d][s] = Math.log(last / previous[s]);
        previous[s] = last;
      }
    }
    double[][] measured = new PearsonsCorrelation(returns).getCorrelationMatrix().getData();
    for (int s = 0; s < symbols.length; s++) {
      double[] column = new double[days];
      for (int d = 0; d < days; d++) {
        column[d] = returns[d][s];
      }
      double vol = new StandardDeviation().evaluate(column) * Math.sqrt(252);
      double expected = UNIVERSE.get(symbols[s]).annualVol(CALIBRATION);
      // Relative standard error of a sample stdev is 1/√(2n) = 0.5%; allow 3%.
      assertEquals(expected, vol, 0.03 * expected, "annual vol of " + symbols[s]);
      for (int t = 0; t < symbols.length; t++) {
        SimUniverse.SimInstrument a = UNIVERSE.get(symbols[s]);
        SimUniverse.SimInstrument b = UNIVERSE.get(symbols[t]);
        double implied = s == t ? 1
            : a.beta() * CALIBRATION.annualVol(a.proxy()) * b.beta() * CALIBRATION.annualVol(b.proxy())
                * CALIBRATION.correlation(a.proxy(), b.proxy()) / (a.annualVol(CALIBRATION) * b.annualVol(CALIBRATION));
        // Standard error <= 1/√20000 ≈ 0.007; allow 0.03.
        assertEquals(implied, measured[s][t], 0.03, "correlation " + symbols[s] + "/" + symbols[t]);
      }
    }
    assertTrue(measured[2][3] < -0.3, "USDJPY (beta -0.5 to IEF) falls when Treasuries (TLT) rally");
  }
}
