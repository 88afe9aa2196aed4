package io.riskpulse.ingestion.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.history.SharedData;
import io.riskpulse.model.orderflow.OrderAction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scenario days: deterministic from their seed, time-ordered, and their labels sit where the injected events are. */
class ScenarioDayTest {

  private static final int SESSION = 45 * 60;
  private static final LocalDate FROM = LocalDate.of(2024, 1, 2);

  private static DayCloses syntheticDay(long seed) {
    return DailyCloseSource.synthetic(DailyCloseSource.DEFAULT_SYNTHETIC_SYMBOLS, FROM, 1, seed).get(0);
  }

  private static ScenarioSettings incidents(long seed) {
    return new ScenarioSettings(seed, SESSION, 2, 600,
        List.of(IncidentType.RUNAWAY_ALGO, IncidentType.LAYERING, IncidentType.FAT_FINGER,
            IncidentType.LIQUIDITY_CRUNCH));
  }

  private static List<ScenarioEvent> all(ScenarioDay day) {
    List<ScenarioEvent> events = new ArrayList<>();
    day.forEachRemaining(events::add);
    return events;
  }

  @Test
  void shouldGiveTheSameEventsAndLabelsForTheSameSeed() {
    ScenarioDay a = new ScenarioDay(incidents(5), syntheticDay(5));
    ScenarioDay b = new ScenarioDay(incidents(5), syntheticDay(5));
    assertEquals(a.incidents(), b.incidents());
    List<ScenarioEvent> ea = all(a);
    List<ScenarioEvent> eb = all(b);
    assertEquals(ea.size(), eb.size());
    for (int i = 0; i < ea.size(); i++) {
      assertEquals(describe(ea.get(i)), describe(eb.get(i)), "event " + i);
    }
    ScenarioDay other = new ScenarioDay(incidents(6), syntheticDay(6));
    assertNotEquals(a.incidents(), other.incidents());
  }

  private static String describe(ScenarioEvent e) {
    if (e instanceof ScenarioEvent.BookUpdate b) {
      return b.symbol() + b.atMillis() + java.util.Arrays.toString(b.bidQuantities())
          + java.util.Arrays.toString(b.askPrices());
    }
    return e.toString();
  }

  @Test
  void shouldDeliverEventsInTimeOrderWithUniqueIds() {
    ScenarioDay day = new ScenarioDay(incidents(3), syntheticDay(3));
    long last = Long.MIN_VALUE;
    Set<String> ids = new HashSet<>();
    int quotes = 0;
    for (ScenarioEvent event : all(day)) {
      assertTrue(event.atMillis() >= last, "time order");
      last = event.atMillis();
      if (event instanceof ScenarioEvent.Order o) {
        assertTrue(ids.add(o.order().orderId()), "unique order id " + o.order().orderId());
      } else if (event instanceof ScenarioEvent.Fill f) {
        assertTrue(ids.add(f.execution().executionId()), "unique execution id");
        assertTrue(f.execution().quantity() > 0 && f.execution().price() > 0);
      } else if (event instanceof ScenarioEvent.QuoteUpdate q) {
        quotes++;
        assertTrue(q.quote().bid() > 0 && q.quote().bid() < q.quote().ask());
      }
    }
    assertEquals(SESSION * 3, quotes, "one quote per second per instrument");
  }

