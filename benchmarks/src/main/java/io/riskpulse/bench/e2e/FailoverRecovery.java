package io.riskpulse.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import io.aeron.Aeron;
import io.riskpulse.ingestion.aeron.FeedPublisher;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.cassandra.CassandraLauncher;
import io.riskpulse.node.cassandra.CassandraServerSettings;
import io.riskpulse.node.cassandra.CassandraStatus;
import io.riskpulse.node.cluster.FreePorts;
import io.riskpulse.node.cluster.LocalCluster;
import io.riskpulse.node.cluster.LocalClusterNode;
import io.riskpulse.node.cluster.LocalClusterSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.pekko.cluster.sharding.typed.HashCodeMessageExtractor;

/**
 * Failover time (issue 7: under 10 s for 10,000 portfolios): from killing a node ({@code kill -9}) to every
 * portfolio it hosted answering again on the survivors, with the parts of that time.
 *
 * <p>One run: starts Cassandra 5.0 ({@link CassandraLauncher}, a separate JVM in a temp folder, always stopped) and
 * a cluster of {@code nodes} node processes on it ({@link LocalCluster}, what {@code ./riskpulse cluster start}
 * runs: the packaged node jar, the shipped configuration, each node's own JVM). Setup, in this order: node 1 starts
 * alone and opens {@code portfolios} portfolios from a portfolio list ({@code node --portfolios}; no shard moves
 * under the opens); the other nodes join and take their shares; every portfolio is read once; {@code positions}
 * fills per portfolio, each in another instrument, are published over Aeron to node 1 (acknowledged once journaled)
 * and routed to the owning shards, so each portfolio recovers {@code positions + 1} events (no snapshot: the node
 * snapshots every 200); every portfolio is read again and must hold its fills. Each repetition:
 *
 * <ol>
 *   <li>waits until every node hosts its share of the shards (so the victim owns about 1/{@code nodes} of them),
 *       and takes the victim's portfolios from its own shard list and the sharding's shard of each id;
 *   <li>kills node {@code victim} with SIGKILL; time 0 is just before the signal;
 *   <li>one thread polls every 50 ms a survivor's {@code /cluster/members} (when the victim is seen unreachable, then
 *       removed) and the survivors' {@code /metrics}: the sum of their {@code riskpulse_portfolio_recovery_seconds}
 *       counts of opened portfolios, whose growth past the victim's portfolio count is when all of them recovered
 *       (the first growth is the first recovery). Meanwhile {@code probes} HTTP reads in flight per survivor ask for
 *       the victim's portfolios ({@code GET /portfolios/{id}}); a read that fails or times out is sent again; a
 *       portfolio is read back at the first read that answers 200 with its fills;
 *   <li>restarts the victim (it joins again; shards rebalance to it before the next repetition).
 * </ol>
 *
 * <p>The recovery counts are the figure: they time the cluster, not the probe, whose resolution is how fast the
 * survivors answer reads (about 650 reads a second on two cores, so reading 3,300 portfolios back takes seconds of
 * its own; printed as the reads per second after the last one). Printed per repetition: seconds from the kill to
 * unreachable, to removed (downed by the split-brain resolver), to the first and all portfolios recovered, to the
 * first, median and last read back; then the medians, and the medians from removal to all recovered and read back.
 * The downing settings are the shipped ones unless {@code fdPause}, {@code stableAfter} or {@code removalMargin} are
 * given (passed to the nodes as {@code RISKPULSE_FAILURE_DETECTOR_PAUSE}, {@code RISKPULSE_SBR_STABLE_AFTER},
 * {@code RISKPULSE_DOWN_REMOVAL_MARGIN}, e.g. {@code stableAfter=5s}).
 *
 * <p>Options ({@code key=value}): {@code portfolios} (10,000), {@code positions} (20), {@code nodes} (3),
 * {@code victim} (3: not the oldest node, which runs the shard coordinator and the singletons), {@code reps} (3),
 * {@code probes} (64 per survivor), {@code nodeHeap} (2g: node 1 holds every portfolio until the others join),
 * {@code timeoutSeconds} per repetition (180), {@code fdPause}, {@code stableAfter}, {@code removalMargin} (the
 * shipped values when absent) and {@code recoveries}, the recoveries a node runs at once
 * ({@code pekko.persistence.max-concurrent-recoveries}; Pekko's 50 when absent), and {@code nodeProps}, any other
 * settings as system properties of every node, separated by {@code ;}
 * ({@code nodeProps=pekko.cluster.sharding.waiting-for-state-timeout=60s}). The node jar is
 * {@code riskpulse.node.jar} (default {@code grid-node/target/riskpulse-node.jar}, relative to the working folder).
 * Not thread-safe; a main only.
 */
