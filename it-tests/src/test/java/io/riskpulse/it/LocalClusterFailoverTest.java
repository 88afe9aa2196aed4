package io.riskpulse.it;

import static io.riskpulse.it.ItSupport.await;
import static io.riskpulse.it.ItSupport.getJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.aeron.Aeron;
import io.riskpulse.ingestion.aeron.FeedPublisher;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.node.cluster.FreePorts;
import io.riskpulse.node.cluster.LocalCluster;
import io.riskpulse.node.cluster.LocalClusterNode;
import io.riskpulse.node.cluster.LocalClusterSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three node processes on the Cassandra journal ({@link LocalCluster}, what {@code ./riskpulse cluster start} runs)
 * form one cluster; market data published once (multi-destination-cast) reaches every node's market view; fills
 * published to node 1 over Aeron reach the portfolios on every node; one node is killed with
 * SIGKILL; the split-brain resolver downs it, its shards move to the survivors and its portfolios recover from
 * Cassandra: every acknowledged fill is held exactly once. A fourth node then joins while fills keep flowing: shards
 * move to it, every fill is still held once, and the auditor's {@code audit verify} finds every portfolio's journal
 * intact (no portfolio was written by two nodes at once). Last, a desk halt is in flight when the node running
 * the kill switch and the OMS gateway is killed: the survivors finish it and the OMS (a webhook) receives it.
 */
@Tag("slow")
@Tag(CassandraExtension.TAG)
@ExtendWith(CassandraExtension.class)
@Timeout(420)
class LocalClusterFailoverTest {

  private static final int FILLS = 600;

  @TempDir Path work;

