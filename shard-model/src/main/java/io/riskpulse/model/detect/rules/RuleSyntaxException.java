package io.riskpulse.model.detect.rules;

/**
 * A rule text that cannot be compiled, with where: {@code line 3, column 14: expected a duration such as 2s, found
 * 'x'}. Lines and columns are 1-based; a tab counts as one column.
 */
public final class RuleSyntaxException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String reason;

  public RuleSyntaxException(int line, int column, String reason) {
    super("line " + line + ", column " + column + ": " + reason);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** 1-based line of the offending token. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending token's first character. */
  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }
}
