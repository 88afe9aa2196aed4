package io.riskpulse.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceHistoryTest {

  private static final LocalDate MON = LocalDate.of(2024, 1, 1);

  @TempDir
  Path dir;

  /** A series on the given day offsets from {@link #MON} with the given closes. */
  private static DailyPriceSeries series(String symbol, int[] days, double... closes) {
    List<LocalDate> dates = new ArrayList<>();
    for (int day : days) {
      dates.add(MON.plusDays(day));
    }
    return DailyPriceSeries.of(symbol, dates, closes);
  }

  @Test
  void shouldForwardFillShortGapsAndReportTheFilledDates() {
    DailyPriceSeries a = series("A", new int[] {0, 1, 2, 3, 4}, 10, 11, 12, 13, 14);
    DailyPriceSeries b = series("B", new int[] {0, 1, 3, 4}, 20, 21, 23, 24); // misses day 2

    PriceHistory history = PriceHistory.align(List.of(a, b), GapPolicy.forwardFill(1));

    assertEquals(5, history.dayCount());
    assertEquals(21, history.close(1, 2), 0);
    assertEquals(List.of(MON.plusDays(2)), history.gapReport("B").filledDates());
    assertTrue(history.gapReport("A").untouched());
    assertEquals(0, history.gapReport("B").trimmedDays());
  }

  @Test
  void shouldDropDatesMissingLongerThanThePolicyAndReportThemForTheOthers() {
    DailyPriceSeries a = series("A", new int[] {0, 1, 2, 3, 4, 5}, 10, 11, 12, 13, 14, 15);
    DailyPriceSeries b = series("B", new int[] {0, 1, 4, 5}, 20, 21, 24, 25); // misses days 2 and 3

    PriceHistory history = PriceHistory.align(List.of(a, b), GapPolicy.forwardFill(1));

    // Day 2 is filled (1 missing day), day 3 would be the 2nd consecutive one: dropped for everybody.
    assertEquals(List.of(MON, MON.plusDays(1), MON.plusDays(2), MON.plusDays(4), MON.plusDays(5)),
        dates(history));
    assertEquals(List.of(MON.plusDays(2)), history.gapReport("B").filledDates());
    assertEquals(List.of(MON.plusDays(3)), history.gapReport("A").droppedDates());
    assertEquals(List.of(), history.gapReport("B").droppedDates());
  }

  @Test
  void shouldKeepOnlyCommonDatesUnderIntersectionAndTrimOutsideTheCommonSpan() {
    DailyPriceSeries a = series("A", new int[] {0, 1, 2, 3, 4, 5}, 10, 11, 12, 13, 14, 15);
    DailyPriceSeries b = series("B", new int[] {1, 2, 4}, 21, 22, 24);

    PriceHistory history = PriceHistory.align(List.of(a, b), GapPolicy.intersection());

    assertEquals(List.of(MON.plusDays(1), MON.plusDays(2), MON.plusDays(4)), dates(history));
    assertEquals(List.of(MON.plusDays(3)), history.gapReport("A").droppedDates());
    assertEquals(2, history.gapReport("A").trimmedDays()); // days 0 and 5
    // The return of A on day 4 spans the dropped day 3: 14 / 12 - 1.
    assertArrayEquals(new double[] {12.0 / 11 - 1, 14.0 / 12 - 1}, history.returns(0, 1, 2), 1e-15);
  }

  @Test
  void shouldCarryACloseFromBeforeTheCommonSpanIntoItsFirstDate() {
    DailyPriceSeries a = series("A", new int[] {0, 2, 3}, 10, 12, 13); // no close on day 1
    DailyPriceSeries b = series("B", new int[] {1, 2, 3}, 21, 22, 23);

    PriceHistory history = PriceHistory.align(List.of(a, b), GapPolicy.forwardFill(1));

    assertEquals(MON.plusDays(1), history.firstDate());
    assertEquals(10, history.close(0, 0), 0);
    assertEquals(List.of(MON.plusDays(1)), history.gapReport("A").filledDates());
    assertEquals(1, history.gapReport("A").trimmedDays());
  }

  @Test
  void shouldUseAbsoluteMovesOnlyForWindowsContainingANonPositiveClose() {
    DailyPriceSeries oil = series("CL", new int[] {0, 1, 2, 3, 4, 5}, 20, 18, -37.63, 10, 12, 13);

    PriceHistory history = PriceHistory.align(List.of(oil), GapPolicy.DEFAULT);

    assertEquals(ReturnType.ABSOLUTE, history.returnType(0, 1, 5));
    assertArrayEquals(new double[] {-2, -55.63, 47.63, 2, 1}, history.returns(0, 1, 5), 1e-12);
    // The window 4..5 uses closes of days 3..5, all positive.
    assertEquals(ReturnType.RELATIVE, history.returnType(0, 4, 5));
    assertArrayEquals(new double[] {0.2, 13.0 / 12 - 1}, history.returns(0, 4, 5), 1e-15);
    // Day 3's move starts from the negative close of day 2.
    assertEquals(ReturnType.ABSOLUTE, history.returnType(0, 3, 5));
  }

  @Test
  void shouldLoadRequestedSymbolsFromAFolderInTheRequestedOrder() throws IOException {
    write("X.csv", "date,close\n2024-01-01,1\n2024-01-02,2\n");
    write("Y.csv", "date,close,volume\n2024-01-01,5,100\n2024-01-02,4,\n");
    write("Z.csv", "date,close\n2024-01-01,7\n");

    PriceHistory history = PriceHistory.load(dir, List.of("Y", "X"), GapPolicy.DEFAULT);

    assertEquals(List.of("Y", "X"), history.symbols());
    assertEquals(1, history.indexOf("X"));
    assertEquals(-0.2, history.returns(0, 1, 1)[0], 1e-15);
    assertEquals(1, history.dayOnOrBefore(LocalDate.of(2024, 2, 1)));
    assertEquals(-1, history.dayOnOrBefore(LocalDate.of(2023, 12, 31)));
  }

  @Test
  void shouldRefuseAMissingFileAndSeriesThatDoNotOverlap() throws IOException {
    write("X.csv", "date,close\n2024-01-01,1\n");
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> PriceHistory.load(dir, List.of("X", "NOPE"), GapPolicy.DEFAULT));
    assertTrue(missing.getMessage().contains("no price file for NOPE"), missing.getMessage());

    DailyPriceSeries early = series("E", new int[] {0, 1}, 1, 2);
    DailyPriceSeries late = series("L", new int[] {5, 6}, 1, 2);
    IllegalArgumentException disjoint = assertThrows(IllegalArgumentException.class,
        () -> PriceHistory.align(List.of(early, late), GapPolicy.DEFAULT));
    assertTrue(disjoint.getMessage().contains("do not overlap"), disjoint.getMessage());
  }

  @Test
  void shouldAlignTheRealSeriesAndSwitchCrudeToAbsoluteMovesOverApril2020() {
    Path daily = SharedData.dailyFolder();

    PriceHistory history = PriceHistory.load(daily, List.of("SPXTR", "XNDX", "TLT", "GLD", "CL"),
        GapPolicy.DEFAULT);

    int cl = history.indexOf("CL");
    int negativeDay = history.dayOnOrBefore(LocalDate.of(2020, 4, 20));
    assertEquals(LocalDate.of(2020, 4, 20), history.date(negativeDay));
    assertEquals(-37.63, history.close(cl, negativeDay), 1e-4);
    assertEquals(ReturnType.ABSOLUTE, history.returnType(cl, negativeDay - 10, negativeDay + 10));
    assertEquals(ReturnType.RELATIVE, history.returnType(history.indexOf("SPXTR"), negativeDay - 10,
        negativeDay + 10));
    for (GapReport report : history.gapReports()) {
      assertTrue(report.filledDates().size() < 100, report.symbol() + " filled " + report.filledDates().size());
    }
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<LocalDate> dates(PriceHistory history) {
    List<LocalDate> dates = new ArrayList<>();
    for (int d = 0; d < history.dayCount(); d++) {
      dates.add(history.date(d));
    }
    return dates;
  }
}
