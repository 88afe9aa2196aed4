package io.riskpulse.gateway.http;

import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioDirectory;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.PortfolioStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The read-only HTTP JSON view of the portfolios:
 *
 * <ul>
 *   <li>{@code GET /portfolios}: every portfolio known to the journal, one {@link PortfolioSummary} each;
 *   <li>{@code GET /portfolios/{id}}: the full {@link PortfolioSnapshot} with its live risk (VaR, ES, stress
 *       loss, days to liquidate), 404 for a portfolio never opened;
 *   <li>{@code GET /health}: 200 while the node serves.
 * </ul>
 *
 * A portfolio that does not answer within the ask timeout is 503 on its own route and UNAVAILABLE in the list,
 * never silently omitted. Errors are JSON objects {@code {"error": "..."}}.
 */
public final class PortfolioHttpRoutes extends JsonRoutes {

  private final PortfolioClient portfolios;
  private final PortfolioDirectory directory;

  public PortfolioHttpRoutes(PortfolioClient portfolios, PortfolioDirectory directory) {
    this.portfolios = portfolios;
    this.directory = directory;
  }

  public Route routes() {
    return handleExceptions(errors(), () -> concat(
        pathPrefix("portfolios", () -> concat(
            pathEndOrSingleSlash(() -> get(() -> onSuccess(summaries(), list -> ok(list)))),
            path(PathMatchers.segment(), id -> pathEndOrSingleSlash(() -> get(() ->
                onSuccess(portfolios.snapshot(id), snapshot -> snapshot.status() == PortfolioStatus.UNOPENED
                    ? error(StatusCodes.NOT_FOUND, "unknown portfolio")
                    : ok(snapshot))))))),
        path("health", () -> get(() -> ok(Map.of("status", "ok"))))));
  }

  /** Every portfolio's summary; one slow portfolio shows as UNAVAILABLE instead of failing the list. */
  CompletionStage<List<PortfolioSummary>> summaries() {
    return directory.portfolioIds().thenCompose(ids -> {
      List<CompletableFuture<PortfolioSummary>> futures = new ArrayList<>(ids.size());
      for (String id : ids) {
        futures.add(portfolios.snapshot(id)
            .thenApply(PortfolioSummary::of)
            .exceptionally(failure -> PortfolioSummary.unavailable(id))
            .toCompletableFuture());
      }
      return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    });
  }

  @Override
  protected String unavailableMessage() {
    return "portfolio state unavailable (timeout)";
  }
}
