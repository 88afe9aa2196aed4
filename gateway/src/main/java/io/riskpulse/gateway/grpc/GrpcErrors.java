package io.riskpulse.gateway.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.riskpulse.model.alert.AlertReply;
import io.riskpulse.model.halt.KillSwitchReply;
import io.riskpulse.model.limits.scope.ScopeLimitsReply;
import io.riskpulse.model.portfolio.Reply;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.Trailers;
import org.apache.pekko.http.scaladsl.model.http2.PeerClosedStreamException;
import org.apache.pekko.japi.Function;
import org.apache.pekko.pattern.AskTimeoutException;
import org.apache.pekko.stream.AbruptStageTerminationException;
import org.apache.pekko.stream.AbruptTerminationException;
import org.apache.pekko.stream.StreamDetachedException;
import org.apache.pekko.stream.SubscriptionWithCancelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides which gRPC status a failure or a refused command becomes.
 *
 * <ul>
 *   <li>UNAUTHENTICATED: no or unknown token; PERMISSION_DENIED: role or desk (messages carry no data);
 *   <li>INVALID_ARGUMENT: a field is missing or malformed, the message names it;
 *   <li>NOT_FOUND: unknown portfolio, halt or incident;
 *   <li>FAILED_PRECONDITION: the scope is halted, not halted, still breached, or the command does not apply now;
 *   <li>UNAVAILABLE: the cluster did not answer in time (ask timeouts, timeouts), or the node is shutting down;
 *   <li>CANCELLED: the client went away (cancelled, or its deadline passed); not logged;
 *   <li>INTERNAL: anything else, with an error id the node's log carries beside the stack trace.
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class GrpcErrors {

  private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);

  private GrpcErrors() {}

  public static StatusRuntimeException unauthenticated(String message) {
    return error(Status.UNAUTHENTICATED, message);
  }

  public static StatusRuntimeException permissionDenied(String message) {
    return error(Status.PERMISSION_DENIED, message);
  }

  /** INVALID_ARGUMENT naming the field: {@code field: why}. */
  public static StatusRuntimeException invalidArgument(String field, String why) {
    return error(Status.INVALID_ARGUMENT, field + ": " + why);
  }

  public static StatusRuntimeException notFound(String message) {
    return error(Status.NOT_FOUND, message);
  }

  public static StatusRuntimeException failedPrecondition(String message) {
    return error(Status.FAILED_PRECONDITION, message);
  }

  public static StatusRuntimeException unavailable(String message) {
    return error(Status.UNAVAILABLE, message);
  }

  private static StatusRuntimeException error(Status status, String message) {
    return new GrpcServiceException(status.withDescription(message));
  }

  /** A refused portfolio command as a status; {@code null} when it was accepted (or a harmless duplicate). */
  public static StatusRuntimeException refused(Reply reply) {
    if (reply.outcome() != Reply.Outcome.REJECTED) {
      return null;
    }
    String detail = reply.detail();
    return switch (reply.reason()) {
      case UNKNOWN_PORTFOLIO -> notFound(detail);
      case UNKNOWN_REBALANCE -> notFound(detail);
      case ALREADY_HALTED, NOT_HALTED, STILL_BREACHED, ALREADY_OPEN, STRATEGY_NOT_DISABLED ->
          failedPrecondition(detail);
      default -> error(Status.INVALID_ARGUMENT, detail);
    };
  }

  /** A refused kill-switch command as a status; {@code null} unless rejected. */
  public static StatusRuntimeException refused(KillSwitchReply reply) {
    if (reply.outcome() != KillSwitchReply.Outcome.REJECTED) {
      return null;
    }
    return switch (reply.reason()) {
      case INVALID_FIELD, PORTFOLIO_SCOPE -> error(Status.INVALID_ARGUMENT, reply.detail());
      case ALREADY_HALTED, SAME_APPROVER -> failedPrecondition(reply.detail());
      case NOT_HALTED -> notFound(reply.detail());
    };
  }

  /** A refused desk/firm limits change as a status; {@code null} unless rejected. */
  public static StatusRuntimeException refused(ScopeLimitsReply reply) {
    if (reply.outcome() != ScopeLimitsReply.Outcome.REJECTED) {
      return null;
    }
    return switch (reply.reason()) {
      case INVALID_FIELD -> error(Status.INVALID_ARGUMENT, reply.detail());
      case NOT_APPLICABLE -> failedPrecondition(reply.detail());
    };
  }

  /** A refused alert command as a status; {@code null} unless rejected. */
  public static StatusRuntimeException refused(AlertReply reply) {
    if (reply.accepted()) {
      return null;
    }
    return switch (reply.reason()) {
      case INVALID_FIELD -> error(Status.INVALID_ARGUMENT, reply.detail());
      case UNKNOWN_INCIDENT -> notFound(reply.detail());
      case ALREADY_ACKNOWLEDGED, ALREADY_RESOLVED -> failedPrecondition(reply.detail());
    };
  }

  /** Any failure of a call as the status the client gets (unwrapping completion wrappers). */
  public static Status statusOf(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof StatusRuntimeException sre) {
      return sre.getStatus();
    }
    if (cause instanceof AskTimeoutException || cause instanceof TimeoutException) {
      return Status.UNAVAILABLE.withDescription("the cluster did not answer in time; reads are safe to retry, "
          + "a command may have taken effect: read the state before retrying it");
    }
    if (cancelled(cause)) {
      return Status.CANCELLED.withDescription("the client cancelled the call");
    }
    if (stopping(cause)) {
      return Status.UNAVAILABLE.withDescription("the node is shutting down; connect to another node or retry");
    }
    String errorId = UUID.randomUUID().toString();
    log.error("gRPC call failed unexpectedly (error id {})", errorId, cause);
    return Status.INTERNAL.withDescription("internal error " + errorId + "; the node's log has the details");
  }

  /** The status code {@link #statusOf} gives, without logging: for metrics. */
  public static Status.Code codeOf(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof StatusRuntimeException sre) {
      return sre.getStatus().getCode();
    }
    if (cause instanceof AskTimeoutException || cause instanceof TimeoutException || stopping(cause)) {
      return Status.Code.UNAVAILABLE;
    }
    return cancelled(cause) ? Status.Code.CANCELLED : Status.Code.INTERNAL;
  }

  /** The client went away (cancelled, deadline passed, connection closed): nothing for the node to log. */
  private static boolean cancelled(Throwable cause) {
    return cause instanceof PeerClosedStreamException || cause instanceof SubscriptionWithCancelException;
  }

  /** The node's streams are being torn down: it is shutting down. */
  private static boolean stopping(Throwable cause) {
    return cause instanceof AbruptStageTerminationException || cause instanceof AbruptTerminationException
        || cause instanceof StreamDetachedException;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The handler factories' exception mapper: every service uses this one. */
  public static Function<ActorSystem, Function<Throwable, Trailers>> mapper() {
    return system -> failure -> new Trailers(statusOf(failure));
  }
}
