package io.riskpulse.gateway.oms;

import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import java.util.concurrent.CompletionStage;

/**
 * One order management system (or venue) that must cancel working orders when the kill switch halts trading, and
 * enter the orders of an approved rebalance. This is the transport only: the caller (a gateway actor) decides when
 * to call {@link #cancel} or {@link #submit}, retries with backoff and journals every step; an endpoint delivers
 * one attempt and says how it ended.
 *
 * <p>Contract of {@link #cancel} and {@link #submit} (an "instruction" is a {@link HaltInstruction} or a
 * {@link RebalanceInstruction}):
 * <ul>
 *   <li>The stage completes normally only once the OMS has acknowledged the <em>whole</em> instruction (every
 *       request it was split into: every cancel, every order), with an {@link OmsAck}.</li>
 *   <li>Otherwise it completes exceptionally with an {@link OmsDeliveryException} whose
 *       {@link OmsDeliveryException#retryable() retryable()} flag tells the caller whether the same call may
 *       succeed later (not connected, disconnected while waiting, no answer in time) or needs a human (the OMS
 *       refused).</li>
 *   <li>It is idempotent by {@link HaltInstruction#haltId()} / {@link RebalanceInstruction#rebalanceId()}:
 *       calling it again with the same instruction sends requests the OMS can recognise as a re-send (the same FIX
 *       ClOrdIDs, the same HTTP Idempotency-Key), so a retry never cancels more than the first attempt would have
 *       and never enters an order twice. Over FIX, a call while the same instruction is still in flight joins
 *       that delivery (nothing is sent again); a webhook POSTs again with the same Idempotency-Key.</li>
 *   <li>It never throws for delivery problems; it throws only for a {@code null} instruction.</li>
 * </ul>
 *
 * <p>Stages complete on a transport thread (the QuickFIX/J session thread, the HTTP client's executor or the
 * endpoint's timer); callers must not block in their continuations (an actor uses {@code pipeToSelf}).
 *
 * <p>Implementations are thread-safe. Lifecycle: {@link #start()} once, {@link #cancel} and {@link #submit} any
 * number of times, {@link #close()} once; a closed endpoint cannot be restarted (build a new one).
 */
public interface OmsEndpoint extends AutoCloseable {

  /** The configured name, unique among the endpoints of a node (used in logs, acks and the journal). */
  String name();

  /**
   * Connects (FIX: the initiator starts logging on and keeps reconnecting by itself) or prepares the client.
   * Returns without waiting for a connection; watch {@link #connected()} or a {@link OmsConnectionListener}.
   *
   * @throws IllegalStateException if already started or closed, or the transport cannot be set up
   */
  void start();

  /**
   * Delivers one attempt of the instruction. See the class comment for the completion rules.
   *
   * @param instruction what to cancel; its {@code haltId} identifies re-sends
   * @return completes with the acknowledgement of the whole instruction, or exceptionally with an
   *     {@link OmsDeliveryException}
   */
  CompletionStage<OmsAck> cancel(HaltInstruction instruction);

  /**
   * Delivers one attempt of a rebalance: the OMS must enter each of its orders (FIX: one NewOrderSingle per
   * order, market, day). See the class comment for the completion rules; an instruction without orders is
   * acknowledged at once with nothing sent.
   *
   * @param instruction the orders to enter; its {@code rebalanceId} identifies re-sends (it is the stem of the
   *     FIX ClOrdIDs and the HTTP Idempotency-Key), so a re-send never enters an order twice at an OMS that
   *     honours them
   * @return completes with the acknowledgement of every order ({@link OmsAck#haltId()} holds the rebalance id),
   *     or exceptionally with an {@link OmsDeliveryException} of kind
   *     {@link OmsDeliveryException.Instruction#REBALANCE}
   */
  CompletionStage<OmsAck> submit(RebalanceInstruction instruction);

  /**
   * Whether a request sent now would reach the OMS: the FIX session is logged on; for HTTP (no session) true
   * between {@link #start()} and {@link #close()}.
   */
  boolean connected();

  /**
   * Registers a listener for connection changes, so that the caller can re-send unacknowledged instructions after
   * a reconnect. It is not called for the current state: check {@link #connected()} after registering. Listeners
   * are called on the transport thread and must return quickly.
   */
  void addConnectionListener(OmsConnectionListener listener);

  /** Removes a listener added with {@link #addConnectionListener}; no effect if it was not registered. */
  void removeConnectionListener(OmsConnectionListener listener);

  /**
   * Disconnects and releases threads. Deliveries still waiting fail with a retryable
   * {@link OmsDeliveryException} ("endpoint closed"). Idempotent.
   */
  @Override
  void close();
}
