package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;
import java.util.Map;

/**
 * The answer to {@link AlertBookCommand.GetOffsets}.
 *
 * @param offsets per source tag, the offset of the last event observed (absent: none yet); the projection resumes
 *     after it
 * @param duplicatesIgnored observations ignored as already seen since this incarnation of the book started: after
 *     a restart, above 0 only if events were delivered again (a projection that did not resume where it stopped)
 */
public record ObservedOffsets(Map<String, Long> offsets, long duplicatesIgnored) implements CborSerializable {

  public ObservedOffsets {
    offsets = offsets == null ? Map.of() : Map.copyOf(offsets);
  }

  /** The offset observed for {@code tag}, 0 when none was. */
  public long offset(String tag) {
    return offsets.getOrDefault(tag, 0L);
  }
}
