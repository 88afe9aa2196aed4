package io.riskpulse.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code riskpulse risk} and {@code riskpulse backtest} run in-process through the real command tree, with
 * output and errors captured, on seeded random walks written to a temporary folder.
 */
class ReportCommandsTest {

  private static final LocalDate START = LocalDate.of(2021, 1, 1);
  private static final int DAYS = 420;

  @TempDir Path folder;
  private Path book;

  @BeforeEach
  void writeData() throws IOException {
    writeRandomWalk("AAA", 1, 50, 0.02);
    writeRandomWalk("BBB", 2, 80, 0.01);
    Files.writeString(folder.resolve("instruments.csv"),
        "symbol,asset_class,currency\nAAA,equity,USD\nBBB,rates,USD\n");
    book = folder.resolve("book.csv");
    Files.writeString(book, "symbol,quantity\nAAA,1000\nBBB,-300\n");
  }

  private void writeRandomWalk(String symbol, long seed, double start, double vol) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder("date,close\n");
    double close = start;
    for (int t = 0; t < DAYS; t++) {
      close *= t == 0 ? 1 : 1 + vol * random.nextGaussian();
      text.append(START.plusDays(t)).append(',').append(String.format(Locale.ROOT, "%.6f", close)).append('\n');
    }
    Files.writeString(folder.resolve(symbol + ".csv"), text);
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private String day(int t) {
    return START.plusDays(t).toString();
  }

  @Test
  void shouldPrintATextRiskReport() {
    CliRun run = run("risk", "--positions", book.toString(), "--data-dir", folder.toString(), "--as-of", day(DAYS - 1),
        "--window", "250", "--mc-paths", "10000");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().startsWith("Risk report as of the close of " + day(DAYS - 1)), run.out());
    for (String expected : new String[] {"historical simulation     99%    1-day", "Monte Carlo Student-t",
        "Attribution: delta-normal EWMA VaR 99% 1-day", "Stress scenarios", "equity-down-20pct", "Exposures (USD",
        "unknown: no ADV", "scenario window actually used: " + day(DAYS - 250) + ".." + day(DAYS - 1)}) {
      assertTrue(run.out().contains(expected), expected + " missing from\n" + run.out());
    }
  }

  @Test
  void shouldPrintARiskReportAsJson() throws IOException {
    CliRun run = run("risk", "--positions", book.toString(), "--data-dir", folder.toString(), "--as-of", day(DAYS - 1),
        "--window", "250", "--mc-paths", "10000", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(day(DAYS - 1), json.get("asOf").asText());
    assertEquals("USD", json.get("reportingCurrency").asText());
    assertEquals(24, json.get("measures").size());
    JsonNode attribution = json.get("attributions").get(0);
    assertEquals(attribution.get("total").asDouble(), attribution.get("componentSum").asDouble(),
        1e-9 * attribution.get("total").asDouble());
  }

  @Test
  void shouldPrintATextBacktestComparingTheMethods() {
    CliRun run = run("backtest", "--positions", book.toString(), "--data-dir", folder.toString(), "--from", day(260),
        "--to", day(DAYS - 1), "--window", "250", "--method", "all", "--mc-paths", "1000");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("1-day VaR backtest at 99%, " + day(260) + " to " + day(DAYS - 1)), run.out());
    assertTrue(run.out().contains("VaR backtest: hs: historical simulation, 250-day window"), run.out());
    assertTrue(run.out().contains("Model comparison"), run.out());
    assertTrue(run.out().contains("traffic light"), run.out());
  }

  @Test
  void shouldPrintABacktestAsJson() throws IOException {
    CliRun run = run("backtest", "--positions", book.toString(), "--data-dir", folder.toString(), "--from", day(260),
        "--to", day(DAYS - 1), "--window", "250", "--method", "parametric", "--confidence", "0.975", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(0.975, json.get("confidence").asDouble());
    assertEquals(DAYS - 260, json.get("days").asInt());
    JsonNode report = json.get("reports").get(0);
    assertEquals(DAYS - 260, report.get("observations").asInt());
    assertTrue(report.get("method").asText().startsWith("parametric"), report.toString());
    assertTrue(report.get("explanation").asText().contains(report.get("zone").asText().toLowerCase(Locale.ROOT)
        + " zone"));
    assertEquals("parametric", json.get("verdicts").get(0).get("method").asText());
  }

  @Test
  void shouldReportAnUnknownSymbolOnStderrWithoutStackTrace() throws IOException {
    Files.writeString(book, "symbol,quantity\nAAA,1000\nZZZ,5\n");
    CliRun run = run("backtest", "--positions", book.toString(), "--data-dir", folder.toString(), "--from", day(260),
        "--to", day(300), "--window", "250");
    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("riskpulse backtest: unknown symbol ZZZ: no price file ZZZ.csv in "), run.err());
    assertNoStackTrace(run.err());
  }

  @Test
  void shouldReportBadInputsWithAMessageAndANonZeroExit() throws IOException {
    String[][] cases = {
        {"positions file not found", "risk", "--positions", folder.resolve("none.csv").toString(), "--data-dir",
            folder.toString(), "--as-of", day(DAYS - 1)},
        {"is outside the data", "risk", "--positions", book.toString(), "--data-dir", folder.toString(),
            "--as-of", "2030-01-01"},
        {"window longer than history", "risk", "--positions", book.toString(), "--data-dir", folder.toString(),
            "--as-of", day(DAYS - 1)},
        {"window longer than history", "backtest", "--positions", book.toString(), "--data-dir", folder.toString(),
            "--from", day(100), "--to", day(200)},
        {"unknown VaR method 'garch'", "backtest", "--positions", book.toString(), "--data-dir", folder.toString(),
            "--from", day(300), "--to", day(310), "--window", "250", "--method", "garch"},
        {"confidence must be in (0.5, 1)", "backtest", "--positions", book.toString(), "--data-dir",
            folder.toString(), "--from", day(300), "--to", day(310), "--window", "250", "--confidence", "99"},
        {"data folder not found", "risk", "--positions", book.toString(), "--data-dir",
            folder.resolve("nowhere").toString(), "--as-of", day(DAYS - 1)},
        {"Invalid value for option '--as-of'", "risk", "--positions", book.toString(), "--data-dir",
            folder.toString(), "--as-of", "2021-02-30"}};
    for (String[] c : cases) {
      String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
      CliRun run = run(args);
      assertTrue(run.exitCode() != 0, String.join(" ", args));
      assertTrue(run.err().contains(c[0]), c[0] + " not in: " + run.err());
      assertNoStackTrace(run.err());
    }
    Files.writeString(book, "symbol,quantity\nAAA,1,000\n");
    CliRun malformed = run("risk", "--positions", book.toString(), "--data-dir", folder.toString(), "--as-of",
        day(DAYS - 1), "--window", "250");
    assertEquals(2, malformed.exitCode());
    assertTrue(malformed.err().contains(book + ":2: expected 2 columns"), malformed.err());
  }

  private static void assertNoStackTrace(String err) {
    assertFalse(err.contains("\tat ") || err.contains("Exception in") || err.contains("at io.riskpulse"), err);
  }
}
