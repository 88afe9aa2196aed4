package io.riskpulse.ingestion.sim;

import io.riskpulse.model.instrument.CsvTable;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The simulated instrument universe: the instruments the demo trades and, for each, how the
 * {@link CorrelatedPriceSimulator} moves its price. Immutable and thread-safe.
 *
 * <p>File format ({@link #DEFAULT_RESOURCE}, documented in the file itself): the {@link InstrumentRegistry} CSV
 * columns {@code symbol,asset_class,currency,lot_size,sector,region} followed by {@code start_price,proxy,beta,
 * idio_vol}, the registry's optional {@code adv} (illustrative average daily volumes) and a free
 * {@code description}; columns are found by name, so their order is free. Because the registry ignores unknown
 * columns, the very same file is the node's instrument reference in the demo; {@link #parse} reads the
 * instrument columns with {@link InstrumentRegistry#parse} and its own with the same {@link CsvTable} reader, so
 * that both always agree.
 */
public final class SimUniverse {

  /** Classpath location of the default universe. */
  public static final String DEFAULT_RESOURCE = "/riskpulse/sim/universe.csv";

  /**
   * Simulation parameters of one instrument.
   *
   * @param instrument reference data
   * @param startPrice initial mid price, price currency; &gt; 0
   * @param proxy calibrated series whose shocks drive the instrument (a {@link Calibration} symbol)
   * @param beta loading on the proxy's shock (may be negative); the systematic annual vol is
   *     {@code |beta| × vol(proxy)}
   * @param idioVol annualised volatility of the instrument's own independent noise, fraction; &ge; 0
   */
  public record SimInstrument(Instrument instrument, double startPrice, String proxy, double beta, double idioVol) {

    public SimInstrument {
      Objects.requireNonNull(instrument, "instrument");
      Objects.requireNonNull(proxy, "proxy");
      if (!(startPrice > 0) || Double.isInfinite(startPrice)) {
        throw new IllegalArgumentException("start_price must be a positive finite number, was " + startPrice);
      }
      if (proxy.isBlank()) {
        throw new IllegalArgumentException("proxy must not be blank");
      }
      if (!Double.isFinite(beta)) {
        throw new IllegalArgumentException("beta must be finite, was " + beta);
      }
      if (!(idioVol >= 0) || Double.isInfinite(idioVol)) {
        throw new IllegalArgumentException("idio_vol must be a finite number >= 0, was " + idioVol);
      }
    }

    public String symbol() {
      return instrument.symbol();
    }

    /** Total annualised volatility under a calibration: {@code sqrt((beta × vol(proxy))² + idioVol²)}. */
    public double annualVol(Calibration calibration) {
      double systematic = beta * calibration.annualVol(proxy);
      return Math.sqrt(systematic * systematic + idioVol * idioVol);
    }
  }

  private final List<SimInstrument> members;
  private final Map<String, SimInstrument> bySymbol;

  private SimUniverse(List<SimInstrument> members) {
    Map<String, SimInstrument> map = new LinkedHashMap<>();
    for (SimInstrument member : members) {
      if (map.putIfAbsent(member.symbol(), member) != null) {
        throw new IllegalArgumentException("duplicate symbol '" + member.symbol() + "' in universe");
      }
    }
    if (map.isEmpty()) {
      throw new IllegalArgumentException("empty universe");
    }
    this.members = List.copyOf(members);
    this.bySymbol = Collections.unmodifiableMap(map);
  }

  /** A universe of these members, in this order; symbols must be unique. */
  public static SimUniverse of(List<SimInstrument> members) {
    return new SimUniverse(members);
  }

  /** The committed default universe ({@link #DEFAULT_RESOURCE}). */
  public static SimUniverse loadDefault() {
    try (InputStream in = SimUniverse.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("universe resource " + DEFAULT_RESOURCE + " is not on the classpath");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * Parses a universe file (format in the class comment).
   *
   * @param source name used in error messages
   * @throws IllegalArgumentException {@code source:line: reason} for the first malformed line
   */
  public static SimUniverse parse(Reader reader, String source) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n; (n = reader.read(buffer)) > 0; ) {
      text.append(buffer, 0, n);
    }
    InstrumentRegistry registry = InstrumentRegistry.parse(new StringReader(text.toString()), source);
    CsvTable table = CsvTable.open(new StringReader(text.toString()), source, "universe file",
        List.of("start_price", "proxy", "beta", "idio_vol"));
    List<SimInstrument> members = table.rows(row -> new SimInstrument(
        registry.find(cell(row, "symbol")).orElseThrow(),
        Double.parseDouble(cell(row, "start_price")),
        cell(row, "proxy"),
        Double.parseDouble(cell(row, "beta")),
        Double.parseDouble(cell(row, "idio_vol"))));
    try {
      return new SimUniverse(members);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static String cell(CsvTable.Row row, String column) {
    String value = row.cell(column, null);
    if (value == null) {
      throw new IllegalArgumentException("missing " + column);
    }
    return value;
  }

  /**
   * Checks that every proxy is a calibrated series.
   *
   * @throws IllegalArgumentException listing the instruments whose proxy is not in the calibration
   */
  public void requireProxiesIn(Calibration calibration) {
    List<String> missing = members.stream()
        .filter(m -> !calibration.contains(m.proxy()))
        .map(m -> m.symbol() + "->" + m.proxy())
        .collect(Collectors.toList());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("proxies not in the calibration " + calibration.symbols() + ": " + missing);
    }
  }

  /** Simulation parameters of every instrument, in file order. */
  public List<SimInstrument> members() {
    return members;
  }

  /** The instruments, in file order. */
  public List<Instrument> instruments() {
    return members.stream().map(SimInstrument::instrument).collect(Collectors.toUnmodifiableList());
  }

  /** The instruments as a registry (the demo node's instrument reference). */
  public InstrumentRegistry registry() {
    return InstrumentRegistry.of(instruments());
  }

  /**
   * Parameters of one instrument.
   *
   * @throws IllegalArgumentException when the symbol is not in the universe
   */
  public SimInstrument get(String symbol) {
    SimInstrument member = bySymbol.get(symbol);
    if (member == null) {
      throw new IllegalArgumentException("'" + symbol + "' is not in the universe");
    }
    return member;
  }

  public int size() {
    return members.size();
  }
}
