package io.riskpulse.node;

import static io.riskpulse.node.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.node.book.PortfolioListing;
import io.riskpulse.node.book.PortfolioLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A portfolio list opened through a real node: new portfolios open, open ones are kept, bad ones are named. */
@Timeout(120)
class PortfolioLoaderTest {

  @TempDir Path dataDir;

  @Test
  void shouldOpenNewPortfoliosKeepOpenOnesAndNameEveryFailure() {
    ActorSystem<Void> system = TestNodes.start(TestNodes.config(dataDir));
    try {
      NodeServices node = Main.init(system, new NodeDeps(TestNodes.INSTRUMENTS, Clock.systemUTC()));
      List<PortfolioListing> first = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        first.add(new PortfolioListing("B" + i, i % 2 == 0 ? "equities" : "rates", "alice", 1_000 * i));
      }
      PortfolioLoader loader = new PortfolioLoader(node.portfolios(), 8, 5, "ops", system.executionContext());

      assertEquals(new PortfolioLoader.Result(40, 0, Map.of()), await(loader.load(first)));

      List<PortfolioListing> second = new ArrayList<>(first.subList(0, 5));
      // Keeps what is open: the same id with another desk does not move it.
      second.set(0, new PortfolioListing("B0", "rates", "bob", 5));
      second.add(new PortfolioListing("C1", "credit", "carol", 7));
      second.add(new PortfolioListing("C2", "credit", " ", 7));
      PortfolioLoader.Result again = await(loader.load(second));

      assertEquals(1, again.opened());
      assertEquals(5, again.alreadyOpen());
      assertEquals(List.of("C2"), List.copyOf(again.failed().keySet()));
      assertTrue(again.failed().get("C2").startsWith("INVALID_FIELD: trader is required"), again.describe());
      assertTrue(again.describe().startsWith("1 portfolios opened, 5 already open, 1 failed\n  C2: INVALID_FIELD"),
          again.describe());
      PortfolioSnapshot kept = await(node.portfolios().snapshot("B0"));
      assertEquals("equities", kept.desk());
      PortfolioSnapshot opened = await(node.portfolios().snapshot("C1"));
      assertEquals("credit", opened.desk());
      assertEquals(Map.of(opened.reportingCurrency(), 7.0), opened.cashByCurrency());
    } finally {
      TestNodes.stop(system);
    }
  }

  @Test
  void shouldReportAnOpenThatCouldNotBeMadeDurableAsFailedNotRetryItIntoAlreadyOpen() {
    ActorSystem<Void> system = TestNodes.start(TestNodes.config(dataDir));
    try {
      Main.init(system, new NodeDeps(TestNodes.INSTRUMENTS, Clock.systemUTC()));
      // The journal takes the open but cannot flush it: the operator must hear so, not "already open" on a retry.
      PortfolioClient failingFlush = new PortfolioClient(ClusterSharding.get(system), Duration.ofSeconds(10))
          .withDurability(() -> CompletableFuture.failedFuture(new IllegalStateException("disk full")));
      PortfolioLoader loader = new PortfolioLoader(failingFlush, 2, 5, "ops", system.executionContext());

      PortfolioLoader.Result result = await(loader.load(List.of(new PortfolioListing("D1", "equities", "alice", 1))));

      assertEquals(0, result.opened());
      assertEquals(0, result.alreadyOpen(), result.describe());
      assertTrue(result.failed().getOrDefault("D1", "").contains("could not be made durable"), result.describe());
    } finally {
      TestNodes.stop(system);
    }
  }
}
