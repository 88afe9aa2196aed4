package io.riskpulse.it;

import static io.riskpulse.it.ItSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.alert.AlertClient;
import io.riskpulse.model.alert.Incident;
import io.riskpulse.model.alert.IncidentFilter;
import io.riskpulse.model.alert.ObservedOffsets;
import io.riskpulse.model.alert.Severity;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.journal.JournalEvents;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioEvent;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.PortfolioStatus;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.NodeDeps;
import io.riskpulse.node.NodeServices;
import io.riskpulse.persistence.CassandraSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.TimeBasedUUID;
import org.apache.pekko.persistence.query.javadsl.EventsByPersistenceIdQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node (Main.init) on the Cassandra journal of a real Cassandra 5.0 node: a portfolio breaches a halting
 * limit, its events (Jackson CBOR, unchanged) are journaled in Cassandra, the alert projection reads the tagged ones
 * with Cassandra's eventsByTag (time-based UUID offsets) and the alert book raises the breach and the halt; the
 * directory lists the portfolio (currentPersistenceIds) and a live eventsByPersistenceId query (what the gRPC
 * watch uses) streams its events. After a restart of the node the portfolio recovers the same journaled state,
 * the incidents are neither lost nor duplicated, and the projection resumes after its stored UUID offset: a new
 * breach is the only thing it delivers.
 */
@Tag(CassandraExtension.TAG)
@ExtendWith(CassandraExtension.class)
@Timeout(180)
class CassandraJournalTest {

  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final InstrumentRegistry INSTRUMENTS = ItSupport.SPY_ONLY;
  /** Halts on a position above 1,000,000. */
  private static final Limits LIMITS =
      new Limits(null, null, 1_000_000.0, null, null, null, null, null, null, true);

  @TempDir Path dataDir;

  private Config config(CassandraNode cassandra) {
    return NodeConfig.load(cassandra.journalConfig("rp_journal_it").withFallback(ConfigFactory.parseMap(Map.of(
        "riskpulse.persistence.data-dir", dataDir.toString(),
        "pekko.remote.artery.canonical.port", 0,
        "riskpulse.http.enabled", false,
        "riskpulse.grpc.enabled", false,
        "riskpulse.ingestion.aeron.enabled", false,
        "riskpulse.portfolio.snapshot-every", 3,
        // The first start creates the keyspaces and eight tables: seconds each on a loaded two-core machine.
        "riskpulse.node.startup-timeout", "120s"))));
  }

  private static ActorSystem<Void> start(Config config) {
    return ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
  }

  private static void stop(ActorSystem<?> system) {
    system.terminate();
    await(system.getWhenTerminated());
  }

