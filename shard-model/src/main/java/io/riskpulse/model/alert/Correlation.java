package io.riskpulse.model.alert;

import io.riskpulse.model.alert.AlertBookEvent.IncidentCleared;
import io.riskpulse.model.alert.AlertBookEvent.IncidentEscalated;
import io.riskpulse.model.alert.AlertBookEvent.IncidentOpened;
import io.riskpulse.model.alert.AlertBookEvent.IncidentUpdated;
import io.riskpulse.model.alert.AlertNotification.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The correlation rules (documented on {@link AlertBook}): decides, without changing anything, the events that
 * bring a batch of signals into the book. Each planned event is applied to an overlay of the incidents it touched,
 * so a later signal of the same batch sees the effect of an earlier one exactly as the event handler will.
 *
 * <p>Not thread-safe; one per command.
 */
final class Correlation {

  /** One event to persist, the incident right after it, and how to announce the change. */
  record Planned(AlertBookEvent event, Incident after, Change change) {}

  private final AlertBookState state;
  private final AlertSettings settings;
  /** Sequence number the next planned event will be stored under: names the incidents it opens. */
  private long nextSequenceNr;
  /** Incidents changed by this batch, by correlation key, as they will be after it. */
  private final Map<String, Incident> touched = new LinkedHashMap<>();
  private final List<Planned> planned = new ArrayList<>();

  Correlation(AlertBookState state, AlertSettings settings, long nextSequenceNr) {
    this.state = state;
    this.settings = settings;
    this.nextSequenceNr = nextSequenceNr;
  }

  List<Planned> planned() {
    return planned;
  }

  /** Plans what {@code signal} does; possibly nothing (a clear of no incident, an early OMS retry). */
  void observe(AlertSignal signal) {
    String key = correlationKey(signal);
    Incident open = current(key);
    Trigger trigger = signal.trigger();
    Severity raises = signal.type().raises();
    if (raises == null) {
      if (open != null && open.active() && clears(signal.type(), open)) {
        plan(key, new IncidentCleared(open.incidentId(), signal.source(), trigger.atMillis()), Change.CLEARED);
      }
      return;
    }
    if (open == null) {
      if (signal.type() == AlertSignal.Type.OMS_RETRYING && trigger.value() < settings.omsRetryAlertAfter()) {
        return; // retries are the gateway's job; a person is called only when they keep failing
      }
      String incidentId = AlertBook.INCIDENT_ID_PREFIX + nextSequenceNr;
      List<String> related = signal.type() == AlertSignal.Type.HALTED ? activeIn(signal.scope()) : List.of();
      plan(key, new IncidentOpened(Incident.open(incidentId, key, raises, title(signal), signal.scope(), trigger,
          signal.source(), related)), Change.OPENED);
    } else if (raises.above(open.severity())) {
      plan(key, new IncidentEscalated(open.incidentId(), raises, title(signal), trigger, signal.source(),
          trigger.atMillis()), Change.ESCALATED);
    } else {
      // A warning after the breach it escalated to has ended is counted, but does not make the breach active.
      boolean reactivate = !open.active()
          && !(signal.type() == AlertSignal.Type.LIMIT_WARNED && open.severity().above(Severity.WARNING));
      plan(key, new IncidentUpdated(open.incidentId(), trigger, signal.source(), reactivate, trigger.atMillis()),
          reactivate ? Change.REACTIVATED : Change.UPDATED);
    }
  }

  private void plan(String key, AlertBookEvent event, Change change) {
    Incident after = event instanceof IncidentOpened opened
        ? opened.incident()
        : current(key).after(event, settings.maxSourceRefs());
    touched.put(key, after);
    planned.add(new Planned(event, after, change));
    nextSequenceNr++;
  }

  private Incident current(String key) {
    Incident changed = touched.get(key);
    return changed != null ? changed : state.unresolved(key);
  }

