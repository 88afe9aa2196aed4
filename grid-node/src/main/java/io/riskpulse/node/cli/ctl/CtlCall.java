package io.riskpulse.node.cli.ctl;

import com.google.protobuf.Message;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.riskpulse.gateway.grpc.client.ApiClients;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One {@code riskpulse ctl} call from connection to exit code: resolves the connection, starts a small local
 * actor system for the pekko-grpc clients, makes the call, prints the answer as text or JSON on the command's
 * out writer, and turns a failure into one line {@code error: <CODE>: <description>} on its err writer and the
 * code's exit status ({@link CtlExitCodes}). Never prints the token. Not thread-safe; one per command run.
 *
 * <p>A unary call has the {@code --timeout} as its gRPC deadline, and is also awaited at most that long plus
 * {@link #GRACE} here, so ctl never hangs on a node that does not answer. A watch has no deadline (it lasts
 * until Ctrl-C, the stream's end, or {@code --count} updates), but its first update must arrive within the
 * timeout: that is how an unreachable node is told from a quiet portfolio.
 */
final class CtlCall {

  /**
   * Made on the calling thread before the actor system starts, so that SLF4J is initialised once there rather
   * than by several of the system's threads at once (which makes SLF4J print a "replayed" warning on stderr).
   */
  private static final Logger log = LoggerFactory.getLogger(CtlCall.class);

  /** How long past the gRPC deadline ctl waits before it gives up on its own. */
  static final Duration GRACE = Duration.ofSeconds(2);

  /**
   * The clients' actor system: local (no cluster, no remoting), logging through SLF4J to the node's log file
   * only (logback.xml), warnings and up; nothing on stdout, which carries the answers.
   */
  private static final Config CLIENT_CONFIG = ConfigFactory.load(ConfigFactory.parseString(
      "pekko.actor.provider = local\n"
          + "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]\n"
          + "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"\n"
          + "pekko.loglevel = WARNING\n"
          + "pekko.stdout-loglevel = OFF\n"
          + "pekko.log-dead-letters = off\n"
          + "pekko.log-dead-letters-during-shutdown = off\n"));

  private static final String SYSTEM_NAME = "riskpulse-ctl";

  private final CtlCommand ctl;
  private final PrintWriter out;
  private final PrintWriter err;

  CtlCall(CtlCommand ctl, CommandSpec spec) {
    this.ctl = ctl;
    this.out = spec.commandLine().getOut();
    this.err = spec.commandLine().getErr();
  }

  /** A call with one answer, printed; exit 0. */
  <M extends Message> int unary(Function<ApiClients, CompletionStage<M>> call, Function<M, String> text) {
    return unary(call, text, answer -> CtlExitCodes.OK);
  }

  /** A call with one answer, printed; the exit code is {@code exitCode} of the answer. */
  <M extends Message> int unary(Function<ApiClients, CompletionStage<M>> call, Function<M, String> text,
      ToIntFunction<M> exitCode) {
    return run(false, (clients, system, connection) -> {
      M answer = await(call.apply(clients), connection.timeout().plus(GRACE));
      print(ctl.json ? JsonOutput.pretty(answer) : text.apply(answer));
      return exitCode.applyAsInt(answer);
    });
  }

  /**
   * A stream, each element printed as it arrives (JSON: one line each); exit 0 when it ends.
   *
   * @param count stop after this many elements; 0 for no bound
   */
  <M extends Message> int watch(Function<ApiClients, Source<M, NotUsed>> call, long count,
      Function<M, String> text) {
    return run(true, (clients, system, connection) -> {
      Source<M, NotUsed> stream = count > 0 ? call.apply(clients).take(count) : call.apply(clients);
      CompletableFuture<Void> first = new CompletableFuture<>();
      Pair<UniqueKillSwitch, CompletionStage<Done>> running = stream
          .viaMat(KillSwitches.single(), Keep.right())
          .toMat(Sink.foreach(element -> {
            print(ctl.json ? JsonOutput.oneLine(element) : text.apply(element));
            first.complete(null);
          }), Keep.both())
          .run(system);
      CompletableFuture<Done> done = running.second().toCompletableFuture();
      try {
        await(CompletableFuture.anyOf(first, done), connection.timeout());
      } catch (StatusRuntimeException e) {
        running.first().shutdown();
        throw e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED
            ? Status.DEADLINE_EXCEEDED.withDescription("no first update within " + connection.timeout())
                .asRuntimeException()
            : e;
      }
      await(done, null);
      return CtlExitCodes.OK;
    });
  }

  /** What a call does with the clients. */
  @FunctionalInterface
  private interface Body {
    int apply(ApiClients clients, ActorSystem<Void> system, CtlConnection connection);
  }

  private int run(boolean streaming, Body body) {
    CtlConnection connection;
    try {
      connection = ctl.connection();
    } catch (StatusRuntimeException e) {
      return fail(e.getStatus(), null);
    }
    log.debug("riskpulse ctl calling {}", connection); // CtlConnection.toString never shows the token
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), SYSTEM_NAME, CLIENT_CONFIG);
    try (ApiClients clients = ApiClients.connect(system, connection.host(), connection.port(),
        connection.certificate(), connection.token(), streaming ? null : connection.timeout())) {
      return body.apply(clients, system, connection);
    } catch (StatusRuntimeException e) {
      if (CoordinatedShutdown.get(system).getShutdownReason().isPresent()) {
        // Ctrl-C or SIGTERM (typically ending a watch): the JVM is exiting because the user asked; no error line.
        return CtlExitCodes.OK;
      }
      return fail(e.getStatus(), connection);
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // the answer is printed; a slow shutdown of the local clients changes nothing for the caller
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The stage's value; a failure or a wait past {@code bound} (null: none) as a StatusRuntimeException. */
  private static <T> T await(CompletionStage<T> stage, Duration bound) {
    try {
      CompletableFuture<T> future = stage.toCompletableFuture();
      return bound == null ? future.get() : future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw statusOf(e.getCause());
    } catch (TimeoutException e) {
      throw Status.DEADLINE_EXCEEDED.withDescription("no answer within " + bound).asRuntimeException();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
    }
  }

  private static StatusRuntimeException statusOf(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof StatusRuntimeException e) {
      return e;
    }
    if (cause instanceof StatusException e) {
      return e.getStatus().asRuntimeException(e.getTrailers());
    }
    Status status = Status.fromThrowable(cause);
    return (status.getDescription() == null ? status.withDescription(String.valueOf(cause)) : status)
        .asRuntimeException();
  }

  /**
   * Prints the failure on one line: the status description (the node's, which names the field or the reason),
   * and for a failure of the client itself (connection refused, certificate not trusted) the root cause, which
   * says more than gRPC's "io exception".
   */
  private int fail(Status status, CtlConnection connection) {
    String description = firstLine(status.getDescription());
    Throwable root = status.getCause();
    while (root != null && root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != null) {
      String cause = root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
      description = description.isEmpty() ? cause : description + ": " + cause;
    }
    if (description.isEmpty()) {
      description = "no description";
    }
    if (status.getCode() == Status.Code.UNAUTHENTICATED && connection != null) {
      description += " (" + connection.credentialsHint() + ")";
    }
    out.flush();
    err.println("error: " + status.getCode() + ": " + description);
    err.flush();
    return CtlExitCodes.of(status.getCode());
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("").strip();
  }

  private void print(String text) {
    out.print(text);
    if (!text.endsWith("\n")) {
      out.println();
    }
    out.flush();
  }
}
