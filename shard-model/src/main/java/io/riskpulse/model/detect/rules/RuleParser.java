package io.riskpulse.model.detect.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles rule text into a {@link RuleSet}: a hand-written recursive-descent parser over {@link RuleLexer}'s
 * tokens, one method per grammar production (the grammar is in this package's documentation and in {@code
 * docs/RULES.md}). Everything the engine relies on is checked here, with the position of the offending token:
 * unknown event types, fields, enum values (order actions, sides, pre-trade checks), a missing window, counts
 * above the caps, market events in a per-strategy rule, duplicate rule names.
 *
 * <p>Stateless entry point; one parser instance per call, not shared.
 */
public final class RuleParser {

  /** The largest {@code N} of {@code N or more}, and the most events a threshold window keeps. */
  public static final int MAX_COUNT = 1_000;
  /** The most values a history aggregate keeps ({@code over last N} with N at most this). */
  public static final int MAX_HISTORY = 1_000;
  /** The values a history aggregate keeps when no {@code over} is written. */
  public static final int DEFAULT_HISTORY = 100;

  private final List<Token> tokens;
  private int pos;
  /** Per rule: the distinct history aggregates by canonical source, in order of first use. */
  private Map<String, Expr.History> histories;
  /** Per rule: the first market event used as a step or a source (forbidden with {@code per strategy}). */
  private Token firstMarketEvent;

  private RuleParser(String text) {
    this.tokens = RuleLexer.tokenize(text);
  }

  /**
   * Compiles {@code text} (zero or more rules).
   *
   * @throws RuleSyntaxException with the line and column of the first error
   */
  public static RuleSet parse(String text) {
    return new RuleParser(text == null ? "" : text).ruleSet();
  }

  // ruleset = { rule } ;
  private RuleSet ruleSet() {
    List<Rule> rules = new ArrayList<>();
    Map<String, Token> names = new HashMap<>();
    while (peek().kind() != Token.Kind.EOF) {
      Token start = peek();
      Rule rule = rule();
      Token first = names.putIfAbsent(rule.name(), start);
      if (first != null) {
        throw error(tokens.get(indexOf(start) + 1), "duplicate rule name '" + rule.name()
            + "' (first defined at line " + first.line() + ")");
      }
      rules.add(rule);
    }
    return new RuleSet(rules);
  }

  // rule = "rule" name "{" "when" condition [ "then" event ] { "within" DURATION | "per" group } "}" ;
  private Rule rule() {
    expectWord("rule", "'rule'");
    String name = name("a rule name");
    expect("{");
    expectWord("when", "'when'");
    histories = new LinkedHashMap<>();
    firstMarketEvent = null;
    Condition when = condition();
    EventPattern then = null;
    if (peek().is("then")) {
      Token thenToken = next();
      if (when instanceof Condition.Threshold) {
        throw error(thenToken, "a threshold cannot start a sequence; write 'N or more <event> then <event>'");
      }
      then = event(true);
    }
    long within = 0;
    GroupBy groupBy = GroupBy.NONE;
    Token withinToken = null;
    Token perToken = null;
    while (peek().is("within") || peek().is("per")) {
      Token clause = next();
      if (clause.is("within")) {
        if (withinToken != null) {
          throw error(clause, "'within' given twice");
        }
        withinToken = clause;
        within = duration();
      } else {
        if (perToken != null) {
          throw error(clause, "'per' given twice");
        }
        perToken = clause;
        groupBy = group();
      }
    }
    Token close = peek();
    if (!close.is("}")) {
      throw error(close, "expected 'then', 'within', 'per' or '}', found " + close.shown());
    }
    boolean needsWindow = then != null || when instanceof Condition.Threshold
        || ((Condition.Occurrences) when).atLeast() > 1;
    if (needsWindow && within == 0) {
      throw error(close, "a count, threshold or sequence needs a window: add 'within <duration>' before '}'");
    }
    if (groupBy == GroupBy.STRATEGY && firstMarketEvent != null) {
      throw error(firstMarketEvent, "market events have no strategy: use 'per symbol' or no grouping, or join the"
          + " market state with market.mid / market.spread");
    }
    next();
    return new Rule(name, when, then, within, groupBy, List.copyOf(histories.values()));
  }

