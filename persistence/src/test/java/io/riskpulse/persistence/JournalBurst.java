package io.riskpulse.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * Has thousands of persistent entities write one event each at the same moment, on whatever journal the test
 * kit's configuration selects: the burst a node's journal sees when the ingestion pipeline carries fills for a few
 * thousand portfolios at once (up to parallelism &times; max-batch portfolios in flight). Each entity has at most
 * one write waiting, as a portfolio does; a write the journal refuses stops its entity, which then answers
 * {@code "stopped"} instead of {@code "written"}, so a test sees refusals at once instead of waiting for them.
 */
public final class JournalBurst {

  private JournalBurst() {}

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

  /**
   * Starts {@code entities} entities named {@code prefix + i}, waits until every one has recovered (each a journal
   * read), then has all of them write one event at once.
   *
   * @param wait how long to wait for the recoveries, and then for the answers
   * @return how many entities answered {@code "written"} and how many {@code "stopped"}
   */
  public static Map<String, Integer> writeAtOnce(ActorTestKit testKit, String prefix, int entities, Duration wait) {
    TestProbe<String> ready = testKit.createTestProbe();
    TestProbe<String> answered = testKit.createTestProbe();
    List<ActorRef<Command>> writers = new ArrayList<>(entities);
    for (int i = 0; i < entities; i++) {
      ActorRef<Command> writer = testKit.spawn(new Writer(prefix + i, answered.ref()));
      writer.tell(new Command(false, ready.ref()));
      writers.add(writer);
    }
    ready.receiveSeveralMessages(entities, wait);
    writers.forEach(writer -> writer.tell(new Command(true, answered.ref())));
    Map<String, Integer> answers = new TreeMap<>();
    for (String answer : answered.receiveSeveralMessages(entities, wait)) {
      answers.merge(answer, 1, Integer::sum);
    }
    return answers;
  }
}
