package io.riskpulse.gateway.grpc;

import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.TextFormat;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.riskpulse.gateway.grpc.security.Access;
import io.riskpulse.gateway.grpc.security.Principal;
import io.riskpulse.gateway.grpc.security.Rpc;
import io.riskpulse.model.concurrent.Completions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every call goes through: authentication and the role check ({@link Access}), then the call's body, whose
 * exceptions become failed calls (never a dropped connection), bounded by the request timeout (UNAVAILABLE past
 * it; the command may still take effect, as the API documents); a timer per RPC and status code
 * ({@code riskpulse.grpc.server.calls}); and, for mutating calls, one audit log line with the principal, the
 * request (which never holds a token) and the outcome. Thread-safe.
 */
public final class Calls {

  private static final Logger audit = LoggerFactory.getLogger("riskpulse.audit.grpc");

  private final Access access;
  private final MeterRegistry metrics;
  private final Duration timeout;
  /**
   * Timers by RPC and status code, registered on first use (so /metrics lists only codes that happened). A race
   * registers twice and gets the same timer: Micrometer's registration is idempotent.
   */
  private final AtomicReferenceArray<Timer> timers =
      new AtomicReferenceArray<>(Rpc.values().length * Status.Code.values().length);

  /** @param timeout how long a unary call may take before it fails with UNAVAILABLE */
  public Calls(Access access, MeterRegistry metrics, Duration timeout) {
    this.access = access;
    this.metrics = metrics;
    this.timeout = timeout;
  }

  private Timer timer(Rpc rpc, Status.Code code) {
    int index = rpc.ordinal() * Status.Code.values().length + code.ordinal();
    Timer timer = timers.get(index);
    if (timer == null) {
      timer = Timer.builder("riskpulse.grpc.server.calls").description("gRPC calls by RPC and status code")
          .tag("rpc", rpc.fullName()).tag("code", code.name()).register(metrics);
      timers.set(index, timer);
    }
    return timer;
  }

  /** A unary call: {@code body} gets the authorized principal. */
  public <T> CompletionStage<T> unary(Rpc rpc, Metadata metadata, MessageOrBuilder request,
      Function<Principal, CompletionStage<T>> body) {
    long start = System.nanoTime();
    Principal principal = null;
    CompletionStage<T> result;
    try {
      principal = access.authorize(metadata, rpc);
      result = body.apply(principal);
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    Principal caller = principal;
    // A plain future whose callbacks run where the answer arrives: a Scala-backed stage would run each callback
    // on the common pool, which on two cores means a new thread per callback (see Completions).
    return Completions.onCompletingThread(result).orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .whenComplete((value, failure) -> {
          Status.Code code = failure == null ? Status.Code.OK : GrpcErrors.codeOf(failure);
          timer(rpc, code).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
          if (rpc.mutating() && caller != null) {
            audit.info("{} by {}: {} -> {}", rpc.fullName(), caller.name(), TextFormat.shortDebugString(request),
                code);
          }
        });
  }

  /** A server-streaming call: {@code body} gets the authorized principal. */
  public <T> Source<T, NotUsed> stream(Rpc rpc, Metadata metadata, Function<Principal, Source<T, NotUsed>> body) {
    Principal principal;
    Source<T, NotUsed> source;
    try {
      principal = access.authorize(metadata, rpc);
      source = body.apply(principal);
    } catch (RuntimeException e) {
      count(rpc, GrpcErrors.codeOf(e));
      return Source.failed(e);
    }
    return source.watchTermination((notUsed, done) -> {
      done.whenComplete((ok, failure) -> count(rpc, failure == null ? Status.Code.OK : GrpcErrors.codeOf(failure)));
      return NotUsed.getInstance();
    });
  }

  private void count(Rpc rpc, Status.Code code) {
    metrics.counter("riskpulse.grpc.server.streams", "rpc", rpc.fullName(), "code", code.name()).increment();
  }
}
