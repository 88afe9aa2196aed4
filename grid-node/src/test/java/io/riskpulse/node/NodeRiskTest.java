package io.riskpulse.node;

import static io.riskpulse.node.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.limits.scope.ScopeLimitsReply;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.HistoricalVar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.stream.Materializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots the real node wiring (synthetic scenarios from the simulator calibration, sharded desk and firm
 * aggregates) and reads desk and firm risk over HTTP; then a desk limit set at runtime halts the desk through the
 * kill switch.
 */
@Timeout(120)
class NodeRiskTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void shouldServeDeskAndFirmVarOfTheSummedPortfolioVectorsOverHttp() throws Exception {
    ActorSystem<Void> system = TestNodes.start(TestNodes.config(dataDir));
    try {
      NodeServices node = Main.init(system, new NodeDeps(TestNodes.INSTRUMENTS, Clock.systemUTC()));
      ScenarioSet scenarios = node.riskModel().scenarios();
      assertEquals(500, scenarios.scenarioCount());
      long now = System.currentTimeMillis();
      Map<String, Double> prices = Map.of("SPY", 500.0, "TLT", 90.0, "GLD", 180.0);
      prices.forEach((symbol, price) -> node.market().update(Quote.lastTrade(symbol, price, now)));

      // Desk "macro": long equities in P1, long bonds in P2 (they diversify); desk "metals": gold in P3.
      Map<String, Map<String, Double>> books = Map.of(
          "P1", Map.of("SPY", 1000.0), "P2", Map.of("TLT", 4000.0), "P3", Map.of("GLD", 800.0));
      Map<String, String> desks = Map.of("P1", "macro", "P2", "macro", "P3", "metals");
      int id = 0;
      for (String portfolio : books.keySet()) {
        assertEquals(Reply.accepted(), await(node.portfolios().open(
            portfolio, desks.get(portfolio), "alice", 10_000_000, Limits.NONE, "test")));
        for (Map.Entry<String, Double> position : books.get(portfolio).entrySet()) {
          assertEquals(Reply.accepted(), await(node.portfolios().apply(new Execution("E" + id++, portfolio, "s",
              position.getKey(), Side.BUY, position.getValue(), prices.get(position.getKey()), now))));
        }
      }

      double[] macro = vector(scenarios, prices, books.get("P1"), books.get("P2"));
      double[] firm = vector(scenarios, prices, books.get("P1"), books.get("P2"), books.get("P3"));
      int port = await(node.http().orElseThrow()).localAddress().getPort();
      String base = "http://127.0.0.1:" + port;
      TestProbe<Void> probe = TestProbe.create(system);
      // Reports flow every risk-staleness (100 ms); wait until both portfolios of the desk are in.
      JsonNode desk = probe.awaitAssert(Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
        JsonNode body = json(get(system, base + "/desks/macro/risk", 200));
        assertEquals(2, body.get("portfolioCount").asInt(), body.toString());
        assertTrue(body.get("problems").isEmpty(), body.toString());
        return body;
      });
      double deskVar = desk.get("valueAtRisk99").asDouble();
      assertEquals(var99(macro), deskVar, 1e-6 * var99(macro));
      assertTrue(deskVar <= desk.get("sumOfMemberVar99").asDouble(), desk.toString());
      double p1Var = await(node.portfolios().snapshot("P1")).risk().valueAtRisk99();
      assertEquals(p1Var, desk.get("members").get(0).get("valueAtRisk99").asDouble(), 1e-6 * p1Var);

