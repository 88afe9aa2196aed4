package io.riskpulse.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.riskpulse.ingestion.sim.scenario.ScenarioSettings;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.detect.DetectionEvaluation;
import io.riskpulse.node.detect.EvaluationReport;
import io.riskpulse.node.detect.EvaluationText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse detect-eval}: replays simulated trading days with labelled incidents through the node's
 * detectors (its {@code riskpulse.detection} configuration) and prints recall, detection delay, precision and
 * false alerts per portfolio-day against the targets. See docs/DETECTION.md.
 *
 * <p>Exit codes: {@value #EXIT_OK} when the run met the targets (or with {@code --report-only}), {@value
 * #EXIT_TARGETS_MISSED} when it ran but missed a target, 2 for bad input or usage.
 */
@Command(name = "detect-eval", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Evaluate the detectors on simulated trading days with injected, labelled incidents.",
        "Replays clean days and incident days (runaway algorithm, layering, fat finger, liquidity crunch, flash"
            + " crash, feed gap, crossed feed) through the node's detection configuration and scores the alerts"
            + " against the labels.",
        "Exit codes: 0 targets met (or --report-only), 3 targets missed, 2 bad input.",
        "Example: ./riskpulse detect-eval --data-dir ../shared/data/daily --from 2019-01-02 --days 2"})
public final class DetectEvalCommand implements Callable<Integer> {

  /** Exit code of a run that missed a target. */
  static final int EXIT_TARGETS_MISSED = 3;
  static final int EXIT_OK = 0;

  @Spec CommandSpec spec;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Folder of real daily closes (SYMBOL.csv, date,close) the days are bridged between."
          + " Default: the calibrated synthetic simulator.")
  Path dataDir;

  @Option(names = "--symbols", split = ",", paramLabel = "SYM",
      description = "Instruments (default SPXTR,TLT,GLD with --data-dir, else AAPL,JPM,XOM).")
  List<String> symbols;

  @Option(names = "--from", defaultValue = "2019-01-02", paramLabel = "DATE",
      description = "First clean day (the first trading day on or after it). Default: ${DEFAULT-VALUE}.")
  LocalDate from;

  @Option(names = "--days", defaultValue = "1", paramLabel = "N",
      description = "Clean days, and as many incident days after them. Default: ${DEFAULT-VALUE}.")
  int days;

  @Option(names = "--per-type", defaultValue = "4", paramLabel = "N",
      description = "Incidents of each type per incident day. Default: ${DEFAULT-VALUE}.")
  int perType;

  @Option(names = "--portfolios", defaultValue = "2", paramLabel = "N",
      description = "Portfolios per day (each a market maker, an execution algo and a momentum strategy)."
          + " Default: ${DEFAULT-VALUE}.")
  int portfolios;

  @Option(names = "--session", defaultValue = "6h30m", paramLabel = "DURATION",
      description = "Simulated session per day, e.g. 6h30m, 45m, 3600s. Default: ${DEFAULT-VALUE}.")
  String session;

  @Option(names = "--seed", defaultValue = "7", description = "Scenario seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
      description = "Days replayed at once (results do not depend on it). Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
  Path out;

  @Option(names = "--report-only", description = "Exit 0 even when a target is missed.")
  boolean reportOnly;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    EvaluationReport report;
    try {
      DetectionEvaluation.Plan plan = new DetectionEvaluation.Plan(dataDir, symbols, from, days, seed,
          sessionSeconds(session), portfolios, perType, threads);
      report = DetectionEvaluation.run(plan, NodeConfig.load());
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("riskpulse detect-eval: " + e.getMessage());
      err.flush();
      return ReportCommandSupport.EXIT_BAD_INPUT;
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    String jsonText = mapper.writeValueAsString(report);
    if (out != null) {
      try {
        Files.writeString(out, jsonText + "\n");
      } catch (IOException e) {
        err.println("riskpulse detect-eval: cannot write " + out + ": " + e.getMessage());
        err.flush();
        return ReportCommandSupport.EXIT_BAD_INPUT;
      }
    }
    PrintWriter printer = spec.commandLine().getOut();
    printer.println(json ? jsonText : EvaluationText.render(report));
    printer.flush();
    return report.targets().met() || reportOnly ? EXIT_OK : EXIT_TARGETS_MISSED;
  }

  /** {@code 6h30m}, {@code 45m}, {@code 3600s} or {@code 3600} (seconds) as seconds. */
  static int sessionSeconds(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.matches("\\d+")) {
      return check(Long.parseLong(t), text);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?").matcher(t);
    if (t.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("--session: not a duration like 6h30m, 45m or 3600s: " + text);
    }
    long seconds = 0;
    seconds += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
    seconds += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
    seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
    return check(seconds, text);
  }

  private static int check(long seconds, String text) {
    if (seconds < 60 || seconds > ScenarioSettings.FULL_SESSION_SECONDS) {
      throw new IllegalArgumentException("--session must be between 1m and 6h30m, was " + text);
    }
    return (int) seconds;
  }
}