  @Test
  void shouldJournalRecoverAndRaiseAlertsOnCassandraAcrossARestart(CassandraNode cassandra) {
    Config config = config(cassandra);
    assertEquals("pekko.persistence.cassandra.journal", config.getString("pekko.persistence.journal.plugin"));
    assertEquals("pekko.persistence.cassandra.snapshot", config.getString("pekko.persistence.snapshot-store.plugin"));
    assertEquals("pekko.persistence.cassandra.query", config.getString(NodeConfig.READ_JOURNAL));

    PortfolioSnapshot before;
    List<Incident> incidentsBefore;
    ActorSystem<Void> first = start(config);
    try {
      NodeServices node = Main.init(first, new NodeDeps(INSTRUMENTS, Clock.systemUTC()));
      assertTrue(CassandraSchema.statements(first).get(0).contains("rp_journal_it"));
      long now = System.currentTimeMillis();
      node.market().update(Quote.lastTrade("SPY", 500, now));
      assertEquals(Reply.accepted(), await(node.portfolios().open("RUN", "algo", "alice", 10_000_000, LIMITS, "t")));
      for (int i = 1; i <= 4; i++) {
        assertEquals(Reply.accepted(), await(node.portfolios().apply(
            new Execution("F" + i, "RUN", "runaway", "SPY", Side.BUY, 750, 500, now + i))));
      }
      before = await(node.portfolios().snapshot("RUN"));
      assertEquals(PortfolioStatus.HALTED, before.status(), "2,250 SPY at 500 breach the 1,000,000 limit");

      AlertClient alerts = node.alerts().book();
      TestProbe<Void> probe = TestProbe.create(first);
      incidentsBefore = probe.awaitAssert(WAIT, Duration.ofMillis(200), () -> {
        List<Incident> open = await(alerts.incidents(IncidentFilter.OPEN, 50)).incidents();
        assertEquals(2, open.size(), open.toString());
        return open;
      });
      assertEquals("PORTFOLIO:RUN/HALT", incidentsBefore.get(0).correlationKey());
      assertEquals(Severity.CRITICAL, incidentsBefore.get(0).severity());
      assertEquals("PORTFOLIO:RUN/POSITION_NOTIONAL:SPY", incidentsBefore.get(1).correlationKey());
      assertEquals(1_125_000, incidentsBefore.get(1).latest().value(), 1e-6, "breached by the third fill");
      ObservedOffsets offsets = await(alerts.offsets());
      assertNotNull(offsets.uuidOffset(Portfolio.ALERT_TAG), "Cassandra's time-based offset is stored: " + offsets);

      assertEquals(List.of("RUN"), await(node.directory().portfolioIds()));
      EventsByPersistenceIdQuery query = PersistenceQuery.get(first).getReadJournalFor(
          EventsByPersistenceIdQuery.class, config.getString(NodeConfig.READ_JOURNAL));
      List<EventEnvelope> live = await(query.eventsByPersistenceId("Portfolio|RUN", 0, Long.MAX_VALUE)
          .take(before.version()).runWith(Sink.seq(), first));
      JournalEvents stored = new JournalEvents(first); // events are stored sealed in the portfolio's hash chain
      assertTrue(live.stream().allMatch(envelope -> stored.open(envelope.event()) instanceof PortfolioEvent),
          live.toString());
      assertTrue(live.stream().allMatch(envelope -> envelope.offset() instanceof TimeBasedUUID));
    } finally {
      stop(first);
    }

    ActorSystem<Void> second = start(config);
    try {
      NodeServices node = Main.init(second, new NodeDeps(INSTRUMENTS, Clock.systemUTC()));
      node.market().update(Quote.lastTrade("SPY", 500, System.currentTimeMillis()));
      PortfolioSnapshot after = await(node.portfolios().snapshot("RUN"));
      assertEquals(before.journaledView(), after.journaledView(), "recovered from Cassandra's snapshots and events");
      assertEquals(Reply.Outcome.DUPLICATE, await(node.portfolios().apply(
          new Execution("F4", "RUN", "runaway", "SPY", Side.BUY, 750, 500, 0))).outcome());

      AlertClient alerts = node.alerts().book();
      long now = System.currentTimeMillis();
      assertEquals(Reply.accepted(), await(node.portfolios().open("NEXT", "algo", "bob", 10_000_000, LIMITS, "t")));
      assertEquals(Reply.accepted(), await(node.portfolios().apply(
          new Execution("N1", "NEXT", "calm", "SPY", Side.SELL, 2500, 500, now))));
      TestProbe<Void> probe = TestProbe.create(second);
      List<Incident> incidentsAfter = probe.awaitAssert(WAIT, Duration.ofMillis(200), () -> {
        List<Incident> all = await(alerts.incidents(IncidentFilter.ALL, 50)).incidents();
        assertEquals(4, all.size(), all.toString());
        return all;
      });
      assertEquals(incidentsBefore, incidentsAfter.subList(2, 4), "the first node's incidents, not duplicated");
      assertTrue(incidentsAfter.get(0).correlationKey().startsWith("PORTFOLIO:NEXT/"), incidentsAfter.toString());
      assertEquals(0, await(alerts.offsets()).duplicatesIgnored(),
          "the projection resumed after its stored UUID offset: nothing was delivered twice");
      assertEquals(List.of("NEXT", "RUN"), await(node.directory().portfolioIds()));
    } finally {
      stop(second);
    }
  }
}
