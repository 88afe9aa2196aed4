package io.riskpulse.model.detect;

import io.riskpulse.model.CborSerializable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * Where one portfolio keeps what its detectors learned between incarnations, its strategies' anomaly models and its
 * rules' windows: a small persistent child of the portfolio entity ({@code DetectorCheckpoint|<portfolio>}), apart
 * from the portfolio's own journal.
 *
 * <p>Why apart: a model is tens of kilobytes, the portfolio's snapshots come every few hundred events, and the
 * models are worth saving about once a minute. Kept in the portfolio's snapshot they would make every snapshot
 * heavy; here each checkpoint is written once. The rules' windows are in both: the portfolio's snapshots are rare
 * for a portfolio that trades little (order flow and pre-trade rejections are not journaled), the checkpoint
 * bounds how old they can be to a minute. Not an audit record (the portfolio's journal is): checkpoints are
 * not sealed into the hash chain, and old ones are deleted (the journal keeps at most
 * {@value #KEEP_EVENTS} of them).
 *
 * <p>After recovery the store tells its portfolio what it holds ({@link Restored}); the portfolio then restores its
 * models. Thread-safety: an actor.
 */
public final class DetectorCheckpoints
    extends EventSourcedBehavior<DetectorCheckpoints.Command, DetectorCheckpoints.Saved, DetectorCheckpoints.State> {

  /** The persistence id's entity-type part. */
  public static final String PERSISTENCE_TYPE = "DetectorCheckpoint";
  static final int KEEP_EVENTS = 4;

  /** What the store is asked. */
  public sealed interface Command extends CborSerializable {}

  /** Saves the models' latest state (fire and forget: the next checkpoint replaces a lost one). */
  public record Save(DetectorsState state, long atMillis) implements Command {}

  /** A checkpoint: the models' state at one time. */
  public record Saved(DetectorsState state, long atMillis) implements CborSerializable {}

  /** The latest checkpoint, or none. */
  public record State(DetectorsState latest, long atMillis) implements CborSerializable {
    static final State EMPTY = new State(null, Long.MIN_VALUE);
  }

  /** Told to the portfolio once the store has recovered: the latest checkpoint ({@code null} when none). */
  public record Restored(DetectorsState state, long atMillis) {}

  private final ActorRef<Restored> owner;

  private DetectorCheckpoints(String portfolioId, ActorRef<Restored> owner) {
    super(PersistenceId.of(PERSISTENCE_TYPE, portfolioId));
    this.owner = owner;
  }

  /** The store of {@code portfolioId}'s checkpoints; tells {@code owner} what it holds once recovered. */
  public static Behavior<Command> create(String portfolioId, ActorRef<Restored> owner) {
    return Behaviors.setup(context -> new DetectorCheckpoints(portfolioId, owner));
  }

  @Override
  public State emptyState() {
    return State.EMPTY;
  }

  @Override
  public CommandHandler<Command, Saved, State> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Save.class, (state, save) -> Effect().persist(new Saved(save.state(), save.atMillis())))
        .build();
  }

  @Override
  public EventHandler<State, Saved> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(Saved.class, (state, saved) -> new State(saved.state(), saved.atMillis()))
        .build();
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> owner.tell(new Restored(state.latest(), state.atMillis())))
        .build();
  }

  /** Snapshot every {@value #KEEP_EVENTS} checkpoints and delete the events before it: the journal stays small. */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(KEEP_EVENTS, 1).withDeleteEventsOnSnapshot();
  }
}
