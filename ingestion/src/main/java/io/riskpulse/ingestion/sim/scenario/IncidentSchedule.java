package io.riskpulse.ingestion.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Places a day's incidents: the types in a random order, the time after the warm-up cut into as many equal slots
 * (each at least {@link ScenarioSettings#SLOT_SECONDS}), one incident each, starting 0-60 s into its slot
 * (portfolio incidents at a random millisecond), so that no two overlap and each is over, with the scoring's 60 s
 * of grace, before the next slot; spread over the day, incidents are rare events as in life, and the norms have
 * time to settle between them. A market incident hits the instrument disturbed least recently (ties drawn at
 * random), so that one instrument is not crashed twice in a row. Draws who is hit and how hard:
 *
 * <ul>
 *   <li>runaway: a random portfolio and strategy, 30-60 orders/s for 45-75 s;
 *   <li>layering: a random portfolio's market maker on a random instrument, a cycle every 1.5-3 s for 30-60 s;
 *   <li>fat finger: a random portfolio's execution algorithm or momentum strategy;
 *   <li>liquidity crunch: a random instrument for 120-240 s, spread × 5-10;
 *   <li>flash crash: a random instrument, a 5-8% fall over 60-120 s, 5-20 s at the low, 60-120 s of recovery.
 * </ul>
 */
final class IncidentSchedule {

  /** The day's labels, the portfolios' misbehaviours and the market's distortions. */
  record Plan(List<Incident> incidents, List<SimulatedStrategy> injected, MarketStress stress) {}

  private IncidentSchedule() {}

  /**
   * @param executionSymbols each portfolio's execution-algorithm instrument
   */
  static Plan plan(ScenarioSettings settings, long openMillis, List<String> symbols, List<String> portfolios,
      Map<String, String> executionSymbols, RandomGenerator random) {
    List<IncidentType> types = new ArrayList<>(settings.incidents());
    for (int i = types.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      IncidentType swap = types.get(i);
      types.set(i, types.get(j));
      types.set(j, swap);
    }
    List<Incident> incidents = new ArrayList<>();
    List<SimulatedStrategy> injected = new ArrayList<>();
    List<MarketStress.Episode> episodes = new ArrayList<>();
    long slotSeconds = types.isEmpty() ? ScenarioSettings.SLOT_SECONDS
        : Math.max(ScenarioSettings.SLOT_SECONDS,
            (settings.sessionSeconds() - settings.warmUpSeconds()) / types.size());
    Map<String, Integer> lastDisturbed = new java.util.HashMap<>();
    for (int k = 0; k < types.size(); k++) {
      IncidentType type = types.get(k);
      long slot = openMillis + (settings.warmUpSeconds() + k * slotSeconds) * 1000L;
      long start = slot + Draws.uniformLong(random, 0, 60) * 1000L;
      String symbol = symbols.get(random.nextInt(symbols.size()));
      if (type.market()) {
        int oldest = symbols.stream().mapToInt(s -> lastDisturbed.getOrDefault(s, -1)).min().orElse(-1);
        List<String> candidates = symbols.stream().filter(s -> lastDisturbed.getOrDefault(s, -1) == oldest).toList();
        symbol = candidates.get(random.nextInt(candidates.size()));
        lastDisturbed.put(symbol, k);
      }
      String portfolio = portfolios.get(random.nextInt(portfolios.size()));
      switch (type) {
        case RUNAWAY_ALGO -> {
          start += Draws.uniformLong(random, 0, 999);
          String[] styles = {MarketMakerFlow.NAME, ExecutionAlgoFlow.NAME, MomentumFlow.NAME};
          String strategy = styles[random.nextInt(styles.length)];
          if (strategy.equals(ExecutionAlgoFlow.NAME)) {
            symbol = executionSymbols.get(portfolio);
          }
          double median = strategy.equals(MarketMakerFlow.NAME) ? MarketMakerFlow.MEDIAN_NOTIONAL
              : strategy.equals(ExecutionAlgoFlow.NAME) ? ExecutionAlgoFlow.MEDIAN_NOTIONAL
              : MomentumFlow.MEDIAN_NOTIONAL / 4;
          RunawayBurst burst = new RunawayBurst(portfolio, strategy, symbol, start,
              Draws.uniformLong(random, 45, 75) * 1000L, Draws.uniform(random, 30, 60), median, random);
          injected.add(burst);
          incidents.add(new Incident(type, portfolio, strategy, symbol, start, burst.endMillis()));
        }
        case LAYERING -> {
          start += Draws.uniformLong(random, 0, 999);
          long until = start + Draws.uniformLong(random, 30, 60) * 1000L;
          List<Long> cycles = new ArrayList<>();
          for (long c = start; c < until; c += Draws.uniformLong(random, 1500, 3000)) {
            cycles.add(c);
          }
          injected.add(new LayeringBurst(portfolio, MarketMakerFlow.NAME, symbol, cycles, random));
          incidents.add(new Incident(type, portfolio, MarketMakerFlow.NAME, symbol, start,
              cycles.get(cycles.size() - 1) + LayeringBurst.CYCLE_MILLIS));
        }
        case FAT_FINGER -> {
          start += Draws.uniformLong(random, 0, 999);
          boolean algo = random.nextBoolean();
          String strategy = algo ? ExecutionAlgoFlow.NAME : MomentumFlow.NAME;
          if (algo) {
            symbol = executionSymbols.get(portfolio);
          }
          injected.add(new FatFingerOrder(portfolio, strategy, symbol, start,
              algo ? ExecutionAlgoFlow.MEDIAN_NOTIONAL : MomentumFlow.MEDIAN_NOTIONAL, random));
          incidents.add(new Incident(type, portfolio, strategy, symbol, start,
              start + FatFingerOrder.FILL_DELAY_MILLIS));
        }
        case LIQUIDITY_CRUNCH -> {
          MarketStress.Episode e = new MarketStress.Episode(type, symbol, start,
              Draws.uniformLong(random, 120, 240) * 1000L, 0, 0, Draws.uniform(random, 5, 10));
          episodes.add(e);
          incidents.add(new Incident(type, "", "", symbol, start, e.endMillis()));
        }
        case FLASH_CRASH -> {
          MarketStress.Episode e = new MarketStress.Episode(type, symbol, start,
              Draws.uniformLong(random, 60, 120) * 1000L, Draws.uniformLong(random, 5, 20) * 1000L,
              Draws.uniformLong(random, 60, 120) * 1000L, Draws.uniform(random, 0.05, 0.08));
          episodes.add(e);
          incidents.add(new Incident(type, "", "", symbol, start, e.endMillis()));
        }
        case FEED_GAP -> {
          MarketStress.Episode e = new MarketStress.Episode(type, symbol, start,
              Draws.uniformLong(random, 60, 120) * 1000L, 0, 0, 0);
          episodes.add(e);
          incidents.add(new Incident(type, "", "", symbol, start, e.endMillis()));
        }
        case CROSSED_FEED -> {
          MarketStress.Episode e = new MarketStress.Episode(type, symbol, start,
              Draws.uniformLong(random, 20, 40) * 1000L, 0, 0, Draws.uniformLong(random, 2, 5));
          episodes.add(e);
          incidents.add(new Incident(type, "", "", symbol, start, e.endMillis()));
        }
        default -> throw new IllegalStateException("unknown incident type " + type);
      }
    }
    return new Plan(List.copyOf(incidents), List.copyOf(injected), new MarketStress(episodes));
  }
}
