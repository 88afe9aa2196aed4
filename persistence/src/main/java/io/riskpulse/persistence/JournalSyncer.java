package io.riskpulse.persistence;

import com.typesafe.config.Config;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces the embedded journal's H2 file to the device every {@code riskpulse.persistence.sync-interval}, so that
 * everything the journal wrote is on the device within about that long, whatever the operating system would
 * otherwise do; what lets H2 reuse the space of dead chunks after a short retention time.
 *
 * <p>Why: H2 writes each commit as a new chunk and reuses the space of a dead chunk only once the chunk is older
 * than its retention time ({@code RETENTION_TIME}, 45 s by default), which H2 documents as the time within which the
 * file system is assumed to have written everything to the device: a chunk overwritten before the version that no
 * longer needs it reached the device could leave a file that does not reopen after a power cut. 45 s at 5,000
 * fills/s is about 4 GB of file, about 100,000 chunks, and every new chunk's place is searched for among them and
 * every compaction goes through them (docs/PERFORMANCE.md sections 36-38). With a sync every second H2's assumption
 * holds for a retention of a few seconds (reference.conf, {@code h2-retention-ms}: at least two intervals).
 *
 * <p>What that does not cover: H2 counts the retention from a chunk's creation, so a chunk that dies older than the
 * retention (its last live page rewritten long after it was written) may be overwritten right after the commit that
 * killed it, before that commit is on the device; with H2's 45 s and no syncs the same holds for chunks dying older
 * than 45 s, and the window is whatever the operating system takes (tens of seconds) instead of about an interval.
 * The compactor kills old chunks by design, so it forces the file itself after every run that rewrote pages
 * ({@link JournalCompactor#compact}). For no acknowledged write to be lost either, use {@code flush-to-device = on}.
 * It also bounds what a power cut can take with {@code flush-to-device = off}: the acknowledged writes of about the
 * last interval, against the tens of seconds the operating system may keep them in memory.
 *
 * <p>How: {@code fsync} through a read-only descriptor of its own (as {@link JournalFlusher} does, which syncs the
 * file however it was written), on a thread of its own, never on the journal's connection: the journal's writes
 * go on meanwhile. At every attempt, successful or not, the syncer measures how long the file may have held writes
 * not known to be on the device: from the start of the last sync that completed to now. Above the retention time
 * H2's assumption no longer holds; each such attempt is counted ({@link #lateSyncs}) and logged as a warning, as is
 * a sync that fails (retried at the next interval; Linux reports a failed write-back once, so a failure is a reason
 * to check the device, not only to wait for the next sync). {@link #unsyncedNanos} shows the same figure between
 * attempts, so a sync that hangs is visible too.
 *
 * <p>Thread-safety: the descriptor and the syncs belong to the syncer's one thread (a test may call {@link #sync}
 * on its own while that thread does nothing); the figures are atomics, read by the metrics; {@link #close} blocks
 * for up to 10 s.
 */
public final class JournalSyncer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JournalSyncer.class);
  /** H2's own retention time: what it assumes of a file system left to itself. */
  public static final int H2_DEFAULT_RETENTION_MS = 45_000;
  private static final String SYNC_INTERVAL = "riskpulse.persistence.sync-interval";
  private static final String RETENTION = "riskpulse.persistence.h2-retention-ms";

  /**
   * How often the file is synced and how long H2 keeps dead chunks.
   *
   * @param interval time between the end of one sync and the start of the next; zero: no syncs (the operating
   *     system writes the file when it chooses)
   * @param retentionMillis H2's {@code RETENTION_TIME}, in milliseconds
   */
  public record Settings(Duration interval, int retentionMillis) {

    /**
     * Refuses a retention that H2's assumption does not cover: without syncs, less than H2's default (45 s); with
     * them, less than two intervals (a write waits up to an interval and two syncs before it is on the device).
     */
    public Settings {
      if (interval.isNegative()) {
        throw new IllegalArgumentException(SYNC_INTERVAL + " must not be negative: " + interval);
      }
      if (retentionMillis < 0) {
        throw new IllegalArgumentException(RETENTION + " must not be negative: " + retentionMillis);
      }
      if (interval.isZero() && retentionMillis < H2_DEFAULT_RETENTION_MS) {
        throw new IllegalArgumentException(RETENTION + " = " + retentionMillis + " needs " + SYNC_INTERVAL
            + " above 0: without syncs of its own the journal relies on the operating system to write the file, "
            + "which H2 assumes takes up to " + H2_DEFAULT_RETENTION_MS + " ms; a shorter retention could leave a "
            + "file that does not reopen after a power cut");
      }
      if (!interval.isZero() && retentionMillis < 2 * interval.toMillis()) {
        throw new IllegalArgumentException(RETENTION + " = " + retentionMillis + " must be at least twice "
            + SYNC_INTERVAL + " (" + interval.toMillis() + " ms): a write waits up to an interval and two syncs "
            + "before it is known to be on the device, and H2 may overwrite space after the retention time");
      }
    }

    /** Reads {@code riskpulse.persistence.sync-interval} and {@code riskpulse.persistence.h2-retention-ms}. */
    public static Settings fromConfig(Config config) {
      return new Settings(config.getDuration(SYNC_INTERVAL), config.getInt(RETENTION));
    }
  }

  private final Path file;
  private final Settings settings;
  private final LongSupplier nanoClock;
  private final ScheduledExecutorService thread;
  private final AtomicLong syncs = new AtomicLong();
  private final AtomicLong lateSyncs = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong longestExposureNanos = new AtomicLong();
  /** Start of the last sync that completed, on {@link #nanoClock}; meaningful once {@link #synced} is set. */
  private final AtomicLong lastCompletedStart = new AtomicLong();
  private volatile boolean synced;
  /** Forces the file to the device; the journal's file through {@link #descriptor} unless a test gives another. */
  private final Device device;
  /** Opened at the first sync that finds the file (the schema creates it). Only the sync thread uses it. */
  private FileInputStream descriptor;

  /** What a sync does to the device; a test may make it fail. */
  @FunctionalInterface
  interface Device {
    /**
     * Forces what was written to the device.
     *
     * @return false if there was nothing to sync yet (the file does not exist)
     */
    boolean force() throws IOException;
  }

  JournalSyncer(Path file, Settings settings, LongSupplier nanoClock) {
    this(file, settings, nanoClock, null);
  }

  JournalSyncer(Path file, Settings settings, LongSupplier nanoClock, Device device) {
    this.file = file;
    this.settings = settings;
    this.nanoClock = nanoClock;
    this.device = device != null ? device : this::forceFile;
    this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread t = new Thread(task, "riskpulse-journal-sync");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts syncing the embedded journal's file, or returns empty when it does not apply: the Cassandra journal or a
   * database other than H2 (whose settings these are not), a zero interval, or an H2 database that is not a local
   * file. Refuses the settings as {@link Settings} says whenever the journal is on H2, and a retention below H2's
   * default for a database on an H2 server (whose file no sync of the node's reaches; its URL then carries the
   * node's retention to the server).
   *
   * @throws IllegalArgumentException if the settings are refused
   */
  public static Optional<JournalSyncer> start(Config config) {
    return start(config, null);
  }

  /** {@link #start(Config)}, syncing through {@code device} (a test's) instead of the file's descriptor if given. */
  static Optional<JournalSyncer> start(Config config, Device device) {
    if (JournalSelection.fromConfig(config).isCassandra()) {
      return Optional.empty();
    }
    String db = "pekko-persistence-jdbc.shared-databases." + config.getString("jdbc-journal.use-shared-db");
    if (!"slick.jdbc.H2Profile$".equals(config.getString(db + ".profile"))) {
      return Optional.empty();
    }
    Settings settings = Settings.fromConfig(config);
    if (settings.interval().isZero()) {
      return Optional.empty();
    }
    Path file;
    try {
      file = JournalFlusher.databaseFile(config.getString(db + ".db.url"));
    } catch (SQLException e) {
      String url = config.getString(db + ".db.url");
      if (JournalFlusher.isServerDatabase(url) && settings.retentionMillis() < H2_DEFAULT_RETENTION_MS) {
        throw new IllegalArgumentException(RETENTION + " = " + settings.retentionMillis() + " needs the journal in "
            + "a local H2 file, which the node syncs every " + SYNC_INTERVAL + "; " + url + " names a database on "
            + "an H2 server, whose file the node cannot sync, so the server's operating system decides when it "
            + "reaches the device, which H2 assumes takes up to " + H2_DEFAULT_RETENTION_MS + " ms: set " + RETENTION
            + " to at least " + H2_DEFAULT_RETENTION_MS + " (a shorter retention could leave a file that does not "
            + "reopen after a power cut of the server)");
      }
      LOG.info("The embedded journal's file is not synced: {} names no local H2 file", url);
      return Optional.empty();
    }
    JournalSyncer syncer = new JournalSyncer(file, settings, System::nanoTime, device);
    long every = settings.interval().toNanos();
    syncer.thread.scheduleWithFixedDelay(syncer::sync, every, every, TimeUnit.NANOSECONDS);
    return Optional.of(syncer);
  }

  /** Syncs completed. */
  public long syncs() {
    return syncs.get();
  }

  /**
   * Sync attempts (completed or failed) that found the file possibly holding writes not on the device for longer than
   * the retention time (see the class comment).
   */
  public long lateSyncs() {
    return lateSyncs.get();
  }

  /** Syncs that failed with an error (none is tried before the schema creates the file). */
  public long failures() {
    return failures.get();
  }

  /** The longest time the file may have held writes not on the device, in nanoseconds, as of the last attempt. */
  public long longestExposureNanos() {
    return longestExposureNanos.get();
  }

  /**
   * How long the file may hold writes not known to be on the device now, in nanoseconds: since the start of the last
   * sync that completed; 0 before the first.
   */
  public long unsyncedNanos() {
    return synced ? Math.max(0, nanoClock.getAsLong() - lastCompletedStart.get()) : 0;
  }

  /**
   * One sync (on the syncer's thread, or a test's): forces the file to the device and records the exposure. Never
   * throws: a failure is counted and logged, and the next interval tries again.
   */
  void sync() {
    long start = nanoClock.getAsLong();
    boolean completed;
    try {
      completed = device.force();
    } catch (IOException | RuntimeException e) {
      failures.incrementAndGet();
      LOG.warn("Cannot force the embedded journal's file {} to the device (retried in {} ms; check the device): {}",
          file, settings.interval().toMillis(), e.toString());
      checkExposure(nanoClock.getAsLong());
      return;
    }
    if (!completed) {
      return; // nothing written yet
    }
    syncs.incrementAndGet();
    checkExposure(nanoClock.getAsLong());
    lastCompletedStart.set(start);
    synced = true;
  }

  /** Records the exposure at {@code now} and counts it if H2's assumption no longer held. */
  private void checkExposure(long now) {
    if (!synced) {
      return;
    }
    long exposure = now - lastCompletedStart.get();
    longestExposureNanos.accumulateAndGet(exposure, Math::max);
    if (exposure > TimeUnit.MILLISECONDS.toNanos(settings.retentionMillis())) {
      lateSyncs.incrementAndGet();
      LOG.warn("The embedded journal's file may have held writes not on the device for {} ms, more than H2's "
          + "retention time of {} ms: meanwhile a power cut could have left a file that does not reopen (raise "
          + "riskpulse.persistence.h2-retention-ms, or check the device)",
          TimeUnit.NANOSECONDS.toMillis(exposure), settings.retentionMillis());
    }
  }

  /** The journal's file, through a descriptor of the syncer's own, opened once the file exists. */
  private boolean forceFile() throws IOException {
    if (descriptor == null) {
      if (!Files.exists(file)) {
        return false;
      }
      descriptor = new FileInputStream(file.toFile());
    }
    descriptor.getFD().sync();
    return true;
  }

  /**
   * Stops syncing after one last sync and closes the descriptor, both on the syncer's thread. Blocks for up to 10 s
   * for a sync in progress. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (thread.isShutdown()) {
      return;
    }
    thread.execute(() -> {
      sync();
      if (descriptor != null) {
        try {
          descriptor.close();
        } catch (IOException e) {
          LOG.warn("Cannot close the embedded journal's file descriptor: {}", e.toString());
        }
      }
    });
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("The embedded journal's last sync did not finish within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
