package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.riskpulse.model.journal.JournalEvents;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResult;

/**
 * The portfolio events of a test kit's command result. The kit hands out events as the journal stores them
 * (sealed into the hash chain), so tests open them as every other reader of the journal does.
 */
final class JournaledEvents {

  private JournaledEvents() {}

  /** Every event {@code result} persisted, opened. */
  static List<PortfolioEvent> of(ActorSystem<?> system, CommandResult<?, ?, ?> result) {
    return opened(system, result.events());
  }

  /** The one event {@code result} persisted, opened. */
  static PortfolioEvent single(ActorSystem<?> system, CommandResult<?, ?, ?> result) {
    List<PortfolioEvent> events = of(system, result);
    assertEquals(1, events.size(), events.toString());
    return events.get(0);
  }

  /** Stored events (e.g. the persistence test kit's storage), opened. */
  static List<PortfolioEvent> opened(ActorSystem<?> system, List<?> stored) {
    JournalEvents journal = new JournalEvents(system);
    return stored.stream().map(journal::open).map(PortfolioEvent.class::cast).toList();
  }
}
