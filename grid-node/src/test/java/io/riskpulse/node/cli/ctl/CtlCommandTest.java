package io.riskpulse.node.cli.ctl;

import static io.riskpulse.node.grpc.GrpcTestNode.ADMIN;
import static io.riskpulse.node.grpc.GrpcTestNode.FIRM_VIEWER;
import static io.riskpulse.node.grpc.GrpcTestNode.OFFICER;
import static io.riskpulse.node.grpc.GrpcTestNode.TRADER;
import static io.riskpulse.node.grpc.GrpcTestNode.VIEWER;
import static io.riskpulse.node.grpc.GrpcTestNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskpulse.api.v1.GetPortfolioRequest;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.node.cli.RiskpulseCommand;
import io.riskpulse.node.grpc.GrpcTestNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code riskpulse ctl} run in-process through the real command tree, output and errors captured, against a real
 * node serving the gRPC API over loopback TLS ({@link GrpcTestNode}: its principals, token = name + "-token").
 * Each run connects as a principal with {@code --ca} and {@code --token}; credential discovery without options is
 * {@link CtlCredentialDiscoveryTest}'s.
 *
 * <p>Portfolios: R1 (100 SPY) to R5 on desk rates, C1 on desk credit. Tests share the node and run in any order:
 * each changes state only on its own portfolio or scope (R2 check-order, R3 halt and resume, R4 limits, R5
 * alerts, instrument GLD kill-switch halt).
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CtlCommandTest {

  @TempDir static Path dataDir;
  private GrpcTestNode node;

  /** What one command run printed and returned. */
  private record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  @BeforeAll
  void startNode() throws Exception {
    node = GrpcTestNode.start(dataDir, true, "");
    long now = System.currentTimeMillis();
    node.services().market().update(Quote.lastTrade("SPY", 100, now));
    node.services().market().update(Quote.lastTrade("TLT", 90, now));
    var noLimits = new io.riskpulse.model.limits.Limits(null, null, null, null, null, null, null, null, null, false);
    for (String[] p : new String[][] {{"R1", "rates"}, {"R2", "rates"}, {"R3", "rates"}, {"R4", "rates"},
        {"R5", "rates"}, {"C1", "credit"}}) {
      assertEquals(Reply.accepted(), await(node.services().portfolios().open(p[0], p[1], "alice", 1_000_000,
          noLimits, "test")));
    }
    assertEquals(Reply.accepted(), await(node.services().portfolios().apply(
        new Execution("E1", "R1", "algo", "SPY", io.riskpulse.model.portfolio.Side.BUY, 100, 100, now))));
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new RiskpulseCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  /** {@code riskpulse ctl} as {@code principal} against the test node, then {@code args}. */
  private Run ctl(String principal, String... args) {
    List<String> all = new ArrayList<>(List.of("ctl", "--port", Integer.toString(node.port()), "--ca",
        node.certificate().toString(), "--token", GrpcTestNode.tokenOf(principal)));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  private static void assertSuccess(Run run) {
    assertEquals(CtlExitCodes.OK, run.exitCode(), run::toString);
    assertEquals("", run.err(), run::toString);
  }

  private static void assertFailure(int exitCode, String code, Run run) {
    assertEquals(exitCode, run.exitCode(), run::toString);
    assertEquals("", run.out(), run::toString);
    assertTrue(run.err().startsWith("error: " + code + ": "), run::toString);
    assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run);
  }

  @Test
  void shouldShowAPortfolioWithItsPositionsAsATable() {
    Run run = ctl(VIEWER, "portfolio", "show", "R1");
    assertSuccess(run);
    assertTrue(run.out().startsWith("Portfolio R1: ACTIVE   desk rates   trader alice"), run::toString);
    assertTrue(run.out().contains("Amounts in USD."), run::toString);
    assertTrue(Pattern.compile("(?m)^gross exposure +10,000\\.00$").matcher(run.out()).find(), run::toString);
    assertTrue(Pattern.compile("(?m)^SYMBOL +QUANTITY +AVG COST +MARK +NOTIONAL +UNREALIZED P&L")
        .matcher(run.out()).find(), run::toString);
    assertTrue(Pattern.compile("(?m)^SPY +100 +100\\.00 +100\\.00 +10,000\\.00 +0\\.00 +0\\.00 +100\\.0$")
        .matcher(run.out()).find(), run::toString);
    assertTrue(run.out().contains("Breaches: none"), run::toString);
  }

  @Test
  void shouldShowWhereAPortfoliosJournalStands() {
    Run run = ctl(VIEWER, "portfolio", "audit-head", "R1");
    assertSuccess(run);
    assertTrue(Pattern.compile("(?m)^state hash  [0-9a-f]{64}$").matcher(run.out()).find(), run::toString);
    assertTrue(Pattern.compile("(?m)^version     [1-9][0-9]*$").matcher(run.out()).find(), run::toString);
    assertFailure(CtlExitCodes.NOT_FOUND, "NOT_FOUND", ctl(VIEWER, "portfolio", "audit-head", "NOPE"));
  }

  @Test
  void shouldPrintAPortfolioAsProtobufJson() throws IOException {
    Run run = ctl(VIEWER, "portfolio", "show", "R1", "--json");
    assertSuccess(run);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("R1", json.get("portfolioId").asText());
    assertEquals("SPY", json.get("positions").get(0).get("symbol").asText());
    assertEquals(10_000, json.get("grossExposure").asDouble(), 1e-9);
    assertEquals(0, json.get("breachCount").asLong(), "fields at their default value are written out");
  }

  @Test
  void shouldListADesksPortfolios() {
    Run run = ctl(VIEWER, "portfolio", "list", "--desk", "rates");
    assertSuccess(run);
    List<String> ids = run.out().lines().skip(1).map(line -> line.split(" +")[0]).toList();
    assertEquals(List.of("R1", "R2", "R3", "R4", "R5"), ids, run::toString);
    assertTrue(run.out().lines().findFirst().orElseThrow().startsWith("PORTFOLIO  STATUS"), run::toString);
  }

  @Test
  void shouldShowADeskAndTheFirm() {
    // The aggregates fill as the portfolios report to their desks and the desks to the firm: wait for all six.
    TestProbe.create(node.system()).awaitAssert(GrpcTestNode.WAIT, () -> {
      Run desk = ctl(VIEWER, "desk", "show", "rates");
      assertSuccess(desk);
      assertTrue(desk.out().startsWith("Desk rates   5 portfolio(s)"), desk::toString);
      assertTrue(Pattern.compile("(?m)^gross exposure +10,000\\.00$").matcher(desk.out()).find(), desk::toString);
      assertTrue(Pattern.compile("(?m)^R1 +\\S+ +10,000\\.00 +10,000\\.00").matcher(desk.out()).find(),
          desk::toString);
      return null;
    });
    TestProbe.create(node.system()).awaitAssert(GrpcTestNode.WAIT, () -> {
      Run firm = ctl(FIRM_VIEWER, "firm", "show");
      assertSuccess(firm);
      assertTrue(firm.out().startsWith("Firm   6 portfolio(s)"), firm::toString);
      return null;
    });
    assertFailure(CtlExitCodes.DENIED, "PERMISSION_DENIED", ctl(VIEWER, "firm", "show"));
  }

  @Test
  void shouldAcceptAnOrderAndRejectOneOverTheOrderQuantityLimitWithExitCode6() {
    Run accepted = ctl(TRADER, "check-order", "--portfolio", "R2", "--symbol", "SPY", "--side", "buy", "--qty",
        "10", "--price", "100", "--strategy", "algo");
    assertSuccess(accepted);
    assertTrue(accepted.out().matches("(?s)ACCEPTED: R2 buy 10 SPY at 100\\.00   cl-ord-id ctl-[0-9a-f]{12}"
        + "   strategy algo\n.*"), accepted::toString);

    Run limits = ctl(OFFICER, "limits", "set", "--scope", "portfolio", "--id", "R2", "--reason", "order size",
        "--max-order-qty", "5", "--max-gross", "5,000,000");
    assertSuccess(limits);
    Run rejected = ctl(TRADER, "check-order", "--portfolio", "R2", "--symbol", "SPY", "--side", "BUY", "--qty",
        "10", "--price", "100", "--cl-ord-id", "X-2");
    assertEquals(CtlExitCodes.REJECTED, rejected.exitCode(), rejected::toString);
    assertEquals("", rejected.err(), "a rejection is an answer, not an error");
    assertTrue(rejected.out().startsWith("REJECTED: R2 buy 10 SPY at 100.00   cl-ord-id X-2\n"), rejected::toString);
    assertTrue(Pattern.compile("(?m)^CHECK +VALUE +LIMIT +DETAIL$").matcher(rejected.out()).find(),
        rejected::toString);
    assertTrue(Pattern.compile("(?m)^ORDER_QUANTITY +10\\.00 +5\\.00\\b").matcher(rejected.out()).find(),
        rejected::toString);

    Run json = ctl(TRADER, "check-order", "--portfolio", "R2", "--symbol", "SPY", "--side", "buy", "--qty", "10",
        "--price", "100", "--json");
    assertEquals(CtlExitCodes.REJECTED, json.exitCode(), json::toString);
    assertTrue(json.out().contains("\"accepted\": false"), json::toString);
  }

  @Test
  void shouldHaltAndResumeAPortfolioAsARiskOfficerButNotAsAViewer() {
    assertFailure(CtlExitCodes.DENIED, "PERMISSION_DENIED",
        ctl(VIEWER, "halt", "--scope", "portfolio", "--id", "R3", "--reason", "not allowed"));

    Run halt = ctl(OFFICER, "halt", "--scope", "portfolio", "--id", "R3", "--reason", "runaway");
    assertSuccess(halt);
    assertTrue(halt.out().startsWith("ACCEPTED: halt of portfolio R3 (by officer)\n"), halt::toString);
    assertTrue(ctl(VIEWER, "portfolio", "show", "R3").out().contains("Halted by officer at "));
    assertFailure(CtlExitCodes.FAILED_PRECONDITION, "FAILED_PRECONDITION",
        ctl(OFFICER, "halt", "--scope", "portfolio", "--id", "R3", "--reason", "again"));

    Run resume = ctl(OFFICER, "resume", "--scope", "portfolio", "--id", "R3", "--reason", "fixed");
    assertSuccess(resume);
    assertTrue(resume.out().startsWith("ACCEPTED: resume of portfolio R3 (by officer)\n"), resume::toString);
    assertTrue(ctl(VIEWER, "portfolio", "show", "R3").out().startsWith("Portfolio R3: ACTIVE"));
  }

  @Test
  void shouldListAKillSwitchHaltWhileItIsInForce() {
    Run halt = ctl(ADMIN, "halt", "--scope", "instrument", "--id", "GLD", "--reason", "bad prints");
    assertSuccess(halt);
    Matcher haltId = Pattern.compile("(?m)^halt id: (\\S+)$").matcher(halt.out());
    assertTrue(haltId.find(), halt::toString);
    Run halts = ctl(VIEWER, "halts");
    assertSuccess(halts);
    assertTrue(Pattern.compile("(?m)^" + Pattern.quote(haltId.group(1)) + " +instrument GLD +admin +\\S+ +bad prints$")
        .matcher(halts.out()).find(), halts::toString);
    assertSuccess(ctl(ADMIN, "resume", "--scope", "instrument", "--id", "GLD", "--reason", "prints fixed"));
    assertFalse(ctl(VIEWER, "halts").out().contains(haltId.group(1)));
  }

  @Test
  void shouldReplaceLimitsAndShowThem() {
    Run set = ctl(OFFICER, "limits", "set", "--scope", "portfolio", "--id", "R4", "--reason", "desk review",
        "--max-gross", "5e6", "--max-var", "250000", "--max-concentration-pct", "40", "--halt-on-breach");
    assertSuccess(set);
    assertTrue(set.out().startsWith("ACCEPTED: limits of portfolio R4 replaced (by officer)\n"), set::toString);
    Run show = ctl(VIEWER, "portfolio", "show", "R4");
    assertTrue(Pattern.compile("(?m)^max gross exposure +5,000,000\\.00$").matcher(show.out()).find(),
        show::toString);
    assertTrue(Pattern.compile("(?m)^max VaR 99% +250,000\\.00$").matcher(show.out()).find(), show::toString);
    assertTrue(Pattern.compile("(?m)^max concentration % +40\\.0$").matcher(show.out()).find(), show::toString);
    assertTrue(Pattern.compile("(?m)^halt on breach +yes$").matcher(show.out()).find(), show::toString);
    assertFalse(show.out().contains("max net exposure"), "a limit not given is not set");

    assertFailure(CtlExitCodes.DENIED, "PERMISSION_DENIED", ctl(TRADER, "limits", "set", "--scope", "portfolio",
        "--id", "R4", "--reason", "no", "--max-gross", "1"));
    Run instrument = ctl(OFFICER, "limits", "set", "--scope", "instrument", "--id", "SPY", "--reason", "no");
    assertEquals(CtlExitCodes.INVALID_ARGUMENT, instrument.exitCode(), instrument::toString);
    assertTrue(instrument.err().contains("--scope instrument is not allowed here"), instrument::toString);
  }

  @Test
  void shouldSetAPortfoliosRulesFromAFileAndShowThem() throws IOException {
    Path rules = dataDir.resolve("cancel-storm.rules");
    Files.writeString(rules, "# cancels in a burst\nrule cancel-storm {\n  when count(order(action = CANCEL)) >= 50"
        + " within 1s\n  per strategy\n}\n");
    Run set = ctl(OFFICER, "rules", "set", "R4", "--file", rules.toString(), "--reason", "watch cancels");
    assertSuccess(set);
    assertTrue(set.out().startsWith("ACCEPTED: rules of portfolio R4 replaced (by officer)"), set::toString);
    Run show = ctl(VIEWER, "rules", "show", "R4");
    assertSuccess(show);
    assertTrue(show.out().startsWith("Portfolio R4: its own rules\n"), show::toString);
    assertTrue(show.out().contains("cancel-storm"), show::toString);

    Path broken = dataDir.resolve("broken.rules");
    Files.writeString(broken, "rule x {\n  when count(order()) >= 5 within soon\n}\n");
    Run refused = ctl(OFFICER, "rules", "set", "R4", "--file", broken.toString(), "--reason", "typo");
    assertEquals(CtlExitCodes.INVALID_ARGUMENT, refused.exitCode(), refused::toString);
    assertTrue(refused.err().contains("line 2, column"), refused::toString);
    assertSuccess(ctl(OFFICER, "rules", "set", "R4", "--defaults", "--reason", "back to defaults"));
    assertTrue(ctl(VIEWER, "rules", "show", "R4").out().startsWith("Portfolio R4: the node's default rules"));
  }

  @Test
  void shouldListAcknowledgeAndResolveTheAlertOfAHalt() {
    assertSuccess(ctl(OFFICER, "halt", "--scope", "portfolio", "--id", "R5", "--reason", "alert test"));
    Pattern row = Pattern.compile("(?m)^(\\S+) +\\S+ +OPEN +\\S+ +PORTFOLIO:R5 ");
    String incident = TestProbe.create(node.system()).awaitAssert(GrpcTestNode.WAIT, () -> {
      Run alerts = ctl(VIEWER, "alerts");
      assertSuccess(alerts);
      Matcher m = row.matcher(alerts.out());
      assertTrue(m.find(), alerts::toString);
      assertTrue(alerts.out().startsWith("INCIDENT  SEVERITY  STATUS"), alerts::toString);
      return m.group(1);
    });
    assertFailure(CtlExitCodes.DENIED, "PERMISSION_DENIED", ctl(VIEWER, "alerts", "ack", incident));
    Run ack = ctl(OFFICER, "alerts", "ack", incident);
    assertSuccess(ack);
    assertTrue(ack.out().startsWith(incident + ": ACKNOWLEDGED"), ack::toString);
    Run resolve = ctl(OFFICER, "alerts", "resolve", incident, "--note", "checked with the desk");
    assertSuccess(resolve);
    assertTrue(Pattern.compile("(?m)^resolution note +checked with the desk$").matcher(resolve.out()).find(),
        resolve::toString);
    assertFalse(ctl(VIEWER, "alerts").out().contains(incident + " "), "resolved: not listed without --all");
    assertTrue(ctl(VIEWER, "alerts", "--all", "--limit", "50").out().contains(incident + " "));
    assertFailure(CtlExitCodes.NOT_FOUND, "NOT_FOUND", ctl(OFFICER, "alerts", "ack", "inc-999999"));
  }

  @Test
  void shouldWatchAPortfolioForACountOfUpdates() throws IOException {
    Run text = ctl(VIEWER, "portfolio", "watch", "R1", "--count", "1");
    assertSuccess(text);
    assertTrue(Pattern.compile("^\\S+  R1  v\\d+  ACTIVE  total P&L 0\\.00 .*gross 10,000\\.00 .*\\(initial\\)\n")
        .matcher(text.out()).find(), text::toString);
    assertEquals(1, text.out().lines().filter(line -> line.contains("  R1  v")).count(), "one update: " + text);

    Run json = ctl(VIEWER, "--json", "portfolio", "watch", "R1", "--count", "1");
    assertSuccess(json);
    assertEquals(1, json.out().lines().count(), "one JSON object per line: " + json);
    JsonNode update = new ObjectMapper().readTree(json.out());
    assertEquals("R1", update.get("portfolio").get("portfolioId").asText());
    assertTrue(update.get("initial").asBoolean());
    long version = await(node.as(VIEWER).portfolios().getPortfolio(
        GetPortfolioRequest.newBuilder().setPortfolioId("R1").build())).getVersion();
    assertEquals(version, update.get("portfolio").get("version").asLong(), "the portfolio as it is now");
    assertTrue(update.get("version").asLong() <= version, "journal changes delivered so far: " + json);
  }

  @Test
  void shouldRunAWhatIfThatChangesNothing() {
    Run run = ctl(TRADER, "what-if", "--portfolio", "R1", "--trade", "SPY:buy:50", "TLT:sell:10");
    assertSuccess(run);
    assertTrue(run.out().startsWith("What-if on R1: buy 50 SPY, sell 10 TLT (nothing is changed)\n"), run::toString);
    assertTrue(Pattern.compile("(?m)^gross exposure +10,000\\.00 +15,900\\.00 +5,900\\.00$").matcher(run.out())
        .find(), run::toString);
    assertTrue(Pattern.compile("(?m)^gross exposure +10,000\\.00$")
        .matcher(ctl(VIEWER, "portfolio", "show", "R1").out()).find());
  }

  @Test
  void shouldReportErrorsOnOneLineWithDistinctExitCodes() {
    assertFailure(CtlExitCodes.NOT_FOUND, "NOT_FOUND", ctl(VIEWER, "portfolio", "show", "NOPE"));
    assertFailure(CtlExitCodes.DENIED, "PERMISSION_DENIED", ctl(VIEWER, "portfolio", "show", "C1"));
    assertFailure(CtlExitCodes.INVALID_ARGUMENT, "INVALID_ARGUMENT", ctl(TRADER, "check-order", "--portfolio",
        "R1", "--symbol", "SPY", "--side", "buy", "--qty", "0", "--price", "100"));

    Run wrongToken = run("ctl", "--port", Integer.toString(node.port()), "--ca", node.certificate().toString(),
        "--token", "s3cret-wrong", "portfolio", "show", "R1");
    assertFailure(CtlExitCodes.DENIED, "UNAUTHENTICATED", wrongToken);
    assertTrue(wrongToken.err().contains("token from --token"), wrongToken::toString);
    assertFalse(wrongToken.err().contains("s3cret-wrong"), "never the token");

    Run usage = ctl(OFFICER, "halt", "--scope", "galaxy", "--id", "X", "--reason", "r");
    assertEquals(CtlExitCodes.INVALID_ARGUMENT, usage.exitCode(), usage::toString);
    assertTrue(usage.err().contains("expected portfolio, strategy, trader, desk, instrument or firm"),
        usage::toString);
    assertEquals(CtlExitCodes.INVALID_ARGUMENT, ctl(OFFICER, "halt", "--scope", "desk", "--reason", "r").exitCode());
    assertEquals(CtlExitCodes.INVALID_ARGUMENT, ctl(VIEWER, "portfolio").exitCode());
  }

  @Test
  void shouldExitUnavailableWhenNoNodeListens() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Run run = run("ctl", "--port", Integer.toString(closedPort), "--ca", node.certificate().toString(),
        "--token", "t", "--timeout", "1s", "health");
    assertEquals(CtlExitCodes.UNAVAILABLE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("error: UNAVAILABLE: ") || run.err().startsWith("error: DEADLINE_EXCEEDED: "),
        run::toString);
  }

  @Test
  void shouldReportHealthWithoutAToken() {
    Run run = run("ctl", "--port", Integer.toString(node.port()), "--ca", node.certificate().toString(),
        "--data-dir", dataDir.resolve("no-such-dir").toString(), "health");
    assertSuccess(run);
    assertEquals("node: SERVING\n", run.out());
    Run service = ctl(VIEWER, "health", "--service", "riskpulse.v1.AlertService");
    assertEquals("riskpulse.v1.AlertService: SERVING\n", service.out(), service::toString);
    assertFailure(CtlExitCodes.NOT_FOUND, "NOT_FOUND", ctl(VIEWER, "health", "--service", "no.Such"));
  }
}
