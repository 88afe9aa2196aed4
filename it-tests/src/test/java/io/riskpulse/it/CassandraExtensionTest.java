package io.riskpulse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.datastax.oss.driver.api.core.CqlSession;
import io.riskpulse.node.cassandra.CassandraLauncher;
import io.riskpulse.node.cassandra.CassandraStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The extension and the launcher on a Cassandra node of their own: a test run (through the JUnit platform, as
 * surefire runs one) whose test uses the node and then fails. During the test the launcher reports the node
 * running with its pid and ports and it answers CQL; once the run is over the process has exited, the launcher
 * reports it stopped, and its CQL port is closed: a failing test leaves no Cassandra behind.
 */
@Tag(CassandraExtension.TAG)
@Timeout(240)
class CassandraExtensionTest {

  /** What the inner test saw, for the outer one to check after the inner run ended. */
  private static final AtomicReference<CassandraStatus> SEEN = new AtomicReference<>();
  private static final AtomicReference<CassandraLauncher> LAUNCHER = new AtomicReference<>();

  /** Run only through {@link EngineTestKit} below (surefire skips nested classes). */
  @ExtendWith(CassandraExtension.class)
  static class DeliberatelyFailing {

    @Test
    void usesCassandraThenFails(CassandraNode cassandra) {
      CassandraStatus status = cassandra.launcher().status();
      SEEN.set(status);
      LAUNCHER.set(cassandra.launcher());
      try (CqlSession session = CqlSession.builder()
          .addContactPoint(new InetSocketAddress(CassandraLauncher.HOST, cassandra.nativePort()))
          .withLocalDatacenter("datacenter1").build()) {
        assertEquals("5.0.9", session.execute("SELECT release_version FROM system.local").one().getString(0));
      }
      fail("deliberately, after using Cassandra");
    }
  }

  @Test
  void shouldStopCassandraWhenTheTestRunEndsEvenAfterAFailure() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(DeliberatelyFailing.class))
        .execute();
    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    String failure = results.testEvents().failed().stream().findFirst().orElseThrow().getPayload()
        .map(Object::toString).orElse("");
    assertTrue(failure.contains("deliberately"), "the test failed for its own reason, not Cassandra's: " + failure);

    CassandraStatus seen = SEEN.get();
    assertNotNull(seen, "the inner test ran");
    assertTrue(seen.running(), seen.describe());
    assertTrue(seen.pid() > 0 && seen.nativePort() > 0 && seen.storagePort() > 0 && seen.jmxPort() > 0,
        seen.describe());

    assertFalse(ProcessHandle.of(seen.pid()).map(ProcessHandle::isAlive).orElse(false),
        "Cassandra (pid " + seen.pid() + ") was stopped when the run ended");
    CassandraStatus after = LAUNCHER.get().status();
    assertFalse(after.running(), after.describe());
    assertEquals(seen.nativePort(), after.nativePort(), "status still tells the ports of the last start");
    assertFalse(Files.exists(seen.dataDir().resolve("cassandra.pid")), "no pid file left");
    assertFalse(accepts(seen.nativePort()), "CQL port " + seen.nativePort() + " is closed");
    assertTrue(LAUNCHER.get().logTail(0, 200).contains("Starting listening for CQL clients"),
        "Cassandra's log is kept in its folder");
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket(CassandraLauncher.HOST, port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
