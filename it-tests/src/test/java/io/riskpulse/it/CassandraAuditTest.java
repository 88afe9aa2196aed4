package io.riskpulse.it;

import static io.riskpulse.it.ItSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.AuditHead;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.NodeDeps;
import io.riskpulse.node.NodeServices;
import io.riskpulse.persistence.audit.AuditJournal;
import io.riskpulse.persistence.audit.ChainProblem;
import io.riskpulse.persistence.audit.ChainReport;
import io.riskpulse.persistence.audit.ChainVerifier;
import io.riskpulse.persistence.audit.PortfolioReplay;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's replay and verification on the clustered journal, while the node runs: a replay of a portfolio's
 * Cassandra journal rebuilds exactly the live state (same version and state hash), its hash chain verifies intact,
 * and a row altered directly in Cassandra's {@code messages} table is named by the verifier.
 */
@Tag(CassandraExtension.TAG)
@ExtendWith(CassandraExtension.class)
@Timeout(180)
class CassandraAuditTest {

  private static final String KEYSPACE = "rp_audit_it";
  private static final InstrumentRegistry INSTRUMENTS = ItSupport.SPY_ONLY;
  private static final Limits LIMITS =
      new Limits(null, null, 1_000_000.0, null, null, null, null, null, null, false);

  @TempDir Path dataDir;

  @Test
  void shouldReplayTheLiveStateAndNameARowAlteredInCassandra(CassandraNode cassandra) {
    Config config = NodeConfig.load(cassandra.journalConfig(KEYSPACE).withFallback(ConfigFactory.parseMap(Map.of(
        "riskpulse.persistence.data-dir", dataDir.toString(),
        "pekko.remote.artery.canonical.port", 0,
        "riskpulse.http.enabled", false,
        "riskpulse.grpc.enabled", false,
        "riskpulse.ingestion.aeron.enabled", false,
        // No timer-driven marks: the journal holds exactly what the commands below persisted.
        "riskpulse.portfolio.mark-interval", "1h",
        "riskpulse.portfolio.risk-staleness", "1h",
        "riskpulse.node.startup-timeout", "120s"))));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
    try {
      NodeServices node = Main.init(system, new NodeDeps(INSTRUMENTS, Clock.systemUTC()));
      node.market().update(Quote.lastTrade("SPY", 500, System.currentTimeMillis()));
      assertEquals(Reply.accepted(), await(node.portfolios().open("AUD", "algo", "alice", 1_000_000, LIMITS, "t")));
      for (int i = 0; i < 6; i++) {
        assertEquals(Reply.accepted(), await(node.portfolios().apply(new Execution("A" + i, "AUD", "trend", "SPY",
            i % 3 == 2 ? Side.SELL : Side.BUY, 10 + i, 500, System.currentTimeMillis()))));
      }
      AuditHead live = await(node.portfolios().auditHead("AUD"));

      AuditJournal journal = new AuditJournal(system, config.getString(NodeConfig.READ_JOURNAL),
          Duration.ofSeconds(20));
      String persistenceId = AuditJournal.portfolioPersistenceId("AUD");
      PortfolioReplay replay = new PortfolioReplay("AUD", Long.MAX_VALUE,
          config.getInt("riskpulse.portfolio.dedup-window"));
      ChainVerifier clean = new ChainVerifier(persistenceId);
      await(journal.forEach(persistenceId, record -> {
        replay.accept(record);
        clean.accept(record);
      }));
      PortfolioReplay.Result result = replay.result(SerializationExtension.get(system.classicSystem()));
      assertEquals(live.version(), result.version());
      assertEquals(live.stateHash(), result.stateHash(), "the replay of Cassandra's journal is the live state");
      ChainReport intact = clean.report();
      assertTrue(intact.intact(), intact.toString());
      assertEquals(live.chainHead(), intact.headHash());

      long altered = result.timeline().stream().filter(entry -> entry.type().equals("ExecutionApplied"))
          .skip(2).findFirst().orElseThrow().sequenceNr();
      alterStrategyName(cassandra, persistenceId, altered);

      ChainVerifier verifier = new ChainVerifier(persistenceId);
      await(journal.forEach(persistenceId, verifier::accept));
      ChainReport report = verifier.report();
      assertEquals(List.of(new ChainProblem(altered, ChainProblem.Kind.ALTERED, "event " + altered
          + " (io.riskpulse.model.portfolio.PortfolioEvent$ExecutionApplied) does not match its hash: its content "
          + "was altered")), report.problems(), report.toString());
    } finally {
      system.terminate();
      await(system.getWhenTerminated());
    }
  }

  /** Rewrites one stored fill in Cassandra, as someone with write access to the table could: trend → trenD. */
  private static void alterStrategyName(CassandraNode cassandra, String persistenceId, long sequenceNr) {
    try (CqlSession cql = CqlSession.builder()
        .addContactPoint(new InetSocketAddress("127.0.0.1", cassandra.nativePort()))
        .withLocalDatacenter("datacenter1").build()) {
      Row row = cql.execute("SELECT timestamp, event FROM " + KEYSPACE + ".messages WHERE persistence_id = ?"
          + " AND partition_nr = 0 AND sequence_nr = ?", persistenceId, sequenceNr).one();
      assertTrue(row != null, "row " + sequenceNr);
      ByteBuffer event = row.getByteBuffer("event");
      byte[] bytes = new byte[event.remaining()];
      event.get(bytes);
      byte[] find = "trend".getBytes(StandardCharsets.US_ASCII);
      int at = -1;
      for (int i = 0; i + find.length <= bytes.length && at < 0; i++) {
        if (Arrays.equals(bytes, i, i + find.length, find, 0, find.length)) {
          at = i;
        }
      }
      assertTrue(at >= 0, "the stored fill names its strategy");
      bytes[at + 4] = 'D';
      cql.execute("UPDATE " + KEYSPACE + ".messages SET event = ? WHERE persistence_id = ? AND partition_nr = 0"
              + " AND sequence_nr = ? AND timestamp = ?",
          ByteBuffer.wrap(bytes), persistenceId, sequenceNr, row.getUuid("timestamp"));
    }
  }
}
