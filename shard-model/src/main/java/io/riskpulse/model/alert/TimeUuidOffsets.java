package io.riskpulse.model.alert;

import java.util.UUID;

/**
 * Offsets of journals whose tag streams are ordered by time-based (version 1) UUIDs, such as Cassandra's
 * {@code eventsByTag} ({@code TimeBasedUUID}), kept as their text form so the alert book stays journal-neutral.
 *
 * <p>Such offsets are not unique per event the way the JDBC journal's ordering is: events of several nodes can carry
 * the same 100 ns timestamp, and Cassandra's query may deliver an event it found late after later ones. The book
 * therefore never ignores an observation for its UUID offset alone (its recent source events deduplicate); the
 * stored offset only says where the projection resumes: the latest observed. Stateless; thread-safe.
 */
public final class TimeUuidOffsets {

  private TimeUuidOffsets() {}

  /** The problem with {@code text} as a time-based UUID offset, or "" when it is one. */
  public static String problem(String text) {
    try {
      UUID uuid = UUID.fromString(text);
      return uuid.version() == 1 ? "" : "uuidOffset must be a time-based (version 1) UUID, was " + text;
    } catch (IllegalArgumentException e) {
      return "uuidOffset must be a UUID, was '" + text + "'";
    }
  }

  /** The later of two valid offsets (by timestamp, then by value, so ties are settled the same way everywhere). */
  public static String later(String a, String b) {
    return compare(a, b) >= 0 ? a : b;
  }

  /** Orders valid offsets by their timestamp (100 ns units since 1582-10-15), then by value. */
  public static int compare(String a, String b) {
    UUID x = UUID.fromString(a);
    UUID y = UUID.fromString(b);
    int byTime = Long.compare(x.timestamp(), y.timestamp());
    return byTime != 0 ? byTime : x.compareTo(y);
  }
}
