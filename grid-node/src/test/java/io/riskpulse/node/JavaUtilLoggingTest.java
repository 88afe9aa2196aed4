package io.riskpulse.node;

import java.util.logging.Logger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What libraries log through java.util.logging (grpc-java) reaches the node's logging once the node starts. */
class JavaUtilLoggingTest {

  private static final ActorTestKit kit = ActorTestKit.create();
  /** Held: JUL keeps loggers weakly, and a collected one would lose its configuration. */
  private static final Logger JUL = Logger.getLogger("io.riskpulse.node.test.jul");

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  @Test
  void shouldRouteJavaUtilLoggingRecordsToTheNodesLogging() {
    Main.routeJavaUtilLogging();
    Main.routeJavaUtilLogging(); // idempotent: one record logged once

    LoggingTestKit.warn("a stream closed before the write").withLoggerName(JUL.getName()).withOccurrences(1)
        .expect(kit.system(), () -> {
          JUL.warning("a stream closed before the write");
          return null;
        });
  }
}
