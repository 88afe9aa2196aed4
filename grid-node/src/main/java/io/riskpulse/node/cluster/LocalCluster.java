package io.riskpulse.node.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A cluster of node processes on this machine: each node a separate JVM running {@code riskpulse node} from the same
 * jar, on loopback ports of its own, journaling to Cassandra, joined through the first two nodes as seeds, with its
 * management endpoints on. What a platform engineer tries before Kubernetes, and what the it-tests kill.
 *
 * <p>Node 1 starts first (it creates Cassandra's tables when they are missing; concurrent schema changes from
 * several clients can disagree), then the others. Node 1 also serves the FIX drop copy. Each node runs its own
 * Aeron media driver in its folder. Market data is broadcast by multi-destination-cast over loopback UDP: every
 * node subscribes ({@link LocalClusterSettings#marketDataSubscribeChannel}) and a feed publishes once to the control
 * endpoint ({@link LocalClusterSettings#marketDataPublishChannel}), so every node keeps its own market view. Order
 * flow a feed publishes to a node's Aeron folder is ingested there and routed to the node owning each portfolio's
 * shard.
 *
 * <p>Thread-safety: none; one command uses it. Waits poll the nodes' /ready every 200 ms (processes of their own,
 * nothing to be notified by).
 */
public final class LocalCluster {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final int LOG_TAIL_LINES = 30;

  private final LocalClusterSettings settings;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public LocalCluster(LocalClusterSettings settings) {
    this.settings = settings;
  }

  /**
   * Starts {@code count} nodes and waits until each answers /ready.
   *
   * @param command how to run a node: the java executable and its options, up to (not including) the node's
   *     subcommand, e.g. {@code [java, --add-opens..., -jar, riskpulse-node.jar]}
   * @param firstNodeArgs options of {@code riskpulse node} for node 1 only, e.g. {@code --portfolios FILE}: it starts
   *     first, and what it opens is in the shared journal for every node
   * @param environment the environment every node inherits (the caller's), before the node's own settings
   * @throws IllegalStateException if a node is already running, Cassandra does not answer, or a node is not ready in
   *     time (with the tail of its log)
   */
  public List<LocalClusterNode> start(int count, List<String> command, List<String> firstNodeArgs,
      Map<String, String> environment) {
    if (count < 1 || count > 9) {
      throw new IllegalArgumentException("--nodes must be between 1 and 9, not " + count);
    }
    requireCassandra();
    List<LocalClusterNode> nodes = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      LocalClusterNode node = settings.node(i);
      if (pid(node).isPresent()) {
        throw new IllegalStateException("node " + i + " is already running (pid " + pid(node).get()
            + "): ./riskpulse cluster stop first");
      }
      nodes.add(node);
    }
    String seeds = nodes.size() == 1 ? nodes.get(0).address()
        : nodes.get(0).address() + "," + nodes.get(1).address();
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    launch(nodes.get(0), seeds, command, firstNodeArgs, environment);
    awaitReady(nodes.get(0), deadline);
    for (LocalClusterNode node : nodes.subList(1, nodes.size())) {
      launch(node, seeds, command, List.of(), environment);
    }
    for (LocalClusterNode node : nodes.subList(1, nodes.size())) {
      awaitReady(node, deadline);
    }
    return nodes;
  }

  /** Starts one more node, {@code index}, joining the running cluster through node 1 (scaling out). */
  public LocalClusterNode add(int index, List<String> command, List<String> nodeArgs,
      Map<String, String> environment) {
    LocalClusterNode node = settings.node(index);
    if (pid(node).isPresent()) {
      throw new IllegalStateException("node " + index + " is already running");
    }
    launch(node, settings.node(1).address(), command, nodeArgs, environment);
    awaitReady(node, System.nanoTime() + settings.startTimeout().toNanos());
    return node;
  }

  private void launch(LocalClusterNode node, String seeds, List<String> command, List<String> nodeArgs,
      Map<String, String> environment) {
    try {
      Files.createDirectories(node.dir());
      List<String> line = new ArrayList<>(command);
      line.add("node");
      line.addAll(nodeArgs);
      ProcessBuilder builder = new ProcessBuilder(line)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(node.logFile().toFile()));
      builder.environment().clear();
      builder.environment().putAll(environment);
      builder.environment().putAll(nodeEnvironment(node, seeds));
      Process process = builder.start();
      Files.writeString(node.pidFile(), Long.toString(process.pid()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + node.index() + ": " + e.getMessage(), e);
    }
  }

  /** The settings that make a node one of this cluster's (every one a documented environment variable). */
  Map<String, String> nodeEnvironment(LocalClusterNode node, String seeds) {
    Map<String, String> env = new HashMap<>();
    env.put("RISKPULSE_DATA_DIR", node.dir().toAbsolutePath().toString());
    env.put("RISKPULSE_LOG_DIR", node.dir().resolve("logs").toAbsolutePath().toString());
    env.put("RISKPULSE_JOURNAL", "cassandra");
    env.put("RISKPULSE_CASSANDRA_CONTACT_POINTS", settings.cassandraContactPoints());
    env.put("RISKPULSE_REMOTE_HOST", "127.0.0.1");
    env.put("RISKPULSE_REMOTE_PORT", Integer.toString(node.remotePort()));
    env.put("RISKPULSE_SEED_NODES", seeds);
    env.put("RISKPULSE_HTTP_PORT", Integer.toString(node.httpPort()));
    env.put("RISKPULSE_GRPC_PORT", Integer.toString(node.grpcPort()));
    env.put("RISKPULSE_MANAGEMENT_ENABLED", "true");
    env.put("RISKPULSE_MANAGEMENT_PORT", Integer.toString(node.managementPort()));
    env.put("RISKPULSE_AERON_DIR", node.dir().resolve("aeron").toAbsolutePath().toString());
    env.put("RISKPULSE_AERON_MARKET_DATA_CHANNEL", settings.marketDataSubscribeChannel());
    boolean first = node.index() == 1;
    env.put("RISKPULSE_FIX_ENABLED", Boolean.toString(first));
    env.put("RISKPULSE_FIX_PORT", Integer.toString(settings.fixPort()));
    return env;
  }

  private void awaitReady(LocalClusterNode node, long deadlineNanos) {
    while (true) {
      if (ready(node)) {
        return;
      }
      Optional<Long> pid = pid(node);
      if (pid.isEmpty()) {
        throw new IllegalStateException("node " + node.index() + " exited during start; the end of its log ("
            + node.logFile() + "):\n" + tail(node.logFile()));
      }
      if (System.nanoTime() > deadlineNanos) {
        throw new IllegalStateException("node " + node.index() + " not ready within " + settings.startTimeout()
            .toSeconds() + " s; the end of its log (" + node.logFile() + "):\n" + tail(node.logFile()));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while node " + node.index() + " started");
      }
    }
  }

  /** Whether the node answers 200 on /ready. */
  public boolean ready(LocalClusterNode node) {
    return get(node.managementUri() + "/ready").map(response -> response.statusCode() == 200).orElse(false);
  }

  /** The node's /cluster/members JSON, if it answers. */
  public Optional<String> members(LocalClusterNode node) {
    return get(node.managementUri() + "/cluster/members").filter(response -> response.statusCode() == 200)
        .map(HttpResponse::body);
  }

  private Optional<HttpResponse<String>> get(String uri) {
    try {
      return Optional.of(http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Every node folder of this cluster, in index order. */
  public List<LocalClusterNode> nodes() {
    if (!Files.isDirectory(settings.baseDir())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(settings.baseDir())) {
      return dirs.map(dir -> dir.getFileName().toString())
          .filter(name -> name.matches("node-[1-9]"))
          .map(name -> settings.node(Integer.parseInt(name.substring(5))))
          .sorted(Comparator.comparingInt(LocalClusterNode::index))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The pid of the node's process if it runs: the pid file names a live process whose command line runs the node
   * with this node's folder (a stale file or a reused pid is ignored).
   */
  public Optional<Long> pid(LocalClusterNode node) {
    if (!Files.isRegularFile(node.pidFile())) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(node.pidFile()).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(handle -> environmentNames(handle, node)).map(ProcessHandle::pid);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean environmentNames(ProcessHandle handle, LocalClusterNode node) {
    Path environ = Path.of("/proc", Long.toString(handle.pid()), "environ");
    try {
      String env = new String(Files.readAllBytes(environ), StandardCharsets.UTF_8);
      return env.contains("RISKPULSE_DATA_DIR=" + node.dir().toAbsolutePath() + "\0");
    } catch (IOException e) {
      // No /proc (not Linux): trust a live process with the pid.
      return !Files.isDirectory(Path.of("/proc"));
    }
  }

  /**
   * Stops node {@code node}: SIGTERM (coordinated shutdown: it leaves the cluster, its shards move), then a kill
   * after the stop timeout. Returns whether it was running.
   */
  public boolean stop(LocalClusterNode node) {
    Optional<ProcessHandle> handle = pid(node).flatMap(ProcessHandle::of);
    if (handle.isEmpty()) {
      deleteQuietly(node.pidFile());
      return false;
    }
    handle.get().destroy();
    try {
      handle.get().onExit().get(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      handle.get().destroyForcibly();
      handle.get().onExit().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // Gone anyway.
    }
    deleteQuietly(node.pidFile());
    return true;
  }

  /** Kills node {@code node} at once (SIGKILL), as a crash would: for fault tests. Returns whether it ran. */
  public boolean kill(LocalClusterNode node) {
    Optional<ProcessHandle> handle = pid(node).flatMap(ProcessHandle::of);
    handle.ifPresent(h -> {
      h.destroyForcibly();
      h.onExit().join();
    });
    deleteQuietly(node.pidFile());
    return handle.isPresent();
  }

  private void requireCassandra() {
    String first = settings.cassandraContactPoints().split(",")[0].trim();
    int colon = first.lastIndexOf(':');
    String host = colon < 0 ? first : first.substring(0, colon);
    int port = colon < 0 ? 9042 : Integer.parseInt(first.substring(colon + 1));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2_000);
    } catch (IOException e) {
      throw new IllegalStateException("no Cassandra answers at " + first + " (riskpulse.persistence.cassandra."
          + "contact-points): start one first with ./riskpulse cassandra start");
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover pid file is ignored by pid() anyway.
    }
  }
}
