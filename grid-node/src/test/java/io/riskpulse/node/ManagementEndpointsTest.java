package io.riskpulse.node;

import static io.riskpulse.node.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * The management endpoints a platform team's orchestrator probes, on a real node: {@code /alive}, {@code /ready}
 * once the node is up and started, {@code /cluster/members}; and how the cluster forms from the settings.
 */
@Timeout(120)
class ManagementEndpointsTest {

  @TempDir Path dataDir;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void shouldAnswerReadinessLivenessAndMembersOnTheManagementPort() throws IOException {
    int port = freePort();
    Config config = ConfigFactory.parseString("riskpulse.management.enabled = on\n"
        + "pekko.management.http.port = " + port + "\n").withFallback(TestNodes.config(dataDir));
    ActorSystem<Void> system = TestNodes.start(config);
    try {
      Main.init(system, new NodeDeps(TestNodes.INSTRUMENTS, Clock.systemUTC()));
      String base = "http://127.0.0.1:" + port;
      assertEquals(200, get(system, base + "/alive").status());
      // Up in the cluster is reached asynchronously after the self-join.
      TestProbe.create(system).awaitAssert(Duration.ofSeconds(20), () -> {
        assertEquals(200, get(system, base + "/ready").status());
        return null;
      });
      Response members = get(system, base + "/cluster/members");
      assertEquals(200, members.status());
      assertTrue(members.body().contains("\"status\":\"Up\""), members.body());
      assertTrue(members.body().contains("pekko://" + Main.SYSTEM_NAME + "@127.0.0.1"), members.body());
    } finally {
      TestNodes.stop(system);
    }
  }

  @Test
  void shouldTakeSeedNodesFromOneCommaSeparatedSetting() {
    Config config = NodeConfig.load(ConfigFactory.parseString("riskpulse.cluster.seed-nodes = "
        + "\"pekko://RiskPulse@127.0.0.1:25521, pekko://RiskPulse@127.0.0.1:25522\""));
    assertEquals(List.of("pekko://RiskPulse@127.0.0.1:25521", "pekko://RiskPulse@127.0.0.1:25522"),
        config.getStringList("pekko.cluster.seed-nodes"));
    assertEquals(List.of(), NodeConfig.load().getStringList("pekko.cluster.seed-nodes"), "default: self-join");
  }

  @Test
  void shouldRefuseAnUnknownWayToFormTheCluster() {
    Config config = ConfigFactory.parseString("riskpulse.cluster.bootstrap = dns\n")
        .withFallback(TestNodes.config(dataDir));
    ActorSystem<Void> system = TestNodes.start(config);
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Main.init(system, new NodeDeps(TestNodes.INSTRUMENTS, Clock.systemUTC())));
      assertTrue(e.getMessage().contains("must be seed-nodes or kubernetes, not 'dns'"), e.getMessage());
    } finally {
      TestNodes.stop(system);
    }
  }

  private record Response(int status, String body) {}

  private static Response get(ActorSystem<?> system, String uri) {
    HttpResponse response = await(Http.get(system).singleRequest(HttpRequest.GET(uri)));
    String body = await(response.entity().toStrict(5_000, Materializer.matFromSystem(system))).getData()
        .decodeString(StandardCharsets.UTF_8);
    return new Response(response.status().intValue(), body);
  }
}
