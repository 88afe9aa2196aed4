package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;
import java.util.Map;

/**
 * The answer to {@link AlertBookCommand.GetOffsets}.
 *
 * @param offsets per source tag, the sequence offset of the last event observed (absent: none yet); the projection
 *     resumes after it
 * @param duplicatesIgnored observations ignored as already seen since this incarnation of the book started: after
 *     a restart, above 0 only if events were delivered again (a projection that did not resume where it stopped)
 * @param uuidOffsets per source tag, the latest time-based UUID offset observed (Cassandra's eventsByTag; absent:
 *     none yet), as text
 */
public record ObservedOffsets(Map<String, Long> offsets, long duplicatesIgnored, Map<String, String> uuidOffsets)
    implements CborSerializable {

  public ObservedOffsets {
    offsets = offsets == null ? Map.of() : Map.copyOf(offsets);
    uuidOffsets = uuidOffsets == null ? Map.of() : Map.copyOf(uuidOffsets);
  }

  /** The sequence offset observed for {@code tag}, 0 when none was. */
  public long offset(String tag) {
    return offsets.getOrDefault(tag, 0L);
  }

  /** The time-based UUID offset observed for {@code tag}, null when none was. */
  public String uuidOffset(String tag) {
    return uuidOffsets.get(tag);
  }
}
