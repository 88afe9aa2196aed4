package io.riskpulse.node.book;

import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.RejectReason;
import io.riskpulse.model.portfolio.Reply;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens the portfolios of a {@link PortfolioListFile} through the sharded entities, {@code parallelism} at a time (so
 * ten thousand listings neither queue ten thousand asks behind one another's timeouts nor flood the journal), and
 * tells what became of each. A portfolio that is already open is kept as it is (its desk, cash and limits are not
 * changed): starting a node again with the same file, or every node of a cluster with it, is harmless. Portfolios are
 * opened without limits of their own; desk and firm limits apply, and {@code ctl limits set} sets theirs.
 *
 * <p>An open that gets no answer in time (a shard moving while nodes join, a slow journal: its ask times out) goes to
 * the back of the queue and is sent again, up to {@code attempts} times in all; an open is idempotent, so one whose answer
 * was lost answers ALREADY_OPEN the next time and counts as already open. A rejection or any other error (the
 * journal could not be made durable) is final and reported with its reason.
 *
 * <p>Thread-safety: one call's bookkeeping is shared by the completions of its asks, which may run on several
 * threads: the queue is concurrent and the tally synchronized.
 */
public final class PortfolioLoader {

  /**
   * What a load did.
   *
   * @param opened portfolios opened by this load
   * @param alreadyOpen portfolios that were open before (kept), and those this load opened whose answer was lost
   * @param failed the others, by id, with the reason (a rejection, an error, or no answer to any attempt)
   */
  public record Result(int opened, int alreadyOpen, Map<String, String> failed) {

    /** A line for the node's console: counts, and the first few failures. */
    public String describe() {
      StringBuilder text = new StringBuilder(opened + " portfolios opened, " + alreadyOpen + " already open, "
          + failed.size() + " failed");
      failed.entrySet().stream().limit(5).forEach(entry ->
          text.append("\n  ").append(entry.getKey()).append(": ").append(entry.getValue()));
      if (failed.size() > 5) {
        text.append("\n  ... and ").append(failed.size() - 5).append(" more");
      }
      return text.toString();
    }
  }

  private final PortfolioClient portfolios;
  private final int parallelism;
  private final int attempts;
  private final String openedBy;
  private final Executor executor;

  /**
   * @param parallelism opens in flight at once, at least 1
   * @param attempts how often an open whose ask timed out is sent in all before it counts as failed, at least 1
   * @param openedBy the identity journaled as having opened them (e.g. {@code riskpulse-node})
   * @param executor runs each lane's next open once an answer arrives (not the answering thread, so that a lane of
   *     answers that are already there does not recurse), e.g. the actor system's dispatcher
   */
  public PortfolioLoader(PortfolioClient portfolios, int parallelism, int attempts, String openedBy,
      Executor executor) {
    if (parallelism < 1 || attempts < 1) {
      throw new IllegalArgumentException("parallelism and attempts must be at least 1, not " + parallelism + " and "
          + attempts);
    }
    this.portfolios = portfolios;
    this.parallelism = parallelism;
    this.attempts = attempts;
    this.openedBy = openedBy;
    this.executor = executor;
  }

  /** Opens every listing; completes when each has an answer or has run out of attempts (never exceptionally). */
  public CompletionStage<Result> load(List<PortfolioListing> listings) {
    Queue<Attempt> pending = new ConcurrentLinkedQueue<>();
    listings.forEach(listing -> pending.add(new Attempt(listing, 1)));
    AtomicInteger unanswered = new AtomicInteger(listings.size());
    Tally tally = new Tally();
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (listings.isEmpty()) {
      done.complete(null);
    }
    for (int lane = 0; lane < Math.min(parallelism, listings.size()); lane++) {
      openNext(pending, unanswered, tally, done);
    }
    return done.thenApply(ignored -> tally.result());
  }

  /** One listing's open, and which attempt it is (from 1). */
  private record Attempt(PortfolioListing listing, int number) {}

  /** What became of the listings so far; guarded by itself (completions run on several threads). */
  private static final class Tally {
    private int opened;
    private int alreadyOpen;
    private final Map<String, String> failed = new TreeMap<>();

    synchronized void opened() {
      opened++;
    }

    synchronized void alreadyOpen() {
      alreadyOpen++;
    }

    synchronized void failed(String id, String why) {
      failed.put(id, why);
    }

    synchronized Result result() {
      return new Result(opened, alreadyOpen, Map.copyOf(failed));
    }
  }

  /**
   * One lane: opens the next pending listing, then the one after, until none is pending. An open whose ask timed
   * out goes to the back of the queue, up to {@code attempts} attempts.
   */
  private void openNext(Queue<Attempt> pending, AtomicInteger unanswered, Tally tally, CompletableFuture<Void> done) {
    Attempt attempt = pending.poll();
    if (attempt == null) {
      return;
    }
    PortfolioListing listing = attempt.listing();
    CompletionStage<Reply> answer;
    try {
      answer = portfolios.open(listing.portfolioId(), listing.desk(), listing.trader(), listing.initialCash(),
          Limits.NONE, openedBy);
    } catch (RuntimeException refused) {
      answer = CompletableFuture.failedFuture(refused); // the lane goes on whatever one open does
    }
    answer.whenCompleteAsync((reply, failure) -> {
      Throwable error = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      boolean answered = true;
      if (error instanceof TimeoutException && attempt.number() < attempts) {
        pending.add(new Attempt(listing, attempt.number() + 1));
        answered = false;
      } else if (error instanceof TimeoutException) {
        tally.failed(listing.portfolioId(), "no answer after " + attempts + " attempts: " + error.getMessage());
      } else if (error != null) {
        tally.failed(listing.portfolioId(), String.valueOf(error.getMessage()));
      } else if (reply.isAccepted()) {
        tally.opened();
      } else if (reply.reason() == RejectReason.ALREADY_OPEN) {
        tally.alreadyOpen();
      } else {
        tally.failed(listing.portfolioId(), describe(reply));
      }
      if (answered && unanswered.decrementAndGet() == 0) {
        done.complete(null);
      }
      openNext(pending, unanswered, tally, done);
    }, executor);
  }

  private static String describe(Reply reply) {
    return reply.reason() + (reply.detail().isEmpty() ? "" : ": " + reply.detail());
  }
}
