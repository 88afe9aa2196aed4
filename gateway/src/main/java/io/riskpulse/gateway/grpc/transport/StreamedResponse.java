package io.riskpulse.gateway.grpc.transport;

import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;

/**
 * Streams a Pekko {@link Source} as the responses of one server-streaming call, at the pace the client reads:
 * the next element is pulled only while grpc-java's flow-control window is open ({@code isReady}), so a slow
 * client backpressures the source instead of filling the node's memory. A client that cancels (or whose deadline
 * passes) cancels the source; a source that fails ends the call with the status {@link
 * io.riskpulse.gateway.grpc.GrpcErrors} gives the failure.
 *
 * <p>Thread-safety: at most one pull is outstanding ({@link #pulling}), and only its completion writes to the
 * observer, so writes never overlap; grpc-java's ready callback only starts a pull when none is outstanding.
 */
final class StreamedResponse<T> {

  private final ServerCallStreamObserver<T> call;
  private final SinkQueueWithCancel<T> queue;
  /** True while a pull is outstanding or its element is being written. */
  private final AtomicBoolean pulling = new AtomicBoolean();

  private StreamedResponse(ServerCallStreamObserver<T> call, SinkQueueWithCancel<T> queue) {
    this.call = call;
    this.queue = queue;
  }

  /** Runs {@code source} into {@code call}; returns at once. */
  static <T> void start(Source<T, NotUsed> source, ServerCallStreamObserver<T> call, Materializer materializer) {
    StreamedResponse<T> response = new StreamedResponse<>(call, source.runWith(Sink.queue(), materializer));
    call.setOnCancelHandler(response.queue::cancel);
    call.setOnReadyHandler(response::pullIfReady);
    response.pullIfReady();
  }

  private void pullIfReady() {
    if (call.isReady() && !call.isCancelled() && pulling.compareAndSet(false, true)) {
      pull();
    }
  }

  private void pull() {
    queue.pull().whenComplete((next, failure) -> {
      if (call.isCancelled()) {
        return;
      }
      if (failure != null) {
        PowerApiBinding.fail(call, failure);
      } else if (next.isEmpty()) {
        call.onCompleted();
      } else {
        call.onNext(next.get());
        pulling.set(false);
        pullIfReady(); // again if the window is still open; otherwise the ready callback will
      }
    });
  }
}
