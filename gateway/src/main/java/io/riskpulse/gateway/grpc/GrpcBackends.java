package io.riskpulse.gateway.grpc;

import io.riskpulse.model.alert.AlertClient;
import io.riskpulse.model.halt.KillSwitchClient;
import io.riskpulse.model.limits.scope.ScopeLimitsClient;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioDirectory;
import io.riskpulse.model.risk.aggregate.RiskAggregates;
import java.util.function.BooleanSupplier;

/**
 * What the gRPC API reads and commands on the node: the (durable) portfolio and kill-switch clients, the journal
 * directory, the desk and firm aggregates and limits, the alert book, the read journal that watches follow, and
 * the node's readiness for health checks.
 *
 * @param readJournalPluginId the read journal plugin (e.g. {@code jdbc-read-journal}) for portfolio watches
 * @param ready whether the node can answer calls now (health checks)
 */
public record GrpcBackends(PortfolioClient portfolios, PortfolioDirectory directory, RiskAggregates aggregates,
    ScopeLimitsClient scopeLimits, KillSwitchClient killSwitch, AlertClient alerts, String readJournalPluginId,
    BooleanSupplier ready) {}
