package io.riskpulse.node;

import static io.riskpulse.node.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.PortfolioStatus;
import io.riskpulse.model.portfolio.RejectReason;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Boots the real node wiring on the H2 journal, stops it, boots it again on the same data folder. */
@Timeout(120)
class GridNodeRestartTest {

  private static final Limits LIMITS =
      new Limits(5_000_000.0, 2_000_000.0, 1_000_000.0, 80.0, 100_000.0, 50_000.0, 60_000.0, 10_000.0,
          1_000_000.0, true);

  @TempDir Path dataDir;

  private static void quote(NodeServices node, double spy, double tlt, double gld) {
    long now = System.currentTimeMillis();
    node.market().update(Quote.lastTrade("SPY", spy, now));
    node.market().update(Quote.lastTrade("TLT", tlt, now));
    node.market().update(Quote.lastTrade("GLD", gld, now));
  }

  @Test
  void shouldKeepIdenticalStateAcrossANodeRestartAndServeItOverHttp() throws Exception {
    Config config = TestNodes.config(dataDir);
    ActorSystem<Void> first = TestNodes.start(config);
    NodeServices node = Main.init(first, new NodeDeps(TestNodes.INSTRUMENTS, Clock.systemUTC()));
    quote(node, 500, 90, 180);

    assertEquals(Reply.accepted(),
        await(node.portfolios().open("P1", "macro", "alice", 1_000_000, LIMITS, "test")));
    String[] symbols = {"SPY", "TLT", "GLD"};
    for (int i = 0; i < 20; i++) {
      Execution execution = new Execution("E" + i, "P1", "trend", symbols[i % 3],
          i % 4 == 3 ? Side.SELL : Side.BUY, 10 + i, 100 + i, System.currentTimeMillis());
      assertEquals(Reply.accepted(), await(node.portfolios().apply(execution)), "execution " + i);
    }
    assertEquals(Reply.Outcome.DUPLICATE, await(node.portfolios().apply(
        new Execution("E3", "P1", "trend", "SPY", Side.SELL, 13, 103, 0))).outcome());
    assertEquals(RejectReason.UNKNOWN_PORTFOLIO, await(node.portfolios().apply(
        new Execution("X1", "NOPE", "trend", "SPY", Side.BUY, 1, 100, 0))).reason());
    assertEquals(Reply.accepted(), await(node.portfolios().halt("P1", "bob", "end of day check")));

    PortfolioSnapshot before = await(node.portfolios().snapshot("P1"));
    assertEquals(20, before.executionCount());
    assertEquals(PortfolioStatus.HALTED, before.status());

    int port = await(node.http().orElseThrow()).localAddress().getPort();
    String list = get(first, "http://127.0.0.1:" + port + "/portfolios", 200);
    assertTrue(list.contains("\"portfolioId\":\"P1\"") && list.contains("\"status\":\"HALTED\""), list);
    String one = get(first, "http://127.0.0.1:" + port + "/portfolios/P1", 200);
    assertTrue(one.contains("\"executionCount\":20"), one);
    get(first, "http://127.0.0.1:" + port + "/portfolios/NOPE", 404);
    String market = get(first, "http://127.0.0.1:" + port + "/market/SPY", 200);
    assertTrue(market.contains("\"markPrice\":500.0"), market);
    get(first, "http://127.0.0.1:" + port + "/market/NOPE", 404);

    await(Http.get(first).shutdownAllConnectionPools());
    TestNodes.stop(first);
    assertTrue(Files.isRegularFile(dataDir.resolve("journal.mv.db")), "the journal lives in the data folder");

    ActorSystem<Void> second = TestNodes.start(config);
    try {
      NodeServices restarted = Main.init(second, new NodeDeps(TestNodes.INSTRUMENTS, Clock.systemUTC()));
      quote(restarted, 500, 90, 180);
      PortfolioSnapshot after = await(restarted.portfolios().snapshot("P1"));
      assertEquals(before.journaledView(), after.journaledView());
      assertTrue(after.version() >= before.version(), "the journal position survives: " + after.version());
      assertEquals(List.of("P1"), await(restarted.directory().portfolioIds()));
      // Idempotency survives the restart too.
      assertEquals(Reply.Outcome.DUPLICATE, await(restarted.portfolios().apply(
          new Execution("E19", "P1", "trend", "TLT", Side.SELL, 29, 119, 0))).outcome());
    } finally {
      TestNodes.stop(second);
    }
  }

  private static String get(ActorSystem<?> system, String uri, int expectedStatus) {
    HttpResponse response = await(Http.get(system).singleRequest(HttpRequest.GET(uri)));
    ByteString body = await(response.entity().toStrict(5_000, Materializer.matFromSystem(system))).getData();
    assertEquals(expectedStatus, response.status().intValue(), uri);
    return body.decodeString(StandardCharsets.UTF_8);
  }
}
