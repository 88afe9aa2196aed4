package io.riskpulse.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.riskpulse.node.cassandra.CassandraServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code riskpulse cassandra} without a Cassandra: status of a folder that never ran one, stop as a no-op, a start
 * refused because the jars are missing, a stale pid file that is not trusted, the schema's CQL, and settings
 * refused with clear messages. Starting a real node is it-tests' CassandraExtensionTest and CassandraJournalTest.
 */
class CassandraCommandTest {

  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void shouldReportNotRunningAndStopNothingInAFolderThatNeverRanCassandra() {
    CliRun status = run("cassandra", "status", "--data-dir", dir.toString());
    assertEquals(3, status.exitCode(), status.err());
    assertTrue(status.out().contains("not running, never started here"), status.out());
    CliRun stop = run("cassandra", "stop", "--data-dir", dir.toString());
    assertEquals(0, stop.exitCode(), stop.err());
    assertTrue(stop.out().startsWith("Cassandra was not running"), stop.out());
  }

  @Test
  void shouldNotTrustAPidFileWhoseProcessIsNotThisFoldersCassandra() throws Exception {
    // This test JVM's own pid: alive, but not a Cassandra of this folder, so never signalled.
    Files.writeString(dir.resolve("cassandra.pid"), ProcessHandle.current().pid() + "\n");
    CliRun status = run("cassandra", "status", "--data-dir", dir.toString());
    assertEquals(3, status.exitCode(), status.out());
    CliRun stop = run("cassandra", "stop", "--data-dir", dir.toString());
    assertEquals(0, stop.exitCode(), stop.err());
    assertFalse(Files.exists(dir.resolve("cassandra.pid")), "the stale pid file is removed");
  }

  @Test
  void shouldRefuseToStartWithoutCassandrasJarsAndSayHowToBuildThem() {
    System.setProperty("riskpulse.cassandra.server.lib-dir", dir.resolve("no-lib").toString());
    ConfigFactory.invalidateCaches();
    try {
      CliRun start = run("cassandra", "start", "--data-dir", dir.resolve("node").toString());
      assertEquals(2, start.exitCode(), start.out());
      assertTrue(start.err().contains("mvn -B -pl deploy/cassandra package"), start.err());
    } finally {
      System.clearProperty("riskpulse.cassandra.server.lib-dir");
      ConfigFactory.invalidateCaches();
    }
  }

  @Test
  void shouldPrintTheJournalSchemaForTheConfiguredKeyspaces() {
    CliRun cql = run("cassandra", "cql");
    assertEquals(0, cql.exitCode(), cql.err());
    assertTrue(cql.out().contains("CREATE KEYSPACE IF NOT EXISTS riskpulse\n"), cql.out());
    assertTrue(cql.out().contains("CREATE TABLE IF NOT EXISTS riskpulse.tag_views"), cql.out());
    assertTrue(cql.out().contains("CREATE TABLE IF NOT EXISTS riskpulse_snapshot.snapshots"), cql.out());
  }

  @Test
  void shouldRefuseBadServerSettingsNamingTheSetting() {
    Duration minute = Duration.ofMinutes(1);
    assertEquals("native-port must be 0 (a free port) or 1-65535, was 70000",
        assertThrows(IllegalArgumentException.class, () -> new CassandraServerSettings(dir, dir, 70_000, 0, 0,
            "256M", "1G", minute, minute)).getMessage());
    assertEquals("heap-max must be a JVM heap size such as 256M or 1G, was '1 GB'",
        assertThrows(IllegalArgumentException.class, () -> new CassandraServerSettings(dir, dir, 0, 0, 0,
            "256M", "1 GB", minute, minute)).getMessage());
  }
}
