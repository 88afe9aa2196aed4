package io.riskpulse.node.cli;

import io.riskpulse.model.history.GapPolicy;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.MonteCarloSpec;
import io.riskpulse.model.risk.report.BacktestRun;
import io.riskpulse.model.risk.report.BacktestRunText;
import io.riskpulse.model.risk.report.BacktestRunner;
import io.riskpulse.model.risk.report.MarketDataFolder;
import io.riskpulse.model.risk.report.PositionsFile;
import io.riskpulse.model.risk.report.ReportJson;
import io.riskpulse.model.risk.report.VarMethod;
import io.riskpulse.node.NodeConfig;
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
 * {@code riskpulse backtest}: backtests the 1-day VaR of fixed positions over real daily history, one method or
 * all three, and prints the exceptions, Kupiec and Christoffersen tests and the Basel traffic light (text or
 * JSON). See docs/RISK.md.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Backtest the 1-day VaR of fixed positions over daily price history.",
        "Each day's VaR is forecast from the window of daily moves ending the day before, on the positions valued"
            + " at the previous close, and compared with the day's realized P&L.",
        "Example: ./riskpulse backtest --positions book.csv --data-dir ../shared/data/daily"
            + " --from 2018-01-01 --to 2021-12-31 --method all"})
public final class BacktestCommand implements Callable<Integer> {

  /** The currency every amount is in; positions priced in another one are refused (no FX history). */
  static final String REPORTING_CURRENCY = "riskpulse.portfolio.reporting-currency";

  @Spec CommandSpec spec;

  @Option(names = "--positions", required = true, paramLabel = "FILE",
      description = "Positions CSV with header symbol,quantity (units; negative = short).")
  Path positions;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "Folder of SYMBOL.csv price files (date,close[,volume]).")
  Path dataDir;

  @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day backtested (yyyy-MM-dd).")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day backtested (yyyy-MM-dd).")
  LocalDate to;

  @Option(names = "--confidence", defaultValue = "0.99", description = "VaR confidence. Default: ${DEFAULT-VALUE}.")
  double confidence;

  @Option(names = "--method", defaultValue = "hs", paramLabel = "hs|parametric|mc|all",
      description = "VaR method; all compares the three. Default: ${DEFAULT-VALUE}.")
  String method;

  @Option(names = "--window", defaultValue = "500", paramLabel = "DAYS",
      description = "Daily moves in each forecast window. Default: ${DEFAULT-VALUE}.")
  int windowDays;

  @Option(names = "--mc-paths", defaultValue = "5000", paramLabel = "N",
      description = "Monte Carlo paths per day (Student-t, nu = 5). Default: ${DEFAULT-VALUE}.")
  int monteCarloPaths;

  @Option(names = "--seed", defaultValue = "42", description = "Monte Carlo base seed (day d uses seed + epoch day)."
      + " Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    return ReportCommandSupport.run(spec, () -> {
      List<VarMethod> methods = method.trim().toLowerCase(Locale.ROOT).equals("all")
          ? List.of(VarMethod.values()) : List.of(VarMethod.parse(method));
      Confidence level = Confidence.of(confidence);
      MonteCarloSpec monteCarlo =
          MonteCarloSpec.studentT(monteCarloPaths, seed, BacktestRunner.DEFAULT_DEGREES_OF_FREEDOM);
      PositionsFile book = PositionsFile.load(positions);
      MarketDataFolder data = MarketDataFolder.load(dataDir, book.symbols(), GapPolicy.DEFAULT);
      data.requireSingleCurrency(NodeConfig.load().getString(REPORTING_CURRENCY));
      BacktestRun run = BacktestRunner.of(data.history(), book, from, to, level, windowDays, monteCarlo)
          .run(methods);
      return json ? ReportJson.render(run) : BacktestRunText.render(run);
    });
  }
}
