package io.riskpulse.node.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.DetectionEnvironment;
import io.riskpulse.model.detect.DetectionSettings;
import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.detect.PortfolioDetectors;
import io.riskpulse.model.market.OrderBookView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay's episodes open and close as the portfolio entity's do: one alert per episode, closed after quiet. */
class EpisodeBookTest {

  private static final long T0 = 1_700_000_000_000L;

  @Test
  void shouldAlertOncePerEpisodeAndAgainOnlyAfterTheQuietPeriod() {
    long[] wideUntil = {T0 + 10_000};
    DetectionEnvironment env = new DetectionEnvironment(DetectionSettings.DEFAULTS,
        (symbol, now) -> now < wideUntil[0] ? List.of(new DetectionSignal(Detector.SPREAD,
            DetectionSignal.keyOf(Detector.SPREAD, symbol), symbol, 9, 4, "wide", Map.of(), now)) : List.of(),
        new OrderBookView(), symbol -> Double.NaN);
    PortfolioDetectors detectors = new PortfolioDetectors("P1", env);
    EpisodeBook book = new EpisodeBook();
    int alerts = 0;
    long t = T0;
    for (; t < T0 + 60_000; t += 250) {
      alerts += book.tick(detectors, List.of("SPY"), t).size();
    }
    assertEquals(1, alerts, "ten seconds of findings are one episode");
    assertTrue(book.openKeys().isEmpty(), "closed 30 s after the last finding");
    wideUntil[0] = t + 1_000;
    for (long end = t + 2_000; t < end; t += 250) {
      alerts += book.tick(detectors, List.of("SPY"), t).size();
    }
    assertEquals(2, alerts, "a finding after the episode closed opens a new one");
  }

  @Test
  void shouldOpenAKeyOnceWithinOneBatch() {
    EpisodeBook book = new EpisodeBook();
    DetectionSignal a = new DetectionSignal(Detector.RUNAWAY, "RUNAWAY:mm", "mm", 9, 8, "", Map.of(), T0);
    assertEquals(1, book.admit(List.of(a, a)).size());
    assertEquals(0, book.admit(List.of(a)).size(), "already open");
  }
}
