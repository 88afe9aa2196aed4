package io.riskpulse.node;

import com.typesafe.config.Config;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.riskpulse.gateway.grpc.GrpcBackends;
import io.riskpulse.gateway.grpc.GrpcBinding;
import io.riskpulse.gateway.grpc.GrpcServer;
import io.riskpulse.gateway.grpc.GrpcSettings;
import io.riskpulse.gateway.halt.OmsGateway;
import io.riskpulse.gateway.halt.OmsGatewayCommand;
import io.riskpulse.gateway.halt.OmsGatewayEnvironment;
import io.riskpulse.gateway.halt.OmsGatewaySettings;
import io.riskpulse.gateway.halt.PortfolioScopeResolver;
import io.riskpulse.gateway.http.AlertHttpRoutes;
import io.riskpulse.gateway.http.HaltHttpRoutes;
import io.riskpulse.gateway.http.HttpEndpoint;
import io.riskpulse.gateway.http.ScopeLimitHttpRoutes;
import io.riskpulse.gateway.oms.OmsEndpoint;
import io.riskpulse.gateway.oms.OmsEndpoints;
import io.riskpulse.ingestion.aeron.AeronSettings;
import io.riskpulse.ingestion.aeron.AeronTransport;
import io.riskpulse.ingestion.fix.DropCopyAcceptor;
import io.riskpulse.ingestion.pipeline.IngestMetrics;
import io.riskpulse.ingestion.pipeline.IngestPipeline;
import io.riskpulse.ingestion.pipeline.JournalSync;
import io.riskpulse.ingestion.pipeline.PipelineSettings;
import io.riskpulse.ingestion.pipeline.Quarantine;
import io.riskpulse.model.detect.CheckpointRestores;
import io.riskpulse.model.detect.DetectionEnvironment;
import io.riskpulse.model.detect.DetectionSettings;
import io.riskpulse.model.detect.market.MarketSurveillance;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings;
import io.riskpulse.model.halt.HaltDispatcher;
import io.riskpulse.model.halt.HaltRegistry;
import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.halt.KillSwitch;
import io.riskpulse.model.halt.KillSwitchClient;
import io.riskpulse.model.halt.KillSwitchEnvironment;
import io.riskpulse.model.halt.KillSwitchSettings;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.scope.ScopeLimits;
import io.riskpulse.model.limits.scope.ScopeLimitsClient;
import io.riskpulse.model.limits.scope.ScopeLimitsEnvironment;
import io.riskpulse.model.limits.scope.ScopeLimitsSettings;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioEnvironment;
import io.riskpulse.model.portfolio.PortfolioSettings;
import io.riskpulse.model.portfolio.PreTradeGates;
import io.riskpulse.model.portfolio.RecentSnapshots;
import io.riskpulse.model.pretrade.PreTradeSettings;
import io.riskpulse.model.risk.aggregate.AggregationSettings;
import io.riskpulse.model.risk.aggregate.RiskAggregates;
import io.riskpulse.model.risk.aggregate.RiskAggregator;
import io.riskpulse.model.risk.liquidity.LiquiditySettings;
import io.riskpulse.model.risk.live.RiskModel;
import io.riskpulse.node.cli.RiskpulseCommand;
import io.riskpulse.node.risk.NodeRiskModel;
import io.riskpulse.persistence.JournalCompactor;
import io.riskpulse.persistence.JournalFlusher;
import io.riskpulse.persistence.JournalPortfolioDirectory;
import io.riskpulse.persistence.JournalSchema;
import io.riskpulse.persistence.JournalSyncer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/**
 * Entry point of a RiskPulse node. {@link #main} only parses the command line; {@link #init} wires a node into
 * an existing actor system, so tests boot exactly the production wiring.
 */
public final class Main {

  /** Name of the actor system; every node of one cluster must use the same. */
  public static final String SYSTEM_NAME = "RiskPulse";

  /** The instrument reference used when {@code riskpulse.node.instruments-file} is empty. */
  public static final String DEFAULT_INSTRUMENTS_RESOURCE = "riskpulse/sim/universe.csv";