public final class FailoverRecovery {

  private static final String KEYSPACE = "bench_failover";
  private static final Duration POLL = Duration.ofMillis(50);
  /** Fills published and not yet acknowledged, at most, in setup. */
  private static final int FILL_WINDOW = 4_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The survivors' count of opened portfolios recovered ({@code RecoveryMetrics} in grid-node). */
  private static final String RECOVERED_METRIC = "riskpulse_portfolio_recovery_seconds_count{opened=\"true\"";

  private FailoverRecovery() {}

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int portfolios = options.integer("portfolios", 10_000);
    int positions = options.integer("positions", 20);
    int nodeCount = options.integer("nodes", 3);
    int victimIndex = options.integer("victim", 3);
    int reps = options.integer("reps", 3);
    int probes = options.integer("probes", 64);
    String nodeHeap = options.choice("nodeHeap", "2g", "512m", "768m", "1g", "1536m", "3g");
    long timeoutSeconds = options.number("timeoutSeconds", 180);
    String fdPause = options.choice("fdPause", "shipped", "1s", "2s", "3s", "5s");
    String stableAfter = options.choice("stableAfter", "shipped", "2s", "3s", "5s", "7s", "10s", "20s");
    String removalMargin = options.choice("removalMargin", "shipped", "off", "1s", "2s", "3s", "5s", "7s");
    long recoveries = options.number("recoveries", 0);
    // Settings for every node as system properties, ';'-separated: nodeProps=pekko.a.b=1s;pekko.c=2
    String nodeProps = options.text("nodeProps", "");
    Path jar = Path.of(System.getProperty("riskpulse.node.jar", "grid-node/target/riskpulse-node.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no node jar at " + jar + ": build it first (mvn -B -q install -DskipTests)");
    }
    if (victimIndex < 2 || victimIndex > nodeCount) {
      throw new IllegalArgumentException("victim must be a node from 2 to " + nodeCount);
    }

    Harness.banner("RiskPulse failover: kill -9 a node, time until every portfolio it hosted serves again", options);

