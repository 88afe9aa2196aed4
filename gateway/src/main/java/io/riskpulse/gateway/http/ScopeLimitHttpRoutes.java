package io.riskpulse.gateway.http;

import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.limits.scope.ScopeLimitsClient;
import io.riskpulse.model.limits.scope.ScopeLimitsView;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The read-only HTTP JSON view of desk and firm limits, each a {@link ScopeLimitsView} (the limits with who set
 * them and why, open breach and warning episodes, the automatic halt, and the aggregate's latest figures with why
 * any is unknown):
 *
 * <ul>
 *   <li>{@code GET /desks/{desk}/limits}: one desk; 404 when nobody set limits for it;
 *   <li>{@code GET /firm/limits}: the firm; 404 when nobody set its limits.
 * </ul>
 *
 * An entity that does not answer within {@code riskpulse.limits.scope.ask-timeout} is 503. Limits are set through
 * {@link ScopeLimitsClient} (not offered here: the endpoint has no authentication).
 */
public final class ScopeLimitHttpRoutes extends JsonRoutes {

  private final ScopeLimitsClient limits;

  public ScopeLimitHttpRoutes(ScopeLimitsClient limits) {
    this.limits = limits;
  }

  public Route routes() {
    return handleExceptions(errors(), () -> concat(
        pathPrefix("desks", () -> path(PathMatchers.segment().slash("limits"), desk -> get(() ->
            view(HaltScope.desk(desk), "desk '" + desk + "'")))),
        path(PathMatchers.segment("firm").slash("limits"), () -> get(() -> view(HaltScope.FIRM, "the firm")))));
  }

  private Route view(HaltScope scope, String name) {
    return onSuccess(limits.limits(scope), view -> view.limitsSet()
        ? ok(view)
        : error(StatusCodes.NOT_FOUND, "no limits are set for " + name));
  }

  @Override
  protected String unavailableMessage() {
    return "scope limits unavailable (timeout)";
  }
}
