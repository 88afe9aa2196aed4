package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One incident: everything the signals of one correlation key said between its opening and its resolution (see
 * {@link AlertBook} for the correlation rules), and what people did about it. Immutable; each change makes a new
 * one ({@link #after}, used by the book's event handler and its correlation, nowhere else).
 *
 * @param incidentId stable id, {@code inc-<sequence number of its IncidentOpened event>}
 * @param correlationKey what its signals have in common, e.g. {@code PORTFOLIO:P1/DRAWDOWN},
 *     {@code PORTFOLIO:P1/ORDER_QUANTITY:SPY}, {@code PORTFOLIO:P1/HALT}, {@code DESK:rates/HALT},
 *     {@code OMS:oms1/halt-P1-7}
 * @param severity the highest severity its signals raised
 * @param title one line for a person, with the numbers of the signal that opened (or last escalated) it
 * @param scope what it is about: {@code PORTFOLIO:P1}, {@code DESK:rates}, {@code FIRM}, {@code OMS:oms1}
 * @param first the figures of the first occurrence
 * @param latest the figures of the latest occurrence
 * @param occurrences signals that raised, updated or escalated it (clears not counted); 1 when opened
 * @param firstSeenMillis when the first occurrence happened (source time, epoch ms)
 * @param lastSeenMillis when the latest occurrence or clear happened (source time, epoch ms)
 * @param status OPEN, ACKNOWLEDGED or RESOLVED
 * @param active whether its condition is still there: false once a clearing signal came (a breach back within its
 *     limit, a resume, an OMS acknowledgement), true again if the condition returns before it is resolved
 * @param clearedAtMillis when its condition last ended by itself; 0 while active
 * @param assignee who it is assigned to; {@code ""} if nobody
 * @param acknowledgedBy who acknowledged it; {@code ""} if nobody yet
 * @param acknowledgedAtMillis when; 0 if not
 * @param resolvedBy who resolved it; {@code ""} unless RESOLVED
 * @param resolutionNote why it could be closed, as the resolver wrote it
 * @param resolvedAtMillis when; 0 unless RESOLVED
 * @param sources the journal events it was built from: the first, then the most recent (bounded by
 *     {@code riskpulse.alerts.max-source-refs})
 * @param related ids of other incidents it is linked to: a portfolio halt lists the portfolio's incidents that
 *     were active when it halted (the breaches that caused it)
 */
public record Incident(
    String incidentId, String correlationKey, Severity severity, String title, String scope,
    Trigger first, Trigger latest, int occurrences, long firstSeenMillis, long lastSeenMillis,
    IncidentStatus status, boolean active, long clearedAtMillis, String assignee, String acknowledgedBy,
    long acknowledgedAtMillis, String resolvedBy, String resolutionNote, long resolvedAtMillis,
    List<SourceRef> sources, List<String> related) implements CborSerializable {

  public Incident {
    assignee = assignee == null ? "" : assignee;
    acknowledgedBy = acknowledgedBy == null ? "" : acknowledgedBy;
    resolvedBy = resolvedBy == null ? "" : resolvedBy;
    resolutionNote = resolutionNote == null ? "" : resolutionNote;
    sources = sources == null ? List.of() : List.copyOf(sources);
    related = related == null ? List.of() : List.copyOf(related);
  }

  /** A new, active, OPEN incident with one occurrence. */
  public static Incident open(String incidentId, String correlationKey, Severity severity, String title,
      String scope, Trigger trigger, SourceRef source, List<String> related) {
    return new Incident(incidentId, correlationKey, severity, title, scope, trigger, trigger, 1,
        trigger.atMillis(), trigger.atMillis(), IncidentStatus.OPEN, true, 0, "", "", 0, "", "", 0,
        List.of(source), related);
  }

  public boolean resolved() {
    return status == IncidentStatus.RESOLVED;
  }

  /** Another occurrence: the latest figures, one more count; active again if {@code reactivate}. */
  private Incident withOccurrence(Trigger trigger, SourceRef source, boolean reactivate, int maxSources) {
    boolean nowActive = active || reactivate;
    return new Incident(incidentId, correlationKey, severity, title, scope, first, trigger, occurrences + 1,
        firstSeenMillis, Math.max(lastSeenMillis, trigger.atMillis()), status, nowActive,
        nowActive ? 0 : clearedAtMillis, assignee, acknowledgedBy, acknowledgedAtMillis, resolvedBy,
        resolutionNote, resolvedAtMillis, appended(source, maxSources), related);
  }

  /** Raised to {@code newSeverity} by an occurrence, with a new title; active again. */
  private Incident withEscalation(Severity newSeverity, String newTitle, Trigger trigger, SourceRef source,
      int maxSources) {
    Incident occurred = withOccurrence(trigger, source, true, maxSources);
    return new Incident(incidentId, correlationKey, newSeverity, newTitle, scope, first, occurred.latest,
        occurred.occurrences, firstSeenMillis, occurred.lastSeenMillis, status, true, 0, assignee,
        acknowledgedBy, acknowledgedAtMillis, resolvedBy, resolutionNote, resolvedAtMillis, occurred.sources,
        related);
  }

  /** Its condition ended by itself at {@code atMillis}. */
  private Incident withCleared(long atMillis, SourceRef source, int maxSources) {
    return new Incident(incidentId, correlationKey, severity, title, scope, first, latest, occurrences,
        firstSeenMillis, Math.max(lastSeenMillis, atMillis), status, false, atMillis, assignee, acknowledgedBy,
        acknowledgedAtMillis, resolvedBy, resolutionNote, resolvedAtMillis, appended(source, maxSources),
        related);
  }

  private Incident withAcknowledged(String by, long atMillis) {
    return new Incident(incidentId, correlationKey, severity, title, scope, first, latest, occurrences,
        firstSeenMillis, lastSeenMillis, IncidentStatus.ACKNOWLEDGED, active, clearedAtMillis, assignee, by,
        atMillis, resolvedBy, resolutionNote, resolvedAtMillis, sources, related);
  }

  private Incident withAssignee(String newAssignee) {
    return new Incident(incidentId, correlationKey, severity, title, scope, first, latest, occurrences,
        firstSeenMillis, lastSeenMillis, status, active, clearedAtMillis, newAssignee, acknowledgedBy,
        acknowledgedAtMillis, resolvedBy, resolutionNote, resolvedAtMillis, sources, related);
  }

  private Incident withResolved(String by, String note, long atMillis) {
    return new Incident(incidentId, correlationKey, severity, title, scope, first, latest, occurrences,
        firstSeenMillis, lastSeenMillis, IncidentStatus.RESOLVED, active, clearedAtMillis, assignee,
        acknowledgedBy, acknowledgedAtMillis, by, note, atMillis, sources, related);
  }

  /**
   * This incident after {@code event} (one that names it): the one transition function, used by the book's event
   * handler and by the correlation that plans events before they are persisted.
   */
  Incident after(AlertBookEvent event, int maxSources) {
    if (event instanceof AlertBookEvent.IncidentUpdated updated) {
      return withOccurrence(updated.latest(), updated.source(), updated.reactivated(), maxSources);
    } else if (event instanceof AlertBookEvent.IncidentEscalated escalated) {
      return withEscalation(escalated.severity(), escalated.title(), escalated.latest(), escalated.source(),
          maxSources);
    } else if (event instanceof AlertBookEvent.IncidentCleared cleared) {
      return withCleared(cleared.atMillis(), cleared.source(), maxSources);
    } else if (event instanceof AlertBookEvent.IncidentAcknowledged acknowledged) {
      return withAcknowledged(acknowledged.by(), acknowledged.atMillis());
    } else if (event instanceof AlertBookEvent.IncidentAssigned assigned) {
      return withAssignee(assigned.assignee());
    } else if (event instanceof AlertBookEvent.IncidentResolved resolved) {
      return withResolved(resolved.by(), resolved.note(), resolved.atMillis());
    }
    throw new IllegalArgumentException("not a change of an incident: " + event);
  }

  /** The sources with {@code source} added: the first is always kept, then the most recent ones. */
  private List<SourceRef> appended(SourceRef source, int maxSources) {
    if (source == null || sources.contains(source)) {
      return sources;
    }
    List<SourceRef> refs = new ArrayList<>(sources.size() + 1);
    refs.addAll(sources);
    refs.add(source);
    int max = Math.max(2, maxSources);
    while (refs.size() > max) {
      refs.remove(1);
    }
    return refs;
  }

  /** One line for logs: {@code inc-3 HIGH OPEN PORTFOLIO:P1/DRAWDOWN x2 active: <title>}. */
  public String describe() {
    return incidentId + " " + severity + " " + status + " " + correlationKey + " x" + occurrences
        + (active ? " active" : " cleared") + ": " + title;
  }
}
