package io.riskpulse.node.cli.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The instants audit commands take: an ISO-8601 instant ({@code 2026-11-26T10:15:00Z}) or a UTC date. */
final class AuditTimes {

  private AuditTimes() {}

  /** {@code text} as an instant in epoch milliseconds; a date means its start (00:00 UTC). */
  static long start(CommandSpec spec, String option, String text) {
    return parse(spec, option, text, false);
  }

  /** {@code text} as the end of a range, exclusive: a date means the start of the next day. */
  static long endExclusive(CommandSpec spec, String option, String text) {
    return parse(spec, option, text, true);
  }

  private static long parse(CommandSpec spec, String option, String text, boolean dateIsInclusive) {
    try {
      return Instant.parse(text).toEpochMilli() + (dateIsInclusive ? 1 : 0);
    } catch (DateTimeParseException notInstant) {
      try {
        LocalDate day = LocalDate.parse(text);
        return (dateIsInclusive ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      } catch (DateTimeParseException notDate) {
        throw new ParameterException(spec.commandLine(), option + ": '" + text
            + "' is neither an ISO-8601 instant (2026-11-26T10:15:00Z) nor a date (2026-11-26)");
      }
    }
  }
}
