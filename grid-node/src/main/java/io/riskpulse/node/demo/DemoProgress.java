package io.riskpulse.node.demo;

import io.riskpulse.model.portfolio.PortfolioSnapshot;
import java.util.List;

/**
 * Where the demo stands after a step.
 *
 * @param step simulator step just completed
 * @param snapshots every demo portfolio, read after the step's fills were handled by their portfolios
 * @param published fills published over Aeron since the demo started
 * @param applied fills the node's ingestion applied (persisted) since the node started
 * @param quarantined messages the node's ingestion refused since the node started (any reason)
 * @param controlRoom the latest control-room lines (halt, mass cancel at the OMS, resume flow), oldest first
 */
public record DemoProgress(long step, List<PortfolioSnapshot> snapshots, long published, long applied,
    long quarantined, List<String> controlRoom) {}