  private Main() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new RiskpulseCommand()).execute(args));
  }

  /**
   * Wires a node: journal schema, cluster membership (self-join when no seed nodes are configured), the risk
   * model (scenario set and stress scenarios, see {@link NodeRiskModel}), the desk and firm risk aggregates and
   * the portfolio shard regions, the market and book views, metrics, alerting (see {@link AlertServices}), the
   * ingestion pipeline with its quarantine, and, if enabled, the Aeron ingress, the HTTP endpoint and the gRPC API
   * (see {@link GrpcServer}). Ingestion
   * stops in coordinated shutdown's service-stop phase, after draining what it already accepted.
   *
   * <p>Blocks until the journal schema exists (bounded by {@code riskpulse.node.startup-timeout}), so the
   * first command cannot race table creation.
   */
  public static NodeServices init(ActorSystem<?> system, NodeDeps deps) {
    routeJavaUtilLogging();
    Config config = system.settings().config();
    Optional<JournalSyncer> journalSyncer = JournalSyncer.start(config); // refuses a retention syncs do not cover
    // Closed once the actor system has terminated, after the journal's last writes (and if init fails).
    journalSyncer.ifPresent(syncer -> system.getWhenTerminated().thenRun(syncer::close));
    JournalSchema.ensureCreatedBlocking(system, config.getDuration("riskpulse.node.startup-timeout"));

    Cluster cluster = Cluster.get(system);
    if (config.getBoolean("riskpulse.management.enabled")) {
      PekkoManagement.get(system.classicSystem()).start();
    }
    String bootstrap = config.getString("riskpulse.cluster.bootstrap");
    if (bootstrap.equals("kubernetes")) {
      if (!config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
        throw new IllegalStateException("riskpulse.cluster.bootstrap = kubernetes forms the cluster itself: "
            + "configure no seed nodes");
      }
      if (!config.getBoolean("riskpulse.management.enabled")) {
        throw new IllegalStateException("cluster bootstrap talks to the other nodes' management endpoints: "
            + "set riskpulse.management.enabled (RISKPULSE_MANAGEMENT_ENABLED=true)");
      }
      ClusterBootstrap.get(system.classicSystem()).start();
    } else if (!bootstrap.equals("seed-nodes")) {
      throw new IllegalArgumentException("riskpulse.cluster.bootstrap must be seed-nodes or kubernetes, not '"
          + bootstrap + "'");
    } else if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }

    MarketView market = new MarketView(deps.instruments());
    RiskModel riskModel = NodeRiskModel.build(config, deps.instruments());
    RiskAggregator.init(system, AggregationSettings.fromConfig(config), deps.clock());
    RiskAggregates riskAggregates = new RiskAggregates(system);
    JournalFlusher journalFlusher = openJournalFlusher(config);
    Optional<JournalCompactor> journalCompactor = JournalCompactor.start(system);
    // Operator commands answer once durable; ingestion's fills group-commit through the pipeline instead.
    // GetPortfolio reads the last snapshot an entity answered while nothing it shows can have changed.
    // Pre-trade checks of portfolios resident here are judged in place, holding the entity's lock.
    RecentSnapshots recentSnapshots = new RecentSnapshots(market::version, System::nanoTime);
    PreTradeGates preTradeGates = new PreTradeGates();
    PortfolioClient portfolios = new PortfolioClient(system)
        .withDurability(() -> flushAsync(system, journalFlusher)).withRecentSnapshots(recentSnapshots)
        .withPreTradeGates(preTradeGates);
    JournalPortfolioDirectory directory =
        new JournalPortfolioDirectory(system, config.getString("riskpulse.node.read-journal"));

    // Halts: the OMS gateway (one per cluster) takes every halt, the kill switch holds the wide ones, and each
    // node's registry is what pre-trade checks read.
    List<OmsEndpoint> omsEndpoints = OmsEndpoints.fromConfig(config);
    omsEndpoints.forEach(OmsEndpoint::start);
    OmsGatewaySettings gatewaySettings = OmsGatewaySettings.fromConfig(config);
    ActorRef<OmsGatewayCommand> omsGateway = OmsGateway.startSingleton(system, new OmsGatewayEnvironment(
        omsEndpoints, new PortfolioScopeResolver(directory, portfolios), () -> flushAsync(system, journalFlusher),
        deps.clock(), gatewaySettings));
    HaltDispatcher haltDispatcher = OmsGateway.dispatcher(system, omsGateway, gatewaySettings.requestTimeout());
    KillSwitchSettings killSwitchSettings = KillSwitchSettings.fromConfig(config);
    KillSwitch.init(system, new KillSwitchEnvironment(deps.clock(), killSwitchSettings, haltDispatcher));
    HaltView halts = HaltRegistry.start(system, killSwitchSettings, deps.clock());
    // Desk and firm limits judge their aggregates and halt their scope through the kill switch.
    KillSwitchClient killSwitch =
        new KillSwitchClient(system).withDurability(() -> flushAsync(system, journalFlusher));
    ScopeLimits.init(system, ScopeLimitsEnvironment.of(deps.clock(), ScopeLimitsSettings.fromConfig(config),
        riskAggregates, killSwitch));
    HaltServices haltServices =
        new HaltServices(killSwitch, halts, omsGateway, omsEndpoints, new ScopeLimitsClient(system));

    // Detection: every portfolio's detectors read the node's books and market surveillance.
    OrderBookView books = new OrderBookView();
    MarketSurveillance surveillance = new MarketSurveillance(MarketSurveillanceSettings.fromConfig(config),
        symbol -> deps.instruments().find(symbol).map(Instrument::averageDailyVolume).orElse(Double.NaN));
    CheckpointRestores checkpointRestores = CheckpointRestores.fromConfig(config);
    DetectionEnvironment detection = new DetectionEnvironment(
        DetectionSettings.fromConfig(config.getConfig("riskpulse.detection")), surveillance, books,
        DetectionEnvironment.dailyVolatilities(riskModel.scenarios()), checkpointRestores);

    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    journalCompactor.ifPresent(compactor -> JournalMetrics.register(metrics, compactor::fileBytes,
        compactor::runs, compactor::compactions));
    journalSyncer.ifPresent(syncer -> JournalMetrics.registerSyncs(metrics, syncer::syncs, syncer::lateSyncs,
        syncer::failures, syncer::unsyncedNanos));
    PreTradeGateMetrics.register(metrics, preTradeGates);

    Portfolio.init(system, new PortfolioEnvironment(market, deps.instruments(), deps.clock(),
        PortfolioSettings.fromConfig(config), riskModel, riskAggregates.portfolioReporter(),
        LiquiditySettings.fromConfig(config)).withHalts(halts, haltDispatcher, PreTradeSettings.fromConfig(config))
        .withRebalances(OmsGateway.rebalanceDispatcher(system, omsGateway, gatewaySettings.requestTimeout()))
        .withDetection(detection)
        .withRecoveries(new RecoveryMetrics(metrics).watch(checkpointRestores))
        .withRecentSnapshots(recentSnapshots)
        .withPreTradeGates(preTradeGates));

    // Alerts: the firm's alert book fed from the tagged journal, with its log and webhook subscribers.
    AlertServices alerts = AlertServices.start(system, config, deps.clock(), metrics);

    String quarantineFile = config.getString("riskpulse.ingestion.quarantine-file");
    Quarantine quarantine = new Quarantine(
        quarantineFile.isBlank() ? null
            : Path.of(config.getString("riskpulse.persistence.data-dir")).resolve(quarantineFile),
        config.getInt("riskpulse.ingestion.quarantine-keep-recent"), deps.clock());
    IngestMetrics ingestMetrics = new IngestMetrics(metrics);
    IngestPipeline ingest = new IngestPipeline(system, market, books, portfolios, quarantine, ingestMetrics,
        PipelineSettings.fromConfig(config), journalFlusher.isNeeded() ? journalFlusher::flush : JournalSync.NONE,
        config.getDuration("riskpulse.ingestion.pipeline.min-sync-interval"));
    ingest.watchMarket(surveillance, deps.clock());
    AeronSettings aeronSettings = AeronSettings.fromConfig(config);
    Optional<AeronTransport> aeron = aeronSettings.enabled()
        ? Optional.of(AeronTransport.start(aeronSettings, ingest))
        : Optional.empty();

    Optional<DropCopyAcceptor> fix = config.getBoolean("riskpulse.ingestion.fix.enabled")
        ? Optional.of(startDropCopy(config, ingest))
        : Optional.empty();

    // A pipeline that fails must not leave a zombie node that refuses every message: stop the node, loudly.
    ingest.completion().whenComplete((done, failure) -> {
      if (failure == null) {
        return;
      }
      if (CoordinatedShutdown.get(system).getShutdownReason().isPresent()) {
        // Stopped by the node's own shutdown: the drain in service-stop did not finish within its phase timeout.
        system.log().warn("The ingestion pipeline was stopped by the node's shutdown before it drained: {}",
            failure.toString());
      } else {
        system.log().error("The ingestion pipeline failed; stopping the node", failure);
        CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason());
      }
    });
    // Stop reading, drain what was accepted (and acknowledge it), then close the transports.
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceStop(), "stop-ingestion", () -> {
      fix.ifPresent(DropCopyAcceptor::close);
      aeron.ifPresent(AeronTransport::stopOrderFlow);
      return ingest.close().handle((done, failure) -> {
        aeron.ifPresent(AeronTransport::close);
        try {
          quarantine.close();
        } catch (java.io.IOException e) {
          system.log().warn("Cannot close the quarantine file", e);
        }
        omsEndpoints.forEach(OmsEndpoint::close);
        journalCompactor.ifPresent(JournalCompactor::close);
        try {
          journalFlusher.close();
        } catch (java.sql.SQLException e) {
          system.log().warn("Cannot close the journal flusher's connection", e);
        }
        return Done.getInstance();
      });
    });

    Optional<CompletionStage<ServerBinding>> http = config.getBoolean("riskpulse.http.enabled")
        ? Optional.of(HttpEndpoint.start(system, portfolios, directory, riskAggregates, market, books, metrics,
            new HaltHttpRoutes(halts, omsGateway, system.scheduler(), gatewaySettings.requestTimeout()),
            new AlertHttpRoutes(alerts.book()), new ScopeLimitHttpRoutes(haltServices.scopeLimits())))
        : Optional.empty();
    GrpcSettings grpcSettings = GrpcSettings.fromConfig(config);
    Optional<CompletionStage<GrpcBinding>> grpc = grpcSettings.enabled()
        ? Optional.of(GrpcServer.start(system, grpcSettings, new GrpcBackends(portfolios, directory, riskAggregates,
            haltServices.scopeLimits(), killSwitch, alerts.book(), config.getString("riskpulse.node.read-journal"),
            () -> cluster.selfMember().status() == MemberStatus.up()), metrics))
        : Optional.empty();
    NodeReadiness.get(system.classicSystem()).started();
    return new NodeServices(market, books, portfolios, directory, riskModel, riskAggregates, ingest, ingestMetrics,
        quarantine, metrics, aeron, fix, http, haltServices, alerts, grpc, detection);
  }

  /**
   * Sends what libraries log through {@code java.util.logging} (grpc-java, which carries the gRPC API) to the
   * node's SLF4J logging, so its levels and files apply; without it each record went to stderr in JUL's own
   * format. Idempotent. (logback.xml propagates its levels back to JUL, so disabled records cost nothing.)
   */
  static void routeJavaUtilLogging() {
    synchronized (SLF4JBridgeHandler.class) {
      if (!SLF4JBridgeHandler.isInstalled()) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
      }
    }
  }

  /**
   * Flushes the journal on the blocking-IO dispatcher, for callers that must not block (actors); completes at once
   * when the flush has nothing to do (the embedded journal's default writes every commit through), without the hop
   * to another thread that an acknowledgement or a halt would otherwise wait for.
   */
  private static CompletionStage<Void> flushAsync(ActorSystem<?> system, JournalFlusher flusher) {
    if (!flusher.isNeeded()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> {
      try {
        flusher.flush();
      } catch (java.sql.SQLException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, system.dispatchers().lookup(DispatcherSelector.blocking()));
  }

  /** The group-commit flusher of the configured journal (see JournalFlusher). */
  private static JournalFlusher openJournalFlusher(Config config) {
    try {
      return JournalFlusher.fromConfig(config);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot open the journal database for flushing: " + e.getMessage(), e);
    }
  }

  /** Starts the FIX drop-copy acceptor on the configured settings and port, storing under the data folder. */
  private static DropCopyAcceptor startDropCopy(Config config, IngestPipeline ingest) {
    try {
      DropCopyAcceptor.Builder builder = DropCopyAcceptor.builder(ingest)
          .acceptPort(config.getInt("riskpulse.ingestion.fix.port"))
          .handledTimeout(config.getDuration("riskpulse.ingestion.fix.handled-timeout"))
          .dataDirectory(Path.of(config.getString("riskpulse.persistence.data-dir")).resolve("fix"));
      String settingsFile = config.getString("riskpulse.ingestion.fix.settings-file");
      if (!settingsFile.isBlank()) {
        builder.settingsFile(Path.of(settingsFile));
      }
      DropCopyAcceptor acceptor = builder.build();
      acceptor.start();
      return acceptor;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the FIX drop-copy acceptor: " + e.getMessage(), e);
    }
  }

  /** The instrument reference named by {@code riskpulse.node.instruments-file}, else the default universe. */
  public static InstrumentRegistry loadInstruments(Config config) {
    String file = config.getString("riskpulse.node.instruments-file");
    if (!file.isBlank()) {
      return InstrumentRegistry.load(Path.of(file));
    }
    try (InputStream in = Main.class.getClassLoader().getResourceAsStream(DEFAULT_INSTRUMENTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULT_INSTRUMENTS_RESOURCE);
      }
      return InstrumentRegistry.parse(
          new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + DEFAULT_INSTRUMENTS_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
