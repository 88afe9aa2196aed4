package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One fact an alert may be raised, updated or cleared from, mapped from a source journal event by an
 * {@link AlertSource}. Signals are plain data so that the {@link AlertBook} knows nothing of the modules events
 * come from; what a signal does to incidents (the correlation rules) is decided by the book alone.
 *
 * @param type what happened
 * @param scope what it happened to, written like {@link io.riskpulse.model.halt.HaltScope}: {@code PORTFOLIO:P1},
 *     {@code DESK:rates}, {@code FIRM}; {@code OMS:<endpoint>} for OMS delivery signals
 * @param subject what within the scope: the breach key for limit signals, the halt id for halts and OMS signals,
 *     the strategy for strategy signals
 * @param trigger the figures and the time
 * @param by who decided it (halts, resumes, enables); {@code ""} when the system did
 * @param source the journal event it came from: its idempotency key
 */
public record AlertSignal(Type type, String scope, String subject, Trigger trigger, String by, SourceRef source)
    implements CborSerializable {

  /** What a signal says. The severity of the incidents it raises is fixed by the type. */
  public enum Type {
    /** A continuous limit began a breach episode (subject: breach key). Raises HIGH. */
    LIMIT_BREACHED(Severity.HIGH),
    /** A breach episode ended (subject: breach key). Clears. */
    LIMIT_CLEARED(null),
    /** A per-order/per-fill limit was exceeded by one execution (subject: breach key with the execution id). HIGH. */
    EXECUTION_BREACHED(Severity.HIGH),
    /** A limit passed its warning level (subject: breach key). Raises WARNING. */
    LIMIT_WARNED(Severity.WARNING),
    /** A warning episode ended (subject: breach key). Clears a WARNING incident. */
    WARNING_CLEARED(null),
    /** The scope was halted (subject: halt id). Raises CRITICAL. */
    HALTED(Severity.CRITICAL),
    /** The scope's halt ended (subject: halt id). Clears. */
    RESUMED(null),
    /**
     * A detector found an anomaly (subject: the episode key, {@code DETECTOR:subject}; trigger kind
     * {@code ANOMALY_<DETECTOR>}, value the score, limit the threshold, detail the explanation). Raises HIGH.
     */
    ANOMALY_DETECTED(Severity.HIGH),
    /** The anomaly episode went quiet (subject: the episode key). Clears. */
    ANOMALY_CLEARED(null),
    /** The repeated-execution throttle disabled a strategy (subject: strategy). Raises CRITICAL. */
    STRATEGY_DISABLED(Severity.CRITICAL),
    /** A person re-enabled the strategy (subject: strategy). Clears. */
    STRATEGY_ENABLED(null),
    /** An OMS refused a halt for good (scope {@code OMS:<endpoint>}, subject: halt id). Raises CRITICAL. */
    OMS_REFUSED(Severity.CRITICAL),
    /** A delivery attempt of a halt to an OMS failed and is retried (value: the attempt). HIGH from a threshold. */
    OMS_RETRYING(Severity.HIGH),
    /** The OMS acknowledged the halt (scope {@code OMS:<endpoint>}, subject: halt id). Clears. */
    OMS_ACKNOWLEDGED(null);

    private final Severity raises;

    Type(Severity raises) {
      this.raises = raises;
    }

    /** The severity of the incident this type opens, or {@code null} for a type that only clears. */
    public Severity raises() {
      return raises;
    }
  }

  public AlertSignal {
    by = by == null ? "" : by;
  }

  /** What is wrong with this signal, empty when it can be observed. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (type == null) {
      problems.add("type is required");
    }
    if (scope == null || scope.isBlank()) {
      problems.add("scope is required");
    }
    if (subject == null) {
      problems.add("subject is required");
    }
    if (trigger == null) {
      problems.add("trigger is required");
    }
    if (source == null || source.persistenceId() == null || source.persistenceId().isBlank()) {
      problems.add("source is required");
    }
    return problems;
  }
}
