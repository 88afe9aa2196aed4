package io.riskpulse.ingestion.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.history.SharedData;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoricalReplayTest {

  @TempDir
  Path dir;

  private void writeFolder() throws IOException {
    Files.writeString(dir.resolve("instruments.csv"),
        "symbol,asset_class,currency,description\nOIL,commodity,USD,crude\nIDX,equity_index,EUR,index\n");
    Files.writeString(dir.resolve("OIL.csv"),
        "date,close\n2020-04-16,19.87\n2020-04-17,18.27\n2020-04-20,-37.63\n2020-04-21,10.01\n2020-04-22,13.78\n");
    Files.writeString(dir.resolve("IDX.csv"),
        "date,close\n2020-04-16,100\n2020-04-17,102\n2020-04-20,101\n2020-04-21,99\n2020-04-22,100\n");
    Files.writeString(dir.resolve("NEW.csv"), "date,close\n2020-04-20,50\n2020-04-21,51\n");
  }

  private static long closeMillis(LocalDate day) {
    return day.atTime(21, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  @Test
  void shouldLandOnEveryRealCloseAtTheLastStepOfItsDay() throws IOException {
    writeFolder();
    HistoricalReplay replay = HistoricalReplay.load(dir, LocalDate.of(2020, 4, 17), LocalDate.of(2020, 4, 22), 8, 5);

    Map<Long, Map<String, Double>> closes = new HashMap<>();
    int steps = 0;
    while (replay.hasNext()) {
      for (Quote q : replay.next()) {
        closes.computeIfAbsent(q.timestampMillis(), t -> new HashMap<>()).put(q.symbol(), q.last());
      }
      steps++;
    }

    assertEquals(4 * 8, steps, "4 trading days x 8 steps");
    assertEquals(102, closes.get(closeMillis(LocalDate.of(2020, 4, 17))).get("IDX"), 1e-9);
    assertEquals(18.27, closes.get(closeMillis(LocalDate.of(2020, 4, 17))).get("OIL"), 1e-9);
    assertEquals(10.01, closes.get(closeMillis(LocalDate.of(2020, 4, 21))).get("OIL"), 1e-9);
    assertEquals(51, closes.get(closeMillis(LocalDate.of(2020, 4, 21))).get("NEW"), 1e-9);
    assertThrows(NoSuchElementException.class, replay::next);
  }

  @Test
  void shouldEmitNoQuoteOnADayWithANegativeCloseAndBridgeFromTheLastPositiveOne() throws IOException {
    writeFolder();
    HistoricalReplay replay = HistoricalReplay.load(dir, LocalDate.of(2020, 4, 17), LocalDate.of(2020, 4, 21), 4, 9);

    Map<LocalDate, Integer> oilQuotesPerDay = new HashMap<>();
    while (replay.hasNext()) {
      for (Quote q : replay.next()) {
        assertTrue(q.bid() > 0 && q.last() > 0 && q.ask() > 0 && Double.isFinite(q.ask()), q.toString());
        if (q.symbol().equals("OIL")) {
          oilQuotesPerDay.merge(replay.currentDate(), 1, Integer::sum);
        }
      }
    }

    assertEquals(4, oilQuotesPerDay.get(LocalDate.of(2020, 4, 17)));
    assertFalse(oilQuotesPerDay.containsKey(LocalDate.of(2020, 4, 20)), "no OIL quote on its negative day");
    assertEquals(4, oilQuotesPerDay.get(LocalDate.of(2020, 4, 21)));
    assertEquals(1, replay.skippedNonPositiveCloses());
  }

  @Test
  void shouldTakeInstrumentsFromInstrumentsCsvAndDefaultOthersToUsdEquity() throws IOException {
    writeFolder();
    HistoricalReplay replay = HistoricalReplay.load(dir, LocalDate.of(2020, 4, 16), LocalDate.of(2020, 4, 22), 2, 1);

    Map<String, Instrument> bySymbol = new HashMap<>();
    replay.instruments().forEach(i -> bySymbol.put(i.symbol(), i));
    assertEquals(List.of("OIL", "IDX", "NEW"), replay.instruments().stream().map(Instrument::symbol).toList());
    assertEquals(AssetClass.COMMODITY, bySymbol.get("OIL").assetClass());
    assertEquals(AssetClass.EQUITY_INDEX, bySymbol.get("IDX").assetClass());
    assertEquals("EUR", bySymbol.get("IDX").currency());
    assertEquals(new Instrument("NEW", AssetClass.EQUITY, "USD", 1, "", ""), bySymbol.get("NEW"));
  }

  @Test
  void shouldReplayTheSamePathForTheSameSeed() throws IOException {
    writeFolder();
    LocalDate from = LocalDate.of(2020, 4, 16);
    LocalDate to = LocalDate.of(2020, 4, 22);
    HistoricalReplay a = HistoricalReplay.load(dir, from, to, 10, 77);
    HistoricalReplay b = HistoricalReplay.load(dir, from, to, 10, 77);
    while (a.hasNext()) {
      assertEquals(a.next(), b.next());
    }
    assertFalse(b.hasNext());
  }

  @Test
  void shouldReplayTheRealFolderAcrossTheNegativeOilPriceWithOnlyPositivePrices() {
    Path daily = SharedData.dailyFolder();
    HistoricalReplay replay = HistoricalReplay.load(daily, LocalDate.of(2020, 4, 1), LocalDate.of(2020, 5, 15), 13,
        2020);
    TradingSimulation simulation = TradingSimulation.create(replay, 2020, 60);

    Set<String> symbols = new HashSet<>();
    simulation.instruments().forEach(i -> symbols.add(i.symbol()));
    Set<LocalDate> clDays = new HashSet<>();
    List<Execution> executions = new ArrayList<>();
    int steps = 0;
    while (simulation.hasNext()) {
      SimStep step = simulation.step();
      steps++;
      for (Quote q : step.quotes()) {
        assertTrue(q.bid() > 0 && q.last() > 0 && q.ask() > 0 && Double.isFinite(q.ask()), q.toString());
        if (q.symbol().equals("CL")) {
          clDays.add(replay.currentDate());
        }
      }
      executions.addAll(step.executions());
    }

    assertEquals(replay.days().size() * 13, steps);
    assertTrue(clDays.contains(LocalDate.of(2020, 4, 17)) && clDays.contains(LocalDate.of(2020, 4, 21)));
    assertFalse(clDays.contains(LocalDate.of(2020, 4, 20)), "CL settled at -37.63 that day: not quoted");
    assertEquals(1, replay.skippedNonPositiveCloses());
    assertFalse(executions.isEmpty());
    ExecutionAssertions.assertAllValid(executions, simulation.instruments());
  }
}
