package io.riskpulse.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioDirectory;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.PortfolioStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP JSON view of the portfolios:
 *
 * <ul>
 *   <li>{@code GET /portfolios}: every portfolio known to the journal, one {@link PortfolioSummary} each;
 *   <li>{@code GET /portfolios/{id}}: the full {@link PortfolioSnapshot}, 404 for a portfolio never opened;
 *   <li>{@code GET /health}: 200 while the node serves.
 * </ul>
 *
 * A portfolio that does not answer within the ask timeout is 503 on its own route and UNAVAILABLE in the list,
 * never silently omitted. Errors are JSON objects {@code {"error": "..."}}.
 */
public final class PortfolioHttpRoutes extends AllDirectives {

  private static final Logger log = LoggerFactory.getLogger(PortfolioHttpRoutes.class);

  private final PortfolioClient portfolios;
  private final PortfolioDirectory directory;
  private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

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

  private ExceptionHandler errors() {
    return ExceptionHandler.newBuilder()
        .match(CompletionException.class, e -> e.getCause() instanceof TimeoutException
            ? error(StatusCodes.SERVICE_UNAVAILABLE, "portfolio state unavailable (timeout)")
            : internal(e))
        .match(TimeoutException.class,
            e -> error(StatusCodes.SERVICE_UNAVAILABLE, "portfolio state unavailable (timeout)"))
        .match(RuntimeException.class, this::internal)
        .build();
  }

  private Route internal(Throwable e) {
    log.error("HTTP request failed", e);
    return error(StatusCodes.INTERNAL_SERVER_ERROR, "internal error");
  }

  private Route ok(Object body) {
    return respond(StatusCodes.OK, body);
  }

  private Route error(StatusCode status, String message) {
    return respond(status, Map.of("error", message));
  }

  private Route respond(StatusCode status, Object body) {
    try {
      return complete(status, HttpEntities.create(ContentTypes.APPLICATION_JSON, json.writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      return internal(e);
    }
  }
}
