package io.riskpulse.persistence;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.jdbc.db.SlickDatabase;
import org.apache.pekko.persistence.jdbc.db.SlickExtension;
import org.apache.pekko.persistence.jdbc.db.SlickExtensionImpl;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.Future;
import slick.dbio.DBIOAction;
import slick.jdbc.SimpleJdbcAction;

/**
 * Compacts the embedded journal's H2 file as it goes, a little at a time under load and more while the journal is
 * quiet, so that the file reuses the space of the chunks whose live data moved on instead of growing with the load.
 *
 * <p>Why: H2 writes each commit as a new chunk at a free place of the file, and frees a chunk only once none of
 * its pages is live any more and it is older than H2's retention time ({@code riskpulse.persistence.h2-retention-ms},
 * 5 s; see {@link JournalSyncer}). A journal's rows are appended and never rewritten, so about half the chunks keep
 * the page or two that took their new rows and are never freed: the file grew by 27-38 MB per 100,000 fills at
 * 5,000 fills/s, and H2, which searches the file's free space from its start for every chunk it writes, spent more
 * of each commit in that search the longer the node ran (docs/PERFORMANCE.md sections 36-38). H2 compacts only in
 * its background writer, which the journal's {@code WRITE_DELAY=0} leaves out (see reference.conf), and when it
 * closes.
 *
 * <p>What: it runs H2's own compaction, {@link MVStore#compact(int, int)}: while the live pages fill less than
 * {@code chunk-fill-percent} of all the file's chunks, the live pages of chunks older than H2's retention time, the
 * sparsest and oldest first, are written again, up to a budget, into one new chunk, after which the old chunks are
 * free. It runs through the journal's own Slick database, so on its one connection between two of the journal's
 * transactions: H2 then has no transaction in flight to put in the file, the state a killed process must not leave
 * (reference.conf, {@code write-delay-ms}), and forces the file to the device after a run that rewrote pages. The
 * journal's writes wait while it runs: under 5,000 fills/s on a 2-core host about 9 ms per run at the median, the
 * sync included (5.5 ms without it, whatever the budget from 128 to 512 KB: mostly going through the chunks; with
 * the 100,000 chunks of H2's 45 s retention, 15 ms and up to 64 ms), and longer as the file grows. So:
 * <ul>
 *   <li>every {@code interval} it looks at H2's count of file writes (on the default dispatcher, without the
 *       journal's connection);
 *   <li>if nothing was written since it last looked nor in the interval before, it compacts up to
 *       {@code idle-max-write-kb};
 *   <li>if at most {@code quiet-writes} were (a node under light load, or the first interval of a quiet period,
 *       which a stall of the node's own under load can also make), up to {@code quiet-max-write-kb};
 *   <li>under heavier load up to {@code busy-max-write-kb} (0: not at all, the choice for a retention of 45 s, where
 *       each run would stall the journal's writes for tens of milliseconds).
 * </ul>
 *
 * <p>A run queued by a look waits behind the journal's transactions; if the journal did not stay quiet meanwhile
 * (more than {@code quiet-writes} more writes) it compacts within the busy budget only. After a run that found
 * nothing to rewrite, none until the journal writes again. Nothing happens on the Cassandra journal, on
 * another database, on an H2 database that is not a local file, or when the interval is 0. Thread-safe: looks and
 * runs never overlap (a look while a run is queued or running is skipped), so the {@link CompactionGate} is used by
 * one of them at a time, handed on through a volatile flag.
 */
