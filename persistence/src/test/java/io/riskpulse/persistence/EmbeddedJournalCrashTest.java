package io.riskpulse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A write the embedded journal committed and the node's flusher then flushed survives the crash of its process:
 * the node acknowledges fills to publishers only after such a flush, and publishers then forget them. (With a write
 * delay above 0, H2 keeps commits in memory for that long and a crash loses them unless flushed; the default writes
 * each commit through, and the flush then only forces the file to the device, if configured.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedJournalCrashTest {

  private static final int ROWS = 2_000;

  @TempDir
  Path dataDir;

  @ParameterizedTest(name = "flush-to-device = {0}")
  @ValueSource(strings = {"off", "on"})
  void shouldKeepEveryFlushedJournalWriteWhenTheProcessIsKilled(String flushToDevice) throws Exception {
    Process writer = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Driskpulse.persistence.data-dir=" + dataDir,
        "-Driskpulse.persistence.flush-to-device=" + flushToDevice,
        CrashingJournalWriter.class.getName(), Integer.toString(ROWS)))
        .redirectErrorStream(true)
        .start();
    String output = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "writer did not end");
    assertEquals(137, writer.exitValue(), output);
    assertTrue(output.contains(CrashingJournalWriter.COMMITTED + ROWS), output);

    assertEquals(ROWS, journalRows(), "rows flushed before the crash but missing after it");
  }

  private long journalRows() throws Exception {
    String url = "jdbc:h2:file:" + dataDir.resolve("journal") + ";DATABASE_TO_UPPER=false";
    try (Connection c = DriverManager.getConnection(url, "riskpulse", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"event_journal\"")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
