package io.riskpulse.persistence;

import io.riskpulse.model.concurrent.Completions;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioDirectory;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentPersistenceIdsQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * {@link PortfolioDirectory} over Persistence Query's {@code currentPersistenceIds}: one journal scan per call,
 * so callers should not poll it faster than about once a second. Thread-safe.
 */
public final class JournalPortfolioDirectory implements PortfolioDirectory {

  private final ActorSystem<?> system;
  private final CurrentPersistenceIdsQuery query;

  /**
   * @param readJournalPluginId e.g. {@code jdbc-read-journal}
   */
  public JournalPortfolioDirectory(ActorSystem<?> system, String readJournalPluginId) {
    this.system = system;
    this.query = PersistenceQuery.get(system)
        .getReadJournalFor(CurrentPersistenceIdsQuery.class, readJournalPluginId);
  }

  @Override
  public CompletionStage<List<String>> portfolioIds() {
    String prefix = Portfolio.ENTITY_KEY.name() + PersistenceId.DefaultSeparator();
    return Completions.onCompletingThread(query.currentPersistenceIds()
            .filter(id -> id.startsWith(prefix))
            .map(id -> id.substring(prefix.length()))
            .runWith(Sink.seq(), system))
        .thenApply(ids -> ids.stream().sorted().toList());
  }
}
