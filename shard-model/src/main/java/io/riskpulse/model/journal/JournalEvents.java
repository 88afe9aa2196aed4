package io.riskpulse.model.journal;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;

/**
 * Opens events read from the journal with Persistence Query, which hands out the stored form: a
 * {@link ChainedEvent} is opened to the entity's event, anything else (events written before the chain) is the
 * event itself.
 *
 * <p>Thread-safety: immutable; Pekko's serialization is thread-safe.
 */
public final class JournalEvents {

  private final Serialization serialization;

  public JournalEvents(ActorSystem<?> system) {
    this.serialization = SerializationExtension.get(system.classicSystem());
  }

  /**
   * The entity event stored as {@code stored}.
   *
   * @throws IllegalStateException if a chained payload cannot be deserialized
   */
  public Object open(Object stored) {
    return stored instanceof ChainedEvent chained ? HashChain.open(serialization, chained) : stored;
  }
}
