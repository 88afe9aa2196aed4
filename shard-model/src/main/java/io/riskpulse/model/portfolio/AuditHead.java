package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;

/**
 * Where a portfolio's journal stands, as the live entity sees it: what {@code audit replay} compares its rebuilt
 * state with.
 *
 * @param portfolioId the portfolio
 * @param version the journal sequence number of the latest event applied (0: nothing journaled)
 * @param stateHash {@link PortfolioStateHash} of the state after that event (lower-case hex)
 * @param chainHead the hash (hex) of that event in the portfolio's hash chain, or its genesis
 */
public record AuditHead(String portfolioId, long version, String stateHash, String chainHead)
    implements CborSerializable {}
