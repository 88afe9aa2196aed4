package io.riskpulse.node.cli.ctl;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/**
 * API messages as JSON for scripts ({@code riskpulse ctl --json}): the canonical proto3 JSON mapping
 * (lowerCamelCase field names, 64-bit integers as strings, NaN as {@code "NaN"}), with fields at their default
 * value written out, so that {@code "accepted": false} or a zero is present rather than absent. Thread-safe
 * (the printers are immutable).
 */
final class JsonOutput {

  private static final JsonFormat.Printer PRETTY = JsonFormat.printer().includingDefaultValueFields();
  private static final JsonFormat.Printer ONE_LINE = PRETTY.omittingInsignificantWhitespace();

  private JsonOutput() {}

  /** One message, indented over several lines: the answer of a call. */
  static String pretty(MessageOrBuilder message) {
    return print(PRETTY, message);
  }

  /** One message on one line: each update of a watch, so that the output is JSON lines. */
  static String oneLine(MessageOrBuilder message) {
    return print(ONE_LINE, message);
  }

  private static String print(JsonFormat.Printer printer, MessageOrBuilder message) {
    try {
      return printer.print(message);
    } catch (InvalidProtocolBufferException e) {
      // Only Any fields without a type registry fail; riskpulse.v1 has none.
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