    Path dir = Files.createTempDirectory("riskpulse-bench-failover-");
    CassandraServerSettings configured = Harness.cassandraIn(dir);
    CassandraLauncher launcher = new CassandraLauncher(configured);
    // Also stopped when the harness is interrupted (Ctrl-C): Cassandra here, the nodes once they run.
    Thread hook = new Thread(launcher::stop, "bench-cassandra-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    LocalCluster cluster = null;
    try {
      CassandraStatus cassandra = launcher.start(false);
      System.out.println(Stats.fmt("cassandra: 5.0 (deploy/cassandra), separate JVM pid %d, heap %s-%s",
          cassandra.pid(), configured.heapMin(), configured.heapMax()));
      int[] bases = FreePorts.runs(6, nodeCount + 1); // one call: the runs do not overlap
      LocalClusterSettings settings = new LocalClusterSettings(dir.resolve("cluster"), bases[0], bases[1], bases[2],
          bases[3], bases[4], bases[5],
          CassandraLauncher.HOST + ":" + cassandra.nativePort(),
          Duration.ofSeconds(300), Duration.ofSeconds(60));
      cluster = new LocalCluster(settings);
      LocalCluster nodes = cluster;
      Thread stopNodes = new Thread(() -> nodes.nodes().forEach(nodes::kill), "bench-nodes-stop");
      Runtime.getRuntime().addShutdownHook(stopNodes);
      Map<String, String> env = new HashMap<>();
      env.put("PATH", System.getenv().getOrDefault("PATH", ""));
      env.put("RISKPULSE_CASSANDRA_KEYSPACE", KEYSPACE);
      env.put("RISKPULSE_CASSANDRA_SNAPSHOT_KEYSPACE", KEYSPACE + "_snapshot");
      putUnlessShipped(env, "RISKPULSE_FAILURE_DETECTOR_PAUSE", fdPause);
      putUnlessShipped(env, "RISKPULSE_SBR_STABLE_AFTER", stableAfter);
      putUnlessShipped(env, "RISKPULSE_DOWN_REMOVAL_MARGIN", removalMargin);
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-Xms" + nodeHeap, "-Xmx" + nodeHeap, "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2",
          "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
          "-jar", jar.toAbsolutePath().toString()));
      if (recoveries > 0) {
        command.add(4, "-Dpekko.persistence.max-concurrent-recoveries=" + recoveries);
      }
      for (String property : nodeProps.split(";")) {
        if (!property.isBlank()) {
          command.add(4, "-D" + property.trim());
        }
      }
      new Run(cluster, settings, command, env, dir, portfolios, positions, nodeCount, victimIndex, probes,
          Duration.ofSeconds(timeoutSeconds)).run(reps);
    } catch (Exception | Error failure) {
      if (cluster != null) {
        for (LocalClusterNode node : cluster.nodes()) {
          printTail(node.logFile(), 60);
        }
      }
      throw failure;
    } finally {
      if (cluster != null) {
        for (LocalClusterNode node : cluster.nodes()) {
          cluster.stop(node);
        }
      }
      boolean stopped = launcher.stop();
      System.out.println("cassandra: " + (stopped ? "stopped" : "was not running"));
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs anyway; stop() is idempotent.
      }
      deleteRecursively(dir);
    }
  }

  /** Prints a node log's last lines, so a failed run says why before its folder is deleted. */
  private static void printTail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      System.out.println("---- last " + lines + " lines of " + log.getParent().getFileName() + "/"
          + log.getFileName());
      all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
    } catch (IOException | RuntimeException unreadable) {
      System.out.println("---- " + log + ": " + unreadable);
    }
  }

  private static void putUnlessShipped(Map<String, String> env, String name, String value) {
    if (!value.equals("shipped")) {
      env.put(name, value);
    }
  }

  /** One repetition's figures, in seconds from the kill. */
  private record Failover(int portfolios, double unreachable, double removed, double firstRecovered,
      double allRecovered, double first, double median, double all, double readsPerSecondAfter) {}

  /** When the watcher saw each step ({@link System#nanoTime}, -1 until seen); written by it, read after it ends. */
  private static final class Timeline {
    final AtomicLong unreachable = new AtomicLong(-1);
    final AtomicLong removed = new AtomicLong(-1);
    final AtomicLong firstRecovered = new AtomicLong(-1);
    final AtomicLong allRecovered = new AtomicLong(-1);
  }

  /** The cluster under test and what the harness knows of it. */
  private static final class Run {

    private final LocalCluster cluster;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path dir;
    private final int portfolios;
    private final int positions;
    private final int nodeCount;
    private final int victimIndex;
    private final int probes;
    private final Duration timeout;
    private final LocalClusterSettings settings;
    private final HttpClient http;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(2);
    private final String[] ids;
    private final HashCodeMessageExtractor<Object> shards;
    private List<LocalClusterNode> nodes = List.of();

    Run(LocalCluster cluster, LocalClusterSettings settings, List<String> command, Map<String, String> env,
        Path dir, int portfolios, int positions, int nodeCount, int victimIndex, int probes, Duration timeout) {
      this.cluster = cluster;
      this.settings = settings;
      this.command = command;
      this.env = env;
      this.dir = dir;
      this.portfolios = portfolios;
      this.positions = positions;
      this.nodeCount = nodeCount;
      this.victimIndex = victimIndex;
      this.probes = probes;
      this.timeout = timeout;
      this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
          .connectTimeout(Duration.ofSeconds(2)).build();
      this.ids = new String[portfolios];
      for (int i = 0; i < portfolios; i++) {
        ids[i] = String.format("FO-%05d", i);
      }
      Config node = NodeConfig.load();
      this.shards = new HashCodeMessageExtractor<>(node.getInt("pekko.cluster.sharding.number-of-shards"));
    }

    void run(int reps) throws Exception {
      try {
        setUp();
        List<Failover> results = new ArrayList<>();
        System.out.println();
        System.out.println("seconds from the kill to: the victim unreachable, removed; its portfolios recovered "
            + "(survivors' metrics) first, all; read back first, median, all");
        System.out.println("        unreachable  removed  recovered: first    all  served: first  median    all"
            + "  portfolios  reads/s after");
        for (int rep = 1; rep <= reps; rep++) {
          Failover r = failOver();
          results.add(r);
          System.out.println(Stats.fmt("rep %-3d %11.2f %8.2f %17.2f %6.2f %14.2f %7.2f %6.2f %11d %14.0f", rep,
              r.unreachable(), r.removed(), r.firstRecovered(), r.allRecovered(), r.first(), r.median(), r.all(),
              r.portfolios(), r.readsPerSecondAfter()));
          if (rep < reps) {
            restartVictim();
          }
        }
        System.out.println(Stats.fmt("median  %11.2f %8.2f %17.2f %6.2f %14.2f %7.2f %6.2f",
            median(results, Failover::unreachable), median(results, Failover::removed),
            median(results, Failover::firstRecovered), median(results, Failover::allRecovered),
            median(results, Failover::first), median(results, Failover::median), median(results, Failover::all)));
        System.out.println(Stats.fmt("from removal to all recovered, median: %.2f s; to all read back: %.2f s",
            median(results, r -> r.allRecovered() - r.removed()), median(results, r -> r.all() - r.removed())));
      } finally {
        httpThreads.shutdownNow();
      }
    }

    private void setUp() throws Exception {
      Path list = dir.resolve("portfolios.csv");
      StringBuilder csv = new StringBuilder("portfolio,desk,trader,initial_cash\n");
      for (int i = 0; i < portfolios; i++) {
        csv.append(ids[i]).append(",desk-").append(i % 20).append(",trader-").append(i % 100).append(",10000000\n");
      }
      Files.writeString(list, csv);
      // Node 1 alone opens the list (no shard moves under the opens), then the others join and take their shares.
      long started = System.nanoTime();
      cluster.start(1, command, List.of("--portfolios", list.toAbsolutePath().toString()), env);
      String loaded = awaitLine(settings.node(1).logFile(), list + ": ", Duration.ofSeconds(1800));
      System.out.println(Stats.fmt("opened: %s (%.1f s from node 1's start)", loaded.substring(list.toString()
          .length() + 2), (System.nanoTime() - started) / 1e9));
      // "N portfolios opened, M already open, K failed": an open retried after a lost answer counts as already open.
      if (!loaded.endsWith(" 0 failed")) {
        throw new IllegalStateException("node 1 did not open every portfolio: " + loaded);
      }
      started = System.nanoTime();
      List<LocalClusterNode> all = new ArrayList<>(List.of(settings.node(1)));
      for (int i = 2; i <= nodeCount; i++) {
        all.add(cluster.add(i, command, List.of(), env));
      }
      nodes = List.copyOf(all);
      awaitUp(nodes.get(0), nodeCount);
      System.out.println(Stats.fmt("cluster: %d more nodes up in %.1f s (heap and flags: %s)", nodeCount - 1,
          (System.nanoTime() - started) / 1e9, command.subList(1, command.indexOf("--add-opens"))));
      // Shards move to the new nodes in rounds; reads and fills wait for that, so they do not compete with it.
      awaitBalanced();
      readAll(List.of(ids), 0, nodes);

      List<String> symbols = Main.loadInstruments(NodeConfig.load()).all().stream().map(Instrument::symbol)
          .sorted().limit(positions).toList();
      if (symbols.size() < positions) {
        throw new IllegalStateException("the node knows only " + symbols.size() + " instruments");
      }
      started = System.nanoTime();
      String aeronDir = nodes.get(0).dir().resolve("aeron").toAbsolutePath().toString();
      try (Aeron client = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir))) {
        FeedPublisher publisher = new FeedPublisher(client.addExclusivePublication("aeron:ipc", 1002), 41, 1,
            Duration.ofSeconds(120)).withReplay(client.addSubscription("aeron:ipc", 1003), 100_000);
        long now = System.currentTimeMillis();
        for (int position = 0; position < positions; position++) {
          for (int i = 0; i < portfolios; i++) {
            publisher.execution(new Execution("F" + position + "-" + i, ids[i], "bench", symbols.get(position),
                Side.BUY, 10 + position, 100, now), 0);
            publisher.maintain();
            // At most FILL_WINDOW fills unacknowledged: setup is not a journal stress test (on two cores an
            // unpaced burst times out Cassandra writes and opens the journal's circuit breakers).
            long stalledSince = System.nanoTime();
            long acknowledged = publisher.acknowledged();
            while (publisher.nextSequence() - 1 - publisher.acknowledged() >= FILL_WINDOW) {
              if (publisher.maintain() == 0) {
                LockSupport.parkNanos(100_000);
              }
              if (publisher.acknowledged() != acknowledged) {
                acknowledged = publisher.acknowledged();
                stalledSince = System.nanoTime();
              } else if (System.nanoTime() - stalledSince > Duration.ofSeconds(120).toNanos()) {
                throw new IllegalStateException("no fill acknowledged for 120 s: " + acknowledged + " of "
                    + (publisher.nextSequence() - 1));
              }
            }
          }
        }
        if (!publisher.awaitAcknowledged(Duration.ofSeconds(600))) {
          throw new IllegalStateException("fills acknowledged: " + publisher.acknowledged() + " of "
              + (publisher.nextSequence() - 1));
        }
      }
      System.out.println(Stats.fmt("filled: %d fills (%d positions each) acknowledged in %.1f s",
          (long) portfolios * positions, positions, (System.nanoTime() - started) / 1e9));
      readAll(List.of(ids), positions, nodes);
      System.out.println("checked: every portfolio holds its " + positions + " fills");
    }

    private Failover failOver() throws Exception {
      awaitBalanced();
      LocalClusterNode victim = settings.node(victimIndex);
      Set<String> victimShards = hostedShards(victim);
      List<String> victims = new ArrayList<>();
      for (String id : ids) {
        if (victimShards.contains(shards.shardId(id))) {
          victims.add(id);
        }
      }
      List<LocalClusterNode> survivors = nodes.stream().filter(node -> node.index() != victimIndex).toList();
      String victimPort = ":" + victim.remotePort();
      long recoveredBefore = recoveredPortfolios(survivors);
      if (recoveredBefore < 0) {
        throw new IllegalStateException("a survivor does not report " + RECOVERED_METRIC + " on /metrics");
      }
      Timeline timeline = new Timeline();
      long killedAt = System.nanoTime();
      Thread watcher = new Thread(() -> watch(survivors.get(0), victimPort, survivors, recoveredBefore,
          victims.size(), killedAt, timeline), "bench-watch");
      watcher.setDaemon(true);
      if (!cluster.kill(victim)) {
        throw new IllegalStateException("node " + victimIndex + " was not running");
      }
      watcher.start();
      long[] servedAt;
      try {
        servedAt = readAll(victims, positions, survivors);
      } catch (IllegalStateException notServing) {
        throw new IllegalStateException(notServing.getMessage() + "; after the kill: unreachable at "
            + since(timeline.unreachable, killedAt) + ", removed at " + since(timeline.removed, killedAt)
            + ", first recovered at " + since(timeline.firstRecovered, killedAt) + ", survivors' recovery count "
            + (recoveredPortfolios(survivors) - recoveredBefore) + " of " + victims.size(), notServing);
      }
      long lastServed = 0;
      long firstServed = Long.MAX_VALUE;
      for (long at : servedAt) {
        lastServed = Math.max(lastServed, at);
        firstServed = Math.min(firstServed, at);
      }
      long readsAfter = System.nanoTime();
      int reads = readAll(victims.subList(0, Math.min(victims.size(), 2_000)), positions, survivors).length;
      double readRate = reads / ((System.nanoTime() - readsAfter) / 1e9);
      watcher.join(timeout.toMillis());
      long[] sorted = servedAt.clone();
      java.util.Arrays.sort(sorted);
      return new Failover(victims.size(), seconds(timeline.unreachable.get() - killedAt),
          seconds(timeline.removed.get() - killedAt), seconds(timeline.firstRecovered.get() - killedAt),
          seconds(timeline.allRecovered.get() - killedAt), seconds(firstServed - killedAt),
          seconds(sorted[sorted.length / 2] - killedAt), seconds(lastServed - killedAt), readRate);
    }

    private static double seconds(long nanos) {
      return nanos < 0 ? Double.NaN : nanos / 1e9;
    }

    /**
     * Polls {@code observer}'s members every 50 ms until the victim (by its remoting port) is gone from them, and
     * the survivors' recovery timers until they count {@code expected} more portfolios recovered than at the kill.
     */
    private void watch(LocalClusterNode observer, String victimPort, List<LocalClusterNode> survivors,
        long recoveredBefore, int expected, long since, Timeline timeline) {
      long deadline = since + timeout.toNanos();
      while (System.nanoTime() < deadline && (timeline.removed.get() < 0 || timeline.allRecovered.get() < 0)) {
        if (timeline.removed.get() < 0) {
          JsonNode members = cluster.members(observer).map(FailoverRecovery::parse).orElse(null);
          long now = System.nanoTime();
          if (members != null) {
            boolean listed = false;
            for (JsonNode member : members.path("members")) {
              listed |= member.path("node").asText().endsWith(victimPort);
            }
            for (JsonNode member : members.path("unreachable")) {
              if (member.path("node").asText().endsWith(victimPort)) {
                timeline.unreachable.compareAndSet(-1, now);
              }
            }
            if (!listed) {
              timeline.unreachable.compareAndSet(-1, now);
              timeline.removed.set(now);
            }
          }
        }
        long recovered = recoveredPortfolios(survivors) - recoveredBefore;
        long now = System.nanoTime();
        if (recovered > 0) {
          timeline.firstRecovered.compareAndSet(-1, now);
        }
        if (recovered >= expected) {
          timeline.allRecovered.compareAndSet(-1, now);
        }
        LockSupport.parkNanos(POLL.toNanos());
      }
    }

    /** The opened portfolios {@code on} have recovered since they started, from their /metrics; -1 if one is mute. */
    private long recoveredPortfolios(List<LocalClusterNode> on) {
      long total = 0;
      for (LocalClusterNode node : on) {
        try {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
              + node.httpPort() + "/metrics")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
          long count = -1;
          for (String line : response.body().split("\n")) {
            if (line.startsWith(RECOVERED_METRIC)) {
              count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
          }
          if (count < 0) {
            return -1;
          }
          total += count;
        } catch (IOException | RuntimeException e) {
          return -1;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
      }
      return total;
    }

    /**
     * Reads every portfolio of {@code portfolioIds} until each answers 200 holding {@code fills} executions, with
     * {@code probes} reads in flight per node of {@code on}, and returns when each first did ({@link System#nanoTime}).
     */
    private static String since(AtomicLong at, long killedAt) {
      return at.get() < 0 ? "never" : Stats.fmt("%.2f s", seconds(at.get() - killedAt));
    }

    private long[] readAll(List<String> portfolioIds, int fills, List<LocalClusterNode> on) throws Exception {
      long[] servedAt = new long[portfolioIds.size()];
      ConcurrentLinkedQueue<Integer> pending = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < portfolioIds.size(); i++) {
        pending.add(i);
      }
      AtomicInteger left = new AtomicInteger(portfolioIds.size());
      AtomicLongArray served = new AtomicLongArray(servedAt.length);
      CountDownLatch done = new CountDownLatch(1);
      if (portfolioIds.isEmpty()) {
        return servedAt;
      }
      ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
      try {
        for (LocalClusterNode node : on) {
          for (int lane = 0; lane < probes; lane++) {
            readNext(node, portfolioIds, fills, pending, served, left, done, retries);
          }
        }
        if (!done.await(timeout.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException(left.get() + " of " + portfolioIds.size() + " portfolios not serving "
              + "within " + timeout.toSeconds() + " s");
        }
      } finally {
        retries.shutdownNow();
      }
      for (int i = 0; i < servedAt.length; i++) {
        servedAt[i] = served.get(i);
      }
      return servedAt;
    }

    /** One lane: reads the next pending portfolio, and again after any answer, until none is pending. */
    private void readNext(LocalClusterNode node, List<String> portfolioIds, int fills,
        ConcurrentLinkedQueue<Integer> pending, AtomicLongArray served, AtomicInteger left, CountDownLatch done,
        ScheduledExecutorService retries) {
      Integer index = pending.poll();
      if (index == null) {
        return;
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort()
          + "/portfolios/" + portfolioIds.get(index))).timeout(Duration.ofSeconds(10)).build();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
        long now = System.nanoTime();
        if (error == null && response.statusCode() == 200 && executionCount(response.body()) == fills) {
          served.set(index, now);
          if (left.decrementAndGet() == 0) {
            done.countDown();
          }
          readNext(node, portfolioIds, fills, pending, served, left, done, retries);
        } else {
          // Not serving yet (refused, timed out, or not holding its fills): again, after the others pending.
          pending.add(index);
          retries.schedule(() -> readNext(node, portfolioIds, fills, pending, served, left, done, retries), 10,
              TimeUnit.MILLISECONDS);
        }
      });
    }

    /** The first line of {@code log} that contains {@code text}, once it is written (another process writes it). */
    private static String awaitLine(Path log, String text, Duration within) throws IOException {
      long deadline = System.nanoTime() + within.toNanos();
      while (true) {
        for (String line : Files.readAllLines(log)) {
          if (line.contains(text)) {
            return line.substring(line.indexOf(text));
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no line with '" + text + "' in " + log + " within " + within.toSeconds()
              + " s");
        }
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
      }
    }

    private static long executionCount(byte[] body) {
      try {
        return JSON.readTree(body).path("executionCount").asLong(-1);
      } catch (IOException e) {
        return -1;
      }
    }

    private void restartVictim() {
      long started = System.nanoTime();
      cluster.add(victimIndex, command, List.of(), env);
      System.out.println(Stats.fmt("node %d restarted and ready in %.1f s", victimIndex,
          (System.nanoTime() - started) / 1e9));
      awaitUp(nodes.get(0), nodeCount);
    }

    /** Waits until {@code count} members are Up as {@code observer} sees them. */
    private void awaitUp(LocalClusterNode observer, int count) {
      await(() -> cluster.members(observer).map(FailoverRecovery::parse).map(members -> {
        int up = 0;
        for (JsonNode member : members.path("members")) {
          up += member.path("status").asText().equals("Up") ? 1 : 0;
        }
        return up == count && members.path("unreachable").isEmpty();
      }).orElse(false), "members Up: " + cluster.members(observer).orElse("no answer"));
    }

    /** Waits until every node hosts at least its share of the shards, rounded down (the coordinator rebalances). */
    private void awaitBalanced() {
      int total = NodeConfig.load().getInt("pekko.cluster.sharding.number-of-shards");
      int share = total / nodeCount;
      long started = System.nanoTime();
      await(() -> nodes.stream().allMatch(node -> hostedShards(node).size() >= share),
          "shards per node: " + nodes.stream().map(node -> hostedShards(node).size()).toList());
      System.out.println(Stats.fmt("balanced: every node hosts at least %d of %d shards (waited %.1f s)", share,
          total, (System.nanoTime() - started) / 1e9));
    }

    private void await(java.util.function.BooleanSupplier condition, String detail) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("not within " + timeout.toSeconds() + " s: " + detail);
        }
        LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
      }
    }

    /** The Portfolio shards {@code node}'s region hosts, from its management endpoint; empty if it does not answer. */
    private Set<String> hostedShards(LocalClusterNode node) {
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.managementUri()
            + "/cluster/shards/Portfolio")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        Set<String> hosted = new HashSet<>();
        if (response.statusCode() == 200) {
          for (JsonNode region : JSON.readTree(response.body()).path("regions")) {
            hosted.add(region.path("shardId").asText());
          }
        }
        return hosted;
      } catch (IOException e) {
        return Set.of();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Set.of();
      }
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  private static double median(List<Failover> results, java.util.function.ToDoubleFunction<Failover> figure) {
    return Stats.median(results.stream().mapToDouble(figure).toArray());
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
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
