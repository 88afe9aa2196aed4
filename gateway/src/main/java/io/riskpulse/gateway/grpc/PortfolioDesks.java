package io.riskpulse.gateway.grpc;

import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.PortfolioStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which desk a portfolio belongs to, for authorization. A portfolio's desk is fixed when it opens and never
 * changes, so the answer is learned once (from any snapshot the API reads) and kept: the pre-trade path then
 * authorizes without a second ask. Thread-safe (a concurrent map; a race learns the same value twice).
 */
public final class PortfolioDesks {

  private final PortfolioClient portfolios;
  private final ConcurrentHashMap<String, String> desks = new ConcurrentHashMap<>();

  public PortfolioDesks(PortfolioClient portfolios) {
    this.portfolios = portfolios;
  }

  /** The portfolio's desk; empty when it was never opened. */
  public CompletionStage<Optional<String>> deskOf(String portfolioId) {
    String known = desks.get(portfolioId);
    if (known != null) {
      return CompletableFuture.completedFuture(Optional.of(known));
    }
    return portfolios.snapshot(portfolioId).thenApply(this::learn);
  }

  /** Learns the desk of an opened portfolio from its snapshot; empty when it was never opened. */
  public Optional<String> learn(PortfolioSnapshot snapshot) {
    if (snapshot.status() == PortfolioStatus.UNOPENED) {
      return Optional.empty();
    }
    desks.putIfAbsent(snapshot.portfolioId(), snapshot.desk());
    return Optional.of(snapshot.desk());
  }

  /** The desk if already learned, without asking. */
  public Optional<String> known(String portfolioId) {
    return Optional.ofNullable(desks.get(portfolioId));
  }
}
