package io.riskpulse.model.halt;

import io.riskpulse.model.CborSerializable;
import java.util.Objects;

/**
 * The scope of a halt: a kind and the id it names ({@code ""} for the firm). Written as {@code KIND:value}
 * (e.g. {@code DESK:rates}, {@code FIRM}) in logs, the API and the journal's human fields.
 *
 * @param kind what the value names
 * @param value portfolio id, strategy name, trader id, desk name or symbol; {@code ""} for {@link ScopeKind#FIRM}
 */
public record HaltScope(ScopeKind kind, String value) implements CborSerializable {

  public static final HaltScope FIRM = new HaltScope(ScopeKind.FIRM, "");

  public HaltScope {
    Objects.requireNonNull(kind, "kind");
    value = value == null ? "" : value;
    if (kind == ScopeKind.FIRM && !value.isEmpty()) {
      throw new IllegalArgumentException("a FIRM scope names nothing, was '" + value + "'");
    }
    if (kind != ScopeKind.FIRM && value.isBlank()) {
      throw new IllegalArgumentException("a " + kind + " scope needs a value");
    }
  }

  public static HaltScope portfolio(String portfolioId) {
    return new HaltScope(ScopeKind.PORTFOLIO, portfolioId);
  }

  public static HaltScope strategy(String strategy) {
    return new HaltScope(ScopeKind.STRATEGY, strategy);
  }

  public static HaltScope trader(String trader) {
    return new HaltScope(ScopeKind.TRADER, trader);
  }

  public static HaltScope desk(String desk) {
    return new HaltScope(ScopeKind.DESK, desk);
  }

  public static HaltScope instrument(String symbol) {
    return new HaltScope(ScopeKind.INSTRUMENT, symbol);
  }

  /**
   * Parses {@code KIND:value} or {@code FIRM} (kind case-insensitive).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static HaltScope parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("scope is required, e.g. DESK:rates or FIRM");
    }
    int colon = text.indexOf(':');
    String kindText = colon < 0 ? text.trim() : text.substring(0, colon).trim();
    ScopeKind kind;
    try {
      kind = ScopeKind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown scope kind '" + kindText + "', expected one of "
          + java.util.Arrays.toString(ScopeKind.values()));
    }
    return new HaltScope(kind, colon < 0 ? "" : text.substring(colon + 1).trim());
  }

  /**
   * Whether an order with these attributes falls in this scope.
   *
   * @param portfolioId the order's portfolio
   * @param strategy its strategy ({@code ""} when unknown)
   * @param trader the portfolio's trader
   * @param desk the portfolio's desk
   * @param symbol the order's instrument
   */
  public boolean covers(String portfolioId, String strategy, String trader, String desk, String symbol) {
    switch (kind) {
      case PORTFOLIO:
        return value.equals(portfolioId);
      case STRATEGY:
        return value.equals(strategy);
      case TRADER:
        return value.equals(trader);
      case DESK:
        return value.equals(desk);
      case INSTRUMENT:
        return value.equals(symbol);
      case FIRM:
        return true;
      default:
        throw new IllegalStateException(kind.name());
    }
  }

  @Override
  public String toString() {
    return kind == ScopeKind.FIRM ? "FIRM" : kind + ":" + value;
  }
}