      JsonNode total = probe.awaitAssert(Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
        JsonNode body = json(get(system, base + "/firm/risk", 200));
        assertEquals(3, body.get("portfolioCount").asInt(), body.toString());
        return body;
      });
      assertEquals(var99(firm), total.get("valueAtRisk99").asDouble(), 1e-6 * var99(firm));
      assertEquals(2, total.get("members").size());

      JsonNode snapshot = json(get(system, base + "/portfolios/P1", 200));
      assertEquals(p1Var, snapshot.get("risk").get("valueAtRisk99").asDouble(), 1e-6 * p1Var);
      assertTrue(snapshot.get("risk").get("worstStressLoss").asDouble() > 0, snapshot.get("risk").toString());
      // The test instruments carry no average daily volume: days to liquidate are unknown, and say why.
      assertEquals("NaN", snapshot.get("risk").get("maxDaysToLiquidate").asText(), snapshot.get("risk").toString());
      assertEquals("no average daily volume for SPY",
          snapshot.get("risk").get("liquidityProblems").get(0).asText());
      get(system, base + "/desks/nobody/risk", 404);
      probe.awaitAssert(Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
        JsonNode body = json(get(system, base + "/desks/macro/risk", 200));
        assertEquals(500 * 1000 + 90 * 4000, body.get("grossExposure").asDouble(), 1e-6, body.toString());
        assertEquals(0, body.get("intradayPnl").asDouble(), 1e-6, body.toString());
        return body;
      });

      // A desk gross limit below the desk's 860,000 whose breach halts: the kill switch halts DESK:macro.
      get(system, base + "/desks/macro/limits", 404);
      ScopeLimitsReply set = await(node.halts().scopeLimits().set(HaltScope.desk("macro"),
          new Limits(800_000.0, null, null, null, null, null, null, null, null, true), "ops-1", "desk budget"));
      assertTrue(set.accepted(), set.toString());
      JsonNode limits = probe.awaitAssert(Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
        JsonNode body = json(get(system, base + "/desks/macro/limits", 200));
        assertEquals("GROSS_EXPOSURE", body.get("breaches").get(0).get("key").asText(), body.toString());
        assertTrue(body.get("haltId").asText().startsWith("ks-"), body.toString());
        return body;
      });
      assertEquals("ops-1", limits.get("setBy").asText());
      ActiveHalt halt = await(node.halts().killSwitch().halts()).halts().stream()
          .filter(h -> h.scope().equals(HaltScope.desk("macro"))).findFirst().orElseThrow();
      assertEquals(Portfolio.LIMIT_MONITOR, halt.by());
      assertEquals("limit breached: GROSS_EXPOSURE 860,000.00 > 800,000.00", halt.reason());
      get(system, base + "/firm/limits", 404);
      await(Http.get(system).shutdownAllConnectionPools());
    } finally {
      TestNodes.stop(system);
    }
  }

  /** The reference: every position revalued in every scenario at the quoted prices, books summed. */
  @SafeVarargs
  private static double[] vector(ScenarioSet scenarios, Map<String, Double> prices, Map<String, Double>... books) {
    double[] quantities = new double[scenarios.instrumentCount()];
    double[] marks = new double[scenarios.instrumentCount()];
    for (int i = 0; i < scenarios.instrumentCount(); i++) {
      marks[i] = prices.get(scenarios.symbols().get(i));
    }
    for (Map<String, Double> book : books) {
      book.forEach((symbol, quantity) -> quantities[scenarios.indexOf(symbol)] += quantity);
    }
    double[] pnl = new double[scenarios.scenarioCount()];
    scenarios.portfolioPnl(quantities, marks, pnl);
    return pnl;
  }

  private static double var99(double[] pnl) {
    return HistoricalVar.valueAtRisk(pnl, pnl.length, Confidence.P99, new double[pnl.length]);
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private static String get(ActorSystem<?> system, String uri, int expectedStatus) {
    HttpResponse response = await(Http.get(system).singleRequest(HttpRequest.GET(uri)));
    String body = await(response.entity().toStrict(5_000, Materializer.matFromSystem(system))).getData()
        .decodeString(StandardCharsets.UTF_8);
    assertEquals(expectedStatus, response.status().intValue(), uri + ": " + body);
    return body;
  }
}
