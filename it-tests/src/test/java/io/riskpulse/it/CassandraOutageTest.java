package io.riskpulse.it;

import static io.riskpulse.it.ItSupport.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.NodeDeps;
import io.riskpulse.node.NodeServices;
import io.riskpulse.node.cassandra.CassandraLauncher;
import io.riskpulse.node.cassandra.CassandraServerSettings;
import io.riskpulse.persistence.audit.AuditJournal;
import io.riskpulse.persistence.audit.ChainVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cassandra stopped under load and started again: the node keeps running; while Cassandra is down no fill is
 * acknowledged (each is answered with a clear failure); once it is back, fills are acknowledged again; and every fill
 * acknowledged before, during or after the outage is in the portfolio exactly once (sending it again is a duplicate),
 * with nothing counted twice, and the journal's hash chain is intact. Runs its own Cassandra node on fixed ports, since the shared one of
 * {@link CassandraExtension} must not go down under the other tests.
 */
@Tag("slow")
@Tag(CassandraExtension.TAG)
@Timeout(420)
class CassandraOutageTest {

  private static final InstrumentRegistry INSTRUMENTS = ItSupport.SPY_ONLY;
  private static final Limits LIMITS = new Limits(null, null, null, null, null, null, null, null, null, false);

  @TempDir Path work;

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }

  @Test
  void shouldRefuseWhileCassandraIsDownAndLoseNothingAcknowledged() throws Exception {
    Path lib = Path.of(System.getProperty("riskpulse.cassandra.lib", "../deploy/cassandra/target/lib"));
    int nativePort = freePort();
    CassandraLauncher cassandra = new CassandraLauncher(new CassandraServerSettings(lib, work.resolve("cassandra"),
        nativePort, freePort(), freePort(), "256M", "1G", Duration.ofSeconds(120), Duration.ofSeconds(60)));
    cassandra.start(false);
    ActorSystem<Void> system = null;
    try {
      Config config = NodeConfig.load(ConfigFactory.parseMap(Map.of(
          "riskpulse.persistence.journal", "cassandra",
          "riskpulse.persistence.cassandra.contact-points", CassandraLauncher.HOST + ":" + nativePort,
          "riskpulse.persistence.cassandra.keyspace", "rp_outage_it",
          "riskpulse.persistence.cassandra.snapshot-keyspace", "rp_outage_it_snapshot",
          "riskpulse.persistence.data-dir", work.resolve("data").toString(),
          "pekko.remote.artery.canonical.port", 0,
          "riskpulse.http.enabled", false,
          "riskpulse.grpc.enabled", false,
          "riskpulse.ingestion.aeron.enabled", false,
          "riskpulse.node.startup-timeout", "120s")));
      system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
      NodeServices node = Main.init(system, new NodeDeps(INSTRUMENTS, Clock.systemUTC()));
      node.market().update(Quote.lastTrade("SPY", 500, System.currentTimeMillis()));
      PortfolioClient portfolios = node.portfolios();
      assertEquals(Reply.accepted(), await(portfolios.open("OUT", "algo", "alice", 10_000_000, LIMITS, "t")));

      List<Execution> sent = new ArrayList<>();
      List<String> acknowledged = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        assertTrue(send(portfolios, sent, acknowledged), "before the outage every fill is acknowledged");
      }

      cassandra.stop();
      List<String> refusals = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int before = acknowledged.size();
        assertFalse(send(portfolios, sent, acknowledged, refusals), "no fill is acknowledged while Cassandra is down");
        assertEquals(before, acknowledged.size());
      }
      assertTrue(refusals.stream().allMatch(why -> why.contains("did not answer") || why.contains("could not be")),
          refusals.toString());
      assertFalse(system.whenTerminated().isCompleted(), "the node keeps running");

      cassandra.start(false);
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (!send(portfolios, sent, acknowledged)) {
        assertTrue(System.nanoTime() < deadline, "fills acknowledged again within 180 s of Cassandra's return");
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
      }
      for (int i = 0; i < 40; i++) {
        assertTrue(send(portfolios, sent, acknowledged), "after the outage every fill is acknowledged");
      }

      // Every fill sent again: an acknowledged one must be a duplicate (it is held); one never acknowledged may be
      // held or not, and is applied now if not. Then the portfolio holds each id exactly once.
      for (Execution execution : sent) {
        Reply again = await(portfolios.apply(execution));
        if (acknowledged.contains(execution.executionId())) {
          assertEquals(Reply.Outcome.DUPLICATE, again.outcome(), execution.executionId() + " was lost: " + again);
        } else {
          assertTrue(again.outcome() == Reply.Outcome.DUPLICATE || again.equals(Reply.accepted()), again.toString());
        }
      }
      AuditJournal journal = new AuditJournal(system, config.getString(NodeConfig.READ_JOURNAL), Duration.ofSeconds(30));
      ChainVerifier verifier = new ChainVerifier(AuditJournal.portfolioPersistenceId("OUT"));
      List<String> stored = new ArrayList<>();
      await(journal.forEach(AuditJournal.portfolioPersistenceId("OUT"), record -> {
        verifier.accept(record);
        stored.add(record.sequenceNr() + ":" + (record.event() == null ? "?" : record.event().getClass().getSimpleName()
            + (record.event() instanceof io.riskpulse.model.portfolio.PortfolioEvent.ExecutionApplied applied
            ? "(" + applied.execution().executionId() + ")" : "")));
      }));
      assertEquals(sent.size(), await(portfolios.snapshot("OUT")).executionCount(),
          "each fill held once; journal " + stored + "; " + verifier.report());
      assertTrue(verifier.report().intact(), "the hash chain runs through the outage: " + verifier.report());
    } finally {
      if (system != null) {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
      }
      cassandra.stop();
    }
  }

  private static boolean send(PortfolioClient portfolios, List<Execution> sent, List<String> acknowledged) {
    return send(portfolios, sent, acknowledged, new ArrayList<>());
  }

  /** Sends the next fill; whether it was acknowledged (accepted), else why not into {@code refusals}. */
  private static boolean send(PortfolioClient portfolios, List<Execution> sent, List<String> acknowledged,
      List<String> refusals) {
    Execution execution = new Execution("O" + sent.size(), "OUT", "outage", "SPY",
        sent.size() % 3 == 0 ? Side.SELL : Side.BUY, 1, 500, System.currentTimeMillis());
    sent.add(execution);
    try {
      Reply reply = portfolios.apply(execution).toCompletableFuture().get(60, TimeUnit.SECONDS);
      if (reply.equals(Reply.accepted())) {
        acknowledged.add(execution.executionId());
        return true;
      }
      refusals.add(reply.toString());
      return false;
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      refusals.add(cause instanceof java.util.concurrent.TimeoutException
          || String.valueOf(cause).contains("AskTimeout") ? "did not answer: " + cause : "could not be asked: " + cause);
      return false;
    }
  }
}
