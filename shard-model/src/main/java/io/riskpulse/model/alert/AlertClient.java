package io.riskpulse.model.alert;

import static io.riskpulse.model.concurrent.Completions.onCompletingThread;

import io.riskpulse.model.alert.AlertBookCommand.Acknowledge;
import io.riskpulse.model.alert.AlertBookCommand.Assign;
import io.riskpulse.model.alert.AlertBookCommand.GetIncidents;
import io.riskpulse.model.alert.AlertBookCommand.GetOffsets;
import io.riskpulse.model.alert.AlertBookCommand.Observe;
import io.riskpulse.model.alert.AlertBookCommand.Resolve;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The one way code outside the entity talks to the alert book: asks through cluster sharding with the timeout
 * {@code riskpulse.alerts.ask-timeout}. A timeout completes the stage exceptionally with
 * {@link java.util.concurrent.TimeoutException}; callers map that in one place (the API layer) and treat it as
 * "state unavailable".
 *
 * <p>Every stage it returns is a plain {@link java.util.concurrent.CompletableFuture} whose callbacks run where the
 * answer arrives (see {@link io.riskpulse.model.concurrent.Completions}): keep them short and non-blocking.
 *
 * <p>Thread-safe; create one per node.
 */
public final class AlertClient {

  private final ClusterSharding sharding;
  private final Duration askTimeout;

  public AlertClient(ActorSystem<?> system) {
    this(ClusterSharding.get(system), system.settings().config().getDuration("riskpulse.alerts.ask-timeout"));
  }

  public AlertClient(ClusterSharding sharding, Duration askTimeout) {
    this.sharding = sharding;
    this.askTimeout = askTimeout;
  }

  private EntityRef<AlertBookCommand> ref() {
    return sharding.entityRefFor(AlertBook.ENTITY_KEY, AlertBook.FIRM_ENTITY_ID);
  }

  /** Hands the signals of one source event to the book (the projection; see {@link Observe}). */
  public CompletionStage<Observed> observe(String tag, long offset, List<AlertSignal> signals) {
    return onCompletingThread(ref().ask(replyTo -> new Observe(tag, offset, signals, replyTo), askTimeout));
  }

  /**
   * Hands the signals of one source event read at a time-based UUID offset (Cassandra's eventsByTag) to the book.
   *
   * @param uuidOffset the offset's UUID as text
   */
  public CompletionStage<Observed> observeAt(String tag, String uuidOffset, List<AlertSignal> signals) {
    return onCompletingThread(ref().ask(replyTo -> new Observe(tag, 0, signals, replyTo, uuidOffset), askTimeout));
  }

  /** How far each source tag has been observed. */
  public CompletionStage<ObservedOffsets> offsets() {
    return onCompletingThread(ref().ask(GetOffsets::new, askTimeout));
  }

  /** {@code by} is looking at incident {@code incidentId}. */
  public CompletionStage<AlertReply> acknowledge(String incidentId, String by) {
    return onCompletingThread(ref().ask(replyTo -> new Acknowledge(incidentId, by, replyTo), askTimeout));
  }

  /** {@code by} assigns incident {@code incidentId} to {@code assignee}. */
  public CompletionStage<AlertReply> assign(String incidentId, String assignee, String by) {
    return onCompletingThread(ref().ask(replyTo -> new Assign(incidentId, assignee, by, replyTo), askTimeout));
  }

  /** {@code by} closes incident {@code incidentId}, saying why; final. */
  public CompletionStage<AlertReply> resolve(String incidentId, String by, String note) {
    return onCompletingThread(ref().ask(replyTo -> new Resolve(incidentId, by, note, replyTo), askTimeout));
  }

  /** The incidents {@code filter} selects, newest first, at most {@code limit} (up to {@link AlertBook#MAX_LIST}). */
  public CompletionStage<Incidents> incidents(IncidentFilter filter, int limit) {
    return onCompletingThread(ref().ask(replyTo -> new GetIncidents(filter, limit, replyTo), askTimeout));
  }
}