  @Test
  void shouldPlaceEachLabelOnItsInjectedEventsAfterTheWarmUpWithoutOverlap() {
    ScenarioDay day = new ScenarioDay(incidents(11), syntheticDay(11));
    List<Incident> labels = day.incidents();
    assertEquals(4, labels.size());
    List<ScenarioEvent> events = all(day);
    List<Incident> byStart = new ArrayList<>(labels);
    byStart.sort(java.util.Comparator.comparingLong(Incident::startMillis));
    for (int i = 0; i < byStart.size(); i++) {
      Incident incident = byStart.get(i);
      assertTrue(incident.startMillis() >= day.openMillis() + 600_000, "after the warm-up: " + incident);
      if (i > 0) {
        assertTrue(incident.startMillis() > byStart.get(i - 1).endMillis() + 60_000, "no overlap");
      }
    }
    for (Incident incident : labels) {
      switch (incident.type()) {
        case RUNAWAY_ALGO -> {
          long inWindow = events.stream().filter(e -> e instanceof ScenarioEvent.Order o
              && o.order().action() == OrderAction.NEW && o.order().portfolioId().equals(incident.portfolioId())
              && o.order().strategy().equals(incident.strategy()) && incident.covers(e.atMillis())).count();
          double seconds = (incident.endMillis() - incident.startMillis()) / 1000.0;
          assertTrue(inWindow / seconds >= 15, "tens of orders a second: " + inWindow + " in " + seconds + " s");
          assertTrue(events.stream().anyMatch(e -> e.atMillis() == incident.startMillis()
              && e instanceof ScenarioEvent.Order o && o.order().strategy().equals(incident.strategy())),
              "an order of the strategy exactly at the onset");
        }
        case LAYERING -> {
          long cancels = events.stream().filter(e -> e instanceof ScenarioEvent.Order o
              && o.order().action() == OrderAction.CANCEL && o.order().portfolioId().equals(incident.portfolioId())
              && o.order().symbol().equals(incident.symbol()) && incident.covers(e.atMillis())).count();
          assertTrue(cancels >= 100, "bursts of cancelled layers: " + cancels);
        }
        case FAT_FINGER -> assertTrue(events.stream().anyMatch(e -> e instanceof ScenarioEvent.Fill f
            && f.execution().portfolioId().equals(incident.portfolioId()) && incident.covers(e.atMillis())
            && f.execution().notional() >= 1_000_000), "a huge fill within the label");
        case LIQUIDITY_CRUNCH -> {
          double inside = meanRelativeSpread(events, incident.symbol(), incident.startMillis(),
              incident.endMillis());
          double before = meanRelativeSpread(events, incident.symbol(), incident.startMillis() - 300_000,
              incident.startMillis() - 1);
          assertTrue(inside > 4 * before, "spread widened: " + inside + " vs " + before);
        }
        default -> throw new AssertionError("not injected here: " + incident);
      }
    }
  }

  @Test
  void shouldSilenceAnInstrumentsFeedInAGapAndSendCrossedQuotesFromABrokenOne() {
    ScenarioSettings settings = new ScenarioSettings(4, 600 + 2 * ScenarioSettings.SLOT_SECONDS, 1, 600,
        List.of(IncidentType.FEED_GAP, IncidentType.CROSSED_FEED));
    ScenarioDay day = new ScenarioDay(settings, syntheticDay(4));
    List<ScenarioEvent> events = all(day);
    Incident gap = day.incidents().stream().filter(i -> i.type() == IncidentType.FEED_GAP).findFirst().orElseThrow();
    assertTrue(events.stream().noneMatch(e -> gap.covers(e.atMillis()) && symbolOf(e).equals(gap.symbol())),
        "nothing of " + gap.symbol() + " during its gap");
    assertTrue(events.stream().anyMatch(e -> gap.covers(e.atMillis()) && !symbolOf(e).isEmpty()
        && !symbolOf(e).equals(gap.symbol())), "the other instruments carry on");
    Incident broken = day.incidents().stream().filter(i -> i.type() == IncidentType.CROSSED_FEED).findFirst()
        .orElseThrow();
    long crossed = events.stream().filter(e -> e instanceof ScenarioEvent.QuoteUpdate q
        && q.quote().symbol().equals(broken.symbol()) && q.quote().bid() > q.quote().ask()).count();
    double seconds = (broken.endMillis() - broken.startMillis()) / 1000.0;
    assertTrue(crossed >= 2 * seconds, crossed + " crossed quotes in " + seconds + " s");
    assertTrue(events.stream().filter(e -> e instanceof ScenarioEvent.QuoteUpdate q && q.quote().bid() > q.quote().ask())
        .allMatch(e -> broken.covers(e.atMillis())), "crossed quotes only within the label");
  }

