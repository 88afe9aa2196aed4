package io.riskpulse.node.demo;

import io.aeron.ExclusivePublication;
import io.riskpulse.gateway.oms.SimulatedOms;
import io.riskpulse.ingestion.aeron.AeronSettings;
import io.riskpulse.ingestion.aeron.AeronTransport;
import io.riskpulse.ingestion.aeron.FeedPublisher;
import io.riskpulse.ingestion.codec.FrameToEvent;
import io.riskpulse.ingestion.pipeline.HandledWatermark;
import io.riskpulse.ingestion.pipeline.IngestMetrics;
import io.riskpulse.ingestion.sim.PortfolioSetup;
import io.riskpulse.ingestion.sim.SimStep;
import io.riskpulse.ingestion.sim.TradingSimulation;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.PortfolioStatus;
import io.riskpulse.model.portfolio.RejectReason;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.node.NodeServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Drives a {@link TradingSimulation} into a running node the way a real feed would: each step publishes the
 * step's quotes on the market-data stream and the strategies' fills on the order-flow stream over Aeron, in
 * the wire format, into the node's ingestion pipeline; it waits until the node has handled (persisted) the
 * step's last fill, then reads every demo portfolio back.
 *
 * <p>A portfolio the node halted (by its limits or an operator) stops trading in the simulation, as the
 * order gateway would refuse its orders; one that an operator resumed trades again.
 *
 * <p>Steps run one at a time on the stream ({@code mapAsync(1)}), which is the only place the simulation is
 * touched, so the simulation needs no locking. Execution ids carry a run prefix so that running the demo again
 * on the same journal adds new fills instead of replaying old ids as duplicates.
 */
public final class DemoRunner {

  /** Source ids of the demo's two feeds (the node sees them as aeron:1 and aeron:2). */
  static final int MARKET_DATA_SOURCE = 1;
  static final int FILLS_SOURCE = 2;

  private final ActorSystem<?> system;
  private final NodeServices node;
  private final TradingSimulation simulation;
  private final String runPrefix;
  private final FeedPublisher prices;
  private final FeedPublisher fills;
  private final HandledWatermark handled = new HandledWatermark();
  private final DemoControlRoom controlRoom;
  private final SimulatedOms oms;
  private long published;
  private boolean workingOrdersPlaced;

  /**
   * @param runId distinguishes this run's execution ids from earlier runs on the same journal
   */
  public DemoRunner(ActorSystem<?> system, NodeServices node, TradingSimulation simulation, String runId) {
    this(system, node, simulation, runId, null, 0);
  }

  /**
   * @param oms the simulated OMS the node sends halts to: each portfolio gets working orders there (and in its
   *     order flow) that a mass cancel can cancel; {@code null} for none
   * @param resumeAfterSteps steps after the runaway's halt at which the demo's risk officer resumes it (see
   *     {@link DemoControlRoom}); 0 never
   */
  public DemoRunner(ActorSystem<?> system, NodeServices node, TradingSimulation simulation, String runId,
      SimulatedOms oms, long resumeAfterSteps) {
    this.system = system;
    this.oms = oms;
    this.controlRoom = new DemoControlRoom(simulation, node.portfolios(), oms, resumeAfterSteps);
    this.node = node;
    this.simulation = simulation;
    this.runPrefix = runId + "-";
    AeronTransport aeron = node.aeron().orElseThrow(() -> new IllegalStateException(
        "the demo publishes over Aeron: set riskpulse.ingestion.aeron.enabled = on"));
    AeronSettings settings = AeronSettings.fromConfig(system.settings().config());
    Duration connectTimeout = Duration.ofSeconds(10);
    ExclusivePublication marketData = aeron.aeron()
        .addExclusivePublication(settings.marketDataPublishChannel(), settings.marketDataStreamId());
    ExclusivePublication orderFlow = aeron.aeron()
        .addExclusivePublication(settings.orderFlowChannel(), settings.orderFlowStreamId());
    this.prices = new FeedPublisher(marketData, MARKET_DATA_SOURCE, 1, connectTimeout);
    this.fills = new FeedPublisher(orderFlow, FILLS_SOURCE, 1, connectTimeout);
    node.ingest().addPersistedListener(handled);
  }

