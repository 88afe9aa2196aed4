package io.riskpulse.model.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.alert.AlertBookCommand.GetIncidents;
import io.riskpulse.model.alert.AlertBookCommand.GetOffsets;
import io.riskpulse.model.alert.AlertBookCommand.Observe;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.portfolio.MutableClock;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitBreached;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A journal write of the alert book that fails restarts it, and it recovers from the journal alone: the
 * observation whose write failed is observed again when the projection redelivers it (it was not taken as seen),
 * and the incidents journaled before are not doubled. (See AlertBookState#pristine.)
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertBookWriteFailureTest {

  private static final Config CONFIG = PersistenceTestKitPlugin.getInstance().config()
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());
  private static final AlertSettings SETTINGS = new AlertSettings(Duration.ofSeconds(5), 4, 2, 3, 4, 1000, 3, true);

  private final ActorTestKit testKit = ActorTestKit.create("AlertBookWriteFailureTest", CONFIG);
  private final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
  private final PortfolioAlertSource source = new PortfolioAlertSource();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void shouldRecoverFromTheJournalAloneAfterAFailedWrite() {
    ActorRef<Topic.Command<AlertNotification>> topic =
        testKit.spawn(Topic.create(AlertNotification.class, "alerts-write-failure"));
    ActorRef<AlertBookCommand> book = testKit.spawn(
        AlertBook.create(AlertBook.FIRM_ENTITY_ID, new AlertBookEnvironment(clock, SETTINGS), topic));
    TestProbe<Observed> observed = testKit.createTestProbe();

    book.tell(observe(1, "GROSS_EXPOSURE", LimitKind.GROSS_EXPOSURE, observed));
    assertEquals("", observed.receiveMessage().problem());
    journal.failNextPersisted();
    book.tell(observe(2, "NET_EXPOSURE", LimitKind.NET_EXPOSURE, observed));
    observed.expectNoMessage(Duration.ofMillis(500)); // the write failed: not confirmed
    book.tell(observe(2, "NET_EXPOSURE", LimitKind.NET_EXPOSURE, observed)); // the projection delivers it again
    assertEquals("", observed.receiveMessage(Duration.ofSeconds(10)).problem());

    TestProbe<Incidents> incidents = testKit.createTestProbe();
    book.tell(new GetIncidents(IncidentFilter.ALL, AlertBook.MAX_LIST, incidents.ref()));
    assertEquals(List.of("PORTFOLIO:P1/GROSS_EXPOSURE", "PORTFOLIO:P1/NET_EXPOSURE"),
        incidents.receiveMessage().incidents().stream().map(Incident::correlationKey).sorted().toList());
    TestProbe<ObservedOffsets> offsets = testKit.createTestProbe();
    book.tell(new GetOffsets(offsets.ref()));
    ObservedOffsets stored = offsets.receiveMessage();
    assertEquals(2, stored.offset(Portfolio.ALERT_TAG));
    assertEquals(0, stored.duplicatesIgnored(), "the redelivery was new to the recovered book");
  }

  private Observe observe(long offset, String key, LimitKind kind, TestProbe<Observed> replyTo) {
    clock.advance(Duration.ofSeconds(1));
    LimitBreach breach = new LimitBreach(key, kind, "", 2e6, 1e6, clock.millis());
    return new Observe(Portfolio.ALERT_TAG, offset, source.signals("Portfolio|P1", offset, new LimitBreached(breach)),
        replyTo.ref());
  }
}