public final class JournalCompactor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JournalCompactor.class);
  private static final String PATH = "riskpulse.persistence.compaction";
  /** The first run's budget: it only finds the journal's store. */
  private static final int FIND_STORE = -1;

  /**
   * When and how much to compact.
   *
   * @param interval time between two looks at the journal; zero turns compaction off
   * @param chunkFillPercent H2 compacts while live pages fill less than this percent of all the file's chunks
   *     (1-100)
   * @param idleMaxWriteBytes at most this many bytes of live pages are rewritten per run when H2 wrote nothing to
   *     the file in the last two intervals
   * @param quietWrites at most this many file writes since the previous look count as quiet; 0: only idle
   * @param quietMaxWriteBytes at most this many bytes of live pages are rewritten per run when the journal is quiet
   * @param busyMaxWriteBytes at most this many bytes of live pages are rewritten per run under heavier load; 0: no
   *     run under load
   */
  public record Settings(Duration interval, int chunkFillPercent, int idleMaxWriteBytes, int quietWrites,
      int quietMaxWriteBytes, int busyMaxWriteBytes) {

    /**
     * Checks the ranges: a negative interval or count, a percent outside 1-100, an idle or quiet budget below 1 KB
     * or a busy one neither 0 nor at least 1 KB are refused.
     */
    public Settings {
      if (interval.isNegative()) {
        throw new IllegalArgumentException(PATH + ".interval must not be negative: " + interval);
      }
      if (quietWrites < 0) {
        throw new IllegalArgumentException(PATH + ".quiet-writes must not be negative: " + quietWrites);
      }
      if (chunkFillPercent < 1 || chunkFillPercent > 100) {
        throw new IllegalArgumentException(PATH + ".chunk-fill-percent must be within 1-100: " + chunkFillPercent);
      }
      if (idleMaxWriteBytes < 1024 || quietMaxWriteBytes < 1024) {
        throw new IllegalArgumentException(PATH + ": write budgets must be at least 1 KB: " + idleMaxWriteBytes
            + ", " + quietMaxWriteBytes + " bytes");
      }
      if (busyMaxWriteBytes != 0 && busyMaxWriteBytes < 1024) {
        throw new IllegalArgumentException(PATH + ".busy-max-write-kb must be 0 (no run under load) or at least 1: "
            + busyMaxWriteBytes + " bytes");
      }
    }

    /** Reads {@code riskpulse.persistence.compaction}. */
    public static Settings fromConfig(Config config) {
      Config c = config.getConfig(PATH);
      int busy = c.getLong("busy-max-write-kb") == 0 ? 0 : kb(c, "busy-max-write-kb");
      return new Settings(c.getDuration("interval"), c.getInt("chunk-fill-percent"), kb(c, "idle-max-write-kb"),
          c.getInt("quiet-writes"), kb(c, "quiet-max-write-kb"), busy);
    }

    private static int kb(Config c, String key) {
      long kb = c.getLong(key);
      if (kb < 1 || kb > Integer.MAX_VALUE / 1024) {
        throw new IllegalArgumentException(PATH + "." + key + " must be within 1-" + Integer.MAX_VALUE / 1024
            + ": " + kb);
      }
      return (int) kb * 1024;
    }

    /**
     * The budget of a run, in bytes, when H2 wrote to the file {@code writes} times since the previous look and
     * {@code writesBefore} times in the interval before: the idle budget when both are none, the quiet budget for
     * up to {@link #quietWrites} (also for a first interval without writes, which a stall of the node's own can
     * make under load), and the busy budget above (0: no run).
     */
    public int budgetAfter(long writes, long writesBefore) {
      if (writes == 0 && writesBefore == 0) {
        return idleMaxWriteBytes;
      }
      return writes <= quietWrites ? quietMaxWriteBytes : busyMaxWriteBytes;
    }

    /** Whether compaction runs at all. */
    public boolean enabled() {
      return !interval.isZero();
    }
  }

  /**
   * The outcome of one run.
   *
   * @param budgetBytes at most this many bytes of live pages could be rewritten
   * @param compacted whether H2 rewrote any page (false when no chunk was old and sparse enough)
   * @param fileBytes the database file's size after the run, in bytes
   * @param writes the file writes the run made (H2's count)
   * @param nanos how long the run held the journal's connection, in nanoseconds
   */
  public record Run(int budgetBytes, boolean compacted, long fileBytes, long writes, long nanos) {}

  private final SlickDatabase database;
  private final Settings settings;
  private final CompactionGate gate;
  private final Cancellable schedule;
  /** Set from a look that queues a run until that run completes: one look or run at a time. */
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong compactions = new AtomicLong();
  /** The journal's store, found by the first run on the journal's connection; read by the looks. */
  private volatile MVStore store;
  private volatile Run last;
  private volatile boolean closed;

  private JournalCompactor(ActorSystem<?> system, Settings settings) {
    this.database = ((SlickExtensionImpl) SlickExtension.get(Adapter.toClassic(system)))
        .database(system.settings().config().getConfig("jdbc-journal"));
    this.settings = settings;
    this.gate = new CompactionGate(settings);
    this.schedule = system.scheduler().scheduleWithFixedDelay(settings.interval(), settings.interval(),
        this::look, system.executionContext());
  }

  /**
   * Starts compacting the embedded journal, or returns empty when it does not apply: {@code interval = 0}, the
   * Cassandra journal, a database other than H2, or an H2 database that is not a local file (in memory, or on an
   * H2 server, which compacts its own).
   */
  public static Optional<JournalCompactor> start(ActorSystem<?> system) {
    Config config = system.settings().config();
    Settings settings = Settings.fromConfig(config);
    if (!settings.enabled() || JournalSelection.fromConfig(config).isCassandra()) {
      return Optional.empty();
    }
    String db = "pekko-persistence-jdbc.shared-databases." + config.getString("jdbc-journal.use-shared-db");
    if (!"slick.jdbc.H2Profile$".equals(config.getString(db + ".profile"))) {
      return Optional.empty();
    }
    String url = config.getString(db + ".db.url");
    try {
      JournalFlusher.databaseFile(url);
    } catch (SQLException e) {
      LOG.info("The embedded journal is not compacted: {} names no local H2 file", url);
      return Optional.empty();
    }
    return Optional.of(new JournalCompactor(system, settings));
  }

  /**
   * One compaction on {@code connection}, which must be a connection to an embedded H2 database with no
   * transaction of its own open: if live pages fill less than {@code chunkFillPercent} of all the file's chunks, the
   * live pages of old chunks, the sparsest first, are rewritten, at most {@code maxWriteBytes} of them, committed,
   * and the file forced to the device (the emptied chunks may be overwritten at once, see {@link JournalSyncer}).
   * Blocking.
   *
   * @throws SQLException if the connection is not to an embedded H2 database (a server's cannot be compacted
   *     from here), or has a transaction open
   */
  public static Run compact(Connection connection, int chunkFillPercent, int maxWriteBytes) throws SQLException {
    if (!connection.getAutoCommit()) {
      throw new SQLException("a transaction is open on the connection: compacting now could write it to the file");
    }
    long start = System.nanoTime();
    MVStore store = mvStore(connection);
    long writesBefore = store.getFileStore().getWriteCount();
    boolean compacted = store.compact(chunkFillPercent, maxWriteBytes);
    if (compacted) {
      store.commit(); // the rewritten pages, written now rather than with the journal's next transaction
      // The chunks just emptied are older than the retention time, so H2 may write over them with the journal's
      // next commit: the version that no longer needs them must be on the device first (JournalSyncer).
      store.sync();
    }
    return new Run(maxWriteBytes, compacted, store.getFileStore().size(),
        store.getFileStore().getWriteCount() - writesBefore, System.nanoTime() - start);
  }

  /** The MVStore behind an embedded H2 connection (through a pool's wrapper too). */
  static MVStore mvStore(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)) {
      throw new SQLException("not an H2 connection: " + connection);
    }
    if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
      throw new SQLException("the journal is on an H2 server; compact it there");
    }
    return session.getDatabase().getStore().getMvStore();
  }

  /** Runs that called H2's compaction, whether or not it found anything to rewrite. */
  public long runs() {
    return runs.get();
  }

  /** Runs that rewrote pages. */
  public long compactions() {
    return compactions.get();
  }

  /**
   * The journal database file's size now, in bytes, or -1 before the first run has found the store (within one
   * {@code interval} of the start) or after the database closed. Reads H2's cached size: no file system call.
   */
  public long fileBytes() {
    MVStore known = store;
    return known == null || known.isClosed() ? -1 : known.getFileStore().size();
  }

  /** The latest run's outcome, or empty before the first. */
  public Optional<Run> lastRun() {
    return Optional.ofNullable(last);
  }

  /** Stops looking; a run already queued still runs (or fails quietly if the database has closed). */
  @Override
  public void close() {
    closed = true;
    schedule.cancel();
  }

  /**
   * One look (on the default dispatcher, every {@code interval}): reads H2's write count without the journal's
   * connection and, if the journal is quiet, queues a run on it. The first look queues one that only finds the
   * store; a store found closed (the database reopened) is found again.
   */
  private void look() {
    if (!pending.compareAndSet(false, true)) {
      return;
    }
    boolean queued = false;
    try {
      MVStore known = store;
      if (known == null) {
        queue(FIND_STORE, -1);
        queued = true;
      } else if (known.isClosed()) {
        store = null;
        gate.reset();
      } else {
        long writes = known.getFileStore().getWriteCount();
        int budget = gate.look(writes);
        if (budget > 0) {
          queue(budget, writes);
          queued = true;
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot look at the embedded journal for compaction: {}", e.toString());
    } finally {
      if (!queued) {
        pending.set(false);
      }
    }
  }

  /**
   * Queues a run on the journal's connection: finds the store ({@link #FIND_STORE}), or compacts up to
   * {@code budget} bytes if the journal stayed quiet since the look that read {@code writesAtLook} (the run may
   * wait behind the journal's transactions). Completes with null when it compacted nothing on purpose.
   */
  @SuppressWarnings({"unchecked", "rawtypes"}) // Slick's action type is contravariant in its effect: raw from Java
  private void queue(int budget, long writesAtLook) {
    DBIOAction action = SimpleJdbcAction.apply(context -> {
      try {
        if (budget == FIND_STORE) {
          store = mvStore(context.connection());
          gate.look(store.getFileStore().getWriteCount());
          return null;
        }
        int allowed = gate.budgetAtRun(budget, writesAtLook,
            mvStore(context.connection()).getFileStore().getWriteCount());
        if (allowed == 0) {
          return null;
        }
        return compact(context.connection(), settings.chunkFillPercent(), allowed);
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    });
    Future<Run> result = database.database().run(action);
    scala.jdk.javaapi.FutureConverters.asJava(result).whenComplete((run, failure) -> {
      try {
        if (failure != null) {
          if (closed) {
            LOG.debug("A journal compaction queued before the node stopped did not run: {}", failure.getMessage());
          } else {
            LOG.warn("Cannot compact the embedded journal: {}", failure.getMessage());
          }
        } else if (run != null) {
          gate.ranWith(run.writes(), run.compacted());
          last = run;
          runs.incrementAndGet();
          if (run.compacted()) {
            compactions.incrementAndGet();
          }
          LOG.debug("Journal compaction, budget {} KB: rewrote {}, file {} bytes, {} µs", run.budgetBytes() / 1024,
              run.compacted(), run.fileBytes(), run.nanos() / 1_000);
        }
      } finally {
        pending.set(false);
      }
    });
  }
}
