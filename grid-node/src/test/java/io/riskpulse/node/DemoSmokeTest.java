package io.riskpulse.node;

import static io.riskpulse.node.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.gateway.oms.SimulatedOms;
import io.riskpulse.ingestion.sim.CorrelatedPriceSimulator;
import io.riskpulse.ingestion.sim.HistoricalReplay;
import io.riskpulse.ingestion.sim.PortfolioSetup;
import io.riskpulse.ingestion.sim.TradingSimulation;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.journal.JournalEvents;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioEvent;
import io.riskpulse.model.portfolio.PortfolioEvent.Halted;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitBreached;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.PortfolioStatus;
import io.riskpulse.node.demo.DemoControlRoom;
import io.riskpulse.node.demo.DemoProgress;
import io.riskpulse.node.demo.DemoRunner;
import io.riskpulse.node.demo.LiveTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo's main loop, headless and bounded, on the real node wiring and H2 journal. */
@Timeout(180)
class DemoSmokeTest {

  private static final long RUNAWAY_AT = 20;
  private static final long STEPS = 150;

  @TempDir Path dataDir;

  @Test
  void shouldEndWithAPersistedBreachAndHaltOfTheRunawayPortfolioOnly() {
    TradingSimulation simulation =
        TradingSimulation.create(CorrelatedPriceSimulator.withDefaults(7), 7, RUNAWAY_AT);
    ActorSystem<Void> system = TestNodes.start(TestNodes.config(dataDir));
    try {
      NodeServices node = Main.init(system,
          new NodeDeps(InstrumentRegistry.of(simulation.instruments()), Clock.systemUTC()));
      DemoRunner runner = new DemoRunner(system, node, simulation, "smoke");
      await(runner.openPortfolios());
      AtomicReference<DemoProgress> last = new AtomicReference<>();
      // A 1 ms wall-clock step exercises the ticking source the interactive demo uses.
      await(runner.run(STEPS, Duration.ofMillis(1), last::set));

      DemoProgress progress = last.get();
      assertEquals(STEPS, progress.step());
      assertEquals(0, progress.quarantined(), "nothing refused: " + node.quarantine().recent());
      assertTrue(progress.published() > STEPS, "strategies traded: " + progress.published());
      assertEquals(progress.published(), progress.applied(), "every published fill was applied");

      String runaway = simulation.runawayPortfolioId();
      for (PortfolioSnapshot snapshot : progress.snapshots()) {
        boolean isRunaway = snapshot.portfolioId().equals(runaway);
        assertEquals(isRunaway ? PortfolioStatus.HALTED : PortfolioStatus.ACTIVE, snapshot.status(),
            LiveTable.render("", progress.snapshots(), 0));
        assertEquals(isRunaway, snapshot.breachCount() > 0, snapshot.portfolioId());
      }

      List<PortfolioEvent> journal = events(system, runaway);
      assertTrue(journal.stream().anyMatch(e -> e instanceof LimitBreached), "a LimitBreached was journaled");
      Halted halted = journal.stream().filter(e -> e instanceof Halted).map(e -> (Halted) e)
          .findFirst().orElseThrow(() -> new AssertionError("no Halted event for " + runaway));
      assertEquals(Portfolio.LIMIT_MONITOR, halted.by());
      // Once halted, the simulation stops sending the runaway's orders (as the gateway would refuse them).
      assertTrue(simulation.isHalted(runaway));
      assertTrue(simulation.portfolios().stream().map(PortfolioSetup::portfolioId).anyMatch(runaway::equals));
    } finally {
      TestNodes.stop(system);
    }
  }

