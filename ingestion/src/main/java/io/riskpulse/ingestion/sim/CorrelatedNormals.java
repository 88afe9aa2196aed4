package io.riskpulse.ingestion.sim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Draws vectors of standard normal variables with a given correlation matrix: {@code e = L z} where
 * {@code z} is i.i.d. N(0,1) and {@code L} the lower Cholesky factor of the correlation matrix
 * ({@code L Lᵀ = C}), computed once with commons-math3 {@link CholeskyDecomposition}.
 *
 * <p>Not positive definite: a correlation matrix estimated from data with fewer observations than series, or
 * rounded for storage, or assembled by hand, can have a zero or slightly negative eigenvalue, and the
 * factorisation then fails. The matrix is then repaired by the smallest diagonal nudge
 * {@code C' = (C + εI) / (1 + ε)}, ε = 10⁻¹⁰, 10⁻⁹, ... : this keeps a unit diagonal, shrinks every
 * correlation by the factor {@code 1/(1+ε)} and lifts every eigenvalue λ to {@code (λ+ε)/(1+ε)}. The ε used
 * is reported by {@link #diagonalNudge()} (0 when the matrix factorised as given).
 *
 * <p>Immutable after construction; {@link #draw} writes only to the caller's arrays and draws from the
 * caller's generator, so an instance may be shared, while each generator stays confined to one thread.
 */
public final class CorrelatedNormals {

  private static final double SYMMETRY_TOLERANCE = 1e-9;
  private static final double POSITIVITY_THRESHOLD = 1e-10;

  private final int dimension;
  /** Lower-triangular factor, row-major, only j &le; i used. */
  private final double[][] lower;
  private final double nudge;

  /**
   * @param correlation square, symmetric matrix with unit diagonal and entries in [-1, 1]
   * @throws IllegalArgumentException when it is not such a matrix or cannot be repaired
   */
  public CorrelatedNormals(double[][] correlation) {
    dimension = correlation.length;
    if (dimension == 0) {
      throw new IllegalArgumentException("empty correlation matrix");
    }
    for (int i = 0; i < dimension; i++) {
      if (correlation[i].length != dimension) {
        throw new IllegalArgumentException("correlation matrix is not square: row " + i + " has "
            + correlation[i].length + " entries, expected " + dimension);
      }
      if (Math.abs(correlation[i][i] - 1) > SYMMETRY_TOLERANCE) {
        throw new IllegalArgumentException("correlation[" + i + "][" + i + "] must be 1, was " + correlation[i][i]);
      }
      for (int j = 0; j < dimension; j++) {
        double c = correlation[i][j];
        if (!(c >= -1 && c <= 1)) {
          throw new IllegalArgumentException("correlation[" + i + "][" + j + "] outside [-1, 1]: " + c);
        }
        if (Math.abs(c - correlation[j][i]) > SYMMETRY_TOLERANCE) {
          throw new IllegalArgumentException("correlation matrix is not symmetric at [" + i + "][" + j + "]");
        }
      }
    }
    double epsilon = 0;
    RealMatrix factor = null;
    while (factor == null) {
      try {
        factor = new CholeskyDecomposition(nudged(correlation, epsilon), SYMMETRY_TOLERANCE, POSITIVITY_THRESHOLD)
            .getL();
      } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
        epsilon = epsilon == 0 ? 1e-10 : epsilon * 10;
        // Every eigenvalue of a matrix with unit diagonal and |entries| <= 1 is >= -(n-1): ε = n always works.
        if (epsilon > dimension * 10.0) {
          throw new IllegalArgumentException("correlation matrix cannot be made positive definite", e);
        }
      }
    }
    nudge = epsilon;
    lower = factor.getData();
  }

  private static RealMatrix nudged(double[][] correlation, double epsilon) {
    int n = correlation.length;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        // Symmetrise exactly so that tolerance-level asymmetry never reaches the factorisation.
        double c = i == j ? 1 : 0.5 * (correlation[i][j] + correlation[j][i]);
        m[i][j] = (c + (i == j ? epsilon : 0)) / (1 + epsilon);
      }
    }
    return new Array2DRowRealMatrix(m, false);
  }

  public int dimension() {
    return dimension;
  }

  /** The ε added to the diagonal to make the matrix positive definite, 0 when none was needed. */
  public double diagonalNudge() {
    return nudge;
  }

  /** The correlation matrix actually reproduced ({@code L Lᵀ}), after any nudge. A fresh copy. */
  public double[][] effectiveCorrelation() {
    double[][] c = new double[dimension][dimension];
    for (int i = 0; i < dimension; i++) {
      for (int j = 0; j < dimension; j++) {
        double sum = 0;
        for (int k = 0; k <= Math.min(i, j); k++) {
          sum += lower[i][k] * lower[j][k];
        }
        c[i][j] = sum;
      }
    }
    return c;
  }

  /**
   * Fills {@code out} with one correlated draw. Allocation-free.
   *
   * @param random source of standard normals
   * @param scratch array of at least {@link #dimension()} entries, overwritten with the independent draws
   * @param out array of at least {@link #dimension()} entries receiving the correlated draws
   */
  public void draw(RandomGenerator random, double[] scratch, double[] out) {
    for (int i = 0; i < dimension; i++) {
      scratch[i] = random.nextGaussian();
    }
    for (int i = 0; i < dimension; i++) {
      double[] row = lower[i];
      double sum = 0;
      for (int k = 0; k <= i; k++) {
        sum += row[k] * scratch[k];
      }
      out[i] = sum;
    }
  }
}
