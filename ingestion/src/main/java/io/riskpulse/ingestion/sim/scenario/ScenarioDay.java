package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.ingestion.sim.HistoricalReplay;
import io.riskpulse.model.market.Quote;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One simulated trading day with labelled incidents: the instruments' market data (an {@link IntradayBridge} mid
 * through a {@link SyntheticTape}, disturbed by the day's {@link MarketStress}) and the order flow and fills of
 * the portfolios {@code P1..Pn}, each running a {@link MarketMakerFlow} ({@code mm}) on every instrument, an
 * {@link ExecutionAlgoFlow} ({@code vwap}) on one and a {@link MomentumFlow} ({@code momentum}), plus the
 * misbehaviours the {@link IncidentSchedule} injected. The {@link #incidents()} are known before the first event.
 *
 * <p>Delivered one simulated second at a time ({@link #nextSecond()}), in event-time order (ties in the order
 * generated: a second's quote and book come before its trades and orders). The session opens at 14:30 UTC of the
 * day (09:30 New York, nominal). Deterministic: the same settings and closes give the same events; the random
 * streams are drawn from the seed, the date and the component's name. Confined to one thread.
 */
public final class ScenarioDay {

  private final ScenarioSettings settings;
  private final DayCloses closes;
  private final long openMillis;
  private final List<String> portfolios = new ArrayList<>();
  private final IntradayBridge[] bridges;
  private final SyntheticTape[] tapes;
  private final List<SimulatedStrategy> strategies = new ArrayList<>();
  private final List<Incident> incidents;
  private final MarketStress stress;
  private final Map<String, Quote> quotes = new LinkedHashMap<>();
  private final PriorityQueue<Queued> queue = new PriorityQueue<>();
  private final OrderSink sink;
  private long sequence;
  private int second;

  private record Queued(ScenarioEvent event, long sequence) implements Comparable<Queued> {
    @Override
    public int compareTo(Queued o) {
      int byTime = Long.compare(event.atMillis(), o.event.atMillis());
      return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
    }
  }

  public ScenarioDay(ScenarioSettings settings, DayCloses closes) {
    this.settings = settings;
    this.closes = closes;
    this.openMillis = closes.date().atTime(HistoricalReplay.SESSION_OPEN_UTC).toInstant(ZoneOffset.UTC).toEpochMilli();
    String day = closes.date().toString();
    List<String> symbols = closes.symbols();
    bridges = new IntradayBridge[symbols.size()];
    tapes = new SyntheticTape[symbols.size()];
    for (int i = 0; i < symbols.size(); i++) {
      String symbol = symbols.get(i);
      bridges[i] = new IntradayBridge(closes.open()[i], closes.close()[i], closes.dailyVol()[i],
          settings.sessionSeconds(), random(day + "/bridge/" + symbol));
      tapes[i] = new SyntheticTape(symbol, closes.open()[i], random(day + "/tape/" + symbol));
    }
    Map<String, String> executionSymbols = new HashMap<>();
    for (int p = 0; p < settings.portfolios(); p++) {
      String id = ScenarioSettings.portfolioId(p);
      portfolios.add(id);
      String algoSymbol = symbols.get(p % symbols.size());
      executionSymbols.put(id, algoSymbol);
      strategies.add(new MarketMakerFlow(id, symbols, random(day + '/' + id + "/mm")));
      strategies.add(new ExecutionAlgoFlow(id, algoSymbol, random(day + '/' + id + "/vwap")));
      strategies.add(new MomentumFlow(id, symbols, random(day + '/' + id + "/momentum")));
    }
    IncidentSchedule.Plan plan = IncidentSchedule.plan(settings, openMillis, symbols, portfolios, executionSymbols,
        random(day + "/incidents"));
    incidents = plan.incidents();
    strategies.addAll(plan.injected());
    stress = plan.stress();
    sink = new OrderSink(day.replace("-", ""), this::enqueue, stress);
  }

  private RandomGenerator random(String component) {
    return Draws.generator(settings.seed(), component);
  }

  private void enqueue(ScenarioEvent event) {
    queue.add(new Queued(event, sequence++));
  }

  public ScenarioSettings settings() {
    return settings;
  }

  public LocalDate date() {
    return closes.date();
  }

  /** The session's open, epoch milliseconds. */
  public long openMillis() {
    return openMillis;
  }

  /** The end of the session's last second, epoch milliseconds. */
  public long closeMillis() {
    return openMillis + settings.sessionSeconds() * 1000L;
  }

  public List<String> symbols() {
    return closes.symbols();
  }

  public List<String> portfolios() {
    return Collections.unmodifiableList(portfolios);
  }

  /** The injected incidents, by onset. */
  public List<Incident> incidents() {
    return incidents;
  }

  /** What the instrument's tape trades in a full undisturbed session, instrument units. */
  public double averageDailyVolume(String symbol) {
    int i = closes.symbols().indexOf(symbol);
    return i < 0 ? Double.NaN : tapes[i].averageDailyVolume();
  }

  /** σ of the instrument's daily log returns the day's path uses (fraction); NaN for an unknown one. */
  public double dailyVolatility(String symbol) {
    int i = closes.symbols().indexOf(symbol);
    return i < 0 ? Double.NaN : closes.dailyVol()[i];
  }

  public boolean hasNext() {
    return second < settings.sessionSeconds();
  }

  /**
   * The events of the next simulated second, in time order; after the last second also every message still
   * queued (cancels and fills of orders sent just before the close).
   */
  public List<ScenarioEvent> nextSecond() {
    if (!hasNext()) {
      throw new java.util.NoSuchElementException("the session is over");
    }
    long t0 = openMillis + second * 1000L;
    List<String> symbols = closes.symbols();
    for (int i = 0; i < symbols.size(); i++) {
      String symbol = symbols.get(i);
      double mid = bridges[i].next() * stress.midFactor(symbol, t0);
      quotes.put(symbol, tapes[i].second(t0, mid, stress, this::enqueue));
    }
    for (SimulatedStrategy strategy : strategies) {
      strategy.onSecond(t0, quotes, sink);
    }
    second++;
    boolean last = !hasNext();
    List<ScenarioEvent> out = new ArrayList<>();
    while (!queue.isEmpty() && (last || queue.peek().event().atMillis() < t0 + 1000)) {
      out.add(queue.poll().event());
    }
    return out;
  }

  /** Delivers every remaining event, in time order. */
  public void forEachRemaining(Consumer<ScenarioEvent> consumer) {
    while (hasNext()) {
      nextSecond().forEach(consumer);
    }
  }
}
