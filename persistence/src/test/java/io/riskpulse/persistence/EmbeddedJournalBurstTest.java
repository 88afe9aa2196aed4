package io.riskpulse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded journal takes a write from every entity of a node at once. Each persistent entity has at most one
 * write waiting for the journal, and the journal queues them in front of its one connection; a full queue fails
 * the write ("the queue buffer was full"), which restarts the entity and replays it, through the same connection.
 * A burst of fills for a few thousand portfolios (the ingestion pipeline has up to parallelism &times; max-batch
 * portfolios in flight) must be written, not refused: the queue is sized above the entities a node hosts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedJournalBurstTest {

  /** Entities writing at once: more than the plugin's default queue (1,000) and its batches in flight hold. */
  private static final int ENTITIES = 4_000;

  @TempDir
  Path dataDir;

  private ActorTestKit testKit;

  @AfterEach
  void stop() {
    if (testKit != null) {
      testKit.shutdownTestKit();
    }
  }

  /** A command: answer {@code "ready"} once recovered, or persist one event and answer {@code "written"}. */
  record Command(boolean write, ActorRef<String> replyTo) {}

  /** An entity that persists one small event per write command. */
  static final class Writer extends EventSourcedBehavior<Command, String, String> {
    private final ActorRef<String> stopped;

    /** @param stopped told {@code "stopped"} when the entity stops, e.g. after the journal refused its write */
    Writer(String id, ActorRef<String> stopped) {
      super(PersistenceId.ofUniqueId(id));
      this.stopped = stopped;
    }

    @Override
    public String emptyState() {
      return "";
    }

    @Override
    public CommandHandler<Command, String, String> commandHandler() {
      return newCommandHandlerBuilder().forAnyState()
          .onCommand(Command::write, (state, command) -> Effect().persist("fill").thenReply(command.replyTo(),
              newState -> "written"))
          .onCommand(command -> !command.write(), (state, command) -> Effect().reply(command.replyTo(), "ready"))
          .build();
    }

    @Override
    public EventHandler<String, String> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onAnyEvent((state, event) -> state + event.charAt(0));
    }

    @Override
    public SignalHandler<String> signalHandler() {
      // A refused write stops the entity (no supervision here): tell the test at once instead of letting it wait.
      return newSignalHandlerBuilder().onSignal(PostStop.instance(), state -> stopped.tell("stopped")).build();
    }
  }

  @Test
  void shouldWriteABurstFromThousandsOfEntitiesWithoutRefusingAny() throws Exception {
    Config config = ConfigFactory.parseMap(Map.of(
            "riskpulse.persistence.data-dir", dataDir.toString(),
            "pekko.persistence.journal.plugin", "jdbc-journal",
            "pekko.persistence.snapshot-store.plugin", "jdbc-snapshot-store"))
        .withFallback(ConfigFactory.defaultReferenceUnresolved()) // the journal's URL is built from data-dir
        .resolve();
    testKit = ActorTestKit.create("burst", config);
    JournalSchema.ensureCreatedBlocking(testKit.system(), Duration.ofSeconds(30));

    TestProbe<String> ready = testKit.createTestProbe();
    TestProbe<String> written = testKit.createTestProbe();
    List<ActorRef<Command>> writers = new ArrayList<>(ENTITIES);
    for (int i = 0; i < ENTITIES; i++) {
      ActorRef<Command> writer = testKit.spawn(new Writer("p-" + i, written.ref()));
      writer.tell(new Command(false, ready.ref()));
      writers.add(writer);
    }
    // Every entity recovered (each a read through the one connection) before any writes: then all write at once.
    ready.receiveSeveralMessages(ENTITIES, Duration.ofSeconds(60));

    writers.forEach(writer -> writer.tell(new Command(true, written.ref())));
    Map<String, Integer> answers = new TreeMap<>();
    for (String answer : written.receiveSeveralMessages(ENTITIES, Duration.ofSeconds(60))) {
      answers.merge(answer, 1, Integer::sum);
    }
    assertEquals(Map.of("written", ENTITIES), answers, "an entity whose write was refused answers \"stopped\"");
    assertEquals(ENTITIES, journalRows(), "events in the journal");
  }

  private long journalRows() throws Exception {
    testKit.shutdownTestKit(); // the database closes with its last connection: read it as the node would reopen it
    testKit = null;
    String url = "jdbc:h2:file:" + dataDir.resolve("journal") + ";DATABASE_TO_UPPER=false";
    try (Connection c = DriverManager.getConnection(url, "riskpulse", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"event_journal\"")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