  // condition = [ INTEGER "or" "more" ] event | window-aggregate comparison expr ;
  private Condition condition() {
    Token t = peek();
    if (t.kind() == Token.Kind.NUMBER) {
      next();
      int count = count(t, MAX_COUNT);
      expectWord("or", "'or' (as in '3 or more reject')");
      expectWord("more", "'more' (as in '3 or more reject')");
      return new Condition.Occurrences(count, event(true));
    }
    Optional<Aggregate> aggregate = Aggregate.byKeyword(t.text());
    if (t.kind() == Token.Kind.IDENT && aggregate.isPresent() && peekAt(1).is("(")) {
      return threshold(t, aggregate.get());
    }
    return new Condition.Occurrences(1, event(true));
  }

  // window-aggregate = "count" "(" event ")" | ( "sum" | "mean" ) "(" event "." field ")" ;
  private Condition threshold(Token t, Aggregate aggregate) {
    if (!aggregate.window()) {
      throw error(t, "'" + t.text() + "' cannot make a threshold; use count(...), sum(...) or mean(...) after 'when'");
    }
    next();
    expect("(");
    EventPattern source = event(true);
    Field field = null;
    if (aggregate == Aggregate.COUNT) {
      if (peek().is(".")) {
        throw error(peek(), "count counts events: write count(" + source.type().keyword() + "), or sum("
            + source.type().keyword() + ".<field>) for a total");
      }
    } else {
      expect(".");
      field = numericField(source.type());
    }
    expect(")");
    Comparison op = comparison();
    Token boundToken = peek();
    Expr bound = expr(source.type(), true);
    if (aggregate == Aggregate.COUNT && bound instanceof Expr.Literal literal && literal.value() > MAX_COUNT) {
      throw error(boundToken, "a window counts at most " + MAX_COUNT + " events, found " + boundToken.shown());
    }
    return new Condition.Threshold(aggregate, source, field, op, bound);
  }

  // event = event-type [ "(" [ predicate { "," predicate } ] ")" ] ;
  private EventPattern event(boolean allowHistory) {
    Token t = next();
    Optional<EventType> type = t.kind() == Token.Kind.IDENT ? EventType.byKeyword(t.text()) : Optional.empty();
    if (type.isEmpty()) {
      throw error(t, "unknown event type " + t.shown() + "; expected order, fill, reject or market");
    }
    if (type.get() == EventType.MARKET && firstMarketEvent == null) {
      firstMarketEvent = t;
    }
    List<Predicate> predicates = new ArrayList<>();
    if (peek().is("(")) {
      next();
      if (!peek().is(")")) {
        do {
          predicates.add(predicate(type.get(), allowHistory));
        } while (accept(","));
      }
      if (!peek().is(")")) {
        throw error(peek(), "expected ',' or ')', found " + peek().shown());
      }
      next();
    }
    return new EventPattern(type.get(), predicates);
  }

  // predicate = text-field ( "=" | "!=" ) value | expr comparison expr ;
  private Predicate predicate(EventType type, boolean allowHistory) {
    Token t = peek();
    Optional<Field> field = t.kind() == Token.Kind.IDENT ? type.field(t.text()) : Optional.empty();
    if (field.isPresent() && !field.get().numeric()) {
      next();
      Token op = next();
      if (!op.is("=") && !op.is("!=")) {
        throw error(op, "'" + t.text() + "' is text: compare it with = or !=, found " + op.shown());
      }
      return new Predicate.TextTest(field.get(), op.is("="), value(field.get()));
    }
    Expr left = expr(type, allowHistory);
    Comparison op = comparison();
    Expr right = expr(type, allowHistory);
    return new Predicate.Compare(left, op, right);
  }

