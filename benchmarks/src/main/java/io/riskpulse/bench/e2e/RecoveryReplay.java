package io.riskpulse.bench.e2e;

import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the snapshot interval costs a restart: how long a node takes to serve every portfolio again when each has to
 * replay the most events the interval allows after its last snapshot (docs/PERFORMANCE.md section 29).
 *
 * <p>Each repetition starts a node on a fresh data folder with {@code riskpulse.portfolio.snapshot-every = every}
 * and {@code snapshot-every-max = max}, opens {@code portfolios} portfolios and hands each {@code fills} fills
 * straight to the portfolios in commands of 100, stops the node, starts a new one on the same folder, and times
 * from its start, and from when it is up (cluster member up), until every portfolio has answered a snapshot ask (an
 * ask starts a portfolio's recovery unless remembered entities already started it; at most
 * {@link WindowedAsks#WINDOW} asks unanswered, and Pekko's max-concurrent-recoveries bounds the recoveries in
 * flight). It checks each portfolio holds all its fills. How many events each portfolio replays after its last
 * snapshot is read from the stopped node's journal (H2, between the two nodes) and printed. Pekko takes a snapshot
 * due inside a command's batch of events after the whole batch, numbered with its last event, so the fills default
 * to {@code 2 * every - 3}: the opening and the day's start are events too, the snapshot due at {@code every}
 * falls at {@code every + 2}, and {@code every - 3} events follow it. (The default was {@code 2 * every - 1}
 * before: its last batch took a snapshot at its last event, and nothing was replayed; docs/PERFORMANCE.md
 * section 30.2.)
 *
 * <p>Options ({@code key=value}): {@code portfolios} (200), {@code every} (200; a multiple of 100),
 * {@code max} ({@code every}), {@code fills} ({@code 2 * every - 3}), {@code reps} (3), {@code timeoutSeconds} (120).
 */
public final class RecoveryReplay {

  /**
   * The events after each portfolio's last snapshot in the journal of a stopped node, as {@code min / median / max};
   * read with the H2 driver on the file the node wrote, as the node's user (persistence's reference.conf).
   */
  private static String replayed(Path dataDir) throws SQLException {
    String query = "SELECT MAX(j.\"sequence_number\") - COALESCE((SELECT MAX(s.\"sequence_number\") "
        + "FROM PUBLIC.\"snapshot\" s WHERE s.\"persistence_id\" = j.\"persistence_id\"), 0) "
        + "FROM PUBLIC.\"event_journal\" j WHERE j.\"persistence_id\" LIKE 'Portfolio|%' GROUP BY j.\"persistence_id\"";
    List<Double> counts = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(
            "jdbc:h2:file:" + dataDir.resolve("journal") + ";DATABASE_TO_UPPER=false", "riskpulse", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        counts.add((double) rows.getLong(1));
      }
    }
    double[] sorted = counts.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length == 0 ? "no portfolio in the journal"
        : String.format("%.0f / %.0f / %.0f (%d portfolios)", sorted[0], Stats.median(sorted),
            sorted[sorted.length - 1], sorted.length);
  }

  /** Fills per command. */
  private static final int CHUNK = 100;

  private RecoveryReplay() {}

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int portfolios = options.integer("portfolios", 200);
    int every = options.integer("every", 200);
    int max = options.integer("max", every);
    int fillsPerPortfolio = options.integer("fills", 2 * every - 3);
    int reps = options.integer("reps", 3);
    long timeoutSeconds = options.number("timeoutSeconds", 120);
    Harness.banner(
        "RiskPulse recovery of every portfolio after a restart, replaying the events after its last snapshot", options);
    String config = "riskpulse.portfolio.snapshot-every = " + every + "\n"
        + "riskpulse.portfolio.snapshot-every-max = " + max + "\n";
    System.out.println("fills per portfolio: " + fillsPerPortfolio + " in commands of " + CHUNK);
    System.out.println("rep   start to all serving (ms)   up to all serving (ms)   per portfolio (ms)");
    double[] totals = new double[reps];
    double[] afterUp = new double[reps];
    for (int rep = 1; rep <= reps; rep++) {
      Path dataDir = Files.createTempDirectory("riskpulse-bench-recovery-");
      String[] ids;
      BenchNode first = BenchNode.start("recovery", config, dataDir);
      try {
        FillRig rig = FillRig.open(first, portfolios, null);
        ids = rig.portfolioIds;
        // Whole rounds of the rig's round-robin: every portfolio gets the same number of fills.
        List<List<Execution>> perPortfolio = new ArrayList<>();
        for (int i = 0; i < portfolios; i++) {
          perPortfolio.add(new ArrayList<>());
        }
        for (long k = 0; k < (long) fillsPerPortfolio * portfolios; k++) {
          Execution execution = rig.nextExecution(System.currentTimeMillis());
          perPortfolio.get((int) (k % portfolios)).add(execution);
        }
        WindowedAsks.forEach(0, portfolios, WindowedAsks.WINDOW, timeoutSeconds, (i, attempt) -> {
          // In chunks, in order: a portfolio's fills must not overtake each other.
          CompletableFuture<String> chain = CompletableFuture.completedFuture(null);
          List<Execution> fills = perPortfolio.get(i);
          for (int from = 0; from < fills.size(); from += CHUNK) {
            List<Execution> chunk = fills.subList(from, Math.min(fills.size(), from + CHUNK));
            chain = chain.thenCompose(ignored -> first.services.portfolios().applyAll(ids[i], chunk)
                .thenApply(replies -> replies.stream().allMatch(reply -> reply.isAccepted()) ? null
                    : "refused fills for " + ids[i] + ": " + replies).toCompletableFuture());
          }
          return chain;
        });
      } finally {
        first.stopKeepingData();
      }
      System.out.println("    events replayed after the last snapshot, per portfolio: " + replayed(dataDir));
      long starting = System.nanoTime();
      try (BenchNode second = BenchNode.start("recovery", config, dataDir)) {
        long started = System.nanoTime();
        WindowedAsks.forEach(0, portfolios, WindowedAsks.WINDOW, timeoutSeconds, (i, attempt) ->
            second.services.portfolios().snapshot(ids[i]).thenApply((PortfolioSnapshot snapshot) ->
                snapshot.executionCount() == fillsPerPortfolio ? null
                    : ids[i] + " holds " + snapshot.executionCount() + " fills, not " + fillsPerPortfolio));
        long served = System.nanoTime();
        double totalMs = (served - starting) / 1e6;
        double afterUpMs = (served - started) / 1e6;
        totals[rep - 1] = totalMs;
        afterUp[rep - 1] = afterUpMs;
        System.out.printf("%3d   %16.1f   %16.1f   %18.2f%n", rep, totalMs, afterUpMs, totalMs / portfolios);
      }
    }
    double median = Stats.median(totals);
    System.out.printf("med   %16.1f   %16.1f   %18.2f%n", median, Stats.median(afterUp), median / portfolios);
    System.out.println("check: every portfolio held its " + fillsPerPortfolio + " fills after the restart: OK");
  }
}
