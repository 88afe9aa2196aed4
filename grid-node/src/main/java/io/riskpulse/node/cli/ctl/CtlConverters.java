package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.ProposedTrade;
import io.riskpulse.api.v1.ScopeKind;
import io.riskpulse.api.v1.Side;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line text to the API's values, as picocli converters: a malformed value is a usage error (exit 2)
 * whose message says what was expected. Case-insensitive where the value is a word. Stateless.
 */
final class CtlConverters {

  private CtlConverters() {}

  /** {@code 500ms}, {@code 10s}, {@code 2m}, or ISO-8601 ({@code PT10S}); above zero. */
  static final class Durations implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    @Override
    public Duration convert(String text) {
      String value = text.trim().toLowerCase(Locale.ROOT);
      Matcher m = SHORT.matcher(value);
      Duration duration;
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        duration = switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          default -> Duration.ofMinutes(n);
        };
      } else {
        try {
          duration = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
          throw new TypeConversionException("expected a duration like 500ms, 10s or 2m, was '" + text + "'");
        }
      }
      if (duration.isZero() || duration.isNegative()) {
        throw new TypeConversionException("expected a duration above zero, was '" + text + "'");
      }
      return duration;
    }
  }

  /** A number, with optional {@code ,} or {@code _} thousands separators: {@code 5,000,000}, {@code 5e6}. */
  static final class Numbers implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      try {
        double value = Double.parseDouble(text.trim().replace(",", "").replace("_", ""));
        if (!Double.isFinite(value)) {
          throw new NumberFormatException();
        }
        return value;
      } catch (NumberFormatException e) {
        throw new TypeConversionException("expected a number, was '" + text + "'");
      }
    }
  }

  /** {@code buy} or {@code sell}. */
  static final class Sides implements ITypeConverter<Side> {
    @Override
    public Side convert(String text) {
      return side(text);
    }
  }

  /** {@code portfolio}, {@code strategy}, {@code trader}, {@code desk}, {@code instrument} or {@code firm}. */
  static final class ScopeKinds implements ITypeConverter<ScopeKind> {
    @Override
    public ScopeKind convert(String text) {
      String value = text.trim().toUpperCase(Locale.ROOT);
      for (ScopeKind kind : ScopeKind.values()) {
        if (kind != ScopeKind.SCOPE_KIND_UNSPECIFIED && kind != ScopeKind.UNRECOGNIZED && kind.name().equals(value)) {
          return kind;
        }
      }
      throw new TypeConversionException(
          "expected portfolio, strategy, trader, desk, instrument or firm, was '" + text + "'");
    }
  }

  /** {@code SYMBOL:buy|sell:QUANTITY}, e.g. {@code SPY:buy:100}. */
  static final class Trades implements ITypeConverter<ProposedTrade> {
    @Override
    public ProposedTrade convert(String text) {
      String[] parts = text.trim().split(":");
      if (parts.length != 3 || parts[0].isBlank()) {
        throw new TypeConversionException("expected SYMBOL:buy|sell:QUANTITY, e.g. SPY:buy:100, was '" + text + "'");
      }
      return ProposedTrade.newBuilder().setSymbol(parts[0].trim()).setSide(side(parts[1]))
          .setQuantity(new Numbers().convert(parts[2])).build();
    }
  }

  private static Side side(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "buy" -> Side.BUY;
      case "sell" -> Side.SELL;
      default -> throw new TypeConversionException("expected buy or sell, was '" + text + "'");
    };
  }
}
