package io.riskpulse.persistence.audit;

import io.riskpulse.model.journal.ChainedEvent;
import io.riskpulse.model.journal.HashChain;
import io.riskpulse.persistence.audit.ChainProblem.Kind;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks one entity's journal against its hash chain ({@link HashChain}), event by event in sequence order:
 * sequence numbers run 1, 2, 3... without gaps; every sealed event's hash matches its content; every sealed event
 * links to the hash of the event before it (the genesis for the first); no unsealed event follows a sealed one.
 *
 * <p>An altered event shows as {@link Kind#ALTERED}; a deleted one as {@link Kind#MISSING} and a broken link after
 * it; a reordered pair as broken links. Events written before the chain existed are counted, not flagged. A hash
 * chain cannot show that the newest events were cut off: compare {@link ChainReport#headHash()} with one kept
 * from an earlier verify.
 *
 * <p>Thread-safety: none; feed it from one stream.
 */
public final class ChainVerifier {

  private final String persistenceId;
  private final MessageDigest digest = HashChain.sha256();
  private final List<ChainProblem> problems = new ArrayList<>();
  private byte[] head;
  private boolean sealedSeen;
  private long expectedSequenceNr = 1;
  private long events;
  private long unsealed;
  private long lastSequenceNr;

  public ChainVerifier(String persistenceId) {
    this.persistenceId = persistenceId;
    this.head = HashChain.genesis(persistenceId);
  }

  /** Checks the next stored event. */
  public void accept(JournalRecord record) {
    events++;
    long sequenceNr = record.sequenceNr();
    if (sequenceNr > expectedSequenceNr) {
      problems.add(new ChainProblem(expectedSequenceNr, Kind.MISSING, sequenceNr - expectedSequenceNr == 1
          ? "event " + expectedSequenceNr + " is missing"
          : "events " + expectedSequenceNr + " to " + (sequenceNr - 1) + " are missing"));
    } else if (sequenceNr < expectedSequenceNr) {
      problems.add(new ChainProblem(sequenceNr, Kind.BROKEN_LINK,
          "event " + sequenceNr + " appears again after event " + (expectedSequenceNr - 1)));
    }
    expectedSequenceNr = Math.max(expectedSequenceNr, sequenceNr + 1);
    lastSequenceNr = Math.max(lastSequenceNr, sequenceNr);
    if (record.unreadable() != null) {
      problems.add(new ChainProblem(sequenceNr, Kind.UNREADABLE,
          "event " + sequenceNr + " cannot be read: " + record.unreadable()));
    }
    if (!(record.stored() instanceof ChainedEvent sealed)) {
      if (sealedSeen) {
        problems.add(new ChainProblem(sequenceNr, Kind.UNSEALED, "event " + sequenceNr
            + " has no seal although the events before it do: it was not written by the node"));
      } else {
        unsealed++;
      }
      return;
    }
    boolean first = !sealedSeen;
    sealedSeen = true;
    byte[] recomputed = HashChain.hash(digest, sealed.previousHash(), sealed.serializerId(), sealed.manifest(),
        sealed.payload());
    if (!Arrays.equals(recomputed, sealed.hash())) {
      problems.add(new ChainProblem(sequenceNr, Kind.ALTERED, "event " + sequenceNr + " (" + sealed.manifest()
          + ") does not match its hash: its content was altered"));
    }
    if (!Arrays.equals(sealed.previousHash(), head)) {
      problems.add(new ChainProblem(sequenceNr, Kind.BROKEN_LINK, "event " + sequenceNr
          + " does not link to " + (first ? "the chain's start" : "the event before it")
          + ": events before it were removed, inserted or reordered"));
    }
    head = sealed.hash();
  }

  /** The verdict on everything accepted so far. */
  public ChainReport report() {
    return new ChainReport(persistenceId, events, unsealed, lastSequenceNr,
        sealedSeen ? HexFormat.of().formatHex(head) : null, List.copyOf(problems));
  }
}
