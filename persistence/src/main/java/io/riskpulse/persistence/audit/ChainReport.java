package io.riskpulse.persistence.audit;

import java.util.List;

/**
 * What {@link ChainVerifier} concluded about one entity's journal.
 *
 * @param persistenceId the entity
 * @param events events read
 * @param unsealed events written before the hash chain existed (the chain starts after them); not a problem
 * @param lastSequenceNr the highest sequence number read (0: none)
 * @param headHash the hash (hex) of the last sealed event: keep it, a later verify must show a chain extending it
 * @param problems everything found wrong, in journal order; empty if the journal is intact
 */
public record ChainReport(
    String persistenceId, long events, long unsealed, long lastSequenceNr, String headHash,
    List<ChainProblem> problems) {

  /** Whether no problem was found. */
  public boolean intact() {
    return problems.isEmpty();
  }
}
