package io.riskpulse.model.detect.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EwmaNormTest {

  @Test
  void withAnEndlessHalfLifeItIsThePlainMeanAndPopulationVariance() {
    EwmaNorm norm = new EwmaNorm(1e15);
    norm.update(1);
    assertEquals(1, norm.mean(), 1e-12);
    assertEquals(0, norm.variance(), 1e-12);
    norm.update(-0.5);
    norm.update(1.5);
    assertEquals(2.0 / 3, norm.mean(), 1e-9);
    assertEquals(((1 - 2.0 / 3) * (1 - 2.0 / 3) + (-0.5 - 2.0 / 3) * (-0.5 - 2.0 / 3)
        + (1.5 - 2.0 / 3) * (1.5 - 2.0 / 3)) / 3, norm.variance(), 1e-9);
  }

  @Test
  void anObservationOneHalfLifeOldWeighsHalf() {
    EwmaNorm norm = new EwmaNorm(1);
    norm.update(0);
    norm.update(3);
    // weights 1/2 and 1: mean = 3 / 1.5
    assertEquals(2, norm.mean(), 1e-12);
  }

  @Test
  void refusesANonPositiveHalfLife() {
    assertThrows(IllegalArgumentException.class, () -> new EwmaNorm(0));
  }
}
