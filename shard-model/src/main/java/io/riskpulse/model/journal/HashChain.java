package io.riskpulse.model.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import scala.util.Try;

/**
 * The hash chain of one entity's journal: the hash of its latest event (the head), and how each new event is
 * sealed to it.
 *
 * <p>Each event's hash is SHA-256 over the previous event's hash, the serializer id (4 bytes, big-endian), the
 * manifest (its UTF-8 length as 4 bytes, then its bytes) and the serialized event (its length as 4 bytes, then the
 * bytes). The first chained event of an entity links to the genesis, SHA-256 of {@code "riskpulse/chain/v1|"}
 * followed by the persistence id, so a chain cannot be moved to another entity. Altering an event changes its hash;
 * removing, inserting or reordering events breaks a link. A hash chain alone cannot show that the newest events
 * were cut off: an auditor keeps the head hash {@code audit verify} prints, and a later head must extend it.
 *
 * <p>The head follows the entity through its life: recovery sets it from the snapshot ({@link #restore}) and each
 * replayed event ({@link #replayed}); {@link #seal} advances it for each event written. A recovery that starts again
 * after a failed write (the entity's backoff restart keeps this object) resets it, so the next event links to the
 * last event actually stored, not to the one that failed.
 *
 * <p>Thread-safety: none; owned by one entity and used only from its mailbox (the typed persistence runtime calls
 * the event and snapshot adapters there).
 */
public final class HashChain {

  /** Length of every hash in bytes (SHA-256). */
  public static final int HASH_BYTES = 32;

  private final String persistenceId;
  private final Serialization serialization;
  private final MessageDigest digest = sha256();
  private final byte[] genesis;
  private byte[] head;
  /** Whether the entity is running (recovery completed): a replayed event or snapshot now means a new recovery. */
  private boolean live;

  /**
   * @param persistenceId the entity's persistence id (covered by the genesis)
   * @param serialization the actor system's serialization, which writes each event's payload
   */
  public HashChain(String persistenceId, Serialization serialization) {
    this.persistenceId = persistenceId;
    this.serialization = serialization;
    this.genesis = genesis(persistenceId);
    this.head = genesis;
  }

  /** The genesis hash of {@code persistenceId}'s chain: what its first chained event links to. */
  public static byte[] genesis(String persistenceId) {
    return sha256().digest(("riskpulse/chain/v1|" + persistenceId).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The hash sealing a payload to {@code previousHash}, as {@link ChainedEvent#hash()} holds it.
   *
   * @param digest a SHA-256 digest, reset by this call
   */
  public static byte[] hash(MessageDigest digest, byte[] previousHash, int serializerId, String manifest,
      byte[] payload) {
    byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
    digest.reset();
    digest.update(previousHash);
    digest.update(ByteBuffer.allocate(8).putInt(serializerId).putInt(manifestBytes.length).array());
    digest.update(manifestBytes);
    digest.update(ByteBuffer.allocate(4).putInt(payload.length).array());
    digest.update(payload);
    return digest.digest();
  }

  /** A new SHA-256 digest (every JVM has one). */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Serializes {@code event} and seals it to the head, which becomes its hash. */
  public ChainedEvent seal(Object event) {
    Serializer serializer = serialization.findSerializerFor(event);
    String manifest = Serializers.manifestFor(serializer, event);
    byte[] payload = serializer.toBinary(event);
    byte[] previous = head;
    byte[] sealed = hash(digest, previous, serializer.identifier(), manifest, payload);
    head = sealed;
    return new ChainedEvent(serializer.identifier(), manifest, payload, previous, sealed);
  }

  /**
   * A replayed chained event: becomes the head. Its event is deserialized and returned.
   *
   * @throws IllegalStateException if the payload cannot be deserialized
   */
  public Object replayed(ChainedEvent event) {
    startRecoveryIfLive(genesis);
    head = event.hash();
    return open(serialization, event);
  }

  /** A replayed event written before the hash chain existed: the chain starts after it, from the genesis. */
  public void replayedUnchained() {
    startRecoveryIfLive(genesis);
  }

  /** Recovery loaded a snapshot whose chain head was {@code snapshotHeadHex} ({@code null}: written before it). */
  public void restore(String snapshotHeadHex) {
    live = false;
    head = snapshotHeadHex == null ? genesis : HexFormat.of().parseHex(snapshotHeadHex);
  }

  /**
   * Recovery completed with the journal at {@code lastSequenceNr}. A recovery that replayed nothing of an empty
   * journal starts from the genesis (an earlier write may have failed after advancing the head).
   */
  public void recoveryCompleted(long lastSequenceNr) {
    if (live && lastSequenceNr == 0) {
      head = genesis;
    }
    live = true;
  }

  /** The head as lower-case hex: the hash of the latest event written or replayed, or the genesis. */
  public String headHex() {
    return HexFormat.of().formatHex(head);
  }

  /** The persistence id whose chain this is. */
  public String persistenceId() {
    return persistenceId;
  }

  private void startRecoveryIfLive(byte[] start) {
    if (live) {
      live = false;
      head = start;
    }
  }

  /**
   * The event inside {@code event}, deserialized with {@code serialization}.
   *
   * @throws IllegalStateException if it cannot be deserialized
   */
  public static Object open(Serialization serialization, ChainedEvent event) {
    Try<Object> opened = serialization.deserialize(event.payload(), event.serializerId(), event.manifest());
    if (opened.isFailure()) {
      throw new IllegalStateException("cannot deserialize a chained event (" + event.manifest() + ")",
          opened.failed().get());
    }
    return opened.get();
  }
}
