package io.riskpulse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.gateway.grpc.GrpcBinding;
import io.riskpulse.gateway.grpc.security.Principal;
import io.riskpulse.gateway.grpc.security.Role;
import io.riskpulse.gateway.grpc.security.SelfSignedCertificate;
import io.riskpulse.gateway.grpc.security.TokenStore;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.NodeDeps;
import io.riskpulse.node.NodeServices;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API from outside the JVM: the Node.js client of {@code src/test/node} (@grpc/grpc-js, with the .proto of
 * the gateway loaded at run time, nothing generated) reads and watches a portfolio of a real node over TLS with a
 * bearer token, and gets the API's status codes for another desk's portfolio and for an unknown token.
 *
 * <p>The client's dependencies are installed with {@code npm ci} from its committed lock file, in a copy of its
 * folder under {@code target/} so that the source tree stays clean. Skipped where {@code node} or {@code npm} is
 * not on the PATH (CI has both).
 *
 * <p>Portfolios: R1 on desk rates (the client's principal is a viewer of rates), C1 on desk credit.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeJsGrpcClientTest {

  private static final String TOKEN = "node-client-token";
  private static final String SYMBOL = "TLT";
  private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration LINE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration AWAIT = Duration.ofSeconds(20);
  /** The oldest Node.js the client runs on ({@code util.parseArgs}). */
  private static final int MIN_NODE_MAJOR = 18;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The node's data folder ({@code data}) and the clients' stderr files. */
  @TempDir static Path work;

  private Path node;
  private Path clientDir;
  private ActorSystem<Void> system;
  private NodeServices services;
  private int grpcPort;
  private Path certificate;

  /** Why the tests cannot run here (no Node.js), or {@code null}. */
  private String skipReason;

  @BeforeAll
  @Timeout(300)
  void installClientAndStartNode() throws Exception {
    Optional<Path> nodeExe = onPath("node");
    Optional<Path> npm = onPath("npm");
    if (nodeExe.isEmpty() || npm.isEmpty()) {
      skipReason = "Node.js client test skipped: `node` and `npm` must be on the PATH (found node: "
          + nodeExe.isPresent() + ", npm: " + npm.isPresent() + ")";
      return;
    }
    node = nodeExe.get();
    int major = nodeMajorVersion(node);
    if (major < MIN_NODE_MAJOR) {
      skipReason = "Node.js client test skipped: it needs Node.js " + MIN_NODE_MAJOR + " or newer, found " + major;
      return;
    }
    clientDir = copyClient(Path.of(System.getProperty("riskpulse.node.client.dir", "src/test/node")),
        Path.of(System.getProperty("riskpulse.node.client.work", "target/node-client")));
    npmCi(npm.get(), clientDir);
    startNode();
  }

  /** Per test rather than in {@link #installClientAndStartNode()}, so that reports show each skip and its reason. */
  @BeforeEach
  void assumeNodeJs() {
    assumeTrue(skipReason == null, skipReason);
  }

  @AfterAll
  void stopNode() throws Exception {
    if (system != null) {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldReadAPortfolioAndWatchItsNextExecutionFromNodeJs() throws Exception {
    try (ClientRun client = client(TOKEN, "R1", 2)) {
      JsonNode portfolio = client.nextJson().path("getPortfolio");
      assertEquals("R1", portfolio.path("portfolioId").asText(), portfolio.toString());
      assertEquals("rates", portfolio.path("desk").asText(), portfolio.toString());
      assertEquals("ACTIVE", portfolio.path("status").asText(), portfolio.toString());
      assertEquals(1, portfolio.path("positions").size(), portfolio.toString());
      assertEquals(SYMBOL, portfolio.path("positions").path(0).path("symbol").asText(), portfolio.toString());
      assertEquals(100, portfolio.path("positions").path(0).path("quantity").asDouble(), 1e-9);
      // int64 fields arrive as decimal strings (proto-loader's `longs: String`): JavaScript numbers lose digits.
      assertTrue(portfolio.path("version").isTextual(), portfolio.toString());
      long readVersion = Long.parseLong(portfolio.path("version").asText());
      assertTrue(readVersion >= 2, "opened and one execution: " + readVersion);

      // The client watches from the version it read: the first update is the state then, with no change.
      JsonNode first = client.nextJson().path("update");
      assertTrue(first.path("initial").asBoolean(), first.toString());
      assertEquals(readVersion, Long.parseLong(first.path("version").asText()), first.toString());
      assertEquals(0, first.path("changes").size(), first.toString());
      assertEquals("R1", first.path("portfolio").path("portfolioId").asText(), first.toString());

      assertEquals(Reply.accepted(), await(services.portfolios().apply(new Execution("E2", "R1", "algo", SYMBOL,
          Side.BUY, 50, 91, System.currentTimeMillis()))));
      JsonNode second = client.nextJson().path("update");
      assertFalse(second.path("initial").asBoolean(), second.toString());
      long secondVersion = Long.parseLong(second.path("version").asText());
      assertTrue(secondVersion > readVersion, second.toString());
      List<String> types = new ArrayList<>();
      second.path("changes").forEach(change -> types.add(change.path("type").asText()));
      assertTrue(types.contains("ExecutionApplied"), second.toString());
      JsonNode applied = second.path("changes").path(types.indexOf("ExecutionApplied"));
      assertTrue(applied.path("detail").asText().contains("E2"), applied.toString());
      assertTrue(Long.parseLong(applied.path("version").asText()) > readVersion, applied.toString());
      assertEquals(150, second.path("portfolio").path("positions").path(0).path("quantity").asDouble(), 1e-9);

      assertEquals(0, client.awaitExit(), client.stderr());
      assertEquals(Optional.empty(), client.nextLine(), "one line per result, nothing after the last update");
    }
  }

  @Test
  void shouldGetPermissionDeniedForAnotherDesksPortfolio() throws Exception {
    try (ClientRun client = client(TOKEN, "C1", 1)) {
      JsonNode error = client.nextJson().path("error");
      assertEquals(7, error.path("code").asInt(), "PERMISSION_DENIED: " + error);
      assertFalse(error.path("details").asText().contains("credit"), "no data in a denial: " + error);
      assertEquals(3, client.awaitExit(), client.stderr());
    }
  }

  @Test
  void shouldGetUnauthenticatedForAnUnknownToken() throws Exception {
    try (ClientRun client = client("not-a-token", "R1", 1)) {
      JsonNode error = client.nextJson().path("error");
      assertEquals(16, error.path("code").asInt(), "UNAUTHENTICATED: " + error);
      assertEquals(3, client.awaitExit(), client.stderr());
    }
  }

  private void startNode() throws IOException {
    Path dataDir = Files.createDirectories(work.resolve("data"));
    Principal principal = new Principal("node-client", Role.VIEWER, Set.of("rates"));
    Path tokens = Files.writeString(dataDir.resolve("tokens.conf"),
        "tokens = [\n  " + TokenStore.entryLine(principal, TOKEN) + "\n]\n");
    // The watch's periodic re-read is made rare: an update then comes only when the journal grows, so the update
    // after an execution carries it. (A re-read may show an execution's figures before the journal query delivers
    // the change itself, in an update of its own.)
    Config config = NodeConfig.load(ConfigFactory.parseString(
        "riskpulse.persistence.data-dir = \"" + slashes(dataDir) + "\"\n"
            + "pekko.remote.artery.canonical.port = 0\n"
            + "riskpulse.http.port = 0\n"
            + "riskpulse.grpc.port = 0\n"
            + "riskpulse.grpc.tls.enabled = on\n"
            + "riskpulse.grpc.auth.tokens-file = \"" + slashes(tokens) + "\"\n"
            + "riskpulse.grpc.watch.interval = 1h\n"
            + "riskpulse.ingestion.aeron.directory = \"" + slashes(dataDir.resolve("aeron")) + "\"\n"));
    system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
    InstrumentRegistry instruments = InstrumentRegistry.of(
        List.of(new Instrument(SYMBOL, AssetClass.RATES, "USD", 1, "treasuries", "US")));
    services = Main.init(system, new NodeDeps(instruments, Clock.systemUTC()));
    GrpcBinding binding = await(services.grpc().orElseThrow());
    grpcPort = binding.localAddress().getPort();
    certificate = dataDir.resolve("grpc").resolve("tls").resolve(SelfSignedCertificate.CERT_FILE);
    assertTrue(Files.isRegularFile(certificate), "the node writes its self-signed certificate: " + certificate);

    long now = System.currentTimeMillis();
    services.market().update(Quote.lastTrade(SYMBOL, 90, now));
    assertEquals(Reply.accepted(), await(services.portfolios().open("R1", "rates", "alice", 1_000_000,
        Limits.NONE, "test")));
    assertEquals(Reply.accepted(), await(services.portfolios().open("C1", "credit", "bob", 1_000_000,
        Limits.NONE, "test")));
    assertEquals(Reply.accepted(), await(services.portfolios().apply(
        new Execution("E1", "R1", "algo", SYMBOL, Side.BUY, 100, 90, now))));
  }

  /** Starts {@code node client.js} against the test node; close it to kill it if still running. */
  private ClientRun client(String token, String portfolioId, int updates) throws IOException {
    Path protoDir = Path.of(System.getProperty("riskpulse.proto.dir", "../gateway/src/main/protobuf"));
    return ClientRun.start(clientDir, work, List.of(node.toString(), "client.js",
        "--target", "127.0.0.1:" + grpcPort,
        "--cert", certificate.toAbsolutePath().toString(),
        "--token", token,
        "--portfolio", portfolioId,
        "--updates", Integer.toString(updates),
        "--proto-dir", protoDir.toAbsolutePath().toString()));
  }

  /** {@code node client.js ...} running, its stdout read line by line as it comes. */
  private static final class ClientRun implements AutoCloseable {

    private final Process process;
    private final Path stderr;
    /** The lines of stdout; an empty element marks its end. */
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();

    private ClientRun(Process process, Path stderr) {
      this.process = process;
      this.stderr = stderr;
      Thread reader = new Thread(this::readStdout, "node-client-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    static ClientRun start(Path dir, Path stderrDir, List<String> command) throws IOException {
      Path stderr = Files.createTempFile(stderrDir, "client-stderr", ".txt");
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectError(stderr.toFile()).start();
      process.getOutputStream().close();
      return new ClientRun(process, stderr);
    }

    private void readStdout() {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(Optional.of(line));
        }
      } catch (IOException e) {
        lines.add(Optional.of("<stdout failed: " + e + ">"));
      } finally {
        lines.add(Optional.empty());
      }
    }

    /** The next stdout line; empty at the end of stdout. Fails after {@link #LINE_TIMEOUT}. */
    Optional<String> nextLine() throws InterruptedException {
      Optional<String> line = lines.poll(LINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertTrue(line != null, "no line from the client within " + LINE_TIMEOUT + "; stderr: " + stderr());
      return line;
    }

    JsonNode nextJson() throws Exception {
      Optional<String> line = nextLine();
      assertTrue(line.isPresent(), "the client's stdout ended; exit " + exitCode() + ", stderr: " + stderr());
      return JSON.readTree(line.get());
    }

    int awaitExit() throws InterruptedException {
      assertTrue(process.waitFor(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
          "the client did not exit within " + CLIENT_TIMEOUT + "; stderr: " + stderr());
      return process.exitValue();
    }

    private String exitCode() {
      return process.isAlive() ? "(running)" : Integer.toString(process.exitValue());
    }

    String stderr() {
      try {
        return Files.readString(stderr, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "<unreadable: " + e + ">";
      }
    }

    @Override
    public void close() throws InterruptedException {
      kill(process);
    }
  }

  /** The executable {@code name} (or {@code name.cmd}/{@code name.exe}) in a folder of the PATH. */
  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String suffix : List.of("", ".cmd", ".exe")) {
        try {
          Path candidate = Path.of(dir, name + suffix);
          if (!dir.isEmpty() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        } catch (InvalidPathException e) {
          // not a folder name: the next entry
        }
      }
    }
    return Optional.empty();
  }

  private static int nodeMajorVersion(Path node) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
    try {
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "`node --version` did not answer within 30 s");
      String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertTrue(version.matches("v\\d+\\..*"), "unexpected `node --version`: " + version);
      return Integer.parseInt(version.substring(1, version.indexOf('.')));
    } finally {
      kill(process);
    }
  }

  /** Copies the client's files (not node_modules) to {@code copy}, replacing an earlier copy's. */
  private static Path copyClient(Path source, Path copy) throws IOException {
    assertTrue(Files.isRegularFile(source.resolve("package-lock.json")), "no client lock file in " + source);
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return copy.toAbsolutePath();
  }

  /** {@code npm ci} from the lock file, without install scripts (none is needed). */
  private static void npmCi(Path npm, Path dir) throws IOException, InterruptedException {
    Path log = dir.resolve("npm-ci.log");
    Process process = new ProcessBuilder(npm.toString(), "ci", "--ignore-scripts", "--no-audit", "--no-fund")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      boolean finished = process.waitFor(NPM_CI_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertTrue(finished, "npm ci did not finish within " + NPM_CI_TIMEOUT + ": " + Files.readString(log));
      assertEquals(0, process.exitValue(), "npm ci failed: " + Files.readString(log));
    } finally {
      kill(process);
    }
  }

  /** Ends a process and whatever it started (npm runs node), if still running. */
  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String slashes(Path path) {
    return path.toAbsolutePath().toString().replace('\\', '/');
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(AWAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }
}
