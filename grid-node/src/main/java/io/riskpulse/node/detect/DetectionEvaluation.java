package io.riskpulse.node.detect;

import com.typesafe.config.Config;
import io.riskpulse.ingestion.sim.scenario.DailyCloseSource;
import io.riskpulse.ingestion.sim.scenario.DayCloses;
import io.riskpulse.ingestion.sim.scenario.ScenarioDay;
import io.riskpulse.ingestion.sim.scenario.ScenarioSettings;
import io.riskpulse.node.detect.ScenarioReplay.DayResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The detection evaluation: {@code days} clean days and {@code days} incident days (the next {@code days}
 * trading days after the clean ones), each replayed through fresh detectors ({@link ScenarioReplay}), scored by
 * {@link AlertScoring}. Days are independent, so they may run on several threads; the report does not depend on
 * how many.
 */
public final class DetectionEvaluation {

  /**
   * What to evaluate.
   *
   * @param dataDir folder of real daily closes ({@code SYMBOL.csv}), or {@code null} for the synthetic simulator
   * @param symbols instruments; empty for the source's defaults
   * @param from first clean day (the first trading day on or after it)
   * @param days clean days, and incident days (as many)
   * @param seed the scenarios' seed
   * @param sessionSeconds simulated seconds per day
   * @param portfolios portfolios per day
   * @param perType incidents of each type per incident day
   * @param threads days replayed at once
   */
  public record Plan(Path dataDir, List<String> symbols, LocalDate from, int days, long seed, int sessionSeconds,
      int portfolios, int perType, int threads) {

    public Plan {
      symbols = symbols == null ? List.of() : List.copyOf(symbols);
      if (days < 1 || perType < 1 || threads < 1) {
        throw new IllegalArgumentException("days, incidents per type and threads must be >= 1");
      }
      int capacity = ScenarioSettings.capacity(sessionSeconds, ScenarioSettings.DEFAULT_WARM_UP_SECONDS);
      if (perType * 5 > capacity) {
        throw new IllegalArgumentException(perType * 5 + " incidents a day do not fit a " + sessionSeconds
            + " s session (at most " + capacity + " after the " + ScenarioSettings.DEFAULT_WARM_UP_SECONDS
            + " s warm-up, " + ScenarioSettings.SLOT_SECONDS + " s each)");
      }
    }

    List<String> effectiveSymbols() {
      return !symbols.isEmpty() ? symbols
          : dataDir == null ? DailyCloseSource.DEFAULT_SYNTHETIC_SYMBOLS : DailyCloseSource.DEFAULT_REAL_SYMBOLS;
    }

    String source() {
      return dataDir == null ? "synthetic" : "daily closes of " + dataDir.getFileName();
    }
  }

  private DetectionEvaluation() {}

  /** Runs the plan under the detection configuration of {@code root} (e.g. the node's). */
  public static EvaluationReport run(Plan plan, Config root) {
    long started = System.nanoTime();
    List<DayCloses> closes = plan.dataDir() == null
        ? DailyCloseSource.synthetic(plan.effectiveSymbols(), plan.from(), 2 * plan.days(), plan.seed())
        : DailyCloseSource.fromFolder(plan.dataDir(), plan.effectiveSymbols(), plan.from(), 2 * plan.days());
    ScenarioReplay replay = new ScenarioReplay(root);
    ScenarioSettings clean = ScenarioSettings.clean(plan.seed(), plan.sessionSeconds(), plan.portfolios());
    ScenarioSettings incidents = ScenarioSettings.withIncidents(plan.seed(), plan.sessionSeconds(),
        plan.portfolios(), plan.perType());
    List<ScenarioDay> days = new ArrayList<>();
    for (int d = 0; d < 2 * plan.days(); d++) {
      days.add(new ScenarioDay(d < plan.days() ? clean : incidents, closes.get(d)));
    }
    List<DayResult> results = replayAll(replay, days, plan.threads());
    long wall = (System.nanoTime() - started) / 1_000_000;
    return AlertScoring.score(plan.source(), plan.seed(), results.subList(0, plan.days()),
        results.subList(plan.days(), results.size()), wall);
  }

  private static List<DayResult> replayAll(ScenarioReplay replay, List<ScenarioDay> days, int threads) {
    if (threads == 1) {
      return days.stream().map(replay::run).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "detect-eval");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<DayResult>> futures = new ArrayList<>();
      for (ScenarioDay day : days) {
        futures.add(pool.submit(() -> replay.run(day)));
      }
      List<DayResult> results = new ArrayList<>();
      for (Future<DayResult> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
