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
 * Compacts the embedded journal's H2 file whenever the journal is quiet, so that the file reuses the space of the
 * chunks whose live data moved on instead of growing with every stretch of load.
 *
 * <p>Why: H2 writes each commit as a new chunk at a free place of the file, and frees a chunk only once none of
 * its pages is live any more and it is older than H2's retention time (45 s). A journal's rows are appended and
 * never rewritten, so many chunks keep the page or two that took their new rows and are never freed: on top of
 * the 45 s of chunks H2 retains (3.7 GB at 5,000 fills/s on a 2-core host), the file keeps growing, by 36 MB per
 * 100,000 fills at that rate, and H2, which searches the file's free space from its start for every chunk it
 * writes, spends more of each commit in that search (docs/PERFORMANCE.md sections 36 and 37). H2 compacts only in
 * its background writer, which the journal's {@code WRITE_DELAY=0} leaves out (see reference.conf), and when it
 * closes.
 *
 * <p>What: it runs H2's own compaction, {@link MVStore#compact(int, int)}: the live pages of the sparsest chunks
 * (filled below {@code chunk-fill-percent}) that are older than H2's retention time ({@code RETENTION_TIME}, 45 s
 * unless the URL sets it) are written again, up to a budget, into one new chunk, after which the old chunks are
 * free. It runs through the journal's own Slick database, so on its one connection between two of the journal's
 * transactions: H2 then has no transaction in flight to put in the file, the state a killed process must not leave
 * (reference.conf, {@code write-delay-ms}). The journal's writes wait while it runs, about 10 ms per MB rewritten
 * on a 2-core host, and a run also scans every chunk of the file (15 ms at the median with the 100,000 chunks that
 * 45 s at 5,000 fills/s leave, against microseconds with a few thousand), so it compacts only while the journal is
 * quiet:
 * <ul>
 *   <li>every {@code interval} it looks at H2's count of file writes, without touching the journal's connection;
 *   <li>if nothing was written since it last looked nor in the interval before, it compacts up to
 *       {@code idle-max-write-kb};
 *   <li>if at most {@code quiet-writes} were (a node under light load, whose file holds few chunks, or the first
 *       interval of a quiet period, which a stall of the node's own under load can also make), up to
 *       {@code quiet-max-write-kb};
 *   <li>under heavier load not at all: there each run would stall the journal's writes for tens of milliseconds,
 *       and the file grows until the journal is quiet again (docs/PERFORMANCE.md section 37).
 * </ul>
 *
 * <p>Nothing happens on the Cassandra journal, on another database, or when the interval is 0. Thread-safe: runs
 * never overlap (a tick while one is queued or running is skipped), and the state the ticks keep is touched by one
 * tick at a time or by the completion of the run it queued, before that releases the next tick.
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
   * @param chunkFillPercent chunks whose live pages fill less than this percent of them are rewritten (1-100)
   * @param idleMaxWriteBytes at most this many bytes of live pages are rewritten per run when H2 wrote nothing to
   *     the file in the last two intervals
   * @param quietWrites at most this many file writes since the previous look count as quiet; 0: only idle
   * @param quietMaxWriteBytes at most this many bytes of live pages are rewritten per run when the journal is quiet
   */
  public record Settings(Duration interval, int chunkFillPercent, int idleMaxWriteBytes, int quietWrites,
      int quietMaxWriteBytes) {

    /** Checks the ranges: a negative interval or count, a percent outside 1-100 or a budget below 1 KB are refused. */
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
    }

    /** Reads {@code riskpulse.persistence.compaction}. */
    public static Settings fromConfig(Config config) {
      Config c = config.getConfig(PATH);
      return new Settings(c.getDuration("interval"), c.getInt("chunk-fill-percent"), kb(c, "idle-max-write-kb"),
          c.getInt("quiet-writes"), kb(c, "quiet-max-write-kb"));
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
     * make under load), and 0 (no run) above.
     */
    public int budgetAfter(long writes, long writesBefore) {
      if (writes == 0 && writesBefore == 0) {
        return idleMaxWriteBytes;
      }
      return writes <= quietWrites ? quietMaxWriteBytes : 0;
    }

    /** Whether compaction runs at all. */
    public boolean enabled() {
      return !interval.isZero();
    }
  }

  /**
   * The outcome of one run.
   *
   * @param compacted whether H2 rewrote any page (false when no chunk was old and sparse enough)
   * @param fileBytes the database file's size after the run, in bytes
   * @param nanos how long the run held the journal's connection, in nanoseconds
   */
  public record Run(boolean compacted, long fileBytes, long nanos) {}

  private final SlickDatabase database;
  private final Settings settings;
  private final Cancellable schedule;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong compactions = new AtomicLong();
  /** The journal's store, found by the first run; then read by the ticks, on the scheduler's thread. */
  private volatile MVStore store;
  /** H2's file write count when the previous tick looked (ticks are serialized by {@link #pending}). */
  private long writesSeen = -1;
  /** The writes the previous tick found since the one before it. */
  private long writesBefore = Long.MAX_VALUE;
  private volatile Run last;

  private JournalCompactor(ActorSystem<?> system, Settings settings) {
    this.database = ((SlickExtensionImpl) SlickExtension.get(Adapter.toClassic(system)))
        .database(system.settings().config().getConfig("jdbc-journal"));
    this.settings = settings;
    this.schedule = system.scheduler().scheduleWithFixedDelay(settings.interval(), settings.interval(),
        this::tick, system.executionContext());
  }

  /**
   * Starts compacting the embedded journal every interval, or returns empty when it does not apply: the
   * Cassandra journal, a database other than H2, or {@code interval = 0}.
   */
  public static Optional<JournalCompactor> start(ActorSystem<?> system) {
    Config config = system.settings().config();
    Settings settings = Settings.fromConfig(config);
    if (!settings.enabled() || JournalSelection.fromConfig(config).isCassandra()
        || !"slick.jdbc.H2Profile$".equals(config.getString("pekko-persistence-jdbc.shared-databases.slick.profile"))) {
      return Optional.empty();
    }
    return Optional.of(new JournalCompactor(system, settings));
  }

  /**
   * One compaction on {@code connection}, which must be a connection to an embedded H2 database with no
   * transaction of its own open: live pages of chunks filled below {@code chunkFillPercent} rewritten, at most
   * {@code maxWriteBytes} of them. Blocking.
   *
   * @throws SQLException if the connection is not to an embedded H2 database (a server's cannot be compacted
   *     from here)
   */
  public static Run compact(Connection connection, int chunkFillPercent, int maxWriteBytes) throws SQLException {
    long start = System.nanoTime();
    MVStore store = mvStore(connection);
    boolean compacted = store.compact(chunkFillPercent, maxWriteBytes);
    if (compacted) {
      store.commit(); // the rewritten pages, written now rather than with the journal's next transaction
    }
    return new Run(compacted, store.getFileStore().size(), System.nanoTime() - start);
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

  /** Runs so far (including those that found nothing to do, and the first, which only finds the store). */
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

  @Override
  public void close() {
    schedule.cancel();
  }

  /** Decides whether to compact now (see the class comment) and, if so, queues a run on the journal's connection. */
  private void tick() {
    if (!pending.compareAndSet(false, true)) {
      return;
    }
    MVStore known = store;
    int budget;
    if (known == null) {
      budget = FIND_STORE;
    } else if (known.isClosed()) {
      pending.set(false);
      return;
    } else {
      long writes = known.getFileStore().getWriteCount();
      long since = writes - writesSeen;
      writesSeen = writes;
      budget = settings.budgetAfter(since, writesBefore);
      writesBefore = since;
      if (budget == 0) {
        pending.set(false);
        return;
      }
    }
    runOnJournalConnection(budget);
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // Slick's action type is contravariant in its effect: raw from Java
  private void runOnJournalConnection(int budget) {
    DBIOAction action = SimpleJdbcAction.apply(context -> {
      try {
        if (budget == FIND_STORE) {
          store = mvStore(context.connection());
          return null;
        }
        return compact(context.connection(), settings.chunkFillPercent(), budget);
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    });
    Future<Run> result = database.database().run(action);
    scala.jdk.javaapi.FutureConverters.asJava(result).whenComplete((run, failure) -> {
      MVStore known = store;
      if (known != null && !known.isClosed()) {
        writesSeen = known.getFileStore().getWriteCount(); // the run's own writes are not the journal's
      }
      runs.incrementAndGet();
      pending.set(false);
      if (failure != null) {
        LOG.warn("Cannot compact the embedded journal: {}", failure.getMessage());
        return;
      }
      if (run == null) {
        return; // found the store
      }
      last = run;
      if (run.compacted()) {
        compactions.incrementAndGet();
      }
      LOG.debug("Journal compaction, budget {} KB: rewrote {}, file {} bytes, {} µs", budget / 1024,
          run.compacted(), run.fileBytes(), run.nanos() / 1_000);
    });
  }
}
