package io.riskpulse.model.portfolio;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Which portfolios exist. Implemented over the journal (every portfolio that ever persisted an event), so it
 * sees portfolios on every node and across restarts, not only the entities currently awake.
 */
public interface PortfolioDirectory {

  /** Ids of every portfolio known to the journal, sorted. */
  CompletionStage<List<String>> portfolioIds();
}
