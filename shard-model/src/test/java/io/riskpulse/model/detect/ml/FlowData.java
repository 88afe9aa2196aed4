package io.riskpulse.model.detect.ml;

import java.util.List;
import java.util.Random;

/** Seeded synthetic order-flow features of a well-behaved strategy, four features on very different scales. */
final class FlowData {

  static final List<String> FEATURES = List.of("messageRate", "cancelRatio", "orderToTrade", "positionDelta");
  static final double[] MEAN = {200, 0.3, 8, 0};
  static final double[] STD = {20, 0.03, 1.5, 5_000};

  private final Random random;

  FlowData(long seed) {
    this.random = new Random(seed);
  }

  /** The next normal point. */
  double[] next() {
    double[] x = new double[MEAN.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = MEAN[i] + STD[i] * random.nextGaussian();
    }
    return x;
  }

  /** The next normal point with feature {@code index} moved by {@code sigmas} standard deviations. */
  double[] nextWith(int index, double sigmas) {
    double[] x = next();
    x[index] += sigmas * STD[index];
    return x;
  }
}
