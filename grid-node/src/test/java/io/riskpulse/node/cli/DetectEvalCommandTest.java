package io.riskpulse.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskpulse.ingestion.sim.scenario.IncidentType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code riskpulse detect-eval} runs in-process through the real command tree on a tiny configuration. */
class DetectEvalCommandTest {

  @TempDir Path folder;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void shouldPrintAJsonReportOfEveryIncidentTypeAndWriteItToAFile() throws Exception {
    Path file = folder.resolve("eval.json");
    CliRun run = run("detect-eval", "--session", "65m", "--days", "1", "--per-type", "1", "--portfolios", "1",
        "--seed", "3", "--json", "--report-only", "--out", file.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals("synthetic", report.get("source").asText());
    assertEquals(IncidentType.values().length, report.get("incidents").size(), run.out());
    assertEquals(IncidentType.values().length, report.get("incidentOutcomes").size());
    assertEquals(1, report.get("clean").get("days").asInt());
    assertTrue(report.get("targets").has("met"));
    assertEquals(64, report.get("digest").asText().length());
    assertEquals(report, new ObjectMapper().readTree(Files.readString(file)));
  }

  @Test
  void shouldRefuseASessionTooShortForItsIncidentsWithExitCodeTwo() {
    CliRun run = run("detect-eval", "--session", "20m", "--per-type", "1");
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
