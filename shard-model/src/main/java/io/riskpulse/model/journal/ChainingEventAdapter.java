package io.riskpulse.model.journal;

import org.apache.pekko.persistence.typed.EventAdapter;
import org.apache.pekko.persistence.typed.EventSeq;

/**
 * Stores an entity's events as {@link ChainedEvent}s on its {@link HashChain}, and reads back both chained events
 * and events written before the chain existed (plain {@code E}).
 *
 * <p>One instance per entity instance (it carries the chain's head); see {@link HashChain} for thread-safety.
 *
 * @param <E> the entity's event type
 */
public final class ChainingEventAdapter<E> extends EventAdapter<E, Object> {

  private final HashChain chain;
  private final Class<E> eventType;

  public ChainingEventAdapter(HashChain chain, Class<E> eventType) {
    this.chain = chain;
    this.eventType = eventType;
  }

  @Override
  public Object toJournal(E event) {
    return chain.seal(event);
  }

  @Override
  public String manifest(E event) {
    return "";
  }

  @Override
  public EventSeq<E> fromJournal(Object stored, String manifest) {
    if (stored instanceof ChainedEvent chained) {
      return EventSeq.single(cast(chain.replayed(chained)));
    }
    chain.replayedUnchained();
    return EventSeq.single(cast(stored));
  }

  private E cast(Object event) {
    if (!eventType.isInstance(event)) {
      throw new IllegalStateException(chain.persistenceId() + ": the journal holds a " + event.getClass().getName()
          + ", not a " + eventType.getName());
    }
    return eventType.cast(event);
  }
}
