package io.riskpulse.gateway.http;

import io.riskpulse.model.risk.aggregate.AggregateRisk;
import io.riskpulse.model.risk.aggregate.RiskAggregates;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The read-only HTTP JSON view of the desk and firm risk aggregates, each an {@link AggregateRisk} (VaR and ES
 * of the summed scenario P&amp;L vectors, the members and, when a figure is NaN, why):
 *
 * <ul>
 *   <li>{@code GET /desks/{desk}/risk}: one desk; 404 for a desk no portfolio has reported to;
 *   <li>{@code GET /firm/risk}: the firm, every desk added up.
 * </ul>
 *
 * An aggregate that does not answer within {@code riskpulse.risk.aggregation.ask-timeout} is 503.
 */
public final class RiskHttpRoutes extends JsonRoutes {

  private final RiskAggregates aggregates;

  public RiskHttpRoutes(RiskAggregates aggregates) {
    this.aggregates = aggregates;
  }

  public Route routes() {
    return handleExceptions(errors(), () -> concat(
        pathPrefix("desks", () -> path(PathMatchers.segment().slash("risk"), desk -> get(() ->
            onSuccess(aggregates.desk(desk), risk -> risk.members().isEmpty()
                ? error(StatusCodes.NOT_FOUND, "no portfolio has reported to desk '" + desk + "'")
                : ok(risk))))),
        path(PathMatchers.segment("firm").slash("risk"), () -> get(() -> onSuccess(aggregates.firm(), this::ok)))));
  }

  @Override
  protected String unavailableMessage() {
    return "risk aggregate unavailable (timeout)";
  }
}
