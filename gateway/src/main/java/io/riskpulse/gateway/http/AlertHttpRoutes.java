package io.riskpulse.gateway.http;

import io.riskpulse.model.alert.AlertBook;
import io.riskpulse.model.alert.AlertClient;
import io.riskpulse.model.alert.IncidentFilter;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The read-only HTTP JSON view of the alert book:
 *
 * <ul>
 *   <li>{@code GET /alerts?status=open|all&limit=n}: incidents newest first, unresolved only ({@code open}, the
 *       default) or resolved ones too ({@code all}), at most {@code limit} (default {@value #DEFAULT_LIMIT}, at most
 *       {@link AlertBook#MAX_LIST}); the body is {@code {"incidents": [...], "matching": n, "unresolved": n}}.
 * </ul>
 *
 * A bad parameter is 400; a book that does not answer within {@code riskpulse.alerts.ask-timeout} is 503.
 * Acknowledge, assign and resolve are not offered here yet (the endpoint has no authentication): use
 * {@link AlertClient}.
 */
public final class AlertHttpRoutes extends JsonRoutes {

  /** Incidents returned when the request does not say. */
  public static final int DEFAULT_LIMIT = 100;

  private final AlertClient alerts;

  public AlertHttpRoutes(AlertClient alerts) {
    this.alerts = alerts;
  }

  public Route routes() {
    return handleExceptions(errors(), () -> path("alerts", () -> get(() ->
        parameterOptional("status", status -> parameterOptional("limit", limit -> list(status, limit))))));
  }

  private Route list(Optional<String> status, Optional<String> limitText) {
    IncidentFilter filter;
    int limit;
    try {
      filter = IncidentFilter.parse(status.orElse("open"));
      limit = limitText.map(text -> Integer.parseInt(text.trim())).orElse(DEFAULT_LIMIT);
    } catch (IllegalArgumentException e) { // NumberFormatException included
      return error(StatusCodes.BAD_REQUEST, e instanceof NumberFormatException
          ? "limit must be a whole number, was '" + limitText.orElse("") + "'" : e.getMessage());
    }
    if (limit < 1 || limit > AlertBook.MAX_LIST) {
      return error(StatusCodes.BAD_REQUEST, "limit must be between 1 and " + AlertBook.MAX_LIST + ", was " + limit);
    }
    return onSuccess(alerts.incidents(filter, limit), this::ok);
  }

  @Override
  protected String unavailableMessage() {
    return "alert book unavailable (timeout)";
  }
}
