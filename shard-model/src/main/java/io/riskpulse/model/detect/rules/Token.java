package io.riskpulse.model.detect.rules;

/**
 * One lexical token of rule text. Immutable.
 *
 * @param kind what it is
 * @param text the source characters (a string's content without quotes)
 * @param number the value of a number, the milliseconds of a duration, else 0
 * @param line 1-based line
 * @param column 1-based column
 * @param start offset of its first character in the text
 * @param end offset just after its last character
 */
record Token(Kind kind, String text, double number, int line, int column, int start, int end) {

  enum Kind {
    /** A word: keyword, event type, field, enum name, name part. */
    IDENT,
    /** A number without unit: {@code 50}, {@code 1.01}, {@code 1_000}. */
    NUMBER,
    /** A number with a unit, no space between: {@code 2s}, {@code 500ms}, {@code 5m}. */
    DURATION,
    /** A double-quoted string, for names with characters other than letters, digits and '_'. */
    STRING,
    /** Punctuation or an operator. */
    SYMBOL,
    /** The end of the text. */
    EOF
  }

  /** Whether this is the symbol or word {@code s}. */
  boolean is(String s) {
    return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(s);
  }

  /** How it is shown in an error: {@code 'x'} or {@code end of input}. */
  String shown() {
    return kind == Kind.EOF ? "end of input" : kind == Kind.STRING ? "\"" + text + "\"" : "'" + text + "'";
  }
}
