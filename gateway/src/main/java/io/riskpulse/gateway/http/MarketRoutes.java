package io.riskpulse.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskpulse.model.market.BookState;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.market.Quote;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /market/{symbol}}: what this node knows of an instrument's market: the latest quote and mark, and
 * the level-2 book with spread, depth and traded volume (market data is broadcast, so every node answers with
 * its own view). 404 for a symbol outside the instrument reference.
 */
public final class MarketRoutes extends AllDirectives {

  private final MarketView market;
  private final OrderBookView books;
  private final ObjectMapper json = new ObjectMapper();

  public MarketRoutes(MarketView market, OrderBookView books) {
    this.market = market;
    this.books = books;
  }

  public Route routes() {
    return pathPrefix("market", () -> path(PathMatchers.segment(), symbol -> get(() -> {
      if (!market.instruments().contains(symbol)) {
        return respond(StatusCodes.NOT_FOUND, Map.of("error", "unknown instrument"));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("symbol", symbol);
      Quote quote = market.quote(symbol);
      body.put("quote", quote);
      body.put("markPrice", market.markPrice(symbol));
      BookState book = books.book(symbol);
      if (book != null) {
        body.put("book", book);
        body.put("spread", book.spread());
        body.put("bidDepth", book.bidDepth());
        body.put("askDepth", book.askDepth());
      }
      return respond(StatusCodes.OK, body);
    })));
  }

  private Route respond(org.apache.pekko.http.javadsl.model.StatusCode status, Object body) {
    try {
      return complete(status, HttpEntities.create(ContentTypes.APPLICATION_JSON, json.writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      return complete(StatusCodes.INTERNAL_SERVER_ERROR);
    }
  }
}
