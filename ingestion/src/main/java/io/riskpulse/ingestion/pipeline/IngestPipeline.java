package io.riskpulse.ingestion.pipeline;

import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.ingestion.event.IngestSink;
import io.riskpulse.ingestion.pipeline.IngestMetrics.Kind;
import io.riskpulse.ingestion.pipeline.SequenceTracker.Verdict;
import io.riskpulse.model.concurrent.Completions;
import io.riskpulse.model.detect.market.MarketSurveillance;
import io.riskpulse.model.market.BookState;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.market.QuoteRejection;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.RejectReason;
import io.riskpulse.model.portfolio.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's ingestion pipeline: validate → route. Feeds (Aeron subscriber, FIX acceptor) hand it decoded
 * messages through {@link IngestSink}.
 *
 * <ol>
 *   <li><b>Sequence</b>, per source: duplicates are quarantined; a gap is counted, logged and reported per
 *       source, and the message after it is accepted; a late message that fills a gap is accepted for order flow
 *       and fills (no valid event is lost) but refused for market data (a stale price must not overwrite a
 *       newer one).
 *   <li><b>Market data</b> (quotes, trades, books) is applied on the feed's thread to the node-local
 *       {@link MarketView} and {@link OrderBookView}: it is broadcast state, and applying it inline is both the
 *       fastest path and naturally backpressured.
 *   <li><b>Order flow and fills</b> enter a bounded Pekko Streams queue; a full queue makes the feed thread wait
 *       (backpressure, nothing dropped). While the shards are busy, waiting messages gather into batches of at
 *       most {@code maxBatch}; each portfolio's fills in a batch go as one command and one journal write. At most
 *       {@code parallelism} batches are in flight, answers are handled in arrival order, and a fill counts as
 *       ingested when its portfolio has persisted it. A timeout
 *       is retried with the same execution id (portfolios are idempotent); a refusal is quarantined with the
 *       portfolio's reason.
 * </ol>
 *
 * <p>Thread-safety: {@link #accept} may be called from several feed threads, but each source from one thread
 * at a time (its sequence tracker is not shared).
 */
public final class IngestPipeline implements IngestSink {

  private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

  private final MarketView market;
  private final OrderBookView books;
  /** The node's market surveillance, told every accepted market update and every crossed book; null: none. */
  private volatile MarketSurveillance surveillance;
  private volatile Clock surveillanceClock = Clock.systemUTC();
  private final Quarantine quarantine;
  private final IngestMetrics metrics;
  private final Map<String, SequenceTracker> trackers = new ConcurrentHashMap<>();
  /** The last batch sent to each portfolio and not yet answered (see {@link #inOrder}). */
  private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<PersistedListener> listeners = new CopyOnWriteArrayList<>();
  /**
   * Callers waiting for one message to be handled ({@link #acceptInSessionOrderTracked}), by the identity of
   * the event they handed over: a later message under the same source and number (a FIX session reset, a
   * resend after a timeout) must never release the wait of another.
   */
  private final Map<IngestEvent, CompletableFuture<Void>> waiting =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final BoundedSourceQueue<IngestEvent> toShards;
  private final CompletionStage<Done> done;
  private final DurabilityGate gate;
  private final ActorSystem<?> system;
  /** Wait before a message no portfolio answered is offered to the shards again. */
  private final Duration tryAgainAfter;
  /** Completes once the stream has ended and every handled report behind it has been delivered. */
  private final CompletionStage<Done> drained;

  /** A pipeline whose journal is durable when a write is confirmed (tests, databases that commit durably). */
  public IngestPipeline(ActorSystem<?> system, MarketView market, OrderBookView books,
      PortfolioClient portfolios, Quarantine quarantine, IngestMetrics metrics, PipelineSettings settings) {
    this(system, market, books, portfolios, quarantine, metrics, settings, JournalSync.NONE, Duration.ZERO);
  }

  /**
   * @param journalSync makes confirmed journal writes durable; handled reports (and so acknowledgements) wait
   *     for it (see {@link DurabilityGate})
   * @param minSyncInterval least time between two journal syncs (group commit spacing)
   */
  public IngestPipeline(ActorSystem<?> system, MarketView market, OrderBookView books,
      PortfolioClient portfolios, Quarantine quarantine, IngestMetrics metrics, PipelineSettings settings,
      JournalSync journalSync, Duration minSyncInterval) {
    this.gate = new DurabilityGate(journalSync, minSyncInterval.toNanos(), this::deliverHandled);
    this.system = system;
    this.tryAgainAfter = settings.retryDelay().multipliedBy(Math.max(1, settings.attempts()));
    this.market = market;
    this.books = books;
    this.quarantine = quarantine;
    this.metrics = metrics;
    Pair<BoundedSourceQueue<IngestEvent>, CompletionStage<Done>> materialized =
        Source.<IngestEvent>queue(settings.bufferSize())
            // While the shards are busy, waiting messages gather into a batch (no delay when idle): one
            // journal write per portfolio per batch instead of one per fill.
            .<List<IngestEvent>>batch(settings.maxBatch(), first -> {
              List<IngestEvent> batch = new ArrayList<>();
              batch.add(first);
              return batch;
            }, (batch, next) -> {
              batch.add(next);
              return batch;
            })
            .mapAsync(settings.parallelism(), batch -> send(system, portfolios, batch, settings))
            .mapConcat(answers -> answers)
            .toMat(Sink.foreach(this::onAnswer), (queue, completion) -> Pair.create(queue, completion))
            .run(system);
    this.toShards = materialized.first();
    this.done = materialized.second();
    // The last answers are delivered by the gate after the stream ends; whoever still waits after that waits
    // for a message this pipeline will never report.
    this.drained = done.handle((ignored, failure) -> failure)
        .thenCompose(failure -> gate.stop().thenApply(stopped -> {
          IllegalStateException ended = new IllegalStateException("ingest pipeline stopped", failure);
          List<CompletableFuture<Void>> left;
          synchronized (waiting) {
            left = new ArrayList<>(waiting.values());
          }
          left.forEach(future -> future.completeExceptionally(ended));
          return Done.getInstance();
        }));
  }


  /** Registers a listener told of every handled order-flow message and fill, in order per source. */
  public void addPersistedListener(PersistedListener listener) {
    listeners.add(listener);
  }

  /**
   * Tells {@code surveillance} every market update this pipeline accepts, and every crossed book it refuses,
   * stamped with {@code clock}'s time of receipt: surveillance judges silence and jumps on the node's timeline, so
   * a replay of history (old feed times on fresh updates) is watched like a live feed.
   */
  public void watchMarket(MarketSurveillance surveillance, Clock clock) {
    this.surveillanceClock = clock;
    this.surveillance = surveillance;
  }

  @Override
  public void accept(IngestEvent event) throws InterruptedException {
    SequenceTracker tracker = trackers.computeIfAbsent(event.sourceId(), s -> new SequenceTracker());
    Verdict verdict = tracker.observe(event.sequence());
    switch (verdict) {
      case INVALID:
        reject(event.sourceId(), event.sequence(), IngestRejection.MALFORMED_FIELD,
            "sequence number must be >= 1");
        return;
      case DUPLICATE:
        // Quarantined but not reported as handled: the first copy may still be on its way to the journal,
        // and its own answer reports it.
        quarantine(event.sourceId(), event.sequence(), IngestRejection.DUPLICATE_SEQUENCE,
            "already received (highest " + tracker.highest() + ")");
        return;
      case AFTER_GAP:
        metrics.gap(event.sourceId(), tracker.lastGapSize());
        log.warn("Gap from {}: {} message(s) missing before sequence {}", event.sourceId(),
            tracker.lastGapSize(), event.sequence());
        break;
      case LATE:
        if (isMarketData(event)) {
          rejectMarketData(event, IngestRejection.OUT_OF_ORDER,
              "late market data (highest " + tracker.highest() + ") would overwrite newer prices");
          return;
        }
        break;
      default:
        break;
    }
    route(event);
  }

  @Override
  public void acceptInSessionOrder(IngestEvent event) throws InterruptedException {
    route(event);
  }

  @Override
  public CompletionStage<Void> acceptInSessionOrderTracked(IngestEvent event) throws InterruptedException {
    CompletableFuture<Void> handled = new CompletableFuture<>();
    // Registered before routing: the answer can come before route() returns. Removed however it ends,
    // including when the caller gives up and cancels it.
    waiting.put(event, handled);
    handled.whenComplete((ignored, failure) -> waiting.remove(event, handled));
    if (done.toCompletableFuture().isDone()) {
      handled.completeExceptionally(new IllegalStateException("ingest pipeline stopped"));
      return handled;
    }
    try {
      route(event);
    } catch (InterruptedException | RuntimeException e) {
      handled.cancel(false);
      throw e;
    }
    return handled;
  }

  private static boolean isMarketData(IngestEvent event) {
    return event instanceof IngestEvent.MarketData || event instanceof IngestEvent.Trade
        || event instanceof IngestEvent.BookUpdate;
  }

  private void route(IngestEvent event) throws InterruptedException {
    MarketSurveillance watching = surveillance;
    if (event instanceof IngestEvent.MarketData) {
      Quote quote = ((IngestEvent.MarketData) event).quote();
      if (applyQuote(event, quote, Kind.MARKET_DATA) && watching != null) {
        watching.onQuote(new Quote(quote.symbol(), quote.last(), quote.bid(), quote.ask(),
            surveillanceClock.millis()));
      }
    } else if (event instanceof IngestEvent.Trade) {
      IngestEvent.Trade trade = (IngestEvent.Trade) event;
      if (applyQuote(event, Quote.lastTrade(trade.symbol(), trade.price(), trade.timestampMillis()), Kind.TRADE)) {
        books.recordTrade(trade.symbol(), trade.quantity(), trade.timestampMillis());
        if (watching != null) {
          watching.onTrade(trade.symbol(), trade.price(), trade.quantity(), surveillanceClock.millis());
        }
      }
    } else if (event instanceof IngestEvent.BookUpdate) {
      IngestEvent.BookUpdate book = (IngestEvent.BookUpdate) event;
      double bid = book.bidPrices().length > 0 ? book.bidPrices()[0] : Double.NaN;
      double ask = book.askPrices().length > 0 ? book.askPrices()[0] : Double.NaN;
      Quote top = new Quote(book.symbol(), Double.NaN, bid, ask, book.timestampMillis());
      if (applyQuote(event, top, Kind.BOOK)) {
        books.updateBook(book.symbol(), book.bidPrices(), book.bidQuantities(), book.askPrices(),
            book.askQuantities(), book.timestampMillis());
        if (watching != null) {
          watching.onQuote(new Quote(book.symbol(), Double.NaN, bid, ask, surveillanceClock.millis()));
          watching.onBook(new BookState(book.symbol(), book.bidPrices(), book.bidQuantities(), book.askPrices(),
              book.askQuantities(), 0, surveillanceClock.millis()));
        }
      }
    } else {
      enqueue(event);
    }
  }

  private boolean applyQuote(IngestEvent event, Quote quote, Kind kind) {
    QuoteRejection refused = market.update(quote);
    if (refused == null) {
      metrics.accepted(kind);
      return true;
    }
    IngestRejection reason;
    switch (refused) {
      case UNKNOWN_INSTRUMENT:
        reason = IngestRejection.UNKNOWN_INSTRUMENT;
        break;
      case CROSSED_BOOK:
        reason = IngestRejection.CROSSED_BOOK;
        MarketSurveillance watching = surveillance;
        if (watching != null) {
          watching.onCrossedBook(quote.symbol(), surveillanceClock.millis());
        }
        break;
      case OUT_OF_ORDER:
        reason = IngestRejection.OUT_OF_ORDER;
        break;
      default:
        reason = IngestRejection.NOT_FINITE;
    }
    rejectMarketData(event, reason, "market view refused " + quote + ": " + refused);
    return false;
  }

  /** Offers to the bounded queue, waiting while it is full: backpressure, never a drop. */
  private void enqueue(IngestEvent event) throws InterruptedException {
    notifyReceived(event.sourceId(), event.sequence());
    long parkNanos = 1_000;
    while (true) {
      QueueOfferResult result = toShards.offer(event);
      if (result == QueueOfferResult.enqueued()) {
        return;
      }
      if (result != QueueOfferResult.dropped()) {
        throw new IllegalStateException("ingestion pipeline is closed: " + result);
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      LockSupport.parkNanos(parkNanos);
      parkNanos = Math.min(parkNanos * 2, 1_000_000);
    }
  }

  /**
   * Sends a batch: each portfolio's fills as one {@code ApplyExecutions} (in order), order-flow messages one by
   * one; answers come back in the batch's order. A portfolio that does not answer in time is asked again with
   * the same fills (idempotent), up to {@code attempts} tries.
   */
  private CompletionStage<List<Answer>> send(
      ActorSystem<?> system, PortfolioClient portfolios, List<IngestEvent> batch, PipelineSettings settings) {
    Answer[] answers = new Answer[batch.size()];
    Map<String, List<Integer>> fillsByPortfolio = new LinkedHashMap<>();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      IngestEvent event = batch.get(i);
      if (event instanceof IngestEvent.Fill) {
        String portfolio = ((IngestEvent.Fill) event).execution().portfolioId();
        fillsByPortfolio.computeIfAbsent(portfolio, p -> new ArrayList<>()).add(i);
      } else {
        int index = i;
        OrderEvent order = ((IngestEvent.OrderFlow) event).order();
        pending.add(retry(system, settings, () -> portfolios.record(order))
            .handle((reply, failure) -> answers[index] = new Answer(event, reply, failure))
            .toCompletableFuture());
      }
    }
    fillsByPortfolio.forEach((portfolio, indices) -> {
      List<Execution> executions = new ArrayList<>(indices.size());
      for (int index : indices) {
        executions.add(((IngestEvent.Fill) batch.get(index)).execution());
      }
      pending.add(inOrder(portfolio, () -> retry(system, settings, () -> portfolios.applyAll(portfolio, executions)))
          .handle((replies, failure) -> {
            for (int k = 0; k < indices.size(); k++) {
              int index = indices.get(k);
              answers[index] = new Answer(batch.get(index), replies == null ? null : replies.get(k), failure);
            }
            return null;
          })
          .toCompletableFuture());
    });
    return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .thenApply(done -> Arrays.asList(answers));
  }

  /**
   * Starts {@code call} for a portfolio only after the previous batch of that portfolio has been answered:
   * batches of different portfolios overlap, a portfolio's fills never do, so a retried batch cannot land after
   * a later one (average cost and position checks depend on order). Called from the stream's stage only.
   */
  private <T> CompletableFuture<T> inOrder(
      String portfolio, java.util.function.Supplier<CompletionStage<T>> call) {
    CompletableFuture<?> previous = inFlight.get(portfolio);
    CompletableFuture<T> next = previous == null
        ? call.get().toCompletableFuture()
        : previous.handle((result, failure) -> null).thenCompose(ignored -> call.get());
    inFlight.put(portfolio, next);
    next.whenComplete((result, failure) -> inFlight.remove(portfolio, next));
    return next;
  }

  private static <T> CompletionStage<T> retry(
      ActorSystem<?> system, PipelineSettings settings, java.util.concurrent.Callable<CompletionStage<T>> call) {
    return Completions.onCompletingThread(Patterns.retry(call, settings.attempts() - 1, settings.retryDelay(),
        system.classicSystem().scheduler(), system.executionContext()));
  }

  private record Answer(IngestEvent event, Reply reply, Throwable failure) {}

  private void onAnswer(Answer answer) {
    IngestEvent event = answer.event();
    Reply reply = answer.reply();
    boolean fill = event instanceof IngestEvent.Fill;
    if (reply == null) {
      // Recorded for the operators but NOT reported as handled (its source's acks wait for it), and offered
      // again later, until a portfolio answers: dropping it would lose it, and a publisher would not resend it
      // to a node that is still running.
      metrics.rejected(IngestRejection.REJECTED_BY_PORTFOLIO);
      quarantine.add(event.sourceId(), event.sequence(), IngestRejection.REJECTED_BY_PORTFOLIO,
          "no answer from the portfolio after every retry, trying again in " + tryAgainAfter.toMillis()
              + " ms: " + answer.failure());
      log.error("Unanswered {} from {} seq {}; trying again in {} ms", fill ? "fill" : "order",
          event.sourceId(), event.sequence(), tryAgainAfter.toMillis(), answer.failure());
      tryAgainLater(event);
      return;
    }
    switch (reply.outcome()) {
      case ACCEPTED:
        if (fill) {
          metrics.accepted(Kind.FILL);
          metrics.fillLatencyNanos(System.currentTimeMillis() * 1_000_000
              - ((IngestEvent.Fill) event).execution().executedAtMillis() * 1_000_000);
        } else {
          metrics.accepted(Kind.ORDER);
        }
        break;
      case DUPLICATE:
        quarantine(event.sourceId(), event.sequence(),
            fill ? IngestRejection.DUPLICATE_EXECUTION : IngestRejection.DUPLICATE_ORDER, reply.detail());
        break;
      default:
        quarantine(event.sourceId(), event.sequence(), portfolioReason(reply.reason()), reply.detail());
        break;
    }
    // Accepted or refused, the portfolio answered: handled (a duplicate's first copy was persisted before).
    notifyHandled(event);
  }

  /**
   * Offers an unanswered message to the shards again after {@link #tryAgainAfter}, without blocking the
   * scheduler: a full queue means another wait. A closed pipeline drops it, unacknowledged, so its publisher
   * replays it to the next node.
   */
  private void tryAgainLater(IngestEvent event) {
    system.scheduler().scheduleOnce(tryAgainAfter, () -> {
      QueueOfferResult result = toShards.offer(event);
      if (result == QueueOfferResult.dropped()) {
        tryAgainLater(event);
      } else if (result != QueueOfferResult.enqueued()) {
        log.warn("Pipeline closed: unanswered {} #{} left for its publisher to replay", event.sourceId(),
            event.sequence());
      }
    }, system.executionContext());
  }

  private static IngestRejection portfolioReason(RejectReason reason) {
    switch (reason) {
      case UNKNOWN_PORTFOLIO:
        return IngestRejection.UNKNOWN_PORTFOLIO;
      case UNKNOWN_INSTRUMENT:
        return IngestRejection.UNKNOWN_INSTRUMENT;
      case INVALID_QUANTITY:
        return IngestRejection.NON_POSITIVE_QUANTITY;
      case INVALID_PRICE:
        return IngestRejection.NON_POSITIVE_PRICE;
      case NOTIONAL_OVERFLOW:
        return IngestRejection.OVERFLOW;
      case CONFLICTING_EXECUTION:
        return IngestRejection.CONFLICTING_EXECUTION;
      default:
        return IngestRejection.REJECTED_BY_PORTFOLIO;
    }
  }

  @Override
  public void reject(String sourceId, long sequence, IngestRejection reason, String detail) {
    quarantine(sourceId, sequence, reason, detail);
    // A refused message is handled too (quarantined): a publisher waiting for it must not wait forever.
    notifyReceived(sourceId, sequence);
    notifyHandled(sourceId, sequence);
  }

  /**
   * Refuses market data: there is no journal write behind it and nobody acknowledges market data, so it is
   * reported handled at once, without waiting for a journal flush (a storm of bad quotes must not keep the
   * durability gate busy, nor hold up its stop).
   */
  private void rejectMarketData(IngestEvent event, IngestRejection reason, String detail) {
    quarantine(event.sourceId(), event.sequence(), reason, detail);
    notifyReceived(event.sourceId(), event.sequence());
    deliverHandled(event.sourceId(), event.sequence(), null);
  }

  /** Counts and records a refusal without reporting the message as handled. */
  private void quarantine(String sourceId, long sequence, IngestRejection reason, String detail) {
    metrics.rejected(reason);
    quarantine.add(sourceId, sequence, reason, detail);
  }

  private void notifyReceived(String sourceId, long sequence) {
    for (PersistedListener listener : listeners) {
      try {
        listener.received(sourceId, sequence);
      } catch (RuntimeException e) {
        log.error("Persisted listener {} failed on receiving {} seq {}", listener, sourceId, sequence, e);
      }
    }
  }

  /** Reports a message handled once the journal is durable up to now (group commit, see DurabilityGate). */
  private void notifyHandled(String sourceId, long sequence) {
    gate.submit(sourceId, sequence, null);
  }

  /** Reports an answered event handled once the journal is durable up to now; releases its tracked wait. */
  private void notifyHandled(IngestEvent event) {
    gate.submit(event.sourceId(), event.sequence(), event);
  }

  /** Called by the gate, in order, once what was handled is durable; {@code event} null for edge refusals. */
  private void deliverHandled(String sourceId, long sequence, IngestEvent event) {
    if (event != null && !waiting.isEmpty()) {
      CompletableFuture<Void> waiter = waiting.get(event);
      if (waiter != null) {
        waiter.complete(null);
      }
    }
    for (PersistedListener listener : listeners) {
      try {
        listener.handled(sourceId, sequence);
      } catch (RuntimeException e) {
        // A listener's bug must not end the stream: every later fill would then be refused at the door.
        log.error("Persisted listener {} failed on {} seq {}", listener, sourceId, sequence, e);
      }
    }
  }

  /** The sequence tracker of a source, or {@code null} before its first message. */
  public SequenceTracker tracker(String sourceId) {
    return trackers.get(sourceId);
  }

  /** Completes when the pipeline stops: normally after {@link #close}, exceptionally if it failed. */
  public CompletionStage<Done> completion() {
    return done;
  }

  /**
   * Stops accepting; completes when every queued message has been answered and reported handled (after the
   * journal was made durable), failing if the stream failed.
   */
  public CompletionStage<Done> close() {
    toShards.complete();
    return drained.thenCompose(ignored -> done);
  }
}
