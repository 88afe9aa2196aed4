package io.riskpulse.model.alert;

import java.util.List;

/**
 * One journal tag alerts are raised from, and the pure mapping of its events to {@link AlertSignal}s. The
 * projection reads the tag with Persistence Query's {@code eventsByTag} and hands each event's signals to the
 * {@link AlertBook}; the book never sees the source module's event types, so a module the book cannot depend on
 * (the gateway's OMS events) supplies its own source.
 *
 * <p>Implementations are stateless and thread-safe: the same event always maps to the same signals.
 */
public interface AlertSource {

  /** The journal tag this source reads. */
  String tag();

  /**
   * The signals of one tagged event, in order; empty when the event raises nothing.
   *
   * @param persistenceId the source entity's persistence id, e.g. {@code Portfolio|P1}
   * @param sequenceNr the event's sequence number in that journal
   * @param event the event as the read journal returns it
   */
  List<AlertSignal> signals(String persistenceId, long sequenceNr, Object event);
}
