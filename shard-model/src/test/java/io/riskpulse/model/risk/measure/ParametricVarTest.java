package io.riskpulse.model.risk.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParametricVarTest {

  /** sigma1 = 1%, sigma2 = 2%, correlation 0.3 (daily). */
  static final double[][] TWO_ASSETS = {
      {1e-4, 0.3 * 0.01 * 0.02},
      {0.3 * 0.01 * 0.02, 4e-4}};

  @Test
  void shouldUseTheStandardNormalQuantiles() {
    assertEquals(2.326348, Confidence.P99.z(), 1e-6);
    assertEquals(1.959964, Confidence.P975.z(), 1e-6);
    assertEquals(1.644854, Confidence.P95.z(), 1e-6);
  }

  @Test
  void shouldComputeAHandCalculatedTwoAssetVar() {
    double[] exposures = {1000, 500};

    // w' Sigma w = 1000^2 * 1e-4 + 500^2 * 4e-4 + 2 * 1000 * 500 * 0.3 * 0.01 * 0.02 = 100 + 100 + 60 = 260
    double sigma = ParametricVar.portfolioVolatility(exposures, TWO_ASSETS);
    double var99 = ParametricVar.valueAtRisk(exposures, TWO_ASSETS, Confidence.P99, 1);
    double var99TenDays = ParametricVar.valueAtRisk(exposures, TWO_ASSETS, Confidence.P99, 10);

    assertEquals(Math.sqrt(260), sigma, 1e-12);
    assertEquals(2.326348 * 16.1245154965971, var99, 1e-5); // 37.511234
    assertEquals(37.51123437647767 * Math.sqrt(10), var99TenDays, 1e-5);
  }

  @Test
  void shouldDiversifyAHedgedPair() {
    // Long 1000 of asset 1 and short 500 of asset 2: 100 + 100 - 60 = 140.
    double[] exposures = {1000, -500};

    TailRisk risk = ParametricVar.tailRisk(exposures, TWO_ASSETS, Confidence.P975, 1);

    assertEquals(1.959964 * Math.sqrt(140), risk.valueAtRisk(), 1e-5);
    assertEquals(2.337803 * Math.sqrt(140), risk.expectedShortfall(), 1e-5);
  }
}
