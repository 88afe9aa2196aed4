package io.riskpulse.node.cli;

import com.typesafe.config.Config;
import io.riskpulse.model.risk.report.BacktestRunner;
import io.riskpulse.model.risk.report.PositionsFile;
import io.riskpulse.model.risk.report.ReportJson;
import io.riskpulse.model.risk.report.RiskReport;
import io.riskpulse.model.risk.report.RiskReportBuilder;
import io.riskpulse.model.risk.report.RiskReportText;
import io.riskpulse.node.NodeConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse risk}: the risk report of fixed positions as of a date: VaR/ES (historical, delta-normal
 * EWMA, Monte Carlo normal and Student-t), attribution, stress scenarios, exposures, liquidity and data quality,
 * as text or JSON. Stress scenarios and liquidity settings come from the node's configuration
 * ({@code riskpulse.risk.*}). See docs/RISK.md.
 */
@Command(name = "risk", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Risk report of fixed positions as of a day's close.",
        "Example: ./riskpulse risk --positions book.csv --data-dir ../shared/data/daily --as-of 2020-02-14"})
public final class RiskCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--positions", required = true, paramLabel = "FILE",
      description = "Positions CSV with header symbol,quantity (units; negative = short).")
  Path positions;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "Folder of SYMBOL.csv price files, optional instruments.csv and liquidity.csv.")
  Path dataDir;

  @Option(names = "--as-of", required = true, paramLabel = "DATE",
      description = "As-of date (yyyy-MM-dd); a non-trading day uses the last trading day before it.")
  LocalDate asOf;

  @Option(names = "--window", defaultValue = "500", paramLabel = "DAYS",
      description = "Daily moves in the scenario window ending at the as-of close. Default: ${DEFAULT-VALUE}.")
  int windowDays;

  @Option(names = "--mc-paths", defaultValue = "100000", paramLabel = "N",
      description = "Monte Carlo paths. Default: ${DEFAULT-VALUE}.")
  int monteCarloPaths;

  @Option(names = "--seed", defaultValue = "42", description = "Monte Carlo seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    return ReportCommandSupport.run(spec, () -> {
      Config config = NodeConfig.load();
      RiskReportBuilder builder = RiskReport.builder()
          .positions(PositionsFile.load(positions))
          .dataFolder(dataDir)
          .asOf(asOf)
          .windowDays(windowDays)
          .monteCarlo(monteCarloPaths, seed, BacktestRunner.DEFAULT_DEGREES_OF_FREEDOM)
          .reportingCurrency(config.getString(BacktestCommand.REPORTING_CURRENCY))
          .config(config);
      RiskReport report = builder.build();
      return json ? ReportJson.render(report) : RiskReportText.render(report);
    });
  }
}
