package io.riskpulse.model.detect;

import io.riskpulse.model.detect.flow.ImpactDetector;
import io.riskpulse.model.detect.flow.OrderFlowFeatures;
import io.riskpulse.model.detect.flow.RunawayDetector;
import io.riskpulse.model.market.BookState;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Every detector of one portfolio, fed its order flow, its fills and the market, answering with findings; and
 * the episode clock that says when a finding has gone quiet.
 *
 * <p>The entity turns a finding whose episode is not open into a journaled event (and the detector's action), and
 * ignores findings of open episodes: one incident per episode, not one per tick. An episode ends when no finding
 * of it came for {@code quiet-period}; the clock of an episode restored from the journal starts when it is first
 * asked about, so an episode open at a restart ends a quiet period after it unless found again.
 *
 * <p>Detectors see only event times (order, fill and market timestamps, or the tick time the entity passes), so
 * the same inputs give the same findings. Not thread-safe: owned by one portfolio entity.
 */
public final class PortfolioDetectors {

  private final DetectionEnvironment env;
  private final RunawayDetector runaway;
  private final ImpactDetector impact;
  /** When each episode key was last found, epoch milliseconds. */
  private final Map<String, Long> lastFound = new HashMap<>();
  private final BiConsumer<String, OrderFlowFeatures> completedSeconds;

  public PortfolioDetectors(DetectionEnvironment env) {
    this(env, (strategy, features) -> { });
  }

  /**
   * @param completedSeconds told the features of every completed active second of each strategy, in time order
   */
  public PortfolioDetectors(DetectionEnvironment env, BiConsumer<String, OrderFlowFeatures> completedSeconds) {
    this.env = env;
    this.completedSeconds = completedSeconds;
    this.runaway = new RunawayDetector(env.settings().runaway(), this::onCompletedSecond);
    this.impact = new ImpactDetector(env.settings().impact());
  }

  private void onCompletedSecond(String strategy, OrderFlowFeatures features) {
    completedSeconds.accept(strategy, features);
  }

  /** Whether the node runs detectors; when not, every method finds nothing. */
  public boolean enabled() {
    return env.enabled();
  }

  /** An order-flow message of the portfolio (recorded once: repeats are filtered by the order-flow tracker). */
  public List<DetectionSignal> onOrder(OrderEvent order, long atMillis) {
    if (!enabled()) {
      return List.of();
    }
    runaway.onOrder(order.strategy(), order.action(), order.quantity(), order.price(), atMillis);
    return found(single(runaway.judge(order.strategy(), atMillis)), atMillis);
  }

  /**
   * A fill of the portfolio, judged against the market as the node sees it when the fill arrives.
   *
   * @param averageDailyVolume the instrument's ADV, instrument units; NaN when unknown
   */
  public List<DetectionSignal> onFill(Execution fill, Quote arrival, double averageDailyVolume, long atMillis) {
    if (!enabled()) {
      return List.of();
    }
    List<DetectionSignal> findings = new ArrayList<>(2);
    runaway.onFill(fill.strategy(), fill.symbol(), fill.side(), fill.quantity(), fill.price(), atMillis);
    add(findings, runaway.judge(fill.strategy(), atMillis));
    if (arrival != null) {
      add(findings, impact.judgeFill(fill.strategy(), fill.symbol(), fill.side(), fill.quantity(), fill.price(),
          arrival.bid(), arrival.ask(), averageDailyVolume, env.dailyVolatility().applyAsDouble(fill.symbol()),
          atMillis));
    }
    add(findings, impact.recordFill(fill.symbol(), fill.quantity(), tradedVolume(fill.symbol()), atMillis));
    return found(findings, atMillis);
  }

  /**
   * The periodic look at the market (the entity's mark timer): the node's market findings about the instruments
   * the portfolio holds, and the volume share of those it filled in recently.
   */
  public List<DetectionSignal> onTick(Collection<String> heldSymbols, long nowMillis) {
    if (!enabled()) {
      return List.of();
    }
    List<DetectionSignal> findings = new ArrayList<>();
    for (String symbol : heldSymbols) {
      findings.addAll(env.market().conditions(symbol, nowMillis));
    }
    for (String symbol : impact.recentlyFilled()) {
      add(findings, impact.observeMarket(symbol, tradedVolume(symbol), nowMillis));
    }
    return found(findings, nowMillis);
  }

  /**
   * The open episodes (by key) that have gone quiet at {@code nowMillis}: not found for the quiet period. An
   * episode not seen since this entity started starts its clock now.
   */
  public List<String> quietEpisodes(Set<String> openKeys, long nowMillis) {
    List<String> quiet = new ArrayList<>();
    lastFound.keySet().retainAll(openKeys);
    for (String key : openKeys) {
      long last = lastFound.computeIfAbsent(key, k -> nowMillis);
      if (nowMillis - last >= env.settings().quietMillis()) {
        quiet.add(key);
      }
    }
    return quiet;
  }

  /** The strategy's order-flow features now (for explanations and the what-if). */
  public OrderFlowFeatures features(String strategy, long atMillis) {
    return runaway.features(strategy, atMillis);
  }

  private double tradedVolume(String symbol) {
    BookState book = env.books().book(symbol);
    return book == null ? Double.NaN : book.tradedVolume();
  }

  /** Restarts the quiet clock of each finding's episode at {@code atMillis} (or the finding's own later time). */
  private List<DetectionSignal> found(List<DetectionSignal> findings, long atMillis) {
    for (DetectionSignal finding : findings) {
      lastFound.merge(finding.key(), Math.max(atMillis, finding.atMillis()), Math::max);
    }
    return findings;
  }

  private static List<DetectionSignal> single(DetectionSignal finding) {
    return finding == null ? List.of() : List.of(finding);
  }

  private static void add(List<DetectionSignal> findings, DetectionSignal finding) {
    if (finding != null) {
      findings.add(finding);
    }
  }
}