  @Test
  void shouldRecoverAKilledNodesPortfoliosOnTheSurvivorsWithEveryAcknowledgedFillOnce(CassandraNode cassandra)
      throws Exception {
    int[] bases = FreePorts.runs(6, 3); // one call: the runs do not overlap
    LocalClusterSettings settings = new LocalClusterSettings(work.resolve("cluster"), bases[0], bases[1], bases[2],
        bases[3], bases[4], bases[5], "127.0.0.1:" + cassandra.nativePort(),
        Duration.ofSeconds(300), Duration.ofSeconds(60));
    LocalCluster cluster = new LocalCluster(settings);
    // The OMS: a webhook endpoint recording the halts the cluster's OMS gateway delivers (and acknowledging them).
    List<String> oms = new CopyOnWriteArrayList<>();
    HttpServer omsServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    omsServer.createContext("/halts", exchange -> {
      oms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    omsServer.start();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("riskpulse.jvm.opens", "").trim().split("\\s+")));
    command.addAll(List.of("-Xmx384m",
        "-Driskpulse.gateway.oms.endpoints.0.name=oms", "-Driskpulse.gateway.oms.endpoints.0.type=webhook",
        "-Driskpulse.gateway.oms.endpoints.0.url=http://127.0.0.1:" + omsServer.getAddress().getPort() + "/halts",
        "-jar", NodeProcess.jar().toString()));
    command.removeIf(String::isEmpty);
    Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", ""),
        "RISKPULSE_CASSANDRA_KEYSPACE", "rp_cluster_it", "RISKPULSE_CASSANDRA_SNAPSHOT_KEYSPACE",
        "rp_cluster_it_snapshot");
    List<LocalClusterNode> nodes = List.of();
    try {
      nodes = cluster.start(3, command, List.of("--open-demo-portfolios"), env);
      LocalClusterNode first = nodes.get(0);
      await(Duration.ofSeconds(60), () -> upMembers(cluster, first) == 3, () -> "members: " + cluster.members(first));

      Map<String, Long> before = new TreeMap<>();
      // The independent tally: each portfolio's AAPL position as the test computes it from what it sent.
      Map<String, Double> tally = new TreeMap<>();
      for (JsonNode row : getJson(first.httpPort(), "/portfolios")) {
        String portfolio = row.get("portfolioId").asText();
        JsonNode state = served(first, portfolio);
        before.put(portfolio, state.get("executionCount").asLong());
        tally.put(portfolio, quantity(state, "AAPL"));
      }
      List<String> portfolios = new ArrayList<>(before.keySet());
      assertTrue(portfolios.size() >= 3, "demo portfolios: " + portfolios);

      Map<String, Long> sent = new TreeMap<>();
      String aeronDir = first.dir().resolve("aeron").toAbsolutePath().toString();
      try (Aeron client = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir))) {
        FeedPublisher prices = new FeedPublisher(client.addExclusivePublication(
            settings.marketDataPublishChannel(), 1001), 31, 1, Duration.ofSeconds(30));
        long[] price = {19_000};
        // Subscribers join a dynamic multi-destination-cast as they find the publisher: publish until each has it.
        await(Duration.ofSeconds(60), () -> {
          double mid = ++price[0] / 100.0;
          prices.quote(new Quote("AAPL", Double.NaN, mid - 0.01, mid + 0.01, System.currentTimeMillis()), 0);
          return nodes(cluster).stream().allMatch(node -> markPrice(node, "AAPL") > 190);
        }, () -> "marks: " + nodes(cluster).stream().map(node -> markPrice(node, "AAPL")).toList());

        FeedPublisher publisher = new FeedPublisher(client.addExclusivePublication("aeron:ipc", 1002), 21, 1,
            Duration.ofSeconds(120)).withReplay(client.addSubscription("aeron:ipc", 1003), 100_000);
        for (int i = 0; i < FILLS; i++) {
          String portfolio = portfolios.get(i % portfolios.size());
          Side side = i % 3 == 0 ? Side.SELL : Side.BUY;
          publisher.execution(new Execution("C" + i, portfolio, "cluster", "AAPL", side, 1 + i % 5, 190, 1), 0);
          sent.merge(portfolio, 1L, Long::sum);
          tally.merge(portfolio, (double) (side.sign() * (1 + i % 5)), Double::sum);
          publisher.maintain();
        }
        assertTrue(publisher.awaitAcknowledged(Duration.ofSeconds(120)), "acknowledged "
            + publisher.acknowledged() + " of " + (publisher.nextSequence() - 1));
      }
      for (String portfolio : portfolios) {
        assertEquals(before.get(portfolio) + sent.getOrDefault(portfolio, 0L),
            served(first, portfolio).get("executionCount").asLong(), portfolio);
      }

      // The victim is whichever of nodes 2 and 3 hosts more portfolios (node 1 stays up for the queries): with the
      // seven demo portfolios one node alone hosts none in about 6% of runs, which would leave nothing to recover.
      // Shards reach nodes 2 and 3 by rebalancing (every rebalance-interval) when node 1 allocated them all first.
      List<LocalClusterNode> started = nodes;
      await(Duration.ofSeconds(60),
          () -> Math.max(residentPortfolios(started.get(1)), residentPortfolios(started.get(2))) > 0,
          () -> "nodes 2 and 3 host none of the portfolios " + portfolios);
      long onSecond = residentPortfolios(nodes.get(1));
      long onThird = residentPortfolios(nodes.get(2));
      assertTrue(onSecond >= 0 && onThird >= 0, "nodes 2 and 3 list their shards");
      LocalClusterNode victim = onThird >= onSecond ? nodes.get(2) : nodes.get(1);
      LocalClusterNode survivor = victim == nodes.get(2) ? nodes.get(1) : nodes.get(2);
      long onVictim = Math.max(onSecond, onThird);
      assertTrue(onVictim > 0, "nodes 2 and 3 host none of the portfolios " + portfolios);
      long recoveredBefore = recoveredPortfolios(first) + recoveredPortfolios(survivor);
      assertTrue(cluster.kill(victim), "the victim was running");
      // keep-majority downs the unreachable node after stable-after (7 s); its shards then start on the survivors.
      await(Duration.ofSeconds(120), () -> upMembers(cluster, first) == 2, () -> "members: " + cluster.members(first));
      for (String portfolio : portfolios) {
        long expected = before.get(portfolio) + sent.getOrDefault(portfolio, 0L);
        await(Duration.ofSeconds(60), () -> executionCount(first, portfolio) == expected,
            () -> portfolio + " holds " + executionCount(first, portfolio) + ", expected " + expected);
      }
      // What an operator watches during a failover: the survivors' recovery counts grow by the dead node's portfolios.
      long recovered = recoveredPortfolios(first) + recoveredPortfolios(survivor) - recoveredBefore;
      assertTrue(recovered >= onVictim, "the killed node hosted " + onVictim + " portfolios, the survivors recovered "
          + recovered);

      // A fourth node joins while fills flow: shards move to it, and still every fill is held once.
      CompletableFuture<LocalClusterNode> joining = CompletableFuture.supplyAsync(
          () -> cluster.add(4, command, List.of(), env));
      try (Aeron client = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir))) {
        FeedPublisher publisher = new FeedPublisher(client.addExclusivePublication("aeron:ipc", 1002), 23, 1,
            Duration.ofSeconds(120)).withReplay(client.addSubscription("aeron:ipc", 1003), 100_000);
        int i = 0;
        while (!joining.isDone() || i < FILLS) {
          String portfolio = portfolios.get(i % portfolios.size());
          Side side = i % 3 == 0 ? Side.SELL : Side.BUY;
          publisher.execution(new Execution("J" + i, portfolio, "cluster", "AAPL", side, 1 + i % 5, 190, 1), 0);
          sent.merge(portfolio, 1L, Long::sum);
          tally.merge(portfolio, (double) (side.sign() * (1 + i % 5)), Double::sum);
          publisher.maintain();
          LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // a steady flow while the node joins
          i++;
        }
        assertTrue(publisher.awaitAcknowledged(Duration.ofSeconds(120)), "acknowledged "
            + publisher.acknowledged() + " of " + (publisher.nextSequence() - 1));
      }
      LocalClusterNode fourth = joining.get(5, TimeUnit.MINUTES);
      await(Duration.ofSeconds(60), () -> upMembers(cluster, first) == 3, () -> "members: " + cluster.members(first));
      await(Duration.ofSeconds(90), () -> hostedShards(fourth) > 0, () -> "shards on node 4: " + hostedShards(fourth));
      for (String portfolio : portfolios) {
        long expected = before.get(portfolio) + sent.getOrDefault(portfolio, 0L);
        await(Duration.ofSeconds(60), () -> executionCount(fourth, portfolio) == expected,
            () -> portfolio + " holds " + executionCount(fourth, portfolio) + ", expected " + expected);
        assertEquals(tally.get(portfolio), quantity(getJson(fourth.httpPort(), "/portfolios/" + portfolio), "AAPL"),
            1e-9, portfolio + ": the AAPL position equals the test's own tally of the fills it sent");
      }

      // The auditor's verify over the whole Cassandra journal: a portfolio written by two nodes at once would break
      // its chain (two events with one sequence number, or a link to the wrong event).
      List<String> audit = new ArrayList<>(command);
      audit.addAll(List.of("audit", "verify"));
      ProcessBuilder verify = new ProcessBuilder(audit).redirectErrorStream(true);
      verify.environment().putAll(env);
      verify.environment().put("RISKPULSE_JOURNAL", "cassandra");
      verify.environment().put("RISKPULSE_CASSANDRA_CONTACT_POINTS", "127.0.0.1:" + cassandra.nativePort());
      verify.environment().put("RISKPULSE_DATA_DIR", work.resolve("auditor").toString());
      Process auditor = verify.start();
      String report = new String(auditor.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(auditor.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, auditor.exitValue(), report);
      for (String portfolio : portfolios) {
        assertTrue(report.contains("Portfolio|" + portfolio + ": intact"), report);
      }

      // A desk halt in flight when the node running the kill switch and the OMS gateway (the oldest, node 1) dies:
      // the singletons move to a survivor, which finishes the hand-off and delivers the halt to the OMS.
      LocalClusterNode second = survivor;
      String desk = getJson(second.httpPort(), "/portfolios").get(0).get("desk").asText();
      List<String> halt = new ArrayList<>(command);
      halt.addAll(List.of("ctl", "--port", Integer.toString(second.grpcPort()), "--data-dir",
          second.dir().toString(), "halt", "--scope", "desk", "--id", desk, "--reason", "failover drill"));
      Process ctl = new ProcessBuilder(halt).redirectErrorStream(true).start();
      String answer = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(ctl.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, ctl.exitValue(), answer);
      assertTrue(cluster.kill(first), "node 1 was running");
      await(Duration.ofSeconds(180), () -> oms.stream().anyMatch(body -> body.contains("\"value\":\"" + desk + "\"")),
          () -> "halts the OMS received: " + oms);
    } finally {
      omsServer.stop(0);
      for (LocalClusterNode node : cluster.nodes()) {
        cluster.stop(node);
      }
    }
  }

  /** The quantity of {@code symbol} in a portfolio snapshot's JSON (0 when it holds none). */
  private static double quantity(JsonNode snapshot, String symbol) {
    if (snapshot.isObject() && symbol.equals(snapshot.path("symbol").asText()) && snapshot.has("quantity")) {
      return snapshot.get("quantity").asDouble();
    }
    for (JsonNode child : snapshot) {
      double found = quantity(child, symbol);
      if (found != 0) {
        return found;
      }
    }
    return 0;
  }

  /** Shards of the portfolio entity hosted by the node, from its management endpoint; -1 if it does not answer. */
  private static long hostedShards(LocalClusterNode node) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(node.managementUri() + "/cluster/shards/Portfolio")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return -1;
      }
      // {"regions": [{"shardId": "12", "numEntities": 3}, ...]}: the shards of this node's region.
      return new ObjectMapper().readTree(response.body()).get("regions").size();
    } catch (Exception e) {
      return -1;
    }
  }

  private static List<LocalClusterNode> nodes(LocalCluster cluster) {
    return cluster.nodes();
  }

  /** The Portfolio entities {@code node} hosts (the sum of its shards' entity counts), -1 if it does not answer. */
  private static long residentPortfolios(LocalClusterNode node) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(node.managementUri() + "/cluster/shards/Portfolio")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      long entities = 0;
      for (JsonNode shard : new ObjectMapper().readTree(response.body()).get("regions")) {
        entities += shard.get("numEntities").asLong();
      }
      return response.statusCode() == 200 ? entities : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  /** The opened portfolios {@code node} has recovered from the journal since it started, from its /metrics. */
  private static long recoveredPortfolios(LocalClusterNode node) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + node.httpPort() + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), "GET /metrics");
    return response.body().lines()
        .filter(line -> line.startsWith("riskpulse_portfolio_recovery_seconds_count{opened=\"true\""))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static double markPrice(LocalClusterNode node, String symbol) {
    try {
      JsonNode market = getJson(node.httpPort(), "/market/" + symbol);
      return market.hasNonNull("markPrice") ? market.get("markPrice").asDouble() : -1;
    } catch (Exception | AssertionError e) {
      return -1;
    }
  }

  private static long upMembers(LocalCluster cluster, LocalClusterNode node) {
    return cluster.members(node).map(json -> {
      try {
        JsonNode members = new ObjectMapper().readTree(json).get("members");
        long up = 0;
        for (JsonNode member : members) {
          if (member.get("status").asText().equals("Up")) {
            up++;
          }
        }
        return up;
      } catch (IOException e) {
        return -1L;
      }
    }).orElse(-1L);
  }

  /**
   * A portfolio's JSON once it is served: right after the cluster forms, shards rebalance to the nodes that joined,
   * and a portfolio answers 503 (its state unavailable) while it moves and recovers on its new node.
   */
  private static JsonNode served(LocalClusterNode node, String portfolio) {
    JsonNode[] state = new JsonNode[1];
    await(Duration.ofSeconds(60), () -> {
      try {
        state[0] = getJson(node.httpPort(), "/portfolios/" + portfolio);
        return true;
      } catch (Exception | AssertionError e) {
        return false; // not served yet: its shard is moving
      }
    }, () -> portfolio + " not served by node " + node.httpPort());
    return state[0];
  }

  private static long executionCount(LocalClusterNode node, String portfolio) {
    try {
      return getJson(node.httpPort(), "/portfolios/" + portfolio).get("executionCount").asLong();
    } catch (Exception | AssertionError e) {
      return -1; // not served yet: its shard is moving
    }
  }

  /** Polls {@code condition} until it holds or {@code within} passes (other processes: nothing to be told by). */
  private static void await(Duration within, BooleanSupplier condition, java.util.function.Supplier<String> detail) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, () -> "not within " + within.toSeconds() + " s: " + detail.get());
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
  }
}
