package io.riskpulse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged demo as a user runs it: a separate JVM, headless and bounded, run twice on one journal. The
 * runaway's halt reaches the demo's simulated OMS as a mass cancel; the second run must continue from the first
 * (the runaway stays halted, executions accumulate).
 */
class DemoProcessTest {

  private static final String RUNAWAY = "cmd-algo-02";
  private static final String[] PORTFOLIOS =
      {"eq-mom-01", "eq-mr-02", "eq-mm-03", "mac-mom-01", "mac-mr-02", "cmd-mm-01", RUNAWAY};

  @TempDir Path work;

  @Test
  void shouldHaltTheRunawayAndContinueFromTheJournalWhenRunAgain() throws Exception {
    Path data = work.resolve("data");
    // --resume-after 0: the control room leaves the runaway halted (its resume flow is DemoSmokeTest's).
    NodeProcess.Result first = NodeProcess.run(data, 240, "demo", "--headless", "--steps", "120",
        "--step-interval", "0", "--runaway-at", "20", "--http-port", "0", "--resume-after", "0");
    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.stdout().contains("HALTED " + RUNAWAY), first.toString());
    assertTrue(first.stdout().contains("OMS received mass cancel") && first.stdout().contains("1=" + RUNAWAY),
        "the halt reached the demo's simulated OMS as a FIX mass cancel for the runaway's account: "
            + first);
    String[] runaway = row(first, RUNAWAY);
    assertEquals("HALTED", runaway[3], first.toString());
    long firstExecutions = totalExecutions(first);
    assertTrue(firstExecutions > 0, first.toString());

    NodeProcess.Result second = NodeProcess.run(data, 240, "demo", "--headless", "--steps", "30",
        "--step-interval", "0", "--http-port", "0", "--resume-after", "0");
    assertEquals(0, second.exitCode(), second.toString());
    assertEquals("HALTED", row(second, RUNAWAY)[3], second.toString());
    for (String portfolio : PORTFOLIOS) {
      if (!portfolio.equals(RUNAWAY)) { // a restart must not halt healthy books (e.g. for want of prices)
        assertEquals("ACTIVE", row(second, portfolio)[3], second.toString());
      }
    }
    long secondExecutions = totalExecutions(second);
    assertTrue(secondExecutions > firstExecutions,
        "executions accumulate across runs: " + firstExecutions + " then " + secondExecutions);
  }

  /** Σ EXECS over the last table's rows. */
  private static long totalExecutions(NodeProcess.Result run) {
    long total = 0;
    for (String portfolio : PORTFOLIOS) {
      total += Long.parseLong(row(run, portfolio)[4]);
    }
    return total;
  }

  /** The last table row of a portfolio in the demo's output, split on blanks. */
  private static String[] row(NodeProcess.Result run, String portfolioId) {
    Optional<String> line = Arrays.stream(run.stdout().split("\n"))
        .filter(l -> l.startsWith(portfolioId + " "))
        .reduce((a, b) -> b);
    assertTrue(line.isPresent(), "no row for " + portfolioId + " in:\n" + run);
    return line.get().trim().split("\\s+");
  }
}
