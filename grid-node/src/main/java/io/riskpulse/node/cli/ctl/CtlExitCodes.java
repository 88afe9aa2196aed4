package io.riskpulse.node.cli.ctl;

import io.grpc.Status;

/**
 * The exit codes of {@code riskpulse ctl}, one per thing a script does differently next: fix the command, look
 * for another id, get other credentials, retry later, or act on a refusal. Every failure also prints one line
 * {@code error: <CODE>: <description>} on stderr, CODE being the gRPC status name (for local problems too: a
 * missing certificate file is INVALID_ARGUMENT). Documented in docs/CTL.md; stateless.
 */
public final class CtlExitCodes {

  /** The call succeeded (a what-if with breaches, and every listing, included). */
  public static final int OK = 0;
  /** Anything not below: an internal error of the node, an unexpected failure. */
  public static final int OTHER = 1;
  /** Command-line syntax (picocli's usage errors), INVALID_ARGUMENT, OUT_OF_RANGE. */
  public static final int INVALID_ARGUMENT = 2;
  /** NOT_FOUND: unknown portfolio, incident, or no halt on that scope. */
  public static final int NOT_FOUND = 3;
  /** UNAUTHENTICATED (no token or an unknown one) or PERMISSION_DENIED (role or desk). */
  public static final int DENIED = 4;
  /** UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED: node down or slow; a health check not SERVING. */
  public static final int UNAVAILABLE = 5;
  /** check-order: the node answered and REJECTED the order (not an error: no {@code error:} line). */
  public static final int REJECTED = 6;
  /** FAILED_PRECONDITION or ALREADY_EXISTS: halting a halted scope, a command that does not apply now. */
  public static final int FAILED_PRECONDITION = 7;

  private CtlExitCodes() {}

  /** The exit code of a call that failed with {@code code}. */
  public static int of(Status.Code code) {
    return switch (code) {
      case OK -> OK;
      case INVALID_ARGUMENT, OUT_OF_RANGE -> INVALID_ARGUMENT;
      case NOT_FOUND -> NOT_FOUND;
      case UNAUTHENTICATED, PERMISSION_DENIED -> DENIED;
      case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED -> UNAVAILABLE;
      case FAILED_PRECONDITION, ALREADY_EXISTS -> FAILED_PRECONDITION;
      default -> OTHER;
    };
  }
}
