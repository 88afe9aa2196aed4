package io.riskpulse.gateway.grpc;

import io.riskpulse.api.v1.Side;

/**
 * Request field checks: each failure is INVALID_ARGUMENT naming the field (see {@link GrpcErrors}). Stateless.
 */
public final class Fields {

  /** Longest id, name or reason accepted; ids travel in FIX and journal rows. */
  public static final int MAX_ID_LENGTH = 64;
  public static final int MAX_TEXT_LENGTH = 500;

  private Fields() {}

  /** A required id: not blank, at most {@value #MAX_ID_LENGTH} characters, no control characters; trimmed. */
  public static String id(String field, String value) {
    String text = value == null ? "" : value.trim();
    if (text.isEmpty()) {
      throw GrpcErrors.invalidArgument(field, "required");
    }
    if (text.length() > MAX_ID_LENGTH) {
      throw GrpcErrors.invalidArgument(field, "longer than " + MAX_ID_LENGTH + " characters");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw GrpcErrors.invalidArgument(field, "contains control characters");
    }
    return text;
  }

  /** An optional id: empty when blank, otherwise checked as {@link #id}. */
  public static String optionalId(String field, String value) {
    return value == null || value.isBlank() ? "" : id(field, value);
  }

  /** Required free text (a reason, a note): not blank, at most {@value #MAX_TEXT_LENGTH} characters; trimmed. */
  public static String text(String field, String value) {
    String text = value == null ? "" : value.trim();
    if (text.isEmpty()) {
      throw GrpcErrors.invalidArgument(field, "required");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw GrpcErrors.invalidArgument(field, "longer than " + MAX_TEXT_LENGTH + " characters");
    }
    return text;
  }

  /** A finite number above zero. */
  public static double positive(String field, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw GrpcErrors.invalidArgument(field, "must be a finite number above zero, was " + value);
    }
    return value;
  }

  /** BUY or SELL. */
  public static io.riskpulse.model.portfolio.Side side(String field, Side side) {
    return switch (side) {
      case BUY -> io.riskpulse.model.portfolio.Side.BUY;
      case SELL -> io.riskpulse.model.portfolio.Side.SELL;
      default -> throw GrpcErrors.invalidArgument(field, "must be BUY or SELL");
    };
  }

  /** The failure {@code check} throws, or {@code null}: for tests and callers that collect every problem. */
  static RuntimeException failure(Runnable check) {
    try {
      check.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
