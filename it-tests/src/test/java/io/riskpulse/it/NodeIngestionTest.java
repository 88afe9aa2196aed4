package io.riskpulse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.aeron.ExclusivePublication;
import io.riskpulse.ingestion.aeron.FeedPublisher;
import io.riskpulse.ingestion.fix.FixMessages;
import io.riskpulse.ingestion.fix.OmsInitiator;
import io.riskpulse.ingestion.pipeline.HandledWatermark;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeDecision;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.NodeDeps;
import io.riskpulse.node.NodeServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node with every ingestion path on: a fill over Aeron and a drop-copy fill over a real FIX session reach
 * the same portfolio, and the node's /metrics endpoint counts them, and where a pre-trade check of it was judged
 * (in place on, so the node's gates count).
 */
@Timeout(120)
class NodeIngestionTest {

  @TempDir Path dataDir;

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** The value of an unlabelled counter in a Prometheus scrape. */
  private static double counter(String scrape, String name) {
    return scrape.lines().filter(line -> line.startsWith(name + " ")).mapToDouble(
        line -> Double.parseDouble(line.substring(name.length() + 1))).findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not in the scrape"));
  }

  @Test
  void shouldIngestFillsFromAeronAndFixIntoOnePortfolioAndCountThem() throws Exception {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, NodeConfig.load(
        ConfigFactory.parseMap(Map.of(
            "riskpulse.persistence.data-dir", dataDir.toString(),
            "pekko.remote.artery.canonical.port", 0,
            "riskpulse.http.port", 0,
            "riskpulse.ingestion.aeron.directory", dataDir.resolve("aeron").toString(),
            "riskpulse.ingestion.fix.enabled", true,
            "riskpulse.ingestion.fix.port", 0,
            "riskpulse.pretrade.in-place", "on"))));
    try {
      NodeServices node = Main.init(system, new NodeDeps(Main.loadInstruments(system.settings().config()),
          Clock.systemUTC()));
      assertEquals(Reply.accepted(), await(node.portfolios().open("eq-1", "equities", "alice", 1_000_000,
          Limits.NONE, "test")));
      HandledWatermark watermark = new HandledWatermark();
      node.ingest().addPersistedListener(watermark);

      try (ExclusivePublication stream =
               node.aeron().orElseThrow().aeron().addExclusivePublication("aeron:ipc", 1002)) {
        FeedPublisher publisher = new FeedPublisher(stream, 7, 1, Duration.ofSeconds(10));
        long seq = publisher.execution(
            new Execution("A-1", "eq-1", "momo", "AAPL", Side.BUY, 100, 190, System.currentTimeMillis()), 0);
        await(watermark.reached("aeron:7", seq));
      }

      try (OmsInitiator oms = new OmsInitiator(node.fix().orElseThrow().localPort())) {
        oms.startAndAwaitLogon();
        int fixSeq = oms.send(FixMessages.trade("F-1", "eq-1", "momo", "AAPL", quickfix.field.Side.SELL, 40, 191));
        await(watermark.reached("fix:OMS1", fixSeq));
      }

      node.market().update(Quote.lastTrade("AAPL", 192, System.currentTimeMillis()));
      PortfolioSnapshot snapshot = await(node.portfolios().snapshot("eq-1"));
      assertEquals(2, snapshot.executionCount());
      assertEquals(60, snapshot.valuation().positions().get(0).quantity(), 1e-9);
      assertEquals(40 * (191 - 190.0), snapshot.valuation().realizedPnl(), 1e-9);

      PreTradeDecision decision = await(node.portfolios().checkOrder(
          new OrderRequest("eq-1", "momo", "C-1", "AAPL", Side.BUY, 1, 192)));
      assertEquals("C-1", decision.clOrdId());

      int port = await(node.http().orElseThrow()).localAddress().getPort();
      HttpResponse<String> metrics = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.body().contains("riskpulse_ingest_accepted_total{kind=\"fill\"} 2.0"), metrics.body());
      assertEquals(1.0, counter(metrics.body(), "riskpulse_pretrade_inplace_judged_total")
          + counter(metrics.body(), "riskpulse_pretrade_inplace_busy_total"), metrics.body());
    } finally {
      system.terminate();
      await(system.getWhenTerminated());
    }
  }
}
