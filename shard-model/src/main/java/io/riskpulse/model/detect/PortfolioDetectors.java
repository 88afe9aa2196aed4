package io.riskpulse.model.detect;

import io.riskpulse.model.detect.flow.ImpactDetector;
import io.riskpulse.model.detect.flow.OrderFlowFeatures;
import io.riskpulse.model.detect.flow.RunawayDetector;
import io.riskpulse.model.detect.ml.AnomalyModel;
import io.riskpulse.model.detect.ml.ModelScore;
import io.riskpulse.model.detect.rules.RuleEngine;
import io.riskpulse.model.detect.rules.RuleEvent;
import io.riskpulse.model.detect.rules.RuleMatch;
import io.riskpulse.model.detect.rules.RuleParser;
import io.riskpulse.model.detect.rules.RuleSet;
import io.riskpulse.model.detect.rules.RuleSyntaxException;
import io.riskpulse.model.detect.rules.SharedRuleSets;
import io.riskpulse.model.market.BookState;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeCheck;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

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
 *
 * <p>A strategy's anomaly model scores (and learns from) each completed second of its order flow, which costs
 * tens to hundreds of microseconds per strategy (a random cut forest), once a second per strategy, at the first
 * event of the next second. An order judged in place, on a caller's thread ({@code PreTradeGate}), leaves that to
 * the entity ({@code scoreModels = false} in {@link #onOrder(OrderEvent, Quote, long, Predicate, boolean)}): the
 * second waits, in order, until {@link #scoreModels} or the next event handled with scoring, so the caller's check
 * never pays for it (with 100 portfolios a caller judging 20,000 orders a second in place stopped for 8-22 ms every
 * second: docs/PERFORMANCE.md section 40). The entity then scores them holding its lock, so an order judged in place
 * meanwhile finds it busy and is asked. At most {@value #MAX_UNSCORED} strategy-seconds wait; beyond that the
 * oldest is scored at once, on whichever thread. Seconds still waiting when models are restored are learned by
 * the restored models.
 */
public final class PortfolioDetectors {

  /** Strategies given a model at most; beyond it new strategies are judged by the other detectors only. */
  static final int MAX_MODELS = 100;
  /** Instruments whose last quote fed to the rules is remembered. */
  static final int MAX_MARKET_SYMBOLS = 10_000;
  static final int MAX_KEYS = 10_000;
  /**
   * Strategy-seconds (one per strategy per completed second) left for the entity to score at most; beyond it the
   * oldest is scored where the next completes.
   */
  static final int MAX_UNSCORED = 1_000;

  private final String portfolioId;
  private final DetectionEnvironment env;
  private final RunawayDetector runaway;
  private final ImpactDetector impact;
  /** Each strategy's runaway episode key, built once (forgotten beyond {@value #MAX_KEYS} strategies). */
  private final Map<String, String> runawayKeys = new HashMap<>();
  /** When each episode key was last found, epoch milliseconds. */
  private final Map<String, Long> lastFound = new HashMap<>();
  /** Each strategy's order-flow model and its run of anomalous seconds, by strategy (sorted: snapshots agree). */
  private final Map<String, StrategyModel> models = new TreeMap<>();
  /** Completed seconds of strategies, oldest first, that their models have not scored yet. */
  private final ArrayDeque<CompletedSecond> unscored = new ArrayDeque<>();
  /** Model findings of completed seconds, waiting for the next event to be reported. */
  private final List<DetectionSignal> pendingModelFindings = new ArrayList<>();
  /** Rule matches on market events, waiting for the next event to be reported. */
  private final List<DetectionSignal> pendingRuleFindings = new ArrayList<>();
  private RuleEngine rules;
  /** Whether a model scored a point since the last {@link #checkpoint}. */
  private boolean modelsChanged;
  /** Whether the rules saw an event since the last {@link #checkpoint}. */
  private boolean rulesChanged;
  /** The models' bytes of the last checkpoint, reused while they learn nothing. */
  private final Map<String, byte[]> savedModels = new TreeMap<>();
  /** When the rules' state restored last was taken; {@link Long#MIN_VALUE}: none restored. */
  private long rulesRestoredFromMillis = Long.MIN_VALUE;
  /** The latest quote fed to the rules per symbol, so the market join is fed only what changed. */
  private final Map<String, Quote> quotesFedToRules = new HashMap<>();

  /**
   * Detectors of {@code portfolioId} (which seeds its models), with the node's default rules until
   * {@link #useRules} says otherwise.
   */
  public PortfolioDetectors(String portfolioId, DetectionEnvironment env) {
    this.portfolioId = portfolioId;
    this.env = env;
    this.runaway = new RunawayDetector(env.settings().runaway(), this::onCompletedSecond);
    this.impact = new ImpactDetector(env.settings().impact());
    this.rules = new RuleEngine(SharedRuleSets.parse(env.settings().defaultRules()));
  }

  /** A completed active second of a strategy and its features at the second's end: a model's next sample. */
  private record CompletedSecond(String strategy, long epochSecond, OrderFlowFeatures features) {}

  /**
   * A completed active second of a strategy: queued for its model, which scores it with the next event handled
   * with scoring, or {@link #scoreModels}.
   */
  private void onCompletedSecond(String strategy, long epochSecond, OrderFlowFeatures features) {
    if (!env.settings().model().enabled()) {
      return;
    }
    unscored.add(new CompletedSecond(strategy, epochSecond, features));
    if (unscored.size() > MAX_UNSCORED) {
      score(unscored.poll());
    }
  }

  /** Scores every completed second waiting, oldest first. */
  private void scoreUnscored() {
    while (!unscored.isEmpty()) {
      score(unscored.poll());
    }
  }

  /** The strategy's model scores and learns from the second; a finding waits for the next event to report it. */
  private void score(CompletedSecond second) {
    ModelOptions options = env.settings().model();
    String strategy = second.strategy();
    long epochSecond = second.epochSecond();
    OrderFlowFeatures features = second.features();
    StrategyModel model = models.get(strategy);
    if (model == null) {
      if (models.size() >= MAX_MODELS) {
        return;
      }
      model = new StrategyModel(new AnomalyModel(options.settingsFor(portfolioId, strategy)));
      models.put(strategy, model);
    }
    long at = epochSecond * 1000 + 999;
    ModelScore score = model.model.score(features.toArray(), at);
    modelsChanged = true;
    model.run = score.anomalous() ? model.run + 1 : 0;
    if (model.run >= options.consecutive()) {
      pendingModelFindings.add(score.toSignal(strategy));
    }
    if (++model.sinceDriftCheck >= options.driftCheckSeconds()) {
      model.sinceDriftCheck = 0;
      model.model.driftSignal(strategy, at).ifPresent(pendingModelFindings::add);
    }
  }

  /**
   * The rules this portfolio's pattern detector runs from now on (rule language text, already validated by the
   * caller with {@link RuleParser#parse}); {@code null} or blank text means the node's default rules. Rules whose
   * text is unchanged keep their state (see {@link RuleEngine#replaceRules}).
   */
  public void useRules(String text) {
    String effective = text == null || text.isBlank() ? env.settings().defaultRules() : text;
    try {
      rules.replaceRules(SharedRuleSets.parse(effective));
    } catch (RuleSyntaxException e) {
      // Texts are validated before they are journaled; a grammar change must not stop a portfolio recovering.
      rules.replaceRules(SharedRuleSets.parse(env.settings().defaultRules()));
    }
  }

  /** Whether a model learned something since the last {@link #checkpoint}. */
  public boolean modelsUnsaved() {
    return modelsChanged;
  }

  /** Each strategy's model as it stands, by strategy. */
  public List<ModelStatus> models() {
    List<ModelStatus> out = new ArrayList<>(models.size());
    models.forEach((strategy, model) -> out.add(new ModelStatus(strategy, model.model.pointsSeen(),
        model.model.warmingUp(), model.model.threshold())));
    return out;
  }

  /** The rules in force. */
  public RuleSet rules() {
    return rules.rules();
  }

  /**
   * The rules' learned state (windows, histories), which the journal cannot rebuild (order flow is not
   * journaled): small, kept in every portfolio snapshot.
   */
  public DetectorsState ruleState(long nowMillis) {
    return new DetectorsState(rules.snapshot(), Map.of(), nowMillis);
  }

  /**
   * What the portfolio's checkpoint store keeps: the rules' state and the strategies' models (tens of kilobytes and
   * a few milliseconds each to serialise, so only models that learned something since the last checkpoint are
   * serialised again); {@code null} when neither the rules nor a model saw anything since the last checkpoint.
   */
  public DetectorsState checkpoint(long nowMillis) {
    if (!modelsChanged && !rulesChanged) {
      return null;
    }
    if (modelsChanged || !savedModels.keySet().equals(models.keySet())) {
      savedModels.clear();
      models.forEach((strategy, model) -> savedModels.put(strategy, model.model.snapshot()));
    }
    modelsChanged = false;
    rulesChanged = false;
    return new DetectorsState(rules.snapshot(), savedModels, nowMillis);
  }

  /**
   * Restores learned state saved by {@link #ruleState} or {@link #checkpoint}, under the rules in force: the rules'
   * state when it has one taken no earlier than the one restored before (a portfolio snapshot and a checkpoint
   * both hold one: the later wins; what the rules saw between recovery and a checkpoint's restore is then given
   * up), the models when it has any (they replace the models learned so far). A part that cannot be restored (a
   * model saved under other settings, a corrupt entry) is dropped and learned again: detection must never stop a
   * portfolio from recovering.
   *
   * @return what could not be restored, one line each; empty when everything was
   */
  public List<String> restore(DetectorsState state) {
    List<String> problems = new ArrayList<>();
    if (state == null) {
      return problems;
    }
    try {
      if (state.rules() != null && state.savedAtMillis() >= rulesRestoredFromMillis) {
        rules = RuleEngine.restore(rules.rules(), state.rules());
        rulesRestoredFromMillis = state.savedAtMillis();
      }
    } catch (RuntimeException e) {
      problems.add("rule state: " + e.getMessage());
    }
    if (state.models().isEmpty()) {
      return problems;
    }
    models.clear();
    state.models().forEach((strategy, bytes) -> {
      try {
        models.put(strategy, new StrategyModel(AnomalyModel.restore(bytes,
            env.settings().model().settingsFor(portfolioId, strategy))));
      } catch (RuntimeException e) {
        problems.add("model of strategy '" + strategy + "': " + e.getMessage());
      }
    });
    return problems;
  }

  /** Whether the node runs detectors; when not, every method finds nothing. */
  public boolean enabled() {
    return env.enabled();
  }

  /**
   * An order-flow message of the portfolio (recorded once: repeats are filtered by the order-flow tracker).
   *
   * @param open whether an episode key is open: a finding of an open episode only restarts its quiet clock, and is
   *     not built (the cost of an episode that lasts is one cheap judgement per event)
   */
  public List<DetectionSignal> onOrder(OrderEvent order, Quote market, long atMillis, Predicate<String> open) {
    return onOrder(order, market, atMillis, open, true);
  }

  /**
   * {@link #onOrder(OrderEvent, Quote, long, Predicate)}, leaving the completed seconds the order closes unscored
   * when {@code scoreModels} is false (an order judged on a caller's thread: the entity scores them, see the class
   * comment, and {@link #hasUnscoredSeconds} says when it should).
   */
  public List<DetectionSignal> onOrder(OrderEvent order, Quote market, long atMillis, Predicate<String> open,
      boolean scoreModels) {
    if (!enabled()) {
      return List.of();
    }
    runaway.onOrder(order.strategy(), order.action(), order.quantity(), order.price(), atMillis);
    List<DetectionSignal> findings = new ArrayList<>(1);
    judgeRunaway(order.strategy(), atMillis, open, findings);
    feedMarketToRules(market, atMillis);
    addRuleMatches(findings, new RuleEvent.Order(order.action(), order.strategy(), order.orderId(), order.symbol(),
        order.side(), order.quantity(), order.price(), atMillis));
    takeModelFindings(findings, scoreModels);
    return found(findings, atMillis);
  }

  /**
   * A fill of the portfolio, judged against the market as the node sees it when the fill arrives.
   *
   * @param averageDailyVolume the instrument's ADV, instrument units; NaN when unknown
   * @param open whether an episode key is open (see {@link #onOrder})
   */
  public List<DetectionSignal> onFill(Execution fill, Quote arrival, double averageDailyVolume, long atMillis,
      Predicate<String> open) {
    if (!enabled()) {
      return List.of();
    }
    List<DetectionSignal> findings = new ArrayList<>(2);
    runaway.onFill(fill.strategy(), fill.symbol(), fill.side(), fill.quantity(), fill.price(), atMillis);
    judgeRunaway(fill.strategy(), atMillis, open, findings);
    if (arrival != null) {
      add(findings, impact.judgeFill(fill.strategy(), fill.symbol(), fill.side(), fill.quantity(), fill.price(),
          arrival.bid(), arrival.ask(), averageDailyVolume, env.dailyVolatility().applyAsDouble(fill.symbol()),
          atMillis));
    }
    add(findings, impact.recordFill(fill.symbol(), fill.quantity(), tradedVolume(fill.symbol()), atMillis));
    feedMarketToRules(arrival, atMillis);
    addRuleMatches(findings, new RuleEvent.Fill(fill.executionId(), fill.strategy(), fill.symbol(), fill.side(),
        fill.quantity(), fill.price(), atMillis));
    takeModelFindings(findings, true);
    return found(findings, atMillis);
  }

  /** An order the pre-trade check rejected (for rules on rejections, e.g. repeated price-collar rejects). */
  public List<DetectionSignal> onRejectedOrder(OrderRequest order, List<PreTradeCheck> failedChecks, Quote market,
      long atMillis) {
    return onRejectedOrder(order, failedChecks, market, atMillis, true);
  }

  /** {@link #onRejectedOrder(OrderRequest, List, Quote, long)}, scoring no model unless {@code scoreModels}. */
  public List<DetectionSignal> onRejectedOrder(OrderRequest order, List<PreTradeCheck> failedChecks, Quote market,
      long atMillis, boolean scoreModels) {
    if (!enabled()) {
      return List.of();
    }
    List<DetectionSignal> findings = new ArrayList<>(1);
    feedMarketToRules(market, atMillis);
    addRuleMatches(findings, new RuleEvent.Reject(order.clOrdId(), order.strategy(), order.symbol(), order.side(),
        order.quantity(), order.price(), failedChecks, atMillis));
    takeModelFindings(findings, scoreModels);
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
    takeModelFindings(findings, true);
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

  /**
   * Whether completed seconds wait for their models to score them ({@link #scoreModels}); false while the detectors
   * do not run (paused, they keep what waits until they run again).
   */
  public boolean hasUnscoredSeconds() {
    return enabled() && !unscored.isEmpty();
  }

  /**
   * Scores every completed second waiting (see the class comment) and returns what is pending to report: the
   * models' findings and any rule matches on market events, restarting their episodes' quiet clocks at
   * {@code atMillis}.
   */
  public List<DetectionSignal> scoreModels(long atMillis) {
    if (!enabled()) {
      return List.of();
    }
    List<DetectionSignal> findings = new ArrayList<>(1);
    takeModelFindings(findings, true);
    return found(findings, atMillis);
  }

  /** Judges a strategy for runaway: the full finding only when its episode is not open. */
  private void judgeRunaway(String strategy, long atMillis, Predicate<String> open, List<DetectionSignal> findings) {
    if (runawayKeys.size() > MAX_KEYS) {
      runawayKeys.clear();
    }
    String key = runawayKeys.computeIfAbsent(strategy, s -> DetectionSignal.keyOf(Detector.RUNAWAY, s));
    if (open.test(key)) {
      if (runaway.firing(strategy, atMillis)) {
        lastFound.merge(key, atMillis, Math::max);
      }
    } else {
      add(findings, runaway.judge(strategy, atMillis));
    }
  }

  /**
   * Tells the rules an instrument's market as the node sees it now ({@code null}: unknown), when it changed since
   * last told. Rule matches on market events alone are not reported here: the next order or fill reports them.
   */
  private void feedMarketToRules(Quote quote, long atMillis) {
    if (quote == null || !rules.involvesMarket() || quote.equals(quotesFedToRules.get(quote.symbol()))) {
      return;
    }
    if (quotesFedToRules.size() < MAX_MARKET_SYMBOLS || quotesFedToRules.containsKey(quote.symbol())) {
      quotesFedToRules.put(quote.symbol(), quote);
    }
    RuleEvent.Market market = RuleEvent.of(quote);
    addRuleMatches(pendingRuleFindings, new RuleEvent.Market(quote.symbol(), market.mid(), market.spread(), atMillis));
  }

  private void addRuleMatches(List<DetectionSignal> findings, RuleEvent event) {
    rulesChanged = true;
    for (RuleMatch match : rules.onEvent(event)) {
      findings.add(match.toSignal());
    }
  }

  private void takeModelFindings(List<DetectionSignal> findings, boolean scoreModels) {
    if (scoreModels) {
      scoreUnscored();
    }
    if (!pendingRuleFindings.isEmpty()) {
      findings.addAll(pendingRuleFindings);
      pendingRuleFindings.clear();
    }
    if (!pendingModelFindings.isEmpty()) {
      findings.addAll(pendingModelFindings);
      pendingModelFindings.clear();
    }
  }

  /** One strategy's model, its current run of anomalous seconds and the seconds since its drift was judged. */
  private static final class StrategyModel {
    final AnomalyModel model;
    int run;
    int sinceDriftCheck;

    StrategyModel(AnomalyModel model) {
      this.model = model;
    }
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

  private static void add(List<DetectionSignal> findings, DetectionSignal finding) {
    if (finding != null) {
      findings.add(finding);
    }
  }
}
