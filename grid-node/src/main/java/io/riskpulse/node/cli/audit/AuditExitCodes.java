package io.riskpulse.node.cli.audit;

/**
 * The exit codes of {@code riskpulse audit}, documented in docs/AUDIT.md. Every failure also prints one line
 * {@code error: <description>} on stderr.
 */
public final class AuditExitCodes {

  /** Done; for verify: every journal checked is intact. */
  public static final int OK = 0;
  /** verify found an altered, missing, reordered, unsealed or unreadable event; replay met unreadable events. */
  public static final int PROBLEMS_FOUND = 1;
  /** Command-line syntax or an invalid value (a date, a format). */
  public static final int INVALID_ARGUMENT = 2;
  /** The portfolio or desk has no journaled events. */
  public static final int NOT_FOUND = 3;
  /** The journal could not be read (database in use by a running node, unreachable, timed out). */
  public static final int UNAVAILABLE = 5;

  private AuditExitCodes() {}
}