  // value = name | STRING ;
  private String value(Field field) {
    Token t = peek();
    String value;
    if (t.kind() == Token.Kind.STRING) {
      next();
      value = t.text();
    } else if (t.kind() == Token.Kind.IDENT || t.kind() == Token.Kind.NUMBER) {
      value = name("a value for '" + field.ruleName() + "'");
    } else {
      throw error(t, "expected a value for '" + field.ruleName() + "', found " + t.shown());
    }
    List<String> choices = field.choices();
    if (!choices.isEmpty()) {
      String upper = value.toUpperCase(Locale.ROOT);
      if (!choices.contains(upper)) {
        String what = switch (field) {
          case ACTION -> "order action";
          case SIDE -> "side";
          default -> "pre-trade check";
        };
        String expected = choices.size() <= 6 ? "; expected " + String.join(", ", choices) : "";
        throw error(t, "unknown " + what + " '" + value + "'" + expected);
      }
      return upper;
    }
    return value;
  }

  // expr = term { ( "+" | "-" ) term } ;
  private Expr expr(EventType type, boolean allowHistory) {
    Expr left = term(type, allowHistory);
    while (peek().is("+") || peek().is("-")) {
      char op = next().text().charAt(0);
      left = new Expr.Binary(op, left, term(type, allowHistory));
    }
    return left;
  }

  // term = factor { ( "*" | "/" ) factor } ;
  private Expr term(EventType type, boolean allowHistory) {
    Expr left = factor(type, allowHistory);
    while (peek().is("*") || peek().is("/")) {
      char op = next().text().charAt(0);
      left = new Expr.Binary(op, left, factor(type, allowHistory));
    }
    return left;
  }

  // factor = NUMBER | "-" factor | "(" expr ")" | field | "market" "." market-field | history ;
  private Expr factor(EventType type, boolean allowHistory) {
    Token t = next();
    if (t.kind() == Token.Kind.NUMBER) {
      return new Expr.Literal(t.number());
    }
    if (t.is("-")) {
      return new Expr.Negate(factor(type, allowHistory));
    }
    if (t.is("(")) {
      Expr inner = expr(type, allowHistory);
      expect(")");
      return inner;
    }
    if (t.kind() == Token.Kind.DURATION) {
      throw error(t, "a duration is not a number here; durations go after 'within' or 'over'");
    }
    if (t.kind() != Token.Kind.IDENT) {
      throw error(t, "expected a number, a field or an aggregate, found " + t.shown());
    }
    if (t.text().equals("market") && peek().is(".")) {
      next();
      Token f = next();
      Optional<Field> field = f.kind() == Token.Kind.IDENT ? EventType.MARKET.field(f.text()) : Optional.empty();
      if (field.isEmpty() || !field.get().numeric()) {
        throw error(f, "unknown market field " + f.shown() + "; fields: mid, spread");
      }
      return new Expr.MarketRef(field.get());
    }
    Optional<Aggregate> aggregate = Aggregate.byKeyword(t.text());
    if (aggregate.isPresent() && peek().is("(")) {
      return history(t, aggregate.get(), allowHistory);
    }
    if (EventType.byKeyword(t.text()).isPresent() && peek().is(".")) {
      throw error(t, "'" + t.text() + "." + peekAt(1).text() + "' refers to other events: use an aggregate such as"
          + " median(" + t.text() + "." + peekAt(1).text() + "), or write the current event's field bare");
    }
    Optional<Field> field = type.field(t.text());
    if (field.isEmpty()) {
      throw error(t, "unknown field '" + t.text() + "' of " + type.keyword() + "; fields: " + type.fieldList());
    }
    if (!field.get().numeric()) {
      throw error(t, "'" + t.text() + "' is text, not a number: compare it with = or !=");
    }
    return new Expr.FieldRef(field.get());
  }

