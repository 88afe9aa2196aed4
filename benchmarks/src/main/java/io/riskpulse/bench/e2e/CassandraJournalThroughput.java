package io.riskpulse.bench.e2e;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.journal.ChainedEventSerializer;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.NodeDeps;
import io.riskpulse.node.NodeServices;
import io.riskpulse.node.cassandra.CassandraLauncher;
import io.riskpulse.node.cassandra.CassandraServerSettings;
import io.riskpulse.node.cassandra.CassandraStatus;
import io.riskpulse.persistence.CassandraSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.cassandra.KeyspaceAndTableStatements;
import org.apache.pekko.persistence.cassandra.PluginSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * Journal throughput on a real Apache Cassandra node, as a ratio to raw driver inserts of the same rows measured by
 * this harness in the same run (issue 7: the ratio should be at least 0.7). Unit: journal rows written per second
 * ({@code messages} rows, acknowledged by Cassandra at the plugin's write consistency).
 *
 * <p>One run: starts Cassandra 5.0 with {@link CassandraLauncher} (a separate JVM, free ports, a temp folder; always
 * stopped at the end, also by a shutdown hook), boots a node ({@link Main#init}) on the Cassandra journal in a fresh
 * keyspace (the plugin's schema, created by the node at start), creates the same tables from the same plugin CQL in a
 * second keyspace for the baseline, opens {@code portfolios} portfolios without limits, then alternates:
 *
 * <ul>
 *   <li><b>raw</b> (baseline): {@code rows} INSERTs into the baseline keyspace's {@code messages} table through the
 *       node's own driver session and the plugin's write profile, every column bound the way the plugin binds it
 *       (persistence id, partition nr, sequence nr, time UUID, day time bucket, writer UUID, serializer id and
 *       manifests, event blob, empty tags). The event blobs are copies of real sealed {@code ExecutionApplied} rows
 *       read back from the journal after its warm-up, so the payload bytes are the same.
 *   <li><b>journal</b>: {@code rows} real fills into the portfolios with {@link PortfolioClient#applyAll}, each fill
 *       one sealed {@code ExecutionApplied} persisted by Pekko persistence into the Cassandra journal. The rate counts
 *       rows actually stored: {@code count(*)} of every portfolio's {@code messages} partition after minus before
 *       (outside the timed window), which is also how the raw side's rows are counted.
 * </ul>
 *
 * <p>Why the comparison is fair: both sides write the same number of rows, of the same size, to the same table
 * definition on the same Cassandra, from the same JVM and driver session, grouped the same way. The journal side
 * sends fills in chunks of {@code riskpulse.ingestion.pipeline.max-batch}, one {@code ApplyExecutions} per portfolio
 * per chunk, {@code parallelism} chunks in flight (as {@link FillThroughput}'s {@code direct} mode and the ingestion
 * pipeline do); each command becomes one journal write, an UNLOGGED batch of its events in one partition (a single
 * INSERT for one event), and a portfolio has one write in flight at a time. The raw side builds the same chunks of
 * rows round-robin over the same persistence ids, sends one UNLOGGED batch per persistence id per chunk (split at the
 * plugin's {@code max-message-batch-size} like the plugin), chains the writes of one persistence id one after the
 * other, and keeps the same number of chunks in flight. {@link StatementTally} counts every request of both sides
 * (rows per request, latency, mean requests in flight by Little's law), so the concurrency is measured, not
 * assumed. What the journal side does more is the point of the ratio: the portfolio's own work per fill, Pekko
 * persistence (event adapter sealing the hash chain, serialization, the journal actor), the plugin's tag bookkeeping,
 * snapshots every {@code riskpulse.portfolio.snapshot-every} events (up to {@code snapshot-every-max} as the
 * execution-id window grows); the tally lists those extra requests.
 *
 * <p>Options ({@code key=value}): {@code portfolios} (50), {@code rows} per measurement (60,000), {@code warmup}
 * rows per side before the first measurement (60,000), {@code reps} (3), {@code timeoutSeconds} per measurement
 * (300), {@code jfr} ({@code off}; {@code journal} or {@code raw} records that side of the first repetition with
 * Java Flight Recorder's {@code profile} settings into {@code cassandra-journal-throughput-<side>.jfr} in the working
 * folder, for {@code benchmarks/scripts/jfr-profile.py}). Cassandra's jars come from
 * {@code riskpulse.cassandra.server.lib-dir} (default {@code deploy/cassandra/target/lib}, relative to the working
 * folder; {@code RISKPULSE_CASSANDRA_LIB}), heap from the same settings.
 *
 * <p>Prints per repetition both rates, the ratio, the cores used by this process, by Cassandra and by everything else
 * (so a noisy repetition is visible) and the CPU per row of this process and of Cassandra; then the medians, the CQL
 * requests of each side ({@link StatementTally}), this process's CPU per row by thread group, and row-count checks
 * against Cassandra. Not thread-safe; a main only.
 */
public final class CassandraJournalThroughput {

  static final String JOURNAL_KEYSPACE = "bench_journal";
  static final String RAW_KEYSPACE = "bench_raw";
  private static final String PLUGIN = CassandraSchema.PLUGIN_PATH;
  private static final long DAY_MILLIS = 86_400_000L;

  private CassandraJournalThroughput() {}

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int portfolios = options.integer("portfolios", 50);
    long rows = options.number("rows", 60_000);
    long warmup = options.number("warmup", 60_000);
    int reps = options.integer("reps", 3);
    long timeoutSeconds = options.number("timeoutSeconds", 300);
    String jfr = options.choice("jfr", "off", "journal", "raw");

    Harness.banner("RiskPulse journal throughput on Cassandra vs raw driver inserts of the same rows", options);

    Path dir = Files.createTempDirectory("riskpulse-bench-cassandra-");
    CassandraServerSettings configured = Harness.cassandraIn(dir);
    CassandraLauncher launcher = new CassandraLauncher(configured);
    Thread hook = new Thread(launcher::stop, "bench-cassandra-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      long launched = System.nanoTime();
      CassandraStatus cassandra = launcher.start(false);
      System.out.println(Stats.fmt("cassandra: 5.0 (deploy/cassandra), separate JVM pid %d, heap %s-%s, CQL up "
              + "after %.1f s", cassandra.pid(), configured.heapMin(), configured.heapMax(),
          (System.nanoTime() - launched) / 1e9));
      run(dir, cassandra, portfolios, rows, warmup, reps, timeoutSeconds, jfr);
    } finally {
      long stopping = System.nanoTime();
      boolean stopped = launcher.stop();
      System.out.println(Stats.fmt("cassandra: %s in %.1f s", stopped ? "stopped" : "was not running",
          (System.nanoTime() - stopping) / 1e9));
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs anyway; stop() is idempotent.
      }
      deleteRecursively(dir);
    }
  }

  private static void run(Path dir, CassandraStatus cassandra, int portfolios, long rows, long warmup, int reps,
      long timeoutSeconds, String jfr) throws Exception {
    Config config = NodeConfig.load(ConfigFactory.parseString(
        "riskpulse.persistence.data-dir = \"" + dir.toAbsolutePath() + "\"\n"
            + "riskpulse.persistence.journal = cassandra\n"
            + "riskpulse.persistence.cassandra.contact-points = \"" + CassandraLauncher.HOST + ":"
            + cassandra.nativePort() + "\"\n"
            + "riskpulse.persistence.cassandra.keyspace = " + JOURNAL_KEYSPACE + "\n"
            + "riskpulse.persistence.cassandra.snapshot-keyspace = " + JOURNAL_KEYSPACE + "_snapshot\n"
            + "pekko.remote.artery.canonical.port = 0\n"
            + "riskpulse.http.enabled = off\n"
            + "riskpulse.grpc.enabled = off\n"
            + "riskpulse.ingestion.aeron.enabled = off\n"
            // A fresh cluster creates two keyspaces and eight tables at start: seconds each on two busy cores.
            + "riskpulse.node.startup-timeout = 180s\n"
            + "datastax-java-driver.advanced.request-tracker.classes = [\"" + StatementTally.class.getName()
            + "\"]\n"));
    long booting = System.nanoTime();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
    try {
      NodeServices services = Main.init(system, new NodeDeps(Main.loadInstruments(config), Clock.systemUTC()));
      CountDownLatch up = new CountDownLatch(1);
      org.apache.pekko.cluster.Cluster.get(system.classicSystem()).registerOnMemberUp(up::countDown);
      if (!up.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the node did not come up within 60 s");
      }
      CqlSession session = CassandraSessionRegistry.get(system).sessionFor(PLUGIN).underlying()
          .toCompletableFuture().get(60, TimeUnit.SECONDS);
      long schemaStart = System.nanoTime();
      createRawSchema(system, session, config);
      System.out.println(Stats.fmt("node: on the Cassandra journal (keyspace %s), up after %.1f s; baseline "
              + "keyspace %s created in %.1f s", JOURNAL_KEYSPACE, (schemaStart - booting) / 1e9, RAW_KEYSPACE,
          (System.nanoTime() - schemaStart) / 1e9));

      Rig rig = Rig.open(services, session, config, portfolios, cassandra.pid());
      System.out.println(Stats.fmt("grouping: chunks of %d rows round-robin over %d persistence ids, %d chunks in "
              + "flight; plugin: write profile %s, max-message-batch-size %d; portfolio snapshot-every %d (max %d)",
          rig.chunk, portfolios, rig.parallelism, rig.writeProfile, rig.maxMessageBatch,
          config.getInt("riskpulse.portfolio.snapshot-every"),
          config.getInt("riskpulse.portfolio.snapshot-every-max")));

      Burst warmJournal = rig.journal(warmup, timeoutSeconds);
      rig.harvestPayloads();
      Burst warmRaw = rig.raw(warmup, timeoutSeconds);
      System.out.println(Stats.fmt("warm-up: journal %s rows/s, raw %s rows/s (not counted)",
          Stats.rate(warmJournal.perSecond()), Stats.rate(warmRaw.perSecond())));
      System.out.println(Stats.fmt("payload: event blob of a sealed ExecutionApplied, %d copied from the journal "
              + "(ser_id %d, ser_manifest '%s'): mean %.1f bytes, min %d, max %d",
          rig.payloads.size(), rig.payloads.get(0).serId, rig.payloads.get(0).serManifest, rig.meanPayloadBytes(),
          rig.payloads.stream().mapToInt(p -> p.event.remaining()).min().orElse(0),
          rig.payloads.stream().mapToInt(p -> p.event.remaining()).max().orElse(0)));
      System.out.println();
      System.out.println("rep   raw rows/s  journal rows/s  journal/raw   cores this/cassandra/others: raw  "
          + "journal       CPU us/row this/cassandra: raw  journal");
      double[] rawRates = new double[reps];
      double[] journalRates = new double[reps];
      double[] ratios = new double[reps];
      List<Burst> rawBursts = new ArrayList<>();
      List<Burst> journalBursts = new ArrayList<>();
      for (int rep = 0; rep < reps; rep++) {
        Recording recording = rep == 0 && jfr.equals("raw") ? startRecording() : null;
        Burst r = rig.raw(rows, timeoutSeconds);
        if (recording != null) {
          dump(recording, jfr);
        }
        recording = rep == 0 && jfr.equals("journal") ? startRecording() : null;
        Burst j = rig.journal(rows, timeoutSeconds);
        if (recording != null) {
          dump(recording, jfr);
        }
        rawBursts.add(r);
        journalBursts.add(j);
        rawRates[rep] = r.perSecond();
        journalRates[rep] = j.perSecond();
        ratios[rep] = journalRates[rep] / rawRates[rep];
        System.out.println(Stats.fmt("%3d  %11s  %14s  %11.3f   %30s  %-14s   %30s  %-8s %s", rep + 1,
            Stats.rate(rawRates[rep]), Stats.rate(journalRates[rep]), ratios[rep], r.cpu, j.cpu,
            r.cpu.microsPerRow(r), j.cpu.microsPerRow(j),
            r.failures + j.failures == 0 ? "" : Stats.fmt("FAILURES raw %d, journal %d", r.failures, j.failures)));
      }
      double medianRatio = Stats.median(ratios);
      System.out.println(Stats.fmt("med  %11s  %14s  %11.3f   (median of per-repetition ratios)",
          Stats.rate(Stats.median(rawRates)), Stats.rate(Stats.median(journalRates)), medianRatio));
      System.out.println();
      System.out.println("CQL requests per side, all measured repetitions (StatementTally: rows/request, mean "
          + "latency, mean in flight = sum of latencies / wall time):");
      printTally("raw", rawBursts);
      printTally("journal", journalBursts);
      System.out.println();
      System.out.println("CPU of this process by thread group (digits folded to N), us per row, all measured "
          + "repetitions; Cassandra's own JVM is the 'cassandra' figure above:");
      printThreads(rawBursts, journalBursts);
      System.out.println();
      System.out.println(Stats.fmt("journal rows/s as a fraction of raw driver inserts (median): %.3f   target >= "
          + "0.7: %s", medianRatio, medianRatio >= 0.7 ? "MET" : "NOT MET"));
      rig.check(journalBursts);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  /** The plugin's own journal CQL with the keyspace renamed: an identical messages table for the baseline. */
  private static void createRawSchema(ActorSystem<?> system, CqlSession session, Config config) {
    Config plugin = config.getConfig(PLUGIN)
        .withValue("journal.keyspace", ConfigFactory.parseString("k = " + RAW_KEYSPACE).getValue("k"));
    KeyspaceAndTableStatements cql = new KeyspaceAndTableStatements(system, PLUGIN,
        PluginSettings.apply(Adapter.toClassic(system), plugin));
    List<String> statements = new ArrayList<>();
    statements.add(cql.createJournalKeyspaceStatement());
    statements.addAll(cql.getCreateJournalTablesStatements());
    Duration timeout = config.getDuration("riskpulse.persistence.cassandra.schema-timeout");
    for (String statement : statements) {
      session.execute(SimpleStatement.newInstance(statement).setTimeout(timeout));
    }
  }

  private static void printTally(String side, List<Burst> bursts) {
    Map<String, long[]> sum = new LinkedHashMap<>();
    long wall = 0;
    for (Burst burst : bursts) {
      wall += burst.nanos;
      burst.tally.forEach((kind, t) -> {
        long[] s = sum.computeIfAbsent(kind, k -> new long[4]);
        s[0] += t.requests();
        s[1] += t.rows();
        s[2] += t.failures();
        s[3] += t.latencyNanos();
      });
    }
    for (Map.Entry<String, long[]> e : sum.entrySet()) {
      long[] s = e.getValue();
      System.out.println(Stats.fmt("  %-8s %-58s %9d req %9d rows %6.2f rows/req %8.2f ms %6.1f in flight%s",
          side, e.getKey(), s[0], s[1], (double) s[1] / s[0], s[3] / 1e6 / s[0], (double) s[3] / wall,
          s[2] == 0 ? "" : Stats.fmt("  %d FAILED", s[2])));
    }
  }

  private static void printThreads(List<Burst> raw, List<Burst> journal) {
    Map<String, Long> rawSum = new java.util.HashMap<>();
    Map<String, Long> journalSum = new java.util.HashMap<>();
    raw.forEach(b -> b.threadCpuNanos.forEach((k, v) -> rawSum.merge(k, v, Long::sum)));
    journal.forEach(b -> b.threadCpuNanos.forEach((k, v) -> journalSum.merge(k, v, Long::sum)));
    double rawRows = raw.stream().mapToLong(Burst::rows).sum();
    double journalRows = journal.stream().mapToLong(Burst::rows).sum();
    java.util.Set<String> groups = new java.util.TreeSet<>(rawSum.keySet());
    groups.addAll(journalSum.keySet());
    System.out.println(Stats.fmt("  %-50s %8s %8s", "thread group", "raw", "journal"));
    groups.stream()
        .sorted(Comparator.comparingLong((String g) -> -journalSum.getOrDefault(g, 0L) - rawSum.getOrDefault(g, 0L)))
        .filter(g -> (journalSum.getOrDefault(g, 0L) / journalRows + rawSum.getOrDefault(g, 0L) / rawRows) >= 500)
        .forEach(g -> System.out.println(Stats.fmt("  %-50s %8.1f %8.1f", g,
            rawSum.getOrDefault(g, 0L) / 1e3 / rawRows, journalSum.getOrDefault(g, 0L) / 1e3 / journalRows)));
    System.out.println(Stats.fmt("  %-50s %8.1f %8.1f", "all threads seen at both ends",
        rawSum.values().stream().mapToLong(Long::longValue).sum() / 1e3 / rawRows,
        journalSum.values().stream().mapToLong(Long::longValue).sum() / 1e3 / journalRows));
  }

  private static Recording startRecording() throws Exception {
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.start();
    return recording;
  }

  private static void dump(Recording recording, String side) throws IOException {
    Path file = Path.of("cassandra-journal-throughput-" + side + ".jfr").toAbsolutePath();
    recording.stop();
    recording.dump(file);
    recording.close();
    System.out.println("jfr: the " + side + " side of repetition 1 recorded in " + file.getFileName());
  }

  /**
   * CPU time of this JVM's threads over an interval, by thread name with digits folded to N (pool threads group
   * together). Threads that start and end inside the interval are not seen.
   */
  static final class ThreadCpu {
    private static final java.lang.management.ThreadMXBean BEAN =
        java.lang.management.ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = times();

    private static Map<Long, Long> times() {
      Map<Long, Long> times = new java.util.HashMap<>();
      for (long id : BEAN.getAllThreadIds()) {
        long t = BEAN.getThreadCpuTime(id);
        if (t >= 0) {
          times.put(id, t);
        }
      }
      return times;
    }

    Map<String, Long> stop() {
      Map<Long, Long> end = times();
      Map<String, Long> byGroup = new java.util.HashMap<>();
      end.forEach((id, t) -> {
        Long t0 = start.get(id);
        java.lang.management.ThreadInfo info = BEAN.getThreadInfo(id);
        if (t0 != null && info != null) {
          byGroup.merge(info.getThreadName().replaceAll("[0-9]+", "N"), t - t0, Long::sum);
        }
      });
      return byGroup;
    }
  }

  /** One measurement: rows written, wall time, CPU, the CQL requests made meanwhile. */
  record Burst(long rows, long nanos, Cpu cpu, Map<String, StatementTally.Totals> tally,
      Map<String, Long> threadCpuNanos, long failures) {
    double perSecond() {
      return rows * 1e9 / nanos;
    }
  }

  /** Cores used by this process, by the Cassandra JVM and by every other process over an interval. */
  record Cpu(double self, double cassandra, double others, long selfNanos, long cassandraNanos) {

    static final class Meter {
      private final long pid;
      private final long wallStart = System.nanoTime();
      private final long selfStart = Stats.processCpuNanos();
      private final long cassandraStart;
      private final long machineStart = Stats.machineBusyNanos();

      Meter(long pid) {
        this.pid = pid;
        this.cassandraStart = processCpuNanos(pid);
      }

      Cpu stop() {
        long wall = System.nanoTime() - wallStart;
        long self = Stats.processCpuNanos() - selfStart;
        long cassandra = processCpuNanos(pid) - cassandraStart;
        long machine = Stats.machineBusyNanos() - machineStart;
        return new Cpu((double) self / wall, (double) cassandra / wall,
            Math.max(0, (double) (machine - self - cassandra) / wall), self, cassandra);
      }
    }

    /** utime + stime of a process from /proc, ns; -1 where unavailable. */
    static long processCpuNanos(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * (1_000_000_000L / 100);
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }

    String microsPerRow(Burst burst) {
      return Stats.fmt("%.0f/%.0f", selfNanos / 1e3 / burst.rows(), cassandraNanos / 1e3 / burst.rows());
    }

    @Override
    public String toString() {
      return Stats.fmt("%.2f/%.2f/%.2f", self, cassandra, others);
    }
  }

  /** One event blob and its serializer columns, as the journal stored it. */
  record Payload(int serId, String serManifest, String eventManifest, ByteBuffer event, Set<String> tags) {}

  /** The node, its portfolios, the baseline's prepared insert and the fill generator. */
  private static final class Rig {
    final NodeServices services;
    final CqlSession session;
    final String[] portfolioIds;
    final String[] persistenceIds;
    final int chunk;
    final int parallelism;
    final int maxMessageBatch;
    final long targetPartitionSize;
    final String writeProfile;
    final long cassandraPid;
    final PreparedStatement insert;
    final long[] rawSequence;
    final String[] writerUuids;
    final List<Payload> payloads = new ArrayList<>();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong rawFailures = new AtomicLong();
    long fills;
    long rawRows;
    long rawAcked;

    private Rig(NodeServices services, CqlSession session, Config config, String[] portfolioIds,
        long cassandraPid) {
      this.services = services;
      this.session = session;
      this.portfolioIds = portfolioIds;
      this.persistenceIds = new String[portfolioIds.length];
      for (int i = 0; i < portfolioIds.length; i++) {
        persistenceIds[i] = io.riskpulse.model.portfolio.Portfolio.ENTITY_KEY.name() + "|" + portfolioIds[i];
      }
      Config pipeline = config.getConfig("riskpulse.ingestion.pipeline");
      this.chunk = pipeline.getInt("max-batch");
      this.parallelism = pipeline.getInt("parallelism");
      Config journal = config.getConfig(PLUGIN + ".journal");
      this.maxMessageBatch = journal.getInt("max-message-batch-size");
      this.targetPartitionSize = journal.getLong("target-partition-size");
      this.writeProfile = config.getString(PLUGIN + ".write-profile");
      this.cassandraPid = cassandraPid;
      this.insert = session.prepare("INSERT INTO " + RAW_KEYSPACE + ".messages (persistence_id, partition_nr, "
          + "sequence_nr, timestamp, timebucket, writer_uuid, ser_id, ser_manifest, event_manifest, event, tags) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      this.rawSequence = new long[portfolioIds.length];
      this.writerUuids = new String[portfolioIds.length];
      for (int i = 0; i < writerUuids.length; i++) {
        writerUuids[i] = UUID.randomUUID().toString();
      }
    }

    static Rig open(NodeServices services, CqlSession session, Config config, int portfolios, long cassandraPid)
        throws Exception {
      long now = System.currentTimeMillis();
      for (String symbol : FillRig.SYMBOLS) {
        if (services.market().update(new Quote(symbol, Double.NaN, 99.99, 100.01, now)) != null) {
          throw new IllegalStateException("market view refused a price for " + symbol);
        }
      }
      String[] ids = new String[portfolios];
      List<CompletionStage<Reply>> opened = new ArrayList<>();
      for (int i = 0; i < portfolios; i++) {
        ids[i] = String.format("bench-%03d", i);
        opened.add(services.portfolios().open(ids[i], "bench", "trader-" + (i % 5), 10_000_000, Limits.NONE,
            "benchmark"));
      }
      for (int i = 0; i < portfolios; i++) {
        Reply reply = BenchNode.await(opened.get(i), 60);
        if (!reply.isAccepted()) {
          throw new IllegalStateException("cannot open " + ids[i] + ": " + reply);
        }
      }
      return new Rig(services, session, config, ids, cassandraPid);
    }

    /** The next fill of the round-robin: ten USD symbols, buying then selling 10, so positions stay bounded. */
    Execution nextExecution(long executedAtMillis) {
      long i = fills++;
      int n = portfolioIds.length;
      long round = i / n;
      Side side = (round / FillRig.SYMBOLS.length) % 2 == 0 ? Side.BUY : Side.SELL;
      return new Execution("F" + i, portfolioIds[(int) (i % n)], "bench",
          FillRig.SYMBOLS[(int) (round % FillRig.SYMBOLS.length)], side, 10, 100 + 0.01 * (i % 7), executedAtMillis);
    }

    /** Sum of the portfolios' journal sequence numbers (each event one messages row). */
    long events() throws Exception {
      List<CompletionStage<io.riskpulse.model.portfolio.PortfolioSnapshot>> asks = new ArrayList<>();
      for (String id : portfolioIds) {
        asks.add(services.portfolios().snapshot(id));
      }
      long total = 0;
      for (CompletionStage<io.riskpulse.model.portfolio.PortfolioSnapshot> ask : asks) {
        total += BenchNode.await(ask, 60).version();
      }
      return total;
    }

    /** Fills into the portfolios, chunked and grouped like the ingestion pipeline; rows = events persisted. */
    Burst journal(long count, long timeoutSeconds) throws Exception {
      PortfolioClient client = services.portfolios();
      long rowsBefore = storedRows(JOURNAL_KEYSPACE);
      long refusedBefore = refused.get();
      Semaphore inFlight = new Semaphore(parallelism);
      Map<String, StatementTally.Totals> tallyBefore = StatementTally.snapshot();
      ThreadCpu threads = new ThreadCpu();
      Cpu.Meter meter = new Cpu.Meter(cassandraPid);
      long start = System.nanoTime();
      for (long sent = 0; sent < count; sent += chunk) {
        Map<String, List<Execution>> byPortfolio = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        for (long i = sent; i < Math.min(count, sent + chunk); i++) {
          Execution e = nextExecution(now);
          byPortfolio.computeIfAbsent(e.portfolioId(), p -> new ArrayList<>()).add(e);
        }
        acquire(inFlight, 1, timeoutSeconds, "journal");
        List<CompletableFuture<?>> asks = new ArrayList<>();
        byPortfolio.forEach((portfolio, executions) -> asks.add(client.applyAll(portfolio, executions)
            .thenAccept(replies -> refused.addAndGet(replies.stream().filter(r -> !r.isAccepted()).count()))
            .toCompletableFuture()));
        CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
          if (failure != null) {
            refused.incrementAndGet();
          }
          inFlight.release();
        });
      }
      acquire(inFlight, parallelism, timeoutSeconds, "journal");
      long end = System.nanoTime();
      Cpu cpu = meter.stop();
      Map<String, StatementTally.Totals> tally = StatementTally.between(tallyBefore, StatementTally.snapshot());
      Map<String, Long> threadCpu = threads.stop();
      long stored = storedRows(JOURNAL_KEYSPACE) - rowsBefore;
      long refusals = refused.get() - refusedBefore;
      if (stored != count || refusals != 0) {
        System.out.println(Stats.fmt("note: journal: %,d fills sent, %,d refused or failed, %,d rows stored", count,
            refusals, stored));
      }
      return new Burst(stored, end - start, cpu, tally, threadCpu, refusals);
    }

    /**
     * Reads back real sealed ExecutionApplied rows of the journal (sequence numbers above 1: PortfolioOpened is the
     * first) and keeps their serializer columns and blobs for the baseline.
     */
    void harvestPayloads() {
      for (int p = 0; p < Math.min(10, persistenceIds.length); p++) {
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT ser_id, ser_manifest, event_manifest, "
            + "event, tags FROM " + JOURNAL_KEYSPACE + ".messages WHERE persistence_id = ? AND partition_nr = 0 "
            + "AND sequence_nr > 1 LIMIT 100", persistenceIds[p]))) {
          ByteBuffer event = row.getByteBuffer("event");
          if (row.getInt("ser_id") == ChainedEventSerializer.IDENTIFIER
              && innerManifest(event).endsWith("ExecutionApplied")) {
            payloads.add(new Payload(row.getInt("ser_id"), row.getString("ser_manifest"),
                row.getString("event_manifest"), event.asReadOnlyBuffer(), row.getSet("tags", String.class)));
          }
        }
      }
      if (payloads.isEmpty()) {
        throw new IllegalStateException("no sealed ExecutionApplied found in " + JOURNAL_KEYSPACE + ".messages");
      }
    }

    /** The sealed event's own manifest (ChainedEventSerializer layout: offset 5, unsigned short length). */
    static String innerManifest(ByteBuffer sealed) {
      ByteBuffer b = sealed.duplicate();
      int at = b.position();
      byte[] manifest = new byte[Short.toUnsignedInt(b.getShort(at + 5))];
      b.position(at + 7);
      b.get(manifest);
      return new String(manifest, StandardCharsets.UTF_8);
    }

    double meanPayloadBytes() {
      return payloads.stream().mapToInt(p -> p.event.remaining()).average().orElse(0);
    }

    /** The baseline: the same chunks of rows, one UNLOGGED batch per persistence id per chunk, chained per id. */
    Burst raw(long count, long timeoutSeconds) throws Exception {
      Semaphore inFlight = new Semaphore(parallelism);
      @SuppressWarnings("unchecked")
      CompletableFuture<Void>[] tails = new CompletableFuture[persistenceIds.length];
      for (int p = 0; p < tails.length; p++) {
        tails[p] = CompletableFuture.completedFuture(null);
      }
      AtomicLong acked = new AtomicLong();
      long rowsBefore = storedRows(RAW_KEYSPACE);
      long failuresBefore = rawFailures.get();
      Map<String, StatementTally.Totals> tallyBefore = StatementTally.snapshot();
      ThreadCpu threads = new ThreadCpu();
      Cpu.Meter meter = new Cpu.Meter(cassandraPid);
      long start = System.nanoTime();
      for (long sent = 0; sent < count; sent += chunk) {
        int[] perId = new int[persistenceIds.length];
        int[] order = new int[persistenceIds.length];
        int groups = 0;
        for (long i = sent; i < Math.min(count, sent + chunk); i++) {
          int p = (int) (rawRows++ % persistenceIds.length);
          if (perId[p]++ == 0) {
            order[groups++] = p;
          }
        }
        acquire(inFlight, 1, timeoutSeconds, "raw");
        List<CompletableFuture<Void>> writes = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
          int p = order[g];
          for (Statement<?> statement : statements(p, perId[p])) {
            int rows = statement instanceof BatchStatement batch ? batch.size() : 1;
            tails[p] = tails[p].thenCompose(previous -> session.executeAsync(statement).toCompletableFuture())
                .thenAccept(result -> acked.addAndGet(rows));
          }
          writes.add(tails[p]);
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
          if (failure != null) {
            rawFailures.incrementAndGet();
          }
          inFlight.release();
        });
      }
      acquire(inFlight, parallelism, timeoutSeconds, "raw");
      long end = System.nanoTime();
      Cpu cpu = meter.stop();
      Map<String, StatementTally.Totals> tally = StatementTally.between(tallyBefore, StatementTally.snapshot());
      Map<String, Long> threadCpu = threads.stop();
      rawAcked += acked.get();
      long stored = storedRows(RAW_KEYSPACE) - rowsBefore;
      long failures = rawFailures.get() - failuresBefore;
      if (stored != count || failures != 0) {
        System.out.println(Stats.fmt("note: raw: %,d rows sent, %,d chunks failed, %,d rows stored", count, failures,
            stored));
      }
      return new Burst(stored, end - start, cpu, tally, threadCpu, failures);
    }

    /** The next {@code rows} rows of one persistence id, as the plugin would send them: batches of at most max. */
    private List<Statement<?>> statements(int p, int rows) {
      List<Statement<?>> statements = new ArrayList<>();
      for (int done = 0; done < rows; done += maxMessageBatch) {
        int n = Math.min(maxMessageBatch, rows - done);
        long partition = (rawSequence[p] + n) / targetPartitionSize;
        List<BatchableStatement<?>> bound = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          long sequenceNr = ++rawSequence[p];
          Payload payload = payloads.get((int) (sequenceNr % payloads.size()));
          UUID timestamp = Uuids.timeBased();
          long millis = Uuids.unixTimestamp(timestamp);
          bound.add(insert.bind()
              .setString("persistence_id", persistenceIds[p])
              .setLong("partition_nr", partition)
              .setLong("sequence_nr", sequenceNr)
              .setUuid("timestamp", timestamp)
              .setString("timebucket", Long.toString(millis - millis % DAY_MILLIS))
              .setString("writer_uuid", writerUuids[p])
              .setInt("ser_id", payload.serId)
              .setString("ser_manifest", payload.serManifest)
              .setString("event_manifest", payload.eventManifest)
              .setByteBuffer("event", payload.event.duplicate())
              .setSet("tags", payload.tags, String.class));
        }
        statements.add(n == 1 ? ((com.datastax.oss.driver.api.core.cql.BoundStatement) bound.get(0))
            .setExecutionProfileName(writeProfile)
            : BatchStatement.newInstance(BatchType.UNLOGGED, bound).setExecutionProfileName(writeProfile));
      }
      return statements;
    }

    /** Row counts in Cassandra against what each side reported, and the journal's stored payload sizes. */
    void check(List<Burst> journalBursts) throws Exception {
      long journalRows = 0;
      long rawStored = 0;
      long sampled = 0;
      long sampledBytes = 0;
      for (String pid : persistenceIds) {
        journalRows += count(JOURNAL_KEYSPACE, pid);
        rawStored += count(RAW_KEYSPACE, pid);
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT event FROM " + JOURNAL_KEYSPACE
            + ".messages WHERE persistence_id = ? AND partition_nr = 0 ORDER BY sequence_nr DESC LIMIT 20", pid))) {
          sampled++;
          sampledBytes += row.getByteBuffer("event").remaining();
        }
      }
      long snapshots = 0;
      long snapshotBytes = 0;
      for (Row row : session.execute(SimpleStatement.newInstance("SELECT snapshot, snapshot_data FROM "
          + JOURNAL_KEYSPACE + "_snapshot.snapshots LIMIT 50"))) {
        ByteBuffer data = row.getByteBuffer("snapshot_data");
        data = data != null ? data : row.getByteBuffer("snapshot");
        snapshots++;
        snapshotBytes += data == null ? 0 : data.remaining();
      }
      System.out.println(Stats.fmt("snapshots: %d read back, mean %.0f bytes", snapshots,
          snapshots == 0 ? 0.0 : (double) snapshotBytes / snapshots));
      long events;
      try {
        events = events();
      } catch (Exception e) {
        events = -1; // portfolios still recovering after journal failures: the check reports the mismatch
      }
      System.out.println(Stats.fmt("payload: journal rows of the last repetition, %d sampled: mean %.1f bytes "
          + "(baseline blobs: mean %.1f)", sampled, (double) sampledBytes / sampled, meanPayloadBytes()));
      boolean ok = journalRows == events && rawStored == rawAcked && refused.get() == 0 && rawFailures.get() == 0
          && journalBursts.stream().allMatch(b -> b.rows() > 0);
      System.out.println(Stats.fmt("check: journal messages rows %,d = portfolio sequence numbers %,d "
              + "(incl. %d PortfolioOpened); fills sent %,d, refused %,d; raw rows stored %,d = acknowledged %,d, "
              + "failed writes %,d: %s", journalRows, events, portfolioIds.length, fills, refused.get(), rawStored,
          rawAcked, rawFailures.get(), ok ? "OK" : "MISMATCH"));
    }

    /** Rows of every portfolio's messages partition in a keyspace (count(*) per partition). */
    long storedRows(String keyspace) {
      long total = 0;
      for (String pid : persistenceIds) {
        total += count(keyspace, pid);
      }
      return total;
    }

    /** count(*) of one partition; retried, since a loaded two-core machine can time a count out. */
    private long count(String keyspace, String pid) {
      SimpleStatement count = SimpleStatement.newInstance("SELECT count(*) FROM " + keyspace + ".messages WHERE "
          + "persistence_id = ? AND partition_nr = 0", pid).setTimeout(Duration.ofSeconds(30));
      for (int attempt = 1; ; attempt++) {
        try {
          Row row = session.execute(count).one();
          return row == null ? 0 : row.getLong(0);
        } catch (com.datastax.oss.driver.api.core.DriverException e) {
          if (attempt == 5) {
            throw e;
          }
          System.out.println("note: count of " + keyspace + " " + pid + " failed (" + e + "), retrying");
        }
      }
    }

    private static void acquire(Semaphore semaphore, int permits, long timeoutSeconds, String side)
        throws InterruptedException {
      if (!semaphore.tryAcquire(permits, timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException(side + ": no answer within " + timeoutSeconds + " s");
      }
      if (permits > 1) {
        semaphore.release(permits);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
