package io.riskpulse.node.risk;

import io.riskpulse.ingestion.sim.Calibration;
import io.riskpulse.ingestion.sim.CorrelatedPriceSimulator;
import io.riskpulse.ingestion.sim.SimUniverse;
import io.riskpulse.ingestion.sim.SimUniverse.SimInstrument;
import io.riskpulse.model.history.DailyPriceSeries;
import io.riskpulse.model.history.GapPolicy;
import io.riskpulse.model.history.PriceHistory;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.Quote;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A seeded synthetic daily price history for a node without real history (the demo): the committed market
 * simulator ({@link CorrelatedPriceSimulator} over {@link Calibration}) stepped one trading day at a time, so the
 * scenarios carry the calibrated vols and correlations of the simulated market the node trades. Deterministic:
 * the same instruments, day count and seed give the same closes on every node (and the dates are fixed, not
 * today's), which desk aggregation across nodes needs.
 *
 * <p>Which instruments get a history: those of the simulator universe (its proxy, beta and idiosyncratic vol),
 * and those that are themselves a calibrated series (e.g. SPY, TLT, GLD: proxy itself, beta 1, no idiosyncratic
 * noise). Any other instrument gets none: a position in it has no VaR (fail closed), it is never given a
 * made-up volatility.
 */
final class SyntheticHistory {

  /** The last synthetic close: a fixed Friday, so that every node builds the same dates. */
  static final LocalDate LAST_DATE = LocalDate.of(2023, 12, 29);
  /** Start price of an instrument simulated as its own calibrated series. */
  private static final double PROXY_START_PRICE = 100;

  private SyntheticHistory() {}

  /**
   * {@code days + 1} closes, on weekdays ending {@link #LAST_DATE}, of every instrument of {@code instruments}
   * the simulator can move (in symbol order); empty when it can move none.
   */
  static Optional<PriceHistory> generate(InstrumentRegistry instruments, int days, long seed) {
    SimUniverse universe = SimUniverse.loadDefault();
    Calibration calibration = Calibration.loadDefault();
    Map<String, SimInstrument> simulated = universe.members().stream()
        .collect(Collectors.toMap(SimInstrument::symbol, Function.identity()));
    List<SimInstrument> members = new ArrayList<>();
    List<Instrument> sorted = new ArrayList<>(instruments.all());
    sorted.sort(Comparator.comparing(Instrument::symbol));
    for (Instrument instrument : sorted) {
      SimInstrument known = simulated.get(instrument.symbol());
      if (known != null) {
        members.add(new SimInstrument(instrument, known.startPrice(), known.proxy(), known.beta(), known.idioVol()));
      } else if (calibration.contains(instrument.symbol())) {
        members.add(new SimInstrument(instrument, PROXY_START_PRICE, instrument.symbol(), 1, 0));
      }
    }
    if (members.isEmpty()) {
      return Optional.empty();
    }
    CorrelatedPriceSimulator simulator = new CorrelatedPriceSimulator(SimUniverse.of(members), calibration, seed,
        0, CorrelatedPriceSimulator.SECONDS_PER_TRADING_YEAR / Calibration.TRADING_DAYS_PER_YEAR);
    List<LocalDate> dates = weekdaysEndingOn(LAST_DATE, days + 1);
    double[][] closes = new double[members.size()][days + 1];
    for (int i = 0; i < members.size(); i++) {
      closes[i][0] = members.get(i).startPrice();
    }
    for (int d = 1; d <= days; d++) {
      List<Quote> quotes = simulator.next();
      for (int i = 0; i < members.size(); i++) {
        closes[i][d] = quotes.get(i).last();
      }
    }
    List<DailyPriceSeries> series = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      series.add(DailyPriceSeries.of(members.get(i).symbol(), dates, closes[i]));
    }
    return Optional.of(PriceHistory.align(series, GapPolicy.DEFAULT));
  }

  private static List<LocalDate> weekdaysEndingOn(LocalDate last, int count) {
    List<LocalDate> dates = new ArrayList<>(count);
    LocalDate date = last;
    while (dates.size() < count) {
      if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
        dates.add(0, date);
      }
      date = date.minusDays(1);
    }
    return dates;
  }
}
