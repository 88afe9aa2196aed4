package io.riskpulse.ingestion.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class CorrelatedNormalsTest {

  @Test
  void shouldReproduceTheCalibratedCorrelationOnALargeSeededSample() {
    double[][] target = Calibration.loadDefault().correlationMatrix();
    CorrelatedNormals normals = new CorrelatedNormals(target);
    int n = 200_000;
    int k = normals.dimension();
    double[][] sample = new double[n][k];
    double[] scratch = new double[k];
    Well19937c random = new Well19937c(20240102L);
    for (int t = 0; t < n; t++) {
      normals.draw(random, scratch, sample[t]);
    }

    double[][] measured = new PearsonsCorrelation(sample).getCorrelationMatrix().getData();

    // Standard error of a sample correlation is (1 - ρ²)/√n <= 1/√200000 ≈ 0.0022; 0.01 is over 4 of them.
    double tolerance = 0.01;
    assertEquals(0, normals.diagonalNudge(), "the calibrated matrix is positive definite as committed");
    for (int i = 0; i < k; i++) {
      double sumSquares = 0;
      for (double[] row : sample) {
        sumSquares += row[i] * row[i];
      }
      assertEquals(1, sumSquares / n, 0.02, "unit variance of component " + i);
      for (int j = 0; j < k; j++) {
        assertEquals(target[i][j], measured[i][j], tolerance, "correlation[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void shouldNudgeTheDiagonalOfAMatrixThatIsNotPositiveDefinite() {
    // A~B and B~C strongly, but A~C strongly negative: impossible, smallest eigenvalue < 0.
    double c = 0.9;
    double[][] impossible = {{1, c, -c}, {c, 1, c}, {-c, c, 1}};

    CorrelatedNormals normals = new CorrelatedNormals(impossible);

    double nudge = normals.diagonalNudge();
    assertTrue(nudge > 0, "a nudge was needed");
    double[][] effective = normals.effectiveCorrelation();
    for (int i = 0; i < 3; i++) {
      assertEquals(1, effective[i][i], 1e-12, "unit diagonal kept");
      for (int j = 0; j < 3; j++) {
        if (i != j) {
          assertEquals(impossible[i][j] / (1 + nudge), effective[i][j], 1e-12, "shrunk by 1/(1+ε)");
        }
      }
    }
    double[] out = new double[3];
    normals.draw(new Well19937c(1), new double[3], out);
    for (double x : out) {
      assertTrue(Double.isFinite(x));
    }
  }

  @Test
  void shouldRejectAMatrixThatIsNotACorrelationMatrix() {
    assertThrows(IllegalArgumentException.class, () -> new CorrelatedNormals(new double[][] {{1, 0.5}, {0.4, 1}}));
    assertThrows(IllegalArgumentException.class, () -> new CorrelatedNormals(new double[][] {{2, 0}, {0, 1}}));
    assertThrows(IllegalArgumentException.class, () -> new CorrelatedNormals(new double[][] {{1, 1.5}, {1.5, 1}}));
  }
}
