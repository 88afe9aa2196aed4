package io.riskpulse.node;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.riskpulse.gateway.grpc.GrpcBinding;
import io.riskpulse.ingestion.aeron.AeronTransport;
import io.riskpulse.ingestion.fix.DropCopyAcceptor;
import io.riskpulse.ingestion.pipeline.IngestMetrics;
import io.riskpulse.ingestion.pipeline.IngestPipeline;
import io.riskpulse.ingestion.pipeline.Quarantine;
import io.riskpulse.model.detect.DetectionEnvironment;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioDirectory;
import io.riskpulse.model.risk.aggregate.RiskAggregates;
import io.riskpulse.model.risk.live.RiskModel;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * The running parts of a node that callers use: its market and book views (feeds write, entities read), the
 * portfolio client, the journal-backed directory, the node's risk model and the desk/firm risk aggregates, the
 * ingestion pipeline and its quarantine, the metrics registry, and the Aeron transport, FIX drop-copy acceptor
 * and HTTP binding when they are enabled, the kill switch, halt view and OMS gateway, the alert book, and the
 * gRPC API's binding when it is enabled, and the detectors' environment (settings, market surveillance, pause switch).
 */
public record NodeServices(
    MarketView market,
    OrderBookView books,
    PortfolioClient portfolios,
    PortfolioDirectory directory,
    RiskModel riskModel,
    RiskAggregates riskAggregates,
    IngestPipeline ingest,
    IngestMetrics ingestMetrics,
    Quarantine quarantine,
    PrometheusMeterRegistry metrics,
    Optional<AeronTransport> aeron,
    Optional<DropCopyAcceptor> fix,
    Optional<CompletionStage<ServerBinding>> http,
    HaltServices halts,
    AlertServices alerts,
    Optional<CompletionStage<GrpcBinding>> grpc,
    DetectionEnvironment detection) {}
