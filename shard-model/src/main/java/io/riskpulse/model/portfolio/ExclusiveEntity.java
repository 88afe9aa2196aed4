package io.riskpulse.model.portfolio;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.BehaviorInterceptor;
import org.apache.pekko.actor.typed.Signal;
import org.apache.pekko.actor.typed.TypedActorContext;
import org.apache.pekko.persistence.JournalProtocol;

/**
 * Holds a portfolio entity's {@link PreTradeGate} lock while the entity handles anything: its start, every message
 * (its commands, its timers, and the journal's responses through which Pekko applies its events and runs the
 * effects that follow a write) and every signal. So a caller judging an order in place, holding the same lock, never
 * sees the entity in the middle of a message.
 *
 * <p>It intercepts every message, not only the entity's commands: the event-sourced behaviour receives the journal's
 * responses untyped, and those are where state changes after a write. A failed or rejected journal write closes the
 * gate at once: the event was applied in memory but is not in the journal, and the entity is about to restart and
 * recover without it.
 *
 * <p>Uncontended, the lock costs tens of nanoseconds per message. Not shared: one per entity incarnation.
 */
final class ExclusiveEntity extends BehaviorInterceptor<Object, Object> {

  private final PreTradeGate gate;

  ExclusiveEntity(PreTradeGate gate) {
    super(Object.class);
    this.gate = gate;
  }

  /** {@code entity} with every message and signal handled under {@code gate}'s lock. */
  @SuppressWarnings("unchecked")
  static <T> Behavior<T> around(PreTradeGate gate, Behavior<T> entity) {
    // Untyped on purpose (see the class comment); the entity's own type is restored outside.
    Behavior<Object> untyped = (Behavior<Object>) (Behavior<?>) entity;
    return (Behavior<T>) (Behavior<?>) org.apache.pekko.actor.typed.javadsl.Behaviors.intercept(
        () -> new ExclusiveEntity(gate), untyped);
  }

  @Override
  public Behavior<Object> aroundStart(TypedActorContext<Object> ctx, PreStartTarget<Object> target) {
    gate.lock();
    try {
      return target.start(ctx);
    } finally {
      gate.unlock();
    }
  }

  @Override
  public Behavior<Object> aroundReceive(TypedActorContext<Object> ctx, Object msg, ReceiveTarget<Object> target) {
    gate.lock();
    try {
      if (msg instanceof JournalProtocol.WriteMessageFailure || msg instanceof JournalProtocol.WriteMessageRejected) {
        gate.close();
      }
      return target.apply(ctx, msg);
    } finally {
      gate.unlock();
    }
  }

  @Override
  public Behavior<Object> aroundSignal(TypedActorContext<Object> ctx, Signal signal, SignalTarget<Object> target) {
    gate.lock();
    try {
      return target.apply(ctx, signal);
    } finally {
      gate.unlock();
    }
  }
}
