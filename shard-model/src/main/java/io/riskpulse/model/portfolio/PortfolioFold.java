package io.riskpulse.model.portfolio;

/**
 * A portfolio's state rebuilt from its events outside the entity, by the same event handler: what an auditor's
 * replay folds the journal into.
 *
 * <p>Thread-safety: none; one replay owns it.
 */
public final class PortfolioFold {

  private PortfolioState state;

  /**
   * @param portfolioId the portfolio replayed
   * @param dedupWindow execution ids remembered for deduplication (the node's {@code dedup-window}): part of the
   *     state, so it must match the node's to compare state hashes
   */
  public PortfolioFold(String portfolioId, int dedupWindow) {
    this.state = new PortfolioState(portfolioId, dedupWindow);
  }

  /** Applies the next event of the journal. */
  public void apply(PortfolioEvent event) {
    state = state.apply(event);
  }

  /** The state after the events applied so far. */
  public PortfolioState state() {
    return state;
  }
}
