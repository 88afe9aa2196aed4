package io.riskpulse.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code riskpulse detect-eval} runs in-process through the real command tree on a tiny configuration. */
class DetectEvalCommandTest {

  @TempDir Path folder;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new RiskpulseCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Test
  void shouldPrintAJsonReportOfEveryIncidentTypeAndWriteItToAFile() throws Exception {
    Path file = folder.resolve("eval.json");
    Run run = run("detect-eval", "--session", "50m", "--days", "1", "--per-type", "1", "--portfolios", "1",
        "--seed", "3", "--json", "--report-only", "--out", file.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals("synthetic", report.get("source").asText());
    assertEquals(5, report.get("incidents").size(), run.out());
    assertEquals(5, report.get("incidentOutcomes").size());
    assertEquals(1, report.get("clean").get("days").asInt());
    assertTrue(report.get("targets").has("met"));
    assertEquals(64, report.get("digest").asText().length());
    assertEquals(report, new ObjectMapper().readTree(Files.readString(file)));
  }

  @Test
  void shouldRefuseASessionTooShortForItsIncidentsWithExitCodeTwo() {
    Run run = run("detect-eval", "--session", "20m", "--per-type", "1");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("riskpulse detect-eval: "), run.err());
  }

  @Test
  void shouldReadSessionDurations() {
    assertEquals(23_400, DetectEvalCommand.sessionSeconds("6h30m"));
    assertEquals(2_700, DetectEvalCommand.sessionSeconds("45m"));
    assertEquals(3_600, DetectEvalCommand.sessionSeconds("3600"));
  }
}
