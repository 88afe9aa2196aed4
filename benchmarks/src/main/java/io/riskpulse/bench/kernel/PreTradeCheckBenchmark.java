package io.riskpulse.bench.kernel;

import com.typesafe.config.Config;
import io.riskpulse.bench.BenchLimits;
import io.riskpulse.bench.BenchUniverse;
import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Position;
import io.riskpulse.model.portfolio.PreTradeProbe;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeDecision;
import io.riskpulse.model.pretrade.PreTradeSettings;
import io.riskpulse.model.risk.PortfolioValuer;
import io.riskpulse.model.risk.ReportingPrices;
import io.riskpulse.model.risk.Valuation;
import io.riskpulse.model.risk.live.RiskModel;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.risk.NodeRiskModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pre-trade check of one portfolio without the actor hop: {@code PreTradeChecker.check} over the state a
 * portfolio entity holds, reached through the benchmark-only {@link PreTradeProbe}. The portfolio holds the
 * {@link BenchLimits#book} (ten USD positions, gross 1,000,000) with every limit kind set
 * ({@link BenchLimits#realistic}); the node's own risk model ({@link NodeRiskModel} on the shipped configuration:
 * 500 synthetic scenarios, the default stress scenarios); a {@link MarketView} holding a quote per instrument,
 * re-quoted before every iteration (which also makes the live risk re-mark once, as a price move does); a
 * kill-switch view that is synchronised and holds no halt.
 *
 * <ul>
 *   <li>{@code checkAndRecord}: what the entity's {@code CheckOrder} handler does: the check of a 10-unit limit
 *       order at the mark, alternately buying and selling, cycling over the ten symbols, then, accepted, the order
 *       counted in the order flow. Each order has its own ClOrdID (16,384 prepared orders cycle; the order flow
 *       forgets a ClOrdID after 10,000 newer ones, so none is ever a duplicate). The rate limits (and the
 *       order-to-trade ratio, which without fills is the message count) are raised to 10<sup>9</sup> orders/s
 *       here, because this loop sends far more orders per second than any real portfolio: the judgement still
 *       runs. Every check must be accepted (the trial fails otherwise).
 *   <li>{@code valuationBaseline}: one {@link PortfolioValuer#value} of the same book, the same-run baseline (a
 *       check values the book twice, before and with the order).
 * </ul>
 *
 * <p>{@code limits}: {@code NONE} (no risk-measure limit), {@code VAR} (VaR and ES: a what-if VaR per check),
 * {@code VAR_AND_STRESS} (also a stress revaluation per check).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PreTradeCheckBenchmark {

  private static final int ORDERS = 1 << 14;

  @Param({"NONE", "VAR", "VAR_AND_STRESS"})
  public BenchLimits.Risk limits;

  private InstrumentRegistry instruments;
  private MarketView market;
  private PreTradeProbe probe;
  private OrderRequest[] orders;
  private int next;
  private long rejected;
  private String firstReject;
  private List<Position> positions;
  private Map<String, Double> cash;
  private ReportingPrices prices;

  @Setup(Level.Trial)
  public void setUp() {
    instruments = BenchUniverse.instruments();
    market = new MarketView(instruments);
    quote();
    Config config = NodeConfig.load();
    RiskModel riskModel = NodeRiskModel.build(config, instruments);
    long now = System.currentTimeMillis();
    probe = new PreTradeProbe("bench-000", instruments, market, riskModel, HaltView.NONE, PreTradeSettings.DEFAULTS,
        "USD", BenchLimits.INITIAL_CASH, BenchLimits.realistic(true, limits, 1e9),
        BenchLimits.book("bench-000", now), config.getInt("riskpulse.portfolio.dedup-window"), now);
    orders = new OrderRequest[ORDERS];
    for (int i = 0; i < ORDERS; i++) {
      String symbol = BenchLimits.SYMBOLS.get(i % BenchLimits.SYMBOLS.size());
      orders[i] = new OrderRequest("bench-000", "bench", "K" + i, symbol, (i / 10) % 2 == 0 ? Side.BUY : Side.SELL,
          10, market.markPrice(symbol));
    }
    positions = new ArrayList<>();
    for (String symbol : BenchLimits.SYMBOLS) {
      positions.add(Position.flat(symbol).apply(BenchLimits.HELD, BenchLimits.PRICE));
    }
    cash = new TreeMap<>(Map.of("USD", BenchLimits.INITIAL_CASH - BenchLimits.HELD * BenchLimits.PRICE
        * BenchLimits.SYMBOLS.size()));
    prices = new ReportingPrices(market, instruments, "USD");
  }

  /** Fresh quotes (the check fails closed on a price older than 30 s), at the same levels every time. */
  @Setup(Level.Iteration)
  public void quote() {
    long now = System.currentTimeMillis();
    for (Quote quote : BenchUniverse.quotes(BenchUniverse.symbols(instruments), instruments.size(), now)) {
      if (market.update(quote) != null) {
        throw new IllegalStateException("market view refused " + quote);
      }
    }
  }

  @TearDown(Level.Trial)
  public void verify() {
    if (rejected > 0) {
      throw new IllegalStateException(rejected + " checks rejected, e.g. " + firstReject);
    }
  }

  @Benchmark
  public PreTradeDecision checkAndRecord() {
    OrderRequest order = orders[next];
    next = (next + 1) & (ORDERS - 1);
    PreTradeDecision decision = probe.checkAndRecord(order, System.currentTimeMillis());
    if (!decision.accepted() && rejected++ == 0) {
      firstReject = decision.describe();
    }
    return decision;
  }

  @Benchmark
  public Valuation valuationBaseline() {
    return PortfolioValuer.value(positions, cash, prices);
  }
}
