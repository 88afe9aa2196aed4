package io.riskpulse.ingestion.sim.scenario;

/**
 * One injected incident: the label a detector's alert is scored against.
 *
 * @param type what was injected
 * @param portfolioId the portfolio it happens to; {@code ""} for a market incident (it happens to an instrument)
 * @param strategy the strategy that misbehaves; {@code ""} for a market incident
 * @param symbol the instrument traded (portfolio incidents) or disturbed (market incidents)
 * @param startMillis onset: the first event that belongs to the incident, epoch milliseconds
 * @param endMillis the last event that belongs to it, epoch milliseconds ({@code >= startMillis})
 */
public record Incident(IncidentType type, String portfolioId, String strategy, String symbol, long startMillis,
    long endMillis) {

  public Incident {
    if (type == null || symbol == null || endMillis < startMillis) {
      throw new IllegalArgumentException("incident needs a type, a symbol and end >= start");
    }
    portfolioId = portfolioId == null ? "" : portfolioId;
    strategy = strategy == null ? "" : strategy;
  }

  /** Whether {@code atMillis} lies within [start, end]. */
  public boolean covers(long atMillis) {
    return atMillis >= startMillis && atMillis <= endMillis;
  }
}
