package io.riskpulse.model.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketViewTest {

  private final MarketView view = new MarketView(InstrumentRegistry.of(List.of(
      new Instrument("CL", AssetClass.COMMODITY, "USD", 1000, "energy", ""))));

  @Test
  void shouldRefuseBadQuotesWithACountedReasonAndKeepTheLastGoodOne() {
    assertNull(view.update(new Quote("CL", 70, 69.9, 70.1, 10)));
    assertEquals(QuoteRejection.UNKNOWN_INSTRUMENT, view.update(Quote.lastTrade("XX", 1, 11)));
    assertEquals(QuoteRejection.NOT_FINITE, view.update(Quote.lastTrade("CL", Double.POSITIVE_INFINITY, 11)));
    assertEquals(QuoteRejection.NOT_FINITE, view.update(Quote.lastTrade("CL", Double.NaN, 11)));
    assertEquals(QuoteRejection.CROSSED_BOOK, view.update(new Quote("CL", Double.NaN, 71, 70, 11)));
    assertEquals(QuoteRejection.OUT_OF_ORDER, view.update(Quote.lastTrade("CL", 69, 9)));
    assertEquals(70, view.markPrice("CL"), 0);
    assertEquals(1, view.rejected(QuoteRejection.UNKNOWN_INSTRUMENT));
    assertEquals(2, view.rejected(QuoteRejection.NOT_FINITE));
    assertEquals(1, view.version());
  }

  @Test
  void shouldAcceptANegativeFuturesPriceAndMarkAtMidWithoutATrade() {
    assertNull(view.update(Quote.lastTrade("CL", -37.63, 20))); // WTI, 2020-04-20
    assertEquals(-37.63, view.markPrice("CL"), 0);
    assertNull(view.update(new Quote("CL", Double.NaN, 10, 12, 21)));
    assertEquals(11, view.markPrice("CL"), 0);
  }
}
