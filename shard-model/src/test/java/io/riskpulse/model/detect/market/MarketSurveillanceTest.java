package io.riskpulse.model.detect.market;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.market.BookState;
import io.riskpulse.model.market.Quote;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MarketSurveillanceTest {

  private final MarketSurveillance surveillance = new MarketSurveillance(MarketSurveillanceSettings.DEFAULTS);

  /** Feeds {@code symbol} one clean update of every kind per second for {@code seconds} of {@code day}. */
  private void feed(String symbol, SyntheticDay day, int from, int to) {
    for (int i = from; i < to; i++) {
      surveillance.onQuote(new Quote(symbol, day.tradePrice[i], day.bid[i], day.ask[i], day.millis[i]));
      surveillance.onTrade(symbol, day.tradePrice[i], day.tradeQuantity[i], day.millis[i]);
      surveillance.onBook(DepthMonitorTest.book(symbol, day.depth[i], day.millis[i]));
    }
  }

  private static Set<Detector> detectors(List<DetectionSignal> findings) {
    return findings.stream().map(DetectionSignal::detector)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Detector.class)));
  }

  @Test
  void reportsEachSymbolsOwnFindingsAndNothingForAQuietOne() {
    SyntheticDay day = new SyntheticDay(61);
    feed("SPY", day, 0, 1_000);
    feed("QQQ", day, 0, 1_000);
    long t = day.millis[999] + 1_000;
    double mid = day.mid[999];
    // SPY: a 2% gap on a quote 50 ticks wide, an emptied book and a burst of crossed books
    surveillance.onQuote(new Quote("SPY", Double.NaN, mid * 1.02 - 0.25, mid * 1.02 + 0.25, t));
    surveillance.onBook(DepthMonitorTest.book("SPY", 100, t));
    for (int i = 0; i < 5; i++) {
      surveillance.onCrossedBook("SPY", t + i);
    }
    // QQQ: the same clean second as before
    surveillance.onQuote(new Quote("QQQ", Double.NaN, day.bid[999], day.ask[999], t));
    surveillance.onBook(DepthMonitorTest.book("QQQ", day.depth[999], t));

    List<DetectionSignal> spy = surveillance.conditions("SPY", t + 10);
    assertEquals(EnumSet.of(Detector.SPREAD, Detector.DEPTH, Detector.PRICE_JUMP, Detector.CROSSED_BOOK),
        detectors(spy));
    for (DetectionSignal finding : spy) {
      assertEquals(DetectionSignal.keyOf(finding.detector(), "SPY"), finding.key());
      assertEquals("SPY", finding.subject());
      assertTrue(finding.score() >= finding.threshold(), finding.describe());
      assertTrue(finding.explanation().matches(".*\\d.*"), finding.describe());
    }
    assertEquals(List.of(), surveillance.conditions("QQQ", t + 10));
    assertEquals(List.of(), surveillance.conditions("IWM", t + 10), "never seen");
    assertEquals(List.of(), surveillance.conditions(null, t + 10));

    // 30 s later the whole market has gone silent together (a close, a night, the feed down): no stale book of one
    // instrument; SPY's crossed books and its jump have aged out
    assertEquals(List.of(), surveillance.conditions("QQQ", t + 30_001));
    assertEquals(EnumSet.of(Detector.SPREAD, Detector.DEPTH), detectors(surveillance.conditions("SPY", t + 30_001)));
    // SPY quotes again while QQQ stays silent: QQQ's book is stale (silent 30 s, normally every second)
    surveillance.onQuote(new Quote("SPY", Double.NaN, mid * 1.02 - 0.25, mid * 1.02 + 0.25, t + 30_000));
    List<DetectionSignal> later = surveillance.conditions("QQQ", t + 30_001);
    assertEquals(EnumSet.of(Detector.STALE_BOOK), detectors(later));
    assertTrue(later.get(0).explanation().contains("no update for 30.0 s"), later.get(0).explanation());
  }

  @Test
  void staysQuietThroughAFullCleanDay() {
    MarketSurveillance withVpin = new MarketSurveillance(
        MarketSurveillanceSettings.DEFAULTS, symbol -> 86_400 * 100 * Math.exp(0.125));
    SyntheticDay day = new SyntheticDay(62);
    int findings = 0;
    for (int i = 0; i < SyntheticDay.SECONDS; i++) {
      withVpin.onQuote(new Quote("SPY", day.tradePrice[i], day.bid[i], day.ask[i], day.millis[i]));
      withVpin.onTrade("SPY", day.tradePrice[i], day.tradeQuantity[i], day.millis[i]);
      withVpin.onBook(DepthMonitorTest.book("SPY", day.depth[i], day.millis[i]));
      if (i % 10 == 0) {
        findings += withVpin.conditions("SPY", day.millis[i] + 100).size();
      }
    }
    assertEquals(0, findings);
  }

  @Test
  void ignoresAndCountsGarbageWithoutThrowing() {
    assertDoesNotThrow(() -> {
      surveillance.onQuote(null);
      surveillance.onQuote(new Quote(null, 100, 99, 101, 1));
      surveillance.onQuote(new Quote("SPY", Double.NaN, Double.NaN, Double.NaN, 1));
      surveillance.onQuote(new Quote("SPY", Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, 1));
      surveillance.onQuote(new Quote("SPY", -5, Double.NaN, Double.NaN, 1));
      surveillance.onTrade("SPY", 100, 0, 1);
      surveillance.onTrade("SPY", 100, -10, 1);
      surveillance.onTrade("SPY", Double.NaN, 10, 1);
      surveillance.onTrade("", 100, 10, 1);
      surveillance.onBook(null);
      surveillance.onBook(new BookState("SPY", new double[] {100}, new double[] {-1}, new double[] {101},
          new double[] {1}, 0, 1));
      surveillance.onCrossedBook(null, 1);
      surveillance.onQuote(new Quote("SPY", 100, 99.9, 100.1, 10));
      surveillance.onQuote(new Quote("SPY", 100, 99.9, 100.1, 5));
    });
    assertEquals(5, surveillance.rejected(InputRejection.NO_SYMBOL));
    assertEquals(3, surveillance.rejected(InputRejection.NOT_FINITE));
    assertEquals(4, surveillance.rejected(InputRejection.NOT_POSITIVE));
    assertEquals(1, surveillance.rejected(InputRejection.OUT_OF_ORDER));
    assertEquals(0, surveillance.rejected(InputRejection.TOO_MANY_SYMBOLS));
    assertEquals(InputRejection.values().length, surveillance.rejected().size());
    assertEquals(List.of(), surveillance.conditions("SPY", 10));
  }

  @Test
  void capsTheNumberOfSymbolsTracked() {
    MarketSurveillanceSettings d = MarketSurveillanceSettings.DEFAULTS;
    MarketSurveillance capped = new MarketSurveillance(new MarketSurveillanceSettings(
        3, d.spread(), d.depth(), d.vpin(), d.priceJump(), d.staleness(), d.crossedBook()));
    for (int i = 0; i < 10; i++) {
      capped.onQuote(new Quote("S" + i, 100, 99.9, 100.1, 1));
    }
    capped.onQuote(new Quote("S0", 100, 99.9, 100.1, 2));
    assertEquals(3, capped.trackedSymbols());
    assertEquals(7, capped.rejected(InputRejection.TOO_MANY_SYMBOLS));
  }
}