  /** Opens every demo portfolio; one already open (an earlier run) is kept as the journal has it. */
  public CompletionStage<Done> openPortfolios() {
    List<CompletableFuture<Reply>> opened = new ArrayList<>();
    for (PortfolioSetup setup : simulation.portfolios()) {
      opened.add(node.portfolios()
          .open(setup.portfolioId(), setup.desk(), setup.trader(), setup.initialCash(), setup.limits(),
              "riskpulse-demo")
          .thenApply(reply -> {
            if (!reply.isAccepted() && reply.reason() != RejectReason.ALREADY_OPEN) {
              throw new IllegalStateException(
                  "cannot open " + setup.portfolioId() + ": " + reply.reason() + " " + reply.detail());
            }
            return reply;
          })
          .toCompletableFuture());
    }
    return CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).thenApply(done -> Done.getInstance());
  }

  /**
   * Runs the simulation.
   *
   * @param maxSteps steps to run; {@code Long.MAX_VALUE} for "until the simulation ends or the node stops"
   * @param stepInterval wall-clock time between steps; zero runs as fast as the journal acknowledges
   * @param onStep called after every step (on a stream thread)
   * @return completes when the steps are done
   */
  public CompletionStage<Done> run(long maxSteps, Duration stepInterval, Consumer<DemoProgress> onStep) {
    Source<Long, ?> ticks = stepInterval.isZero()
        ? Source.repeat(0L)
        : Source.tick(Duration.ZERO, stepInterval, 0L).mapMaterializedValue(cancellable -> NotUsed.getInstance());
    return ticks
        .take(maxSteps)
        .takeWhile(tick -> simulation.hasNext())
        .mapAsync(1, tick -> step())
        .runWith(Sink.foreach(onStep::accept), system);
  }

  private CompletionStage<DemoProgress> step() {
    SimStep step = simulation.step();
    long now = System.nanoTime();
    for (Quote quote : step.quotes()) {
      prices.quote(quote, now);
    }
    if (oms != null && !workingOrdersPlaced) {
      placeWorkingOrders();
    }
    long lastFill = -1;
    for (Execution e : step.executions()) {
      lastFill = fills.execution(new Execution(runPrefix + e.executionId(), e.portfolioId(), e.strategy(),
          e.symbol(), e.side(), e.quantity(), e.price(), e.executedAtMillis()), now);
      published++;
    }
    CompletionStage<Long> fillsHandled = lastFill < 0
        ? CompletableFuture.completedFuture(0L)
        : handled.reached(FrameToEvent.SOURCE_PREFIX + FILLS_SOURCE, lastFill);
    return fillsHandled
        .thenCompose(done -> snapshots())
        .thenCompose(snapshots -> controlRoom.afterStep(step.stepNumber(), snapshots).thenApply(done -> snapshots))
        .thenApply(snapshots -> {
          followHalts(snapshots);
          return new DemoProgress(step.stepNumber(), snapshots, published,
              (long) node.ingestMetrics().acceptedCount(IngestMetrics.Kind.FILL), node.quarantine().total(),
              controlRoom.lines());
        });
  }

  /**
   * Two resting buy orders per portfolio, 1% below the market: placed at the simulated OMS and reported in the
   * portfolio's order flow (so each portfolio knows its working orders, as a drop copy of NewOrderSingle says).
   */
  private void placeWorkingOrders() {
    workingOrdersPlaced = true;
    long nanos = System.nanoTime();
    for (PortfolioSetup setup : simulation.portfolios()) {
      String symbol = setup.portfolioId().equals(simulation.runawayPortfolioId()) ? simulation.runawaySymbol()
          : simulation.instruments().get(Math.floorMod(setup.portfolioId().hashCode(),
              simulation.instruments().size())).symbol();
      Quote quote = simulation.latestQuotes().get(symbol);
      if (quote == null || !(quote.markPrice() > 0)) {
        continue;
      }
      double price = Math.round(quote.markPrice() * 99) / 100.0;
      for (int i = 1; i <= 2; i++) {
        String clOrdId = runPrefix + setup.portfolioId() + "-W" + i;
        oms.addWorkingOrder(setup.portfolioId(), clOrdId, symbol, Side.BUY, 100, setup.strategy());
        fills.order(new OrderEvent(OrderAction.NEW, setup.portfolioId(), setup.strategy(), clOrdId, "", symbol,
            Side.BUY, 100, price, System.currentTimeMillis()), nanos);
      }
    }
  }

  /** The control room's view of the runaway: halt, mass cancel and the resume flow. */
  public DemoControlRoom controlRoom() {
    return controlRoom;
  }

  /** Every demo portfolio, in setup order. */
  public CompletionStage<List<PortfolioSnapshot>> snapshots() {
    List<CompletableFuture<PortfolioSnapshot>> futures = new ArrayList<>();
    for (PortfolioSetup setup : simulation.portfolios()) {
      futures.add(node.portfolios().snapshot(setup.portfolioId()).toCompletableFuture());
    }
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
  }

  private void followHalts(List<PortfolioSnapshot> snapshots) {
    for (PortfolioSnapshot snapshot : snapshots) {
      boolean halted = snapshot.status() == PortfolioStatus.HALTED;
      if (halted && !simulation.isHalted(snapshot.portfolioId())) {
        simulation.halt(snapshot.portfolioId());
      } else if (!halted && simulation.isHalted(snapshot.portfolioId())) {
        simulation.resume(snapshot.portfolioId());
      }
    }
  }

  public TradingSimulation simulation() {
    return simulation;
  }
}
