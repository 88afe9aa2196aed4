package io.riskpulse.gateway.oms;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One delivery attempt of an instruction (a halt, or the orders of a rebalance) to an OMS failed.
 * {@link #retryable()} tells the caller what to do: {@code true} when the same call may succeed later (not
 * connected, disconnected while waiting, no answer within the acknowledgement timeout, HTTP 5xx/408/429 or a
 * network error) so it retries with backoff; {@code false} when the OMS refused the request itself (FIX reject,
 * HTTP 4xx) and repeating it would be refused again, so a human must look. The message names the endpoint, the
 * instruction ({@code "halt H"} or {@code "rebalance R"}) and the cause.
 *
 * <p>Immutable and thread-safe.
 */
public final class OmsDeliveryException extends RuntimeException {

  /** Which kind of instruction failed: it decides the wording of the message and the meaning of the id. */
  public enum Instruction {
    /** A {@code HaltInstruction} delivered by {@link OmsEndpoint#cancel}; the id is its halt id. */
    HALT,
    /** A {@code RebalanceInstruction} delivered by {@link OmsEndpoint#submit}; the id is its rebalance id. */
    REBALANCE;

    /** {@code "halt"} or {@code "rebalance"}, as in messages. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String endpoint;
  private final Instruction instruction;
  private final String instructionId;
  private final boolean retryable;

  /** A failed halt delivery. */
  public OmsDeliveryException(String endpoint, String haltId, boolean retryable, String message) {
    this(endpoint, haltId, retryable, message, null);
  }

  /** A failed halt delivery. */
  public OmsDeliveryException(String endpoint, String haltId, boolean retryable, String message, Throwable cause) {
    this(endpoint, Instruction.HALT, haltId, retryable, message, cause);
  }

  /**
   * A failed delivery of either kind.
   *
   * @param instructionId the halt id or the rebalance id, as {@code instruction} says
   */
  public OmsDeliveryException(String endpoint, Instruction instruction, String instructionId, boolean retryable,
      String message, Throwable cause) {
    super("OMS " + endpoint + ", " + instruction.label() + " " + instructionId + ": " + message
        + (retryable ? " (retryable)" : " (not retryable)"), cause);
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.instruction = Objects.requireNonNull(instruction, "instruction");
    this.instructionId = Objects.requireNonNull(instructionId, "instructionId");
    this.retryable = retryable;
  }

  /**
   * The {@code OmsDeliveryException} behind a failed stage of {@link OmsEndpoint#cancel}: unwraps
   * {@link CompletionException} and {@link ExecutionException}; anything else (an endpoint bug) is wrapped as
   * retryable, because retrying an idempotent delivery is safe.
   *
   * @param failure what a stage of {@link OmsEndpoint#cancel} failed with
   * @param endpoint the endpoint's name, for a wrapped failure
   * @param haltId the halt, for a wrapped failure
   */
  public static OmsDeliveryException of(Throwable failure, String endpoint, String haltId) {
    return of(failure, endpoint, Instruction.HALT, haltId);
  }

  /**
   * As {@link #of(Throwable, String, String)}, for an instruction of either kind (e.g. a stage of
   * {@link OmsEndpoint#submit}, with {@link Instruction#REBALANCE} and the rebalance id).
   */
  public static OmsDeliveryException of(Throwable failure, String endpoint, Instruction instruction,
      String instructionId) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof OmsDeliveryException delivery) {
      return delivery;
    }
    return new OmsDeliveryException(endpoint, instruction, instructionId, true, "unexpected failure: " + cause,
        cause);
  }

  /** The {@link OmsEndpoint#name() endpoint} that failed. */
  public String endpoint() {
    return endpoint;
  }

  /** Whether a halt or a rebalance failed. */
  public Instruction instruction() {
    return instruction;
  }

  /** The id of the instruction whose delivery failed: the halt id, or the rebalance id for a rebalance. */
  public String instructionId() {
    return instructionId;
  }

  /**
   * The halt whose delivery failed; for a {@link Instruction#REBALANCE rebalance}, its rebalance id (the same as
   * {@link #instructionId()}, which new code should prefer).
   */
  public String haltId() {
    return instructionId;
  }

  /**
   * Whether calling {@link OmsEndpoint#cancel} (or {@link OmsEndpoint#submit}) again with the same instruction may
   * succeed.
   */
  public boolean retryable() {
    return retryable;
  }
}
