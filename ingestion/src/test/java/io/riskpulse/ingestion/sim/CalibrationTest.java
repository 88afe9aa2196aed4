package io.riskpulse.ingestion.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.history.DailyPriceSeries;
import io.riskpulse.model.history.SharedData;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  private static final LocalDate DAY0 = LocalDate.of(2020, 1, 1);

  /** A series whose closes are exp(cumulative sum of the given log returns) starting at 100. */
  private static DailyPriceSeries fromLogReturns(String symbol, int firstDay, double... logReturns) {
    List<LocalDate> dates = new ArrayList<>();
    double[] closes = new double[logReturns.length + 1];
    closes[0] = 100;
    dates.add(DAY0.plusDays(firstDay));
    for (int t = 0; t < logReturns.length; t++) {
      closes[t + 1] = closes[t] * Math.exp(logReturns[t]);
      dates.add(DAY0.plusDays(firstDay + t + 1));
    }
    return DailyPriceSeries.of(symbol, dates, closes);
  }

  private static double[] alternating(double a, int n) {
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      r[t] = t % 2 == 0 ? a : -a;
    }
    return r;
  }

  @Test
  void shouldAnnualiseTheSampleStdevOfLogReturnsAndCorrelatePerfectlyLinkedSeries() {
    // +a,-a,... : mean 0, sample variance n a²/(n-1). B = 2 × A's returns (corr +1), C = -A's (corr -1).
    double a = 0.01;
    int n = 100;
    double[] rA = alternating(a, n);
    double[] rB = alternating(2 * a, n);
    double[] rC = alternating(-a, n);

    Calibration c = Calibration.compute(List.of(fromLogReturns("A", 0, rA), fromLogReturns("B", 0, rB),
        fromLogReturns("C", 0, rC)), "synthetic", DAY0);

    double expectedVol = a * Math.sqrt(n / (n - 1.0)) * Math.sqrt(252);
    assertEquals(expectedVol, c.annualVol("A"), 1e-12);
    assertEquals(2 * expectedVol, c.annualVol("B"), 1e-12);
    assertEquals(1, c.correlation("A", "B"), 1e-12);
    assertEquals(-1, c.correlation("A", "C"), 1e-9);
    assertEquals(n, c.returnsUsed());
    assertEquals(0, c.returnsSkipped());
  }

  @Test
  void shouldUseOnlyTheDatesCommonToAllSeries() {
    DailyPriceSeries early = fromLogReturns("EARLY", 0, alternating(0.01, 30));
    DailyPriceSeries late = fromLogReturns("LATE", 10, alternating(0.02, 40));

    Calibration c = Calibration.compute(List.of(early, late), "synthetic", DAY0);

    assertEquals(DAY0.plusDays(10), c.windowStart());
    assertEquals(DAY0.plusDays(30), c.windowEnd());
    assertEquals(21, c.commonDates());
    assertEquals(20, c.returnsUsed());
  }

  @Test
  void shouldSkipReturnRowsTouchingANonPositiveCloseAndSayHowMany() {
    List<LocalDate> dates = new ArrayList<>();
    for (int d = 0; d < 8; d++) {
      dates.add(DAY0.plusDays(d));
    }
    DailyPriceSeries oil = DailyPriceSeries.of("OIL", dates, new double[] {20, 19, 18, -37.63, 10, 12, 13, 12.5});
    DailyPriceSeries gold = DailyPriceSeries.of("GOLD", dates, new double[] {100, 101, 99, 100, 102, 101, 103, 104});

    Calibration c = Calibration.compute(List.of(oil, gold), "synthetic", DAY0);

    assertEquals(2, c.returnsSkipped(), "18 -> -37.63 and -37.63 -> 10 have no log return");
    assertEquals(5, c.returnsUsed());
    assertTrue(Double.isFinite(c.annualVol("OIL")) && c.annualVol("OIL") > 0);
    assertTrue(Math.abs(c.correlation("OIL", "GOLD")) <= 1);
  }

  @Test
  void shouldReadBackWhatItWritesWithinTheWrittenPrecision() throws IOException {
    Calibration c = Calibration.compute(List.of(
        fromLogReturns("A", 0, 0.01, -0.02, 0.015, 0.003, -0.007, 0.011),
        fromLogReturns("B", 0, 0.004, -0.01, 0.02, -0.003, -0.001, 0.009),
        fromLogReturns("C", 0, -0.02, 0.01, 0.0, 0.012, -0.004, 0.002)), "synthetic", DAY0);
    StringWriter out = new StringWriter();
    c.write(out);

    Calibration back = Calibration.parse(new StringReader(out.toString()), "written");

    assertEquals(c.symbols(), back.symbols());
    assertEquals(c.windowStart(), back.windowStart());
    assertEquals(c.windowEnd(), back.windowEnd());
    assertEquals(c.returnsUsed(), back.returnsUsed());
    assertEquals(DAY0, back.computedOn());
    assertCloseTo(c, back, 0.5e-6 + 1e-12);
  }

  @Test
  void shouldRejectAnAsymmetricMatrixInAResource() {
    String text = "# window: 2020-01-01 2020-02-01\nsymbol,annual_vol,A,B\nA,0.2,1,0.5\nB,0.3,0.4,1\n";

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Calibration.parse(new StringReader(text), "bad.csv"));
    assertTrue(e.getMessage().contains("symmetry"), e.getMessage());
  }

  @Test
  void shouldShipACalibrationOfTheThirteenProxySeriesOverTheCommonWindow() {
    Calibration c = Calibration.loadDefault();

    assertEquals(List.of("SPXTR", "XNDX", "TLT", "GLD", "CL", "DBC", "EEM", "EWJ", "IEF", "IEV", "IYR", "RWX",
        "SPY"), c.symbols());
    assertEquals(LocalDate.of(2006, 12, 19), c.windowStart());
    assertEquals(LocalDate.of(2011, 12, 29), c.windowEnd());
    assertEquals(1265, c.returnsUsed());
    assertTrue(c.correlation("SPXTR", "SPY") > 0.95, "two S&P 500 total-return measures move together");
    assertTrue(c.correlation("SPY", "TLT") < 0, "2006-2011: long Treasuries hedged equities");
    assertTrue(c.annualVol("IEF") < c.annualVol("TLT") && c.annualVol("TLT") < c.annualVol("CL"));
  }

  @Test
  void shouldEqualTheCommittedResourceWhenRecomputedFromTheRealData() {
    Calibration recomputed = Calibration.compute(DataFolder.loadAll(SharedData.dailyFolder()), "real", DAY0);
    Calibration committed = Calibration.loadDefault();

    assertEquals(committed.symbols(), recomputed.symbols());
    assertEquals(committed.windowStart(), recomputed.windowStart());
    assertEquals(committed.windowEnd(), recomputed.windowEnd());
    assertEquals(committed.commonDates(), recomputed.commonDates());
    assertEquals(committed.returnsUsed(), recomputed.returnsUsed());
    assertEquals(committed.returnsSkipped(), recomputed.returnsSkipped());
    assertCloseTo(recomputed, committed, 0.5e-6 + 1e-12);
  }

  private static void assertCloseTo(Calibration expected, Calibration actual, double tolerance) {
    for (String a : expected.symbols()) {
      assertEquals(expected.annualVol(a), actual.annualVol(a), tolerance, "vol " + a);
      for (String b : expected.symbols()) {
        assertEquals(expected.correlation(a, b), actual.correlation(a, b), tolerance, "corr " + a + "/" + b);
      }
    }
  }
}
