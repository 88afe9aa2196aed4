package io.riskpulse.node.demo;

import io.riskpulse.model.portfolio.PortfolioSnapshot;
import java.util.List;

/**
 * Where the demo stands after a step.
 *
 * @param step simulator step just completed
 * @param snapshots every demo portfolio, read after the step's executions were acknowledged
 * @param applied executions applied since the demo started
 * @param duplicates executions acknowledged as duplicates
 * @param rejected executions rejected (any reason)
 * @param failed executions not acknowledged after every retry
 */
public record DemoProgress(
    long step, List<PortfolioSnapshot> snapshots, long applied, long duplicates, long rejected, long failed) {}
