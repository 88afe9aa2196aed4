package io.riskpulse.node;

import static io.riskpulse.node.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.KillSwitchClient;
import io.riskpulse.model.halt.KillSwitchReply.Outcome;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.AuditHead;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.node.cli.RiskpulseCommand;
import io.riskpulse.node.cli.audit.AuditExitCodes;
import io.riskpulse.persistence.audit.AuditJournal;
import io.riskpulse.persistence.audit.ChainReport;
import io.riskpulse.persistence.audit.ChainVerifier;
import io.riskpulse.persistence.audit.PortfolioReplay;
import io.riskpulse.persistence.audit.TimelineEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The auditor's tools on a real node's H2 journal: a replay to now equals the live state (same journal position
 * and state hash, in the node and from the command line after it stopped), a replay to an earlier instant stops
 * there, verify finds the journal intact and then names the event of each kind of tampering written straight into
 * the database, and export writes a desk's events.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

  private static final Limits LIMITS =
      new Limits(5_000_000.0, 2_000_000.0, 1_000_000.0, 80.0, 100_000.0, 50_000.0, 60_000.0, 10_000.0,
          1_000_000.0, false);
  private static final List<String> PORTFOLIOS = List.of("P1", "P2", "P3", "P4");
  private static final int FILLS = 12;

  @TempDir static Path dataDir;

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, AuditHead> live = new TreeMap<>();
  private final Map<String, PortfolioReplay.Result> replayedInNode = new TreeMap<>();
  private final Map<String, ChainReport> verifiedInNode = new TreeMap<>();

  @BeforeAll
  void runANodeThenStopIt() {
    // No timer-driven marks: the journal holds exactly what the commands below persisted, so the live heads read
    // here stay the journal's last word after the node stops.
    Config config = ConfigFactory.parseString("riskpulse.portfolio.mark-interval = 1h\n"
        + "riskpulse.portfolio.risk-staleness = 1h\n").withFallback(TestNodes.config(dataDir));
    ActorSystem<Void> system = TestNodes.start(config);
    try {
      NodeServices node = Main.init(system, new NodeDeps(TestNodes.INSTRUMENTS, Clock.systemUTC()));
      long now = System.currentTimeMillis();
      node.market().update(Quote.lastTrade("SPY", 500, now));
      node.market().update(Quote.lastTrade("TLT", 90, now));
      for (String id : PORTFOLIOS) {
        String desk = id.equals("P4") ? "rates" : "macro";
        assertEquals(Reply.accepted(), await(node.portfolios().open(id, desk, "alice", 1_000_000, LIMITS, "ops")));
        for (int i = 0; i < FILLS; i++) {
          Execution fill = new Execution(id + "-E" + i, id, "trend", i % 2 == 0 ? "SPY" : "TLT",
              i % 3 == 2 ? Side.SELL : Side.BUY, 10 + i, 100 + i, System.currentTimeMillis());
          assertEquals(Reply.accepted(), await(node.portfolios().apply(fill)), id + " fill " + i);
        }
      }
      assertEquals(Reply.accepted(), await(node.portfolios().halt("P1", "bob", "audit drill")));
      KillSwitchClient killSwitch = node.halts().killSwitch();
      assertEquals(Outcome.ACCEPTED, await(killSwitch.engage(HaltScope.desk("rates"), "carol", "rates drill"))
          .outcome());
      assertEquals(Outcome.ACCEPTED, await(killSwitch.engage(HaltScope.desk("macro"), "carol", "macro drill"))
          .outcome());
      assertEquals(Outcome.ACCEPTED, await(killSwitch.release(HaltScope.desk("macro"), "carol", "drill over"))
          .outcome());
      String readJournal = system.settings().config().getString("riskpulse.node.read-journal");
      AuditJournal journal = new AuditJournal(system, readJournal, Duration.ofSeconds(20));
      int dedupWindow = system.settings().config().getInt("riskpulse.portfolio.dedup-window");
      // The halt is handed to the OMS gateway after it is journaled; that hand-off is the journal's last event.
      TestProbe.create(system).awaitAssert(Duration.ofSeconds(20), () -> {
        PortfolioReplay replay = new PortfolioReplay("P1", Long.MAX_VALUE, dedupWindow);
        await(journal.forEach(AuditJournal.portfolioPersistenceId("P1"), replay::accept));
        List<TimelineEntry> timeline = replay.result(SerializationExtension.get(system.classicSystem())).timeline();
        assertEquals("HaltDispatched", timeline.get(timeline.size() - 1).type());
        return null;
      });
      for (String id : PORTFOLIOS) {
        live.put(id, await(node.portfolios().auditHead(id)));
        PortfolioReplay replay = new PortfolioReplay(id, Long.MAX_VALUE, dedupWindow);
        ChainVerifier verifier = new ChainVerifier(AuditJournal.portfolioPersistenceId(id));
        await(journal.forEach(AuditJournal.portfolioPersistenceId(id), record -> {
          replay.accept(record);
          verifier.accept(record);
        }));
        replayedInNode.put(id, replay.result(SerializationExtension.get(system.classicSystem())));
        verifiedInNode.put(id, verifier.report());
      }
    } finally {
      TestNodes.stop(system);
    }
  }

  @Test
  void shouldReplayToNowTheExactLiveStateInTheNodeAndFromTheCommandLine() throws Exception {
    for (String id : PORTFOLIOS) {
      AuditHead head = live.get(id);
      PortfolioReplay.Result inNode = replayedInNode.get(id);
      assertEquals(head.version(), inNode.version(), id);
      assertEquals(head.stateHash(), inNode.stateHash(), id + ": the replay rebuilds the live state exactly");
      assertTrue(verifiedInNode.get(id).intact(), verifiedInNode.get(id).toString());
      assertEquals(head.chainHead(), verifiedInNode.get(id).headHash(), id);
    }

    Run run = audit("replay", "--portfolio", "P1", "--json");
    assertEquals(AuditExitCodes.OK, run.exitCode(), run.err());
    JsonNode replay = json.readTree(run.out());
    assertEquals(live.get("P1").stateHash(), replay.get("stateHash").asText(),
        "another process rebuilds the same state from the journal");
    assertEquals(live.get("P1").version(), replay.get("version").asLong());
    assertEquals("HALTED", replay.get("state").get("status").asText());
    JsonNode timeline = replay.get("timeline");
    assertEquals("PortfolioOpened", timeline.get(0).get("type").asText());
    List<String> kinds = new java.util.ArrayList<>();
    timeline.forEach(entry -> kinds.add(entry.get("source").asText() + " " + entry.get("type").asText()));
    assertEquals(live.get("P1").version(), kinds.stream().filter(kind -> kind.startsWith("portfolio ")).count());
    assertTrue(kinds.containsAll(List.of("portfolio Halted", "portfolio HaltDispatched",
        "kill-switch ScopeHalted", "kill-switch ScopeResumed")), kinds.toString());
    assertTrue(replay.get("timeline").toString().contains("halted by bob: audit drill"));
    assertTrue(replay.get("timeline").toString().contains("DESK:macro halted by carol: macro drill"));
    assertFalse(replay.get("timeline").toString().contains("rates drill"), "another desk's halt is not P1's");
    assertEquals(0, replay.get("state").get("scopeHalts").size(), "the macro desk halt was released");

    Run rates = audit("replay", "--portfolio", "P4");
    assertTrue(rates.out().contains("kill switch in force: DESK:rates halted by carol: rates drill"), rates.out());

    Run text = audit("replay", "--portfolio", "P1");
    assertEquals(AuditExitCodes.OK, text.exitCode(), text.err());
    assertTrue(text.out().contains("state hash " + live.get("P1").stateHash()), text.out());
    assertTrue(text.out().contains("fill P1-E0: BUY 10 SPY @ 100 USD (strategy trend)"), text.out());
  }

  @Test
  void shouldReplayToAnEarlierInstantOnlyWhatTheNodeHadDecidedByThen() throws Exception {
    JsonNode full = json.readTree(audit("replay", "--portfolio", "P2", "--json").out()).get("timeline");
    String cut = full.get(5).get("atUtc").asText();
    long expected = 0;
    for (JsonNode entry : full) {
      if (Instant.parse(entry.get("atUtc").asText()).compareTo(Instant.parse(cut)) <= 0) {
        expected = entry.get("sequenceNr").asLong();
      } else {
        break;
      }
    }
    Run run = audit("replay", "--portfolio", "P2", "--at", cut, "--json");
    assertEquals(AuditExitCodes.OK, run.exitCode(), run.err());
    JsonNode earlier = json.readTree(run.out());
    assertEquals(expected, earlier.get("version").asLong());
    assertTrue(earlier.get("version").asLong() < live.get("P2").version());
    assertFalse(earlier.get("stateHash").asText().equals(live.get("P2").stateHash()));

    long version = live.get("P2").version() - 2;
    Run bounded = audit("replay", "--portfolio", "P2", "--version", Long.toString(version), "--json");
    assertEquals(AuditExitCodes.OK, bounded.exitCode(), bounded.err());
    assertEquals(version, json.readTree(bounded.out()).get("version").asLong());
    Run all = audit("replay", "--portfolio", "P2", "--version", Long.toString(live.get("P2").version()), "--json");
    assertEquals(live.get("P2").stateHash(), json.readTree(all.out()).get("stateHash").asText(),
        "the replay to the live version has the live state hash");

    Run before = audit("replay", "--portfolio", "P2", "--at", "2000-01-01");
    assertEquals(AuditExitCodes.NOT_FOUND, before.exitCode(), before.out());
    Run bad = audit("replay", "--portfolio", "P2", "--at", "yesterday");
    assertEquals(AuditExitCodes.INVALID_ARGUMENT, bad.exitCode());
    assertTrue(bad.err().contains("--at: 'yesterday' is neither an ISO-8601 instant"), bad.err());
  }

  @Test
  void shouldExportADesksEventsAsCsvAndJsonLines() throws Exception {
    Path file = dataDir.resolve("macro.jsonl");
    Run run = audit("export", "--desk", "macro", "--format", "jsonl", "--out", file.toString());
    assertEquals(AuditExitCodes.OK, run.exitCode(), run.err());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    long macroEvents = live.get("P1").version() + live.get("P2").version() + live.get("P3").version();
    assertEquals(macroEvents, lines.size(), "every event of the desk's three portfolios, none of P4's");
    JsonNode first = json.readTree(lines.get(0));
    assertEquals("P1", first.get("portfolioId").asText());
    assertEquals("macro", first.get("event").get("desk").asText());

    Run csv = audit("export", "--portfolio", "P4", "--from", "2000-01-01", "--to", "2100-01-01");
    assertEquals(AuditExitCodes.OK, csv.exitCode(), csv.err());
    String[] rows = csv.out().split("\n");
    assertEquals("portfolio_id,sequence_nr,at_utc,journal_utc,type,hash,previous_hash,text", rows[0]);
    assertEquals(live.get("P4").version() + 1, rows.length);
    Run none = audit("export", "--portfolio", "P4", "--to", "2000-01-01");
    assertEquals(1, none.out().split("\n").length, "a range before the portfolio existed: the header only");
  }

  /** Tampers with a copy of the journal, so the other tests read the node's own. */
  @Test
  void shouldNameTheEventOfEachKindOfTamperingWrittenStraightIntoTheDatabase() throws Exception {
    Path copy = Files.createTempDirectory(dataDir.getParent(), "tampered");
    try (var files = Files.list(dataDir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("journal")).toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    Run clean = audit(copy, "verify");
    assertEquals(AuditExitCodes.OK, clean.exitCode(), clean.out() + clean.err());
    assertTrue(clean.out().contains("Portfolio|P1: intact"), clean.out());
    assertTrue(clean.out().contains("KillSwitch|firm: intact"), clean.out());

    try (Connection db = DriverManager.getConnection(
        "jdbc:h2:file:" + copy.toAbsolutePath() + "/journal;DATABASE_TO_UPPER=false;IFEXISTS=TRUE", "riskpulse", "")) {
      byte[] fill = payload(db, "P1", 5);
      update(db, "P1", 5, replace(fill, "trend", "trenD")); // a strategy renamed inside a stored fill
      delete(db, "P2", 7);
      byte[] sixth = payload(db, "P3", 6);
      update(db, "P3", 6, payload(db, "P3", 7));
      update(db, "P3", 7, sixth);
    }

    Run run = audit(copy, "verify");
    assertEquals(AuditExitCodes.PROBLEMS_FOUND, run.exitCode(), run.out());
    assertTrue(run.out().contains("Portfolio|P1: FAILED"), run.out());
    assertTrue(run.out().contains("ALTERED at 5: event 5"), run.out());
    assertTrue(run.out().contains("Portfolio|P2: FAILED"), run.out());
    assertTrue(run.out().contains("MISSING at 7: event 7 is missing"), run.out());
    assertTrue(run.out().contains("BROKEN_LINK at 8"), run.out());
    assertTrue(run.out().contains("Portfolio|P3: FAILED"), run.out());
    assertTrue(run.out().contains("BROKEN_LINK at 6"), run.out());
    assertTrue(run.out().contains("Portfolio|P4: intact"), run.out());
    assertTrue(run.err().contains("3 of 5 journals failed verification"), run.err());

    Run one = audit(copy, "verify", "--portfolio", "P4", "--json");
    assertEquals(AuditExitCodes.OK, one.exitCode(), one.err());
    assertTrue(json.readTree(one.out()).get(0).get("intact").asBoolean());
  }

  @Test
  void shouldSayWhatIsWrongWhenThereIsNoJournal() {
    Run run = audit(dataDir.resolve("nothing-here"), "verify");
    assertEquals(AuditExitCodes.UNAVAILABLE, run.exitCode());
    assertTrue(run.err().contains("there is no embedded journal in the data folder"), run.err());
  }

  private static byte[] payload(Connection db, String portfolio, long sequenceNr) throws SQLException {
    try (PreparedStatement select = db.prepareStatement("SELECT \"event_payload\" FROM \"event_journal\""
        + " WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?")) {
      select.setString(1, "Portfolio|" + portfolio);
      select.setLong(2, sequenceNr);
      try (ResultSet rs = select.executeQuery()) {
        assertTrue(rs.next(), portfolio + " #" + sequenceNr);
        return rs.getBytes(1);
      }
    }
  }

  private static void update(Connection db, String portfolio, long sequenceNr, byte[] payload) throws SQLException {
    try (PreparedStatement update = db.prepareStatement("UPDATE \"event_journal\" SET \"event_payload\" = ?"
        + " WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?")) {
      update.setBytes(1, payload);
      update.setString(2, "Portfolio|" + portfolio);
      update.setLong(3, sequenceNr);
      assertEquals(1, update.executeUpdate());
    }
  }

  private static void delete(Connection db, String portfolio, long sequenceNr) throws SQLException {
    try (PreparedStatement delete = db.prepareStatement("DELETE FROM \"event_journal\""
        + " WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?")) {
      delete.setString(1, "Portfolio|" + portfolio);
      delete.setLong(2, sequenceNr);
      assertEquals(1, delete.executeUpdate());
    }
  }

  /** {@code bytes} with the first occurrence of {@code from} replaced by {@code to} (same length). */
  private static byte[] replace(byte[] bytes, String from, String to) {
    byte[] find = from.getBytes(StandardCharsets.US_ASCII);
    byte[] with = to.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + find.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + find.length, find, 0, find.length)) {
        byte[] copy = bytes.clone();
        System.arraycopy(with, 0, copy, i, with.length);
        return copy;
      }
    }
    throw new AssertionError("'" + from + "' is not in the stored event");
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run audit(String... args) {
    return audit(dataDir, args);
  }

  private static Run audit(Path journalDir, String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "audit";
    System.arraycopy(args, 0, full, 1, args.length);
    full[args.length + 1] = "--data-dir";
    full[args.length + 2] = journalDir.toString();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new RiskpulseCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(full);
    return new Run(exitCode, out.toString(), err.toString());
  }
}