  @Test
  void shouldMassCancelTheRunawayAtTheOmsAndResumeItThroughTheControlRoom() throws Exception {
    SimulatedOms oms = SimulatedOms.builder().omsCompId("DEMOOMS").build();
    oms.start();
    TradingSimulation simulation =
        TradingSimulation.create(CorrelatedPriceSimulator.withDefaults(7), 7, RUNAWAY_AT);
    Config config = ConfigFactory.parseString("riskpulse.gateway.oms.endpoints = [{name = \"sim\", type = fix, "
        + "host = \"127.0.0.1\", port = " + oms.port() + ", target-comp-id = \"DEMOOMS\", reconnect-interval = 1s}]")
        .withFallback(TestNodes.config(dataDir));
    ActorSystem<Void> system = TestNodes.start(config);
    try {
      NodeServices node = Main.init(system,
          new NodeDeps(InstrumentRegistry.of(simulation.instruments()), Clock.systemUTC()));
      DemoRunner runner = new DemoRunner(system, node, simulation, "oms", oms, 10);
      await(runner.openPortfolios());
      AtomicReference<DemoProgress> last = new AtomicReference<>();
      await(runner.run(STEPS, Duration.ZERO, last::set));

      String runaway = simulation.runawayPortfolioId();
      TestProbe<Void> probe = TestProbe.create(system);
      probe.awaitAssert(Duration.ofSeconds(30), Duration.ofMillis(50), () -> {
        assertEquals(1, oms.massCancelsEffective(), oms.describe());
        return null;
      });
      assertTrue(oms.received().get(0).summary().contains(runaway), oms.received().get(0).summary());
      assertEquals(2, oms.ordersCancelled(), "the runaway's two working orders, no other portfolio's");
      List<String> lines = runner.controlRoom().lines();
      assertTrue(lines.stream().anyMatch(l -> l.contains("HALTED " + runaway)), lines.toString());
      assertTrue(lines.stream().anyMatch(l -> l.contains("OMS received")), lines.toString());
      assertTrue(lines.stream().anyMatch(l -> l.contains("resumed by " + DemoControlRoom.RISK_OFFICER)),
          lines.toString());
      PortfolioSnapshot after = last.get().snapshots().stream().filter(s -> s.portfolioId().equals(runaway))
          .findFirst().orElseThrow();
      assertEquals(PortfolioStatus.ACTIVE, after.status(), "resumed by the risk officer");
      assertTrue(events(system, runaway).stream().anyMatch(e -> e instanceof PortfolioEvent.Resumed
          && ((PortfolioEvent.Resumed) e).by().equals(DemoControlRoom.RISK_OFFICER)));
    } finally {
      TestNodes.stop(system);
      oms.close();
    }
  }

  @Test
  void shouldRunTheDemoOnARealDailyPriceFolder() {
    Path daily = Path.of(System.getProperty("riskpulse.shared.data", "../../shared/data"), "daily");
    Assumptions.assumeTrue(Files.isDirectory(daily), "shared data folder absent: " + daily + " (skipped)");
    // March 2020: the crash days and, in April, WTI below zero (the replay skips non-positive closes).
    HistoricalReplay replay = HistoricalReplay.load(daily, LocalDate.parse("2020-03-02"),
        LocalDate.parse("2020-04-30"), 4, 11);
    TradingSimulation simulation = TradingSimulation.create(replay, 11, RUNAWAY_AT);
    ActorSystem<Void> system = TestNodes.start(TestNodes.config(dataDir));
    try {
      NodeServices node = Main.init(system, new NodeDeps(replay.registry(), Clock.systemUTC()));
      DemoRunner runner = new DemoRunner(system, node, simulation, "replay");
      await(runner.openPortfolios());
      AtomicReference<DemoProgress> last = new AtomicReference<>();
      await(runner.run(Long.MAX_VALUE, Duration.ZERO, last::set)); // until the replay ends

      DemoProgress progress = last.get();
      assertEquals(replay.days().size() * 4L, progress.step());
      assertEquals(0, progress.quarantined(),
          "every replayed message is valid, WTI's negative day included: " + node.quarantine().recent());
      assertTrue(progress.applied() > 0);
      assertEquals(progress.published(), progress.applied());
      PortfolioSnapshot runaway = progress.snapshots().stream()
          .filter(s -> s.portfolioId().equals(simulation.runawayPortfolioId())).findFirst().orElseThrow();
      assertEquals(PortfolioStatus.HALTED, runaway.status(), LiveTable.render("", progress.snapshots(), 0));
    } finally {
      TestNodes.stop(system);
    }
  }

  private static List<PortfolioEvent> events(ActorSystem<?> system, String portfolioId) {
    JdbcReadJournal journal = PersistenceQuery.get(system)
        .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    JournalEvents stored = new JournalEvents(system); // events are stored sealed in the hash chain
    return await(journal.currentEventsByPersistenceId("Portfolio|" + portfolioId, 0, Long.MAX_VALUE)
        .map(envelope -> stored.open(envelope.event()))
        .map(PortfolioEvent.class::cast)
        .runWith(Sink.seq(), system));
  }
}
