package io.riskpulse.model.detect.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits rule text into {@link Token}s: words, numbers, durations ({@code 2s}: a number immediately followed by
 * {@code ms}, {@code s} or {@code m}), strings, operators; skips white space and {@code #} comments to the end of
 * the line. Stateless apart from one call's cursor; not thread-safe.
 */
final class RuleLexer {

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;

  private RuleLexer(String text) {
    this.text = text;
  }

  /** The tokens of {@code text}, ending with an EOF token; a character that starts no token is an error. */
  static List<Token> tokenize(String text) {
    RuleLexer lexer = new RuleLexer(text);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (Character.isLetter(c) || c == '_') {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
          pos++;
        }
        add(Token.Kind.IDENT, text.substring(start, pos), 0, start);
      } else if (Character.isDigit(c)) {
        number();
      } else if (c == '"') {
        string();
      } else {
        symbol(c);
      }
    }
    add(Token.Kind.EOF, "", 0, pos);
  }

  private void number() {
    int start = pos;
    digits();
    if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
      pos++;
      digits();
    }
    String digits = text.substring(start, pos);
    double value = Double.parseDouble(digits.replace("_", ""));
    if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      int unitStart = pos;
      while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
        pos++;
      }
      String unit = text.substring(unitStart, pos);
      long factor = switch (unit) {
        case "ms" -> 1;
        case "s" -> 1_000;
        case "m" -> 60_000;
        default -> throw error(unitStart, "unknown duration unit '" + unit + "' in '" + digits + unit
            + "'; use ms, s or m");
      };
      double millis = value * factor;
      if (millis != Math.rint(millis) || millis > Long.MAX_VALUE / 2) {
        throw error(start, "a duration must be a whole number of milliseconds, found '" + digits + unit + "'");
      }
      add(Token.Kind.DURATION, digits + unit, millis, start);
    } else {
      add(Token.Kind.NUMBER, digits, value, start);
    }
  }

  private void digits() {
    while (pos < text.length() && (Character.isDigit(text.charAt(pos))
        || text.charAt(pos) == '_' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
      pos++;
    }
  }

  private void string() {
    int start = pos;
    pos++;
    while (pos < text.length() && text.charAt(pos) != '"') {
      if (text.charAt(pos) == '\n') {
        break;
      }
      pos++;
    }
    if (pos >= text.length() || text.charAt(pos) != '"') {
      throw error(start, "unterminated string: a closing '\"' is missing on this line");
    }
    pos++;
    add(Token.Kind.STRING, text.substring(start + 1, pos - 1), 0, start);
  }

  private void symbol(char c) {
    int start = pos;
    String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
    if (two.equals("!=") || two.equals("<=") || two.equals(">=")) {
      pos += 2;
      add(Token.Kind.SYMBOL, two, 0, start);
      return;
    }
    if ("{}(),.+-*/=<>".indexOf(c) >= 0) {
      pos++;
      add(Token.Kind.SYMBOL, String.valueOf(c), 0, start);
      return;
    }
    if (c == '!') {
      throw error(start, "unexpected '!'; did you mean '!='?");
    }
    if (c == '&' || c == '|') {
      throw error(start, "unexpected '" + c + "'; predicates are separated by ','");
    }
    throw error(start, "unexpected character '" + c + "'");
  }

  private void add(Token.Kind kind, String s, double number, int start) {
    tokens.add(new Token(kind, s, number, line, start - lineStart + 1, start, pos));
  }

  private RuleSyntaxException error(int at, String reason) {
    return new RuleSyntaxException(line, at - lineStart + 1, reason);
  }
}
