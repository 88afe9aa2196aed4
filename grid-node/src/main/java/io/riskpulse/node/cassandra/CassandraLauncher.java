package io.riskpulse.node.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Starts, stops and reports a local Apache Cassandra 5.0 node running as a separate JVM from the jars in
 * {@link CassandraServerSettings#libDir()} (built by the {@code deploy/cassandra} module): for
 * {@code ./riskpulse cassandra start|stop|status} and the it-tests' {@code CassandraExtension}. Not for production,
 * where Cassandra is operated as a cluster of its own (deploy/cassandra/README.md).
 *
 * <p>{@link #start} writes a minimal {@code cassandra.yaml} into the data folder ({@link CassandraYaml}), picks free
 * ports for those configured as 0, launches {@code java} of this JVM's {@code java.home} with the JPMS flags
 * Cassandra needs on JDK 17 (the list of its {@code conf/jvm17-server.options}), appends the server's output to
 * {@code logs/cassandra.log}, writes {@code cassandra.pid} and waits until the CQL port accepts connections (5-10 s
 * on two cores). A start that fails or times out kills the process and reports the last lines of the log.
 * {@link #stop} sends SIGTERM (Cassandra drains and flushes, about 6 s), waits up to
 * {@link CassandraServerSettings#stopTimeout()}, then kills.
 *
 * <p>The pid file is trusted only when its process is alive and its command line names Cassandra's main class and
 * this data folder's yaml, so a stale file or a reused pid is never signalled. Thread-safety: one launcher per
 * data folder; calls are not synchronised across processes (two concurrent {@code start}s on one folder race).
 */
public final class CassandraLauncher {

  /** Cassandra's entry point. */
  public static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
  /** The node listens on loopback only. */
  public static final String HOST = "127.0.0.1";

  /** The JDK 17 flags from Cassandra's conf/jvm17-server.options, plus java.nio opened (needed here). */
  static final List<String> JPMS_FLAGS = jpmsFlags();

  private static final int LOG_TAIL_LINES = 40;
  private static final long POLL_MILLIS = 100;

  private final CassandraServerSettings settings;
  private final CassandraFiles files;

  public CassandraLauncher(CassandraServerSettings settings) {
    this.settings = settings;
    this.files = new CassandraFiles(settings.dataDir());
  }

  /** The node's folder, absolute. */
  public Path dataDir() {
    return files.dir();
  }

  /** Cassandra's output (standard output and error of every start, appended). */
  public Path logFile() {
    return files.log();
  }

  /**
   * Starts the node and returns once its CQL port accepts connections.
   *
   * @param detach run the server in a session of its own ({@code setsid}, when the system has it), so it outlives a
   *     terminal closing after {@code ./riskpulse cassandra start}
   * @return the running node's status (pid and ports)
   * @throws CassandraSetupException when the jars are missing or a configured port is taken
   * @throws IllegalStateException when it is already running, or it exits or does not open its CQL port within
   *     {@link CassandraServerSettings#startTimeout()} (the message ends with the log's last lines)
   */
  public CassandraStatus start(boolean detach) {
    CassandraStatus current = status();
    if (current.running()) {
      throw new IllegalStateException("Cassandra is already running: " + current.describe());
    }
    List<Path> jars = jars();
    try {
      Files.createDirectories(files.logDir());
      Files.createDirectories(files.triggers());
      Files.deleteIfExists(files.pidFile());
      Set<Integer> taken = new HashSet<>();
      int nativePort = portOrFree(settings.nativePort(), taken);
      int storagePort = portOrFree(settings.storagePort(), taken);
      int jmxPort = portOrFree(settings.jmxPort(), taken);
      for (int port : List.of(nativePort, storagePort, jmxPort)) {
        if (accepts(port)) {
          throw new CassandraSetupException("port " + HOST + ":" + port + " is already in use (another Cassandra? "
              + "riskpulse.cassandra.server.native-port, storage-port and jmx-port choose them; 0 picks free ones)");
        }
      }
      Files.writeString(files.yaml(), CassandraYaml.yaml(files, nativePort, storagePort));
      Files.writeString(files.logback(), CassandraYaml.logback());
      writePorts(nativePort, storagePort, jmxPort);
      long logStart = Files.exists(files.log()) ? Files.size(files.log()) : 0;
      ProcessBuilder builder = new ProcessBuilder(command(jars, jmxPort, detach))
          .directory(files.dir().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()));
      Process process = builder.start();
      Files.writeString(files.pidFile(), process.pid() + "\n");
      awaitCqlPort(process, nativePort, logStart);
      return new CassandraStatus(true, process.pid(), nativePort, storagePort, jmxPort, files.dir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Cassandra in " + files.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stops the node: SIGTERM, then a kill after {@link CassandraServerSettings#stopTimeout()}. Blocks until the
   * process has exited.
   *
   * @return true if a running node was stopped, false if none was running (a stale pid file is removed)
   */
  public boolean stop() {
    Optional<ProcessHandle> process = runningProcess();
    if (process.isEmpty()) {
      deletePidFile();
      return false;
    }
    ProcessHandle handle = process.get();
    handle.destroy();
    if (!awaitExit(handle, settings.stopTimeout().toMillis())) {
      handle.destroyForcibly();
      if (!awaitExit(handle, settings.stopTimeout().toMillis())) {
        throw new IllegalStateException("Cassandra (pid " + handle.pid() + ") did not exit after SIGKILL");
      }
    }
    deletePidFile();
    return true;
  }

  /** Whether this folder's node runs, its pid, and the ports of its last start. Never throws for a missing node. */
  public CassandraStatus status() {
    Properties ports = readPorts();
    Optional<ProcessHandle> process = runningProcess();
    return new CassandraStatus(process.isPresent(), process.map(ProcessHandle::pid).orElse(-1L),
        intOf(ports, "native_port"), intOf(ports, "storage_port"), intOf(ports, "jmx_port"), files.dir());
  }

  /** The last {@code lines} lines of Cassandra's log written since byte {@code from} (for error messages). */
  public String logTail(long from, int lines) {
    if (!Files.isRegularFile(files.log())) {
      return "(no log at " + files.log() + ")";
    }
    try (RandomAccessFile file = new RandomAccessFile(files.log().toFile(), "r")) {
      long start = Math.max(from, file.length() - 64 * 1024);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + files.log() + ": " + e.getMessage() + ")";
    }
  }

  private List<Path> jars() {
    Path lib = settings.libDir().toAbsolutePath().normalize();
    List<Path> jars;
    try (Stream<Path> listing = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
      jars = listing.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + lib, e);
    }
    if (jars.stream().noneMatch(path -> path.getFileName().toString().startsWith("cassandra-all-"))) {
      throw new CassandraSetupException("Cassandra's jars are not in " + lib + " (riskpulse.cassandra.server.lib-dir, "
          + "RISKPULSE_CASSANDRA_LIB): build them with 'mvn -B -pl deploy/cassandra package'");
    }
    return jars;
  }

  private List<String> command(List<Path> jars, int jmxPort, boolean detach) {
    List<String> command = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (detach && Files.isExecutable(setsid)) {
      command.add(setsid.toString());
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms" + settings.heapMin());
    command.add("-Xmx" + settings.heapMax());
    command.add("-Xss256k");
    command.add("-XX:+UseG1GC");
    command.addAll(JPMS_FLAGS);
    command.add("-Djdk.attach.allowAttachSelf=true");
    command.add("-Djava.net.preferIPv4Stack=true");
    command.add("-Dio.netty.tryReflectionSetAccessible=true");
    command.add("-Dcassandra-foreground=yes");
    command.add("-Dcassandra.config=" + files.yaml().toUri());
    command.add("-Dcassandra.storagedir=" + files.dir());
    command.add("-Dcassandra.logdir=" + files.logDir());
    command.add("-Dcassandra.triggers_dir=" + files.triggers());
    command.add("-Dcassandra.jmx.local.port=" + jmxPort);
    command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
    command.add("-Dlogback.configurationFile=" + files.logback());
    // A wildcard, not the ~100 jar paths: keeps the command line short enough to be read back whole.
    command.add("-cp");
    command.add(jars.get(0).getParent().resolve("*").toString());
    command.add(MAIN_CLASS);
    return command;
  }

  private void awaitCqlPort(Process process, int nativePort, long logStart) {
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    while (true) {
      if (!process.isAlive()) {
        deletePidFile();
        throw new IllegalStateException("Cassandra exited with code " + process.exitValue() + " while starting; "
            + "the last lines of " + files.log() + ":\n" + logTail(logStart, LOG_TAIL_LINES));
      }
      if (accepts(nativePort)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        awaitExit(process.toHandle(), settings.stopTimeout().toMillis());
        deletePidFile();
        throw new IllegalStateException("Cassandra did not open its CQL port " + HOST + ":" + nativePort + " within "
            + settings.startTimeout().toSeconds() + " s (riskpulse.cassandra.server.start-timeout) and was killed; "
            + "the last lines of " + files.log() + ":\n" + logTail(logStart, LOG_TAIL_LINES));
      }
      try {
        process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        deletePidFile();
        throw new IllegalStateException("interrupted while waiting for Cassandra to start; it was killed", e);
      }
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Optional<ProcessHandle> runningProcess() {
    long pid;
    try {
      if (!Files.isRegularFile(files.pidFile())) {
        return Optional.empty();
      }
      pid = Long.parseLong(Files.readString(files.pidFile()).trim());
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    String yaml = files.yaml().toUri().toString();
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(handle -> commandLine(handle).map(line -> line.contains(MAIN_CLASS) && line.contains(yaml))
            .orElse(false));
  }

  /** The whole command line: from /proc on Linux (ProcessHandle.Info cuts it at 4096 characters), else the JDK's. */
  private static Optional<String> commandLine(ProcessHandle handle) {
    Path proc = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
    try {
      if (Files.isReadable(proc)) {
        return Optional.of(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' '));
      }
    } catch (IOException e) {
      // The process exited meanwhile, or /proc is not readable: fall back.
    }
    return handle.info().commandLine();
  }

  private static boolean awaitExit(ProcessHandle handle, long millis) {
    try {
      handle.onExit().get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }

  private static int portOrFree(int configured, Set<Integer> taken) throws IOException {
    if (configured != 0) {
      taken.add(configured);
      return configured;
    }
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
        if (taken.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      }
    }
  }

  private void writePorts(int nativePort, int storagePort, int jmxPort) throws IOException {
    Properties ports = new Properties();
    ports.setProperty("native_port", Integer.toString(nativePort));
    ports.setProperty("storage_port", Integer.toString(storagePort));
    ports.setProperty("jmx_port", Integer.toString(jmxPort));
    try (OutputStream out = Files.newOutputStream(files.portsFile())) {
      ports.store(out, "Ports of the last start of this folder's Cassandra node");
    }
  }

  private Properties readPorts() {
    Properties ports = new Properties();
    if (Files.isRegularFile(files.portsFile())) {
      try (InputStream in = Files.newInputStream(files.portsFile())) {
        ports.load(in);
      } catch (IOException e) {
        return new Properties();
      }
    }
    return ports;
  }

  private static int intOf(Properties properties, String key) {
    try {
      return Integer.parseInt(properties.getProperty(key, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void deletePidFile() {
    try {
      Files.deleteIfExists(files.pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + files.pidFile(), e);
    }
  }

  private static List<String> jpmsFlags() {
    List<String> flags = new ArrayList<>();
    for (String export : List.of("java.base/jdk.internal.misc", "java.management.rmi/com.sun.jmx.remote.internal.rmi",
        "java.rmi/sun.rmi.registry", "java.rmi/sun.rmi.server", "java.sql/java.sql", "java.base/java.lang.ref",
        "jdk.unsupported/sun.misc", "jdk.compiler/com.sun.tools.javac.file", "jdk.attach/sun.tools.attach")) {
      flags.add("--add-exports");
      flags.add(export + "=ALL-UNNAMED");
    }
    for (String open : List.of("java.base/java.lang.module", "java.base/jdk.internal.loader",
        "java.base/jdk.internal.ref", "java.base/jdk.internal.reflect", "java.base/jdk.internal.math",
        "java.base/jdk.internal.module", "java.base/jdk.internal.util.jar",
        "jdk.management/com.sun.management.internal",
        "java.base/sun.nio.ch", "java.base/java.io", "java.base/java.lang.reflect", "jdk.compiler/com.sun.tools.javac",
        "java.base/java.lang", "java.base/java.util", "java.base/java.nio")) {
      flags.add("--add-opens");
      flags.add(open + "=ALL-UNNAMED");
    }
    return List.copyOf(flags);
  }
}