  /** Active unresolved incidents of {@code scope}, as they will be after the events planned so far. */
  private List<String> activeIn(String scope) {
    List<String> ids = new ArrayList<>(state.activeIn(scope));
    Map<String, Incident> byId = new HashMap<>();
    touched.values().forEach(incident -> byId.put(incident.incidentId(), incident));
    ids.removeIf(id -> byId.containsKey(id) && !byId.get(id).active());
    for (Incident incident : touched.values()) {
      if (incident.active() && incident.scope().equals(scope) && !ids.contains(incident.incidentId())) {
        ids.add(incident.incidentId());
      }
    }
    return ids;
  }

  /** Whether a clearing signal ends this incident: a warning's end does not end a breach it escalated to. */
  private static boolean clears(AlertSignal.Type type, Incident open) {
    return type != AlertSignal.Type.WARNING_CLEARED || open.severity() == Severity.WARNING;
  }

  /** The correlation key of a signal: which incident it belongs to. */
  static String correlationKey(AlertSignal signal) {
    String scope = signal.scope();
    switch (signal.type()) {
      case LIMIT_BREACHED:
      case LIMIT_CLEARED:
      case LIMIT_WARNED:
      case WARNING_CLEARED:
      case OMS_REFUSED:
      case OMS_RETRYING:
      case OMS_ACKNOWLEDGED:
        return scope + "/" + signal.subject();
      case EXECUTION_BREACHED:
        // Per-execution breaches carry the execution id in their key: correlate by kind and instrument instead.
        Trigger trigger = signal.trigger();
        return scope + "/" + trigger.kind() + (trigger.symbol().isEmpty() ? "" : ":" + trigger.symbol());
      case HALTED:
      case RESUMED:
        return scope + "/HALT";
      case STRATEGY_DISABLED:
      case STRATEGY_ENABLED:
        return scope + "/STRATEGY:" + signal.subject();
      case ANOMALY_DETECTED:
      case ANOMALY_CLEARED:
        return scope + "/ANOMALY:" + signal.subject();
      default:
        throw new IllegalArgumentException("no correlation rule for " + signal.type());
    }
  }

  /** The one-line title of the incident a signal opens or escalates, with its numbers. */
  static String title(AlertSignal signal) {
    Trigger trigger = signal.trigger();
    String scope = signal.scope();
    String endpoint = scope.startsWith("OMS:") ? scope.substring(4) : scope;
    switch (signal.type()) {
      case LIMIT_BREACHED:
      case EXECUTION_BREACHED:
        return scope + " breached " + figures(trigger, " > ");
      case LIMIT_WARNED:
        return scope + " passed the warning level: " + figures(trigger, " of limit ");
      case HALTED:
        return scope + " halted by " + signal.by() + ": " + trigger.detail()
            + (signal.subject().isEmpty() ? "" : " (" + signal.subject() + ")");
      case STRATEGY_DISABLED:
        return scope + " strategy '" + signal.subject() + "' disabled: " + trigger.detail();
      case ANOMALY_DETECTED:
        return String.format(Locale.ROOT, "%s anomaly %s score %.2f > %.2f: %s", scope, signal.subject(),
            trigger.value(), trigger.limit(), trigger.detail());
      case OMS_REFUSED:
        return "OMS " + endpoint + " refused halt " + signal.subject() + ": cancel by hand"
            + (trigger.detail().isEmpty() ? "" : " (" + trigger.detail() + ")");
      case OMS_RETRYING:
        return "OMS " + endpoint + " has not taken halt " + signal.subject() + " after "
            + (long) trigger.value() + " attempts" + (trigger.detail().isEmpty() ? "" : " (" + trigger.detail() + ")");
      default:
        return scope + " " + signal.type();
    }
  }

  /** {@code DRAWDOWN 1,250,000.00 > 1,000,000.00 (why)}, as {@link io.riskpulse.model.limits.LimitBreach}. */
  private static String figures(Trigger trigger, String relation) {
    return String.format(Locale.ROOT, "%s%s %,.2f%s%,.2f%s", trigger.kind(),
        trigger.symbol().isEmpty() ? "" : " " + trigger.symbol(), trigger.value(), relation, trigger.limit(),
        trigger.detail().isEmpty() ? "" : " (" + trigger.detail() + ")");
  }
}
