package io.riskpulse.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every JSON route of the gateway shares: bodies written with one Jackson mapper (NaN as the string
 * {@code "NaN"}, so an unknown figure is never mistaken for a number) and the one mapping of failures to
 * statuses: an ask that timed out is 503 "state unavailable", anything else 500. Errors are JSON objects
 * {@code {"error": "..."}}.
 */
abstract class JsonRoutes extends AllDirectives {

  private static final Logger log = LoggerFactory.getLogger(JsonRoutes.class);

  private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** The failure mapping; wrap every route in {@code handleExceptions(errors(), ...)}. */
  protected ExceptionHandler errors() {
    return ExceptionHandler.newBuilder()
        .match(CompletionException.class, e -> e.getCause() instanceof TimeoutException
            ? error(StatusCodes.SERVICE_UNAVAILABLE, unavailableMessage())
            : internal(e))
        .match(TimeoutException.class, e -> error(StatusCodes.SERVICE_UNAVAILABLE, unavailableMessage()))
        .match(RuntimeException.class, this::internal)
        .build();
  }

  /** What a 503 says, e.g. "portfolio state unavailable (timeout)". */
  protected abstract String unavailableMessage();

  protected Route internal(Throwable e) {
    log.error("HTTP request failed", e);
    return error(StatusCodes.INTERNAL_SERVER_ERROR, "internal error");
  }

  protected Route ok(Object body) {
    return respond(StatusCodes.OK, body);
  }

  protected Route error(StatusCode status, String message) {
    return respond(status, Map.of("error", message));
  }

  protected Route respond(StatusCode status, Object body) {
    try {
      return complete(status, HttpEntities.create(ContentTypes.APPLICATION_JSON, json.writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      return internal(e);
    }
  }
}