  // history = history-aggregate "(" event "." field [ "over" ( "last" INTEGER | DURATION ) ] ")" ;
  private Expr history(Token t, Aggregate aggregate, boolean allowHistory) {
    if (!aggregate.history()) {
      throw error(t, "'" + t.text() + "' is only a threshold after 'when'; in a predicate use median, mean, min,"
          + " max, sum or stdev");
    }
    if (!allowHistory) {
      throw error(t, "aggregates cannot be nested: a history's events cannot use another aggregate");
    }
    next();
    EventPattern source = event(false);
    expect(".");
    Field field = numericField(source.type());
    int lastN = DEFAULT_HISTORY;
    long windowMillis = 0;
    if (peek().is("over")) {
      next();
      if (peek().is("last")) {
        next();
        Token n = next();
        if (n.kind() != Token.Kind.NUMBER) {
          throw error(n, "expected how many values, as in 'over last 20', found " + n.shown());
        }
        lastN = count(n, MAX_HISTORY);
      } else {
        windowMillis = duration();
        lastN = MAX_HISTORY;
      }
    }
    expect(")");
    Expr.History probe = new Expr.History(aggregate, source, field, lastN, windowMillis, 0);
    String key = probe.sourceText();
    Expr.History existing = histories.get(key);
    int slot = existing != null ? existing.slot() : histories.size();
    Expr.History history = new Expr.History(aggregate, source, field, lastN, windowMillis, slot);
    histories.putIfAbsent(key, history);
    return history;
  }

  private Field numericField(EventType type) {
    Token f = next();
    Optional<Field> field = f.kind() == Token.Kind.IDENT ? type.field(f.text()) : Optional.empty();
    if (field.isEmpty()) {
      throw error(f, "unknown field " + f.shown() + " of " + type.keyword() + "; fields: " + type.fieldList());
    }
    if (!field.get().numeric()) {
      throw error(f, "'" + f.text() + "' is text, not a number: it cannot be aggregated");
    }
    return field.get();
  }

  private Comparison comparison() {
    Token t = next();
    Optional<Comparison> op = t.kind() == Token.Kind.SYMBOL ? Comparison.bySymbol(t.text()) : Optional.empty();
    if (op.isEmpty()) {
      throw error(t, "expected a comparison (=, !=, <, <=, >, >=), found " + t.shown());
    }
    return op.get();
  }

  private long duration() {
    Token t = next();
    if (t.kind() != Token.Kind.DURATION) {
      throw error(t, "expected a duration such as 2s, found " + t.shown());
    }
    if (t.number() <= 0) {
      throw error(t, "a duration must be positive, found " + t.shown());
    }
    return (long) t.number();
  }

  // group = "strategy" | "symbol" ;
  private GroupBy group() {
    Token t = next();
    if (t.is("strategy")) {
      return GroupBy.STRATEGY;
    }
    if (t.is("symbol")) {
      return GroupBy.SYMBOL;
    }
    throw error(t, "expected 'strategy' or 'symbol' after 'per', found " + t.shown());
  }

  private int count(Token t, int max) {
    double n = t.number();
    if (n != Math.rint(n) || n < 1 || n > max) {
      throw error(t, "expected a whole number from 1 to " + max + ", found " + t.shown());
    }
    return (int) n;
  }

  // name = IDENT { "-" ( IDENT | NUMBER ) } with no space inside ;
  private String name(String what) {
    Token t = next();
    if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.NUMBER) {
      throw error(t, "expected " + what + ", found " + t.shown());
    }
    StringBuilder name = new StringBuilder(t.text());
    Token last = t;
    while (peek().is("-") && peek().start() == last.end() && peekAt(1).start() == peek().end()
        && (peekAt(1).kind() == Token.Kind.IDENT || peekAt(1).kind() == Token.Kind.NUMBER
            || peekAt(1).kind() == Token.Kind.DURATION)) {
      next();
      last = next();
      name.append('-').append(last.text());
    }
    return name.toString();
  }

  private void expectWord(String word, String what) {
    Token t = next();
    if (!t.is(word) || t.kind() != Token.Kind.IDENT) {
      throw error(t, "expected " + what + ", found " + t.shown());
    }
  }

  private void expect(String symbol) {
    Token t = next();
    if (!t.is(symbol)) {
      throw error(t, "expected '" + symbol + "', found " + t.shown());
    }
  }

  private boolean accept(String symbol) {
    if (peek().is(symbol)) {
      next();
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.EOF) {
      pos++;
    }
    return t;
  }

  private int indexOf(Token token) {
    return tokens.indexOf(token);
  }

  private static RuleSyntaxException error(Token t, String reason) {
    return new RuleSyntaxException(t.line(), t.column(), reason);
  }
}
