package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.Anomaly;
import io.riskpulse.api.v1.Detection;
import io.riskpulse.api.v1.GetDetectionRequest;
import io.riskpulse.api.v1.SetRulesRequest;
import io.riskpulse.api.v1.StrategyModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse ctl rules show|set}: a portfolio's event-pattern rules (docs/RULES.md) and its open anomaly
 * episodes; replacing the rules at runtime.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Show a portfolio's detection rules and open anomalies, or replace its rules at runtime.")
public final class RulesCommand implements Runnable {

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: show or set");
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "The portfolio's rules in force (its own, or the node's defaults) and its open anomaly "
          + "episodes with their scores, explanations and actions.")
  int show(@Parameters(paramLabel = "ID", description = "The portfolio's id.") String id) {
    GetDetectionRequest request = GetDetectionRequest.newBuilder().setPortfolioId(id).build();
    return ctl.call(spec).unary(clients -> clients.portfolios().getDetection(request), RulesCommand::text);
  }

  /** Where the new rules come from: a file, or nothing (back to the node's defaults). */
  static final class Source {
    @Option(names = "--file", paramLabel = "FILE", description = "A file of rules in the rule language.")
    Path file;

    @Option(names = "--defaults", description = "Drop the portfolio's own rules: it runs the node's defaults.")
    boolean defaults;
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = {"Replaces the portfolio's rules at runtime; rules whose text is unchanged keep their windows.",
          "A mistake is refused with its line and column, and nothing changes. Needs a risk officer (or admin) of "
              + "the desk; journaled with you and the reason."})
  int set(@Parameters(paramLabel = "ID", description = "The portfolio's id.") String id,
      @ArgGroup(exclusive = true, multiplicity = "1") Source source,
      @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (journaled).")
      String reason) {
    String rules;
    try {
      rules = source.defaults ? "" : Files.readString(source.file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read " + source.file + ": " + e.getMessage());
    }
    SetRulesRequest request = SetRulesRequest.newBuilder().setPortfolioId(id).setRules(rules).setReason(reason)
        .build();
    return ctl.call(spec).unary(clients -> clients.controls().setRules(request),
        result -> ControlView.result("rules of portfolio " + id + (source.defaults ? " returned to the node's "
            + "defaults" : " replaced"), result));
  }

  /** The rules and the open episodes, for a person. */
  static String text(Detection detection) {
    StringBuilder out = new StringBuilder("Portfolio ").append(detection.getPortfolioId()).append(": ")
        .append(detection.getOwnRules() ? "its own rules" : "the node's default rules").append('\n');
    out.append(detection.getRules().isBlank() ? "(no rules)\n" : detection.getRules().strip() + "\n");
    out.append('\n');
    for (StrategyModel model : detection.getModelsList()) {
      out.append(String.format(Locale.ROOT, "Model of strategy %s: %,d seconds learned, %s%n", model.getStrategy(),
          model.getPointsSeen(), model.getWarmingUp() ? "warming up" : String.format(Locale.ROOT,
              "threshold %.3f", model.getThreshold())));
    }
    if (detection.getOpenAnomaliesCount() == 0) {
      return out.append("No anomaly episode open.\n").toString();
    }
    out.append("Open anomaly episodes:\n");
    for (Anomaly anomaly : detection.getOpenAnomaliesList()) {
      out.append(String.format(Locale.ROOT, "  %s  %s  score %.2f (threshold %.2f)  %s  since %s%n",
          anomaly.getKey(), anomaly.getAction(), anomaly.getScore(), anomaly.getThreshold(),
          anomaly.getExplanation(), Instant.ofEpochMilli(anomaly.getAtMillis())));
    }
    return out.toString();
  }
}
