package io.riskpulse.model.detect.market;

import java.util.Random;

/**
 * A clean, seeded synthetic trading day for the detectors' false-alarm tests: one update per second for 24 hours of a
 * geometric Brownian motion mid (1 bp per √second, about 30% a year), a tick-discrete spread (one tick 70% of the
 * time, two 25%, three 5%, tick 0.01 on a price near 100), log-normal book depth (median 5,000, log sd 0.3) and
 * trades of log-normal size at the mid ± half a spread.
 */
final class SyntheticDay {

  static final int SECONDS = 86_400;
  static final long START = 1_700_000_000_000L;
  static final double TICK = 0.01;

  final long[] millis = new long[SECONDS];
  final double[] mid = new double[SECONDS];
  final double[] bid = new double[SECONDS];
  final double[] ask = new double[SECONDS];
  final double[] depth = new double[SECONDS];
  final double[] tradePrice = new double[SECONDS];
  final double[] tradeQuantity = new double[SECONDS];

  SyntheticDay(long seed) {
    Random random = new Random(seed);
    double price = 100;
    for (int i = 0; i < SECONDS; i++) {
      price *= Math.exp(1e-4 * random.nextGaussian() - 0.5e-8);
      double u = random.nextDouble();
      int ticks = u < 0.7 ? 1 : u < 0.95 ? 2 : 3;
      millis[i] = START + 1000L * i;
      mid[i] = price;
      bid[i] = price - ticks * TICK / 2;
      ask[i] = price + ticks * TICK / 2;
      depth[i] = 5_000 * Math.exp(0.3 * random.nextGaussian());
      tradePrice[i] = random.nextBoolean() ? ask[i] : bid[i];
      tradeQuantity[i] = 100 * Math.exp(0.5 * random.nextGaussian());
    }
  }
}
