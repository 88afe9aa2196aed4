package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;
import java.util.List;
import java.util.Map;

/**
 * An immutable copy of {@link AlertBookState} for the snapshot store.
 *
 * @param incidents every incident kept, in the order they were opened
 * @param resolvedOrder ids of the resolved incidents kept, in the order they were resolved
 * @param offsets per source tag, the offset last observed
 * @param recentSources the most recent source events observed, oldest first
 * @param uuidOffsets per source tag, the latest time-based UUID offset observed (absent in older snapshots)
 */
public record StoredAlertBook(List<Incident> incidents, List<String> resolvedOrder, Map<String, Long> offsets,
    List<SourceRef> recentSources, Map<String, String> uuidOffsets) implements CborSerializable {

  public StoredAlertBook {
    incidents = incidents == null ? List.of() : List.copyOf(incidents);
    resolvedOrder = resolvedOrder == null ? List.of() : List.copyOf(resolvedOrder);
    offsets = offsets == null ? Map.of() : Map.copyOf(offsets);
    recentSources = recentSources == null ? List.of() : List.copyOf(recentSources);
    uuidOffsets = uuidOffsets == null ? Map.of() : Map.copyOf(uuidOffsets);
  }
}
