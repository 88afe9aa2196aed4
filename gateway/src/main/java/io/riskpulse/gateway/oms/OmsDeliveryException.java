package io.riskpulse.gateway.oms;

import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One delivery attempt of a halt to an OMS failed. {@link #retryable()} tells the gateway actor what to do:
 * {@code true} when the same call may succeed later (not connected, disconnected while waiting, no answer within
 * the acknowledgement timeout, HTTP 5xx/408/429 or a network error) so it retries with backoff; {@code false}
 * when the OMS refused the request itself (FIX reject, HTTP 4xx) and repeating it would be refused again, so a
 * human must look. The message names the endpoint, the halt and the cause.
 *
 * <p>Immutable and thread-safe.
 */
public final class OmsDeliveryException extends RuntimeException {

  private final String endpoint;
  private final String haltId;
  private final boolean retryable;

  public OmsDeliveryException(String endpoint, String haltId, boolean retryable, String message) {
    this(endpoint, haltId, retryable, message, null);
  }

  public OmsDeliveryException(String endpoint, String haltId, boolean retryable, String message, Throwable cause) {
    super("OMS " + endpoint + ", halt " + haltId + ": " + message + (retryable ? " (retryable)" : " (not retryable)"),
        cause);
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.haltId = Objects.requireNonNull(haltId, "haltId");
    this.retryable = retryable;
  }

  /**
   * The {@code OmsDeliveryException} behind a failed stage: unwraps {@link CompletionException} and
   * {@link ExecutionException}; anything else (an endpoint bug) is wrapped as retryable, because retrying an
   * idempotent delivery is safe.
   *
   * @param failure what a stage of {@link OmsEndpoint#cancel} failed with
   * @param endpoint the endpoint's name, for a wrapped failure
   * @param haltId the halt, for a wrapped failure
   */
  public static OmsDeliveryException of(Throwable failure, String endpoint, String haltId) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof OmsDeliveryException delivery) {
      return delivery;
    }
    return new OmsDeliveryException(endpoint, haltId, true, "unexpected failure: " + cause, cause);
  }

  /** The {@link OmsEndpoint#name() endpoint} that failed. */
  public String endpoint() {
    return endpoint;
  }

  /** The halt whose delivery failed. */
  public String haltId() {
    return haltId;
  }

  /** Whether calling {@link OmsEndpoint#cancel} again with the same instruction may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
