package io.riskpulse.model.alert;

import io.riskpulse.model.alert.AlertBookEvent.IncidentAcknowledged;
import io.riskpulse.model.alert.AlertBookEvent.IncidentAssigned;
import io.riskpulse.model.alert.AlertBookEvent.IncidentCleared;
import io.riskpulse.model.alert.AlertBookEvent.IncidentEscalated;
import io.riskpulse.model.alert.AlertBookEvent.IncidentOpened;
import io.riskpulse.model.alert.AlertBookEvent.IncidentResolved;
import io.riskpulse.model.alert.AlertBookEvent.IncidentUpdated;
import io.riskpulse.model.alert.AlertBookEvent.SignalsObserved;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event-sourced state of the alert book: the incidents, which one is unresolved for each correlation key, how
 * far each source tag was observed, and the most recent source events.
 *
 * <p>Bounded: resolved incidents beyond {@code keep-resolved} are dropped oldest-resolved first (the journal still
 * has them), source refs per incident and remembered source events are capped. Unresolved incidents are never
 * dropped; correlation keeps them to one per key.
 *
 * <p>Mutable for speed (thousands of kept incidents would otherwise be copied on every event), which is safe
 * because only the owning entity touches it and only {@link #apply} changes it. Snapshots go through
 * {@link StoredAlertBook}, an immutable copy, so the snapshot store never serializes a state the entity is
 * changing. Reads hand out immutable {@link Incident}s.
 */
public final class AlertBookState {

  private final AlertSettings settings;
  /** Whether this is the entity's empty state, never changed (see {@link #pristine}). */
  private final boolean pristine;
  /** Every incident kept, by id, in the order they were opened. */
  private final LinkedHashMap<String, Incident> incidents = new LinkedHashMap<>();
  /** The unresolved incident of each correlation key: at most one per key. */
  private final Map<String, String> unresolvedByKey = new HashMap<>();
  /** Resolved incidents kept, oldest resolution first: the next to drop. */
  private final ArrayDeque<String> resolvedOrder = new ArrayDeque<>();
  private final Map<String, Long> offsets = new TreeMap<>();
  /** Per tag, the latest time-based UUID offset observed (journals with such offsets: Cassandra). */
  private final Map<String, String> uuidOffsets = new TreeMap<>();
  /** Most recent source events observed, oldest first, at most {@code dedup-window}. */
  private final LinkedHashSet<SourceRef> recentSources = new LinkedHashSet<>();

  AlertBookState(AlertSettings settings) {
    this(settings, false);
  }

  private AlertBookState(AlertSettings settings, boolean pristine) {
    this.settings = settings;
    this.pristine = pristine;
  }

  /**
   * The state before any event, as the entity's {@code emptyState()}: never changed itself, since Pekko starts
   * every recovery from it, including the one after a failed journal write (see {@code PortfolioState#pristine}).
   */
  static AlertBookState pristine(AlertSettings settings) {
    return new AlertBookState(settings, true);
  }

  /**
   * Applies one journaled event. The only place state changes. A {@link #pristine} state is not changed: the event
   * is applied to a new state, which is returned.
   */
  AlertBookState apply(AlertBookEvent event) {
    if (pristine) {
      return new AlertBookState(settings).apply(event);
    }
    if (event instanceof IncidentOpened opened) {
      Incident incident = opened.incident();
      incidents.put(incident.incidentId(), incident);
      unresolvedByKey.put(incident.correlationKey(), incident.incidentId());
    } else if (event instanceof IncidentResolved resolved) {
      Incident incident = change(resolved.incidentId(), resolved);
      if (incident != null) {
        unresolvedByKey.remove(incident.correlationKey(), incident.incidentId());
        resolvedOrder.addLast(incident.incidentId());
        while (resolvedOrder.size() > settings.keepResolved()) {
          incidents.remove(resolvedOrder.removeFirst());
        }
      }
    } else if (event instanceof SignalsObserved observed) {
      if (observed.offset() > 0) {
        offsets.merge(observed.tag(), observed.offset(), Math::max);
      }
      if (observed.uuidOffset() != null) {
        uuidOffsets.merge(observed.tag(), observed.uuidOffset(), TimeUuidOffsets::later);
      }
      for (SourceRef source : observed.sources()) {
        remember(source);
      }
    } else {
      change(incidentIdOf(event), event);
    }
    return this;
  }

  private Incident change(String incidentId, AlertBookEvent event) {
    Incident before = incidents.get(incidentId);
    if (before == null) {
      return null; // dropped as an old resolved incident; nothing left to change
    }
    Incident after = before.after(event, settings.maxSourceRefs());
    incidents.put(incidentId, after);
    return after;
  }

  /** The incident an event changes. */
  static String incidentIdOf(AlertBookEvent event) {
    if (event instanceof IncidentOpened opened) {
      return opened.incident().incidentId();
    } else if (event instanceof IncidentUpdated updated) {
      return updated.incidentId();
    } else if (event instanceof IncidentEscalated escalated) {
      return escalated.incidentId();
    } else if (event instanceof IncidentCleared cleared) {
      return cleared.incidentId();
    } else if (event instanceof IncidentAcknowledged acknowledged) {
      return acknowledged.incidentId();
    } else if (event instanceof IncidentAssigned assigned) {
      return assigned.incidentId();
    } else if (event instanceof IncidentResolved resolved) {
      return resolved.incidentId();
    }
    throw new IllegalArgumentException("not an incident event: " + event);
  }

  private void remember(SourceRef source) {
    if (settings.dedupWindow() == 0 || !recentSources.add(source)) {
      return;
    }
    if (recentSources.size() > settings.dedupWindow()) {
      Iterator<SourceRef> oldest = recentSources.iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /** The incident with this id, or {@code null} (never opened, or resolved long ago and dropped). */
  public Incident incident(String incidentId) {
    return incidentId == null ? null : incidents.get(incidentId);
  }

  /** The unresolved incident of {@code correlationKey}, or {@code null}. */
  public Incident unresolved(String correlationKey) {
    String id = unresolvedByKey.get(correlationKey);
    return id == null ? null : incidents.get(id);
  }

  /** Ids of the active, unresolved incidents of {@code scope}, in the order they were opened. */
  public List<String> activeIn(String scope) {
    List<String> ids = new ArrayList<>();
    for (String id : unresolvedByKey.values()) {
      Incident incident = incidents.get(id);
      if (incident != null && incident.active() && incident.scope().equals(scope)) {
        ids.add(id);
      }
    }
    ids.sort((a, b) -> Long.compare(number(a), number(b)));
    return ids;
  }

  /** The offset last observed for {@code tag}; 0 when none was. */
  public long offset(String tag) {
    return offsets.getOrDefault(tag, 0L);
  }

  public Map<String, Long> offsets() {
    return Map.copyOf(offsets);
  }

  /** The latest time-based UUID offset observed for {@code tag}; null when none was. */
  public String uuidOffset(String tag) {
    return uuidOffsets.get(tag);
  }

  public Map<String, String> uuidOffsets() {
    return Map.copyOf(uuidOffsets);
  }

  /** Whether the signal's source event was observed recently (within {@code dedup-window} events). */
  public boolean seen(SourceRef source) {
    return recentSources.contains(source);
  }

  public int unresolvedCount() {
    return unresolvedByKey.size();
  }

  /** The incidents {@code filter} selects, newest first, at most {@code limit}. */
  public Incidents select(IncidentFilter filter, int limit) {
    List<Incident> all = new ArrayList<>(incidents.values());
    List<Incident> selected = new ArrayList<>(Math.min(limit, all.size()));
    int matching = 0;
    for (int i = all.size() - 1; i >= 0; i--) {
      Incident incident = all.get(i);
      if (filter.selects(incident)) {
        matching++;
        if (selected.size() < limit) {
          selected.add(incident);
        }
      }
    }
    return new Incidents(selected, matching, unresolvedByKey.size());
  }

  /** The number in an incident id ({@code inc-17} is 17), for ordering. */
  private static long number(String incidentId) {
    try {
      return Long.parseLong(incidentId.substring(incidentId.lastIndexOf('-') + 1));
    } catch (RuntimeException e) {
      return Long.MAX_VALUE;
    }
  }

  StoredAlertBook toStored() {
    return new StoredAlertBook(List.copyOf(incidents.values()), List.copyOf(resolvedOrder), Map.copyOf(offsets),
        List.copyOf(recentSources), Map.copyOf(uuidOffsets));
  }

  static AlertBookState fromStored(StoredAlertBook stored, AlertSettings settings) {
    AlertBookState state = new AlertBookState(settings);
    for (Incident incident : stored.incidents()) {
      state.incidents.put(incident.incidentId(), incident);
      if (!incident.resolved()) {
        state.unresolvedByKey.put(incident.correlationKey(), incident.incidentId());
      }
    }
    state.resolvedOrder.addAll(stored.resolvedOrder());
    state.offsets.putAll(stored.offsets());
    state.uuidOffsets.putAll(stored.uuidOffsets());
    for (SourceRef source : stored.recentSources()) {
      state.remember(source);
    }
    return state;
  }

  @Override
  public String toString() {
    return "AlertBookState[incidents=" + incidents.size() + ", unresolved=" + unresolvedByKey.size() + ", offsets="
        + offsets + ", uuidOffsets=" + uuidOffsets + "]";
  }
}
