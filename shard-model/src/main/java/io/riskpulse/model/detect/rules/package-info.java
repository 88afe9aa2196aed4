/**
 * Complex event processing: a small declarative rule language, compiled by {@link
 * io.riskpulse.model.detect.rules.RuleParser} and evaluated incrementally inside a portfolio's event stream by
 * {@link io.riskpulse.model.detect.rules.RuleEngine}. A match becomes a {@link
 * io.riskpulse.model.detect.DetectionSignal} of detector {@code RULE}. The language reference with examples is
 * {@code docs/RULES.md}.
 *
 * <pre>
 * rule collar-rejects-then-big-fill {
 *   when 3 or more reject(check = PRICE_COLLAR)
 *   then fill(quantity &gt; 5 * median(fill.quantity))
 *   within 2s
 *   per strategy
 * }
 * rule cancel-storm { when count(order(action = CANCEL)) &gt;= 50 within 1s per strategy }
 * </pre>
 *
 * <p>Grammar (EBNF; words in quotes are keywords, matched case-sensitively; white space and {@code #} comments to
 * the end of the line separate tokens):
 *
 * <pre>
 * ruleset      = { rule } ;
 * rule         = "rule" name "{" "when" condition [ "then" event ]
 *                { "within" DURATION | "per" ( "strategy" | "symbol" ) } "}" ;
 * condition    = [ INTEGER "or" "more" ] event
 *              | window-agg comparison expr ;
 * window-agg   = "count" "(" event ")"
 *              | ( "sum" | "mean" ) "(" event "." field ")" ;
 * event        = event-type [ "(" [ predicate { "," predicate } ] ")" ] ;
 * event-type   = "order" | "fill" | "reject" | "market" ;
 * predicate    = text-field ( "=" | "!=" ) value
 *              | expr comparison expr ;
 * comparison   = "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ;
 * expr         = term { ( "+" | "-" ) term } ;
 * term         = factor { ( "*" | "/" ) factor } ;
 * factor       = NUMBER | "-" factor | "(" expr ")" | field
 *              | "market" "." ( "mid" | "spread" )
 *              | history ;
 * history      = ( "median" | "mean" | "min" | "max" | "sum" | "stdev" )
 *                "(" event "." field [ "over" ( "last" INTEGER | DURATION ) ] ")" ;
 * value        = name | STRING ;
 * name         = IDENT { "-" ( IDENT | INTEGER ) } ;        (* no white space inside *)
 * IDENT        = letter { letter | digit | "_" } ;
 * NUMBER       = digit { digit | "_" } [ "." digit { digit } ] ;
 * DURATION     = NUMBER ( "ms" | "s" | "m" ) ;             (* no white space: 2s, 500ms, 5m *)
 * STRING       = '"' { any character but '"' and newline } '"' ;
 * </pre>
 *
 * <p>Fields: order: action, strategy, symbol, side, quantity, price, notional; fill: strategy, symbol, side,
 * quantity, price, notional; reject: check, strategy, symbol, side, quantity, price, notional; market: symbol,
 * mid, spread. Text fields (action, strategy, symbol, side, check) take {@code =} and {@code !=} only; action,
 * side and check values are checked against {@code OrderAction}, {@code Side} and {@code PreTradeCheck}.
 *
 * <p>Static rules the parser enforces: a count above 1, a threshold or a sequence needs {@code within}; {@code N}
 * and a literal count bound are at most {@value io.riskpulse.model.detect.rules.RuleParser#MAX_COUNT}; {@code over
 * last N} at most {@value io.riskpulse.model.detect.rules.RuleParser#MAX_HISTORY}; history aggregates do not nest;
 * a threshold cannot start a sequence; market events cannot be used in a {@code per strategy} rule; rule names are
 * unique.
 *
 * <p>Semantics (per portfolio, events in order, time from event timestamps only): see {@link
 * io.riskpulse.model.detect.rules.RuleEngine} and {@code docs/RULES.md}. Nothing here is thread-safe: an engine is
 * owned by one portfolio entity; compiled rules ({@link io.riskpulse.model.detect.rules.RuleSet}) are immutable and
 * may be shared.
 */
package io.riskpulse.model.detect.rules;
