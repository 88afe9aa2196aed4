package io.riskpulse.ingestion.sim;

import io.riskpulse.ingestion.sim.SimUniverse.SimInstrument;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.market.Quote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Correlated geometric Brownian motion of every instrument of a {@link SimUniverse}, driven by the calibrated
 * proxy series.
 *
 * <p>Model, per step of {@code dt} years ({@code dtSeconds / }{@link #SECONDS_PER_TRADING_YEAR}):
 *
 * <pre>
 *   e      = L z                    z i.i.d. N(0,1), L L' = correlation of the proxies used (Cholesky)
 *   ln S_i += -σ_i²/2 dt + √dt (β_i σ_p(i) e_p(i) + η_i ε_i)     ε_i i.i.d. N(0,1)
 *   σ_i²   = (β_i σ_p(i))² + η_i²
 * </pre>
 *
 * where σ_p is the proxy's calibrated annual vol, β_i and η_i the instrument's beta and idiosyncratic vol. The
 * drift is zero (the {@code -σ²/2} term makes each price a martingale), which is right for a risk demo: no
 * strategy should profit from a built-in trend. Two instruments on the same proxy thus have correlation
 * {@code β_i β_j σ_p² / (σ_i σ_j)}, and on different proxies that times the proxies' correlation. If the proxy
 * correlation matrix is not positive definite the diagonal is nudged (see {@link CorrelatedNormals}).
 *
 * <p>Quotes: {@code last} is the mid; {@code bid/ask = mid × (1 ∓ h)} with a half-spread {@code h} of 0.5 to 5 bp
 * by asset class. There is no tick grid.
 *
 * <p>Prices stay positive and finite: they are exponentials of a log-price, and the log-price is clamped to within
 * a factor {@link #MAX_MOVE_FACTOR} of the start price, so that neither a very long run (the {@code -σ²/2} drift
 * eventually takes a GBM towards 0) nor a huge {@code dtSeconds} can reach 0, subnormal numbers or infinity. At
 * calibrated vols the clamp is never touched in years of simulated time.
 *
 * <p>Determinism: a given universe, calibration and seed always produce the same sequence (commons-math3
 * {@link Well19937c}). Not thread-safe: confine an instance to one thread. {@link #step} allocates only the
 * returned quotes.
 */
public final class CorrelatedPriceSimulator implements QuoteGenerator {

  /** Seconds in a trading year: 252 sessions of 6.5 hours. Annual vols are per this much simulated time. */
  public static final double SECONDS_PER_TRADING_YEAR = 252 * 6.5 * 3600;
  /** Default simulated time of the first step: 2024-01-02 09:30 New York (a nominal session open). */
  public static final long DEFAULT_START_MILLIS = Instant.parse("2024-01-02T14:30:00Z").toEpochMilli();
  /** Default simulated time per {@link #next()} step, seconds (one minute bars). */
  public static final double DEFAULT_STEP_SECONDS = 60;
  /** Prices are kept within {@code [start / MAX_MOVE_FACTOR, start × MAX_MOVE_FACTOR]}. */
  public static final double MAX_MOVE_FACTOR = 1e6;

  private static final double MAX_LOG_MOVE = Math.log(MAX_MOVE_FACTOR);

  private final List<Instrument> instruments;
  private final String[] symbols;
  private final int[] proxyIndex;
  private final double[] systematicVol;
  private final double[] idioVol;
  private final double[] totalVariance;
  private final double[] halfSpread;
  private final double[] logStart;
  private final double[] logPrice;
  private final CorrelatedNormals normals;
  private final double[] scratch;
  private final double[] proxyShocks;
  private final RandomGenerator random;
  private final long startMillis;
  private final double stepSeconds;
  private long steps;

  /**
   * @param universe instruments and their parameters; every proxy must be in the calibration
   * @param calibration proxy vols and correlations
   * @param seed random seed; the same seed gives the same paths
   * @param startMillis timestamp of the first {@link #next()} step, epoch milliseconds
   * @param stepSeconds simulated seconds per {@link #next()} step; &gt; 0
   */
  public CorrelatedPriceSimulator(
      SimUniverse universe, Calibration calibration, long seed, long startMillis, double stepSeconds) {
    if (!(stepSeconds > 0) || Double.isInfinite(stepSeconds)) {
      throw new IllegalArgumentException("stepSeconds must be a positive finite number, was " + stepSeconds);
    }
    universe.requireProxiesIn(calibration);
    List<SimInstrument> members = universe.members();
    int n = members.size();
    Map<String, Integer> proxies = new LinkedHashMap<>();
    for (SimInstrument member : members) {
      proxies.putIfAbsent(member.proxy(), proxies.size());
    }
    List<String> proxySymbols = new ArrayList<>(proxies.keySet());
    double[][] full = calibration.correlationMatrix();
    double[][] correlation = new double[proxySymbols.size()][proxySymbols.size()];
    for (int a = 0; a < proxySymbols.size(); a++) {
      for (int b = 0; b < proxySymbols.size(); b++) {
        correlation[a][b] = full[calibration.indexOf(proxySymbols.get(a))][calibration.indexOf(proxySymbols.get(b))];
      }
    }
    this.normals = new CorrelatedNormals(correlation);
    this.scratch = new double[proxySymbols.size()];
    this.proxyShocks = new double[proxySymbols.size()];
    this.instruments = universe.instruments();
    this.symbols = new String[n];
    this.proxyIndex = new int[n];
    this.systematicVol = new double[n];
    this.idioVol = new double[n];
    this.totalVariance = new double[n];
    this.halfSpread = new double[n];
    this.logStart = new double[n];
    this.logPrice = new double[n];
    for (int i = 0; i < n; i++) {
      SimInstrument member = members.get(i);
      symbols[i] = member.symbol();
      proxyIndex[i] = proxies.get(member.proxy());
      systematicVol[i] = member.beta() * calibration.annualVol(member.proxy());
      idioVol[i] = member.idioVol();
      totalVariance[i] = systematicVol[i] * systematicVol[i] + idioVol[i] * idioVol[i];
      halfSpread[i] = Spreads.halfSpread(member.instrument().assetClass());
      logStart[i] = Math.log(member.startPrice());
      logPrice[i] = logStart[i];
    }
    this.random = new Well19937c(seed);
    this.startMillis = startMillis;
    this.stepSeconds = stepSeconds;
  }

  /** The default universe and calibration, starting {@link #DEFAULT_START_MILLIS}, one-minute steps. */
  public static CorrelatedPriceSimulator withDefaults(long seed) {
    return new CorrelatedPriceSimulator(SimUniverse.loadDefault(), Calibration.loadDefault(), seed,
        DEFAULT_START_MILLIS, DEFAULT_STEP_SECONDS);
  }

  @Override
  public List<Instrument> instruments() {
    return instruments;
  }

  /** Advances by the configured step; the k-th call (from 0) is stamped {@code startMillis + k × step}. */
  @Override
  public List<Quote> next() {
    long timestamp = startMillis + Math.round(steps * stepSeconds * 1000);
    return step(stepSeconds, timestamp);
  }

  /**
   * Advances every price by {@code dtSeconds} of simulated trading time.
   *
   * @param dtSeconds simulated seconds; &gt; 0 and finite
   * @param timestampMillis timestamp stamped on the quotes, epoch milliseconds
   * @return one quote per instrument, in {@link #instruments()} order, with {@code 0 < bid < last < ask}
   */
  public List<Quote> step(double dtSeconds, long timestampMillis) {
    if (!(dtSeconds > 0) || Double.isInfinite(dtSeconds)) {
      throw new IllegalArgumentException("dtSeconds must be a positive finite number, was " + dtSeconds);
    }
    double dtYears = dtSeconds / SECONDS_PER_TRADING_YEAR;
    double sqrtDt = Math.sqrt(dtYears);
    normals.draw(random, scratch, proxyShocks);
    List<Quote> quotes = new ArrayList<>(symbols.length);
    for (int i = 0; i < symbols.length; i++) {
      double shock = systematicVol[i] * proxyShocks[proxyIndex[i]] + idioVol[i] * random.nextGaussian();
      double x = logPrice[i] - 0.5 * totalVariance[i] * dtYears + sqrtDt * shock;
      x = Math.max(logStart[i] - MAX_LOG_MOVE, Math.min(logStart[i] + MAX_LOG_MOVE, x));
      logPrice[i] = x;
      double mid = Math.exp(x);
      quotes.add(new Quote(symbols[i], mid, mid * (1 - halfSpread[i]), mid * (1 + halfSpread[i]), timestampMillis));
    }
    steps++;
    return quotes;
  }

  /** Current mid price of an instrument, price currency. */
  public double price(String symbol) {
    for (int i = 0; i < symbols.length; i++) {
      if (symbols[i].equals(symbol)) {
        return Math.exp(logPrice[i]);
      }
    }
    throw new IllegalArgumentException("'" + symbol + "' is not simulated");
  }

  /** Number of steps taken so far. */
  public long steps() {
    return steps;
  }

  /** The ε added to the proxy correlation diagonal to factorise it, 0 when none was needed. */
  public double correlationNudge() {
    return normals.diagonalNudge();
  }
}
