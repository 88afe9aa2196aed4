package io.riskpulse.node.detect;

import com.typesafe.config.Config;
import io.riskpulse.ingestion.sim.scenario.ScenarioDay;
import io.riskpulse.ingestion.sim.scenario.ScenarioEvent;
import io.riskpulse.model.detect.DetectionEnvironment;
import io.riskpulse.model.detect.DetectionSettings;
import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.PortfolioDetectors;
import io.riskpulse.model.detect.market.MarketSurveillance;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays one {@link ScenarioDay} through the node's detectors as a node would run them: one
 * {@link MarketSurveillance} and one {@link OrderBookView} fed every quote, book and trade (as the ingestion
 * pipeline feeds them), one {@link PortfolioDetectors} per portfolio fed its orders (with the instrument's latest
 * quote) and fills (with the latest quote and the instrument's ADV), and every {@value #MARK_INTERVAL_MILLIS} ms
 * of scenario time until the close the mark timer: {@code onTick} with the instruments the portfolio holds
 * (positions tracked from its fills) and the quiet episodes closed. Alerts are episode openings
 * ({@link EpisodeBook}). Cancels and fills of orders sent just before the close are still fed after it, but
 * the timer stops at the close: a market with no data after its close is not stale.
 *
 * <p>Event time only: the result is a pure function of the scenario and the configuration.
 */
public final class ScenarioReplay {

  /** The portfolio entity's mark timer, milliseconds ({@code riskpulse.portfolio.mark-interval}'s default). */
  public static final long MARK_INTERVAL_MILLIS = 250;

  private final DetectionSettings detection;
  private final MarketSurveillanceSettings market;

  /** Detection as configured under {@code riskpulse.detection} (and {@code .market}) of {@code root}. */
  public ScenarioReplay(Config root) {
    this(DetectionSettings.fromConfig(root.getConfig("riskpulse.detection")),
        MarketSurveillanceSettings.fromConfig(root));
  }

  public ScenarioReplay(DetectionSettings detection, MarketSurveillanceSettings market) {
    this.detection = detection;
    this.market = market;
  }

  /** What one replayed day gave. */
  public record DayResult(ScenarioDay day, List<Alert> alerts, long events) {}

  /** One portfolio of the replay. */
  private static final class Book {
    final String id;
    final PortfolioDetectors detectors;
    final EpisodeBook episodes = new EpisodeBook();
    final Map<String, Double> positions = new TreeMap<>();

    Book(String id, DetectionEnvironment env) {
      this.id = id;
      this.detectors = new PortfolioDetectors(id, env);
    }

    List<String> held() {
      List<String> held = new ArrayList<>();
      positions.forEach((symbol, quantity) -> {
        if (quantity != 0) {
          held.add(symbol);
        }
      });
      return held;
    }
  }

  /** Replays the whole day. */
  public DayResult run(ScenarioDay day) {
    MarketSurveillance surveillance = new MarketSurveillance(market, day::averageDailyVolume);
    OrderBookView books = new OrderBookView();
    DetectionEnvironment env = new DetectionEnvironment(detection, surveillance, books, day::dailyVolatility);
    Map<String, Book> portfolios = new LinkedHashMap<>();
    for (String id : day.portfolios()) {
      portfolios.put(id, new Book(id, env));
    }
    Map<String, Quote> quotes = new HashMap<>();
    List<Alert> alerts = new ArrayList<>();
    long nextTick = day.openMillis() + MARK_INTERVAL_MILLIS;
    long events = 0;
    while (day.hasNext()) {
      for (ScenarioEvent event : day.nextSecond()) {
        long at = event.atMillis();
        for (long until = Math.min(at, day.closeMillis()); nextTick <= until; nextTick += MARK_INTERVAL_MILLIS) {
          tick(portfolios, nextTick, alerts);
        }
        events++;
        if (event instanceof ScenarioEvent.QuoteUpdate q && q.quote().bid() > q.quote().ask()) {
          // As the ingestion pipeline: the market view refuses a crossed book and surveillance counts it.
          surveillance.onCrossedBook(q.quote().symbol(), at);
        } else if (event instanceof ScenarioEvent.QuoteUpdate q) {
          surveillance.onQuote(q.quote());
          quotes.put(q.quote().symbol(), q.quote());
        } else if (event instanceof ScenarioEvent.BookUpdate b) {
          books.updateBook(b.symbol(), b.bidPrices(), b.bidQuantities(), b.askPrices(), b.askQuantities(), at);
          surveillance.onBook(books.book(b.symbol()));
        } else if (event instanceof ScenarioEvent.Trade t) {
          books.recordTrade(t.symbol(), t.quantity(), at);
          surveillance.onTrade(t.symbol(), t.price(), t.quantity(), at);
        } else if (event instanceof ScenarioEvent.Order o) {
          OrderEvent order = o.order();
          Book book = portfolios.get(order.portfolioId());
          record(book, book.detectors.onOrder(order, quotes.get(order.symbol()), at, book.episodes::isOpen), at, alerts);
        } else if (event instanceof ScenarioEvent.Fill f) {
          Execution fill = f.execution();
          Book book = portfolios.get(fill.portfolioId());
          book.positions.merge(fill.symbol(), fill.signedQuantity(), Double::sum);
          record(book, book.detectors.onFill(fill, quotes.get(fill.symbol()),
              day.averageDailyVolume(fill.symbol()), at, book.episodes::isOpen), at, alerts);
        }
      }
    }
    for (; nextTick <= day.closeMillis(); nextTick += MARK_INTERVAL_MILLIS) {
      tick(portfolios, nextTick, alerts);
    }
    return new DayResult(day, List.copyOf(alerts), events);
  }

  private static void tick(Map<String, Book> portfolios, long now, List<Alert> alerts) {
    for (Book book : portfolios.values()) {
      List<String> held = book.held();
      for (DetectionSignal finding : book.episodes.tick(book.detectors, held, now)) {
        alerts.add(Alert.of(finding, book.id, now, held));
      }
    }
  }

  private static void record(Book book, List<DetectionSignal> findings, long at, List<Alert> alerts) {
    List<DetectionSignal> opened = book.episodes.admit(findings);
    if (!opened.isEmpty()) {
      List<String> held = book.held();
      for (DetectionSignal finding : opened) {
        alerts.add(Alert.of(finding, book.id, at, held));
      }
    }
  }
}