  /** The instrument a market event is about; "" for order flow. */
  private static String symbolOf(ScenarioEvent e) {
    if (e instanceof ScenarioEvent.QuoteUpdate q) {
      return q.quote().symbol();
    } else if (e instanceof ScenarioEvent.BookUpdate b) {
      return b.symbol();
    } else if (e instanceof ScenarioEvent.Trade t) {
      return t.symbol();
    }
    return "";
  }

  @Test
  void shouldCrashAndRecoverTheMidInAFlashCrash() {
    ScenarioSettings settings = new ScenarioSettings(2, SESSION, 1, 600, List.of(IncidentType.FLASH_CRASH));
    ScenarioDay day = new ScenarioDay(settings, syntheticDay(2));
    Incident crash = day.incidents().get(0);
    List<ScenarioEvent> events = all(day);
    double before = midAt(events, crash.symbol(), crash.startMillis() - 1000);
    double low = Double.MAX_VALUE;
    for (ScenarioEvent e : events) {
      if (e instanceof ScenarioEvent.QuoteUpdate q && q.quote().symbol().equals(crash.symbol())
          && crash.covers(e.atMillis())) {
        low = Math.min(low, (q.quote().bid() + q.quote().ask()) / 2);
      }
    }
    double after = midAt(events, crash.symbol(), crash.endMillis() + 1000);
    assertTrue(low / before < 0.955, "fell by more than 4.5%: " + low / before);
    assertTrue(Math.abs(after / before - 1) < 0.01, "recovered: " + after / before);
  }

  @Test
  void shouldHaveNoIncidentOnACleanDay() {
    ScenarioDay day = new ScenarioDay(ScenarioSettings.clean(1, 600, 2), syntheticDay(1));
    assertTrue(day.incidents().isEmpty());
    assertFalse(all(day).isEmpty());
  }

  @Test
  void shouldBridgeRealClosesWhenTheSharedDataIsPresent() {
    List<DayCloses> days = DailyCloseSource.fromFolder(SharedData.dailyFolder(),
        DailyCloseSource.DEFAULT_REAL_SYMBOLS, LocalDate.of(2020, 3, 9), 2);
    assertEquals(LocalDate.of(2020, 3, 9), days.get(0).date());
    assertEquals(days.get(0).close()[0], days.get(1).open()[0], 1e-12, "each day opens at the previous close");
    ScenarioDay full = new ScenarioDay(ScenarioSettings.clean(1, ScenarioSettings.FULL_SESSION_SECONDS, 1),
        days.get(0));
    double lastMid = Double.NaN;
    while (full.hasNext()) {
      for (ScenarioEvent e : full.nextSecond()) {
        if (e instanceof ScenarioEvent.QuoteUpdate q && q.quote().symbol().equals("SPXTR")) {
          lastMid = (q.quote().bid() + q.quote().ask()) / 2;
        }
      }
    }
    assertEquals(days.get(0).close()[0], lastMid, 1e-9 * lastMid, "a full session ends on the real close");
  }

  private static double midAt(List<ScenarioEvent> events, String symbol, long at) {
    double mid = Double.NaN;
    for (ScenarioEvent e : events) {
      if (e.atMillis() > at) {
        break;
      }
      if (e instanceof ScenarioEvent.QuoteUpdate q && q.quote().symbol().equals(symbol)) {
        mid = (q.quote().bid() + q.quote().ask()) / 2;
      }
    }
    return mid;
  }

  private static double meanRelativeSpread(List<ScenarioEvent> events, String symbol, long from, long to) {
    double sum = 0;
    int n = 0;
    for (ScenarioEvent e : events) {
      if (e instanceof ScenarioEvent.QuoteUpdate q && q.quote().symbol().equals(symbol) && e.atMillis() >= from
          && e.atMillis() <= to) {
        sum += (q.quote().ask() - q.quote().bid()) / ((q.quote().ask() + q.quote().bid()) / 2);
        n++;
      }
    }
    return sum / n;
  }
}
