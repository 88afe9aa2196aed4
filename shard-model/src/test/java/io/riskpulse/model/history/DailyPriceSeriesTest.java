package io.riskpulse.model.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyPriceSeriesTest {

  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private void assertRejected(String content, int line, String reason) throws IOException {
    Path file = write("BAD.csv", content);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DailyPriceSeries.load(file));
    assertTrue(e.getMessage().startsWith(file + ":" + line + ": "),
        "expected '" + file + ":" + line + ": ...' but was: " + e.getMessage());
    assertTrue(e.getMessage().contains(reason), "expected reason '" + reason + "' in: " + e.getMessage());
  }

  @Test
  void shouldLoadAscendingClosesNamedAfterTheFileAndKeepNegativeCloses() throws IOException {
    Path file = write("CL.csv", "date,close\n2020-04-17,18.27\n2020-04-20,-37.63\n\n2020-04-21,10.01\n");

    DailyPriceSeries series = DailyPriceSeries.load(file);

    assertEquals("CL", series.symbol());
    assertEquals(3, series.size());
    assertEquals(LocalDate.of(2020, 4, 20), series.date(1));
    assertEquals(-37.63, series.close(1), 0);
    assertTrue(series.hasNonPositiveClose());
    assertTrue(Double.isNaN(series.volume(0)));
    assertEquals(2, series.indexOf(LocalDate.of(2020, 4, 21)));
    assertTrue(series.indexOf(LocalDate.of(2020, 4, 18)) < 0);
  }

  @Test
  void shouldTolerateAnOptionalVolumeColumn() throws IOException {
    DailyPriceSeries series = DailyPriceSeries.load(
        write("SPY.csv", "date,close,volume\n2011-12-29,125.5,1000\n2011-12-30,124.0,\n"));

    assertEquals(1000, series.volume(0), 0);
    assertTrue(Double.isNaN(series.volume(1)));
    assertEquals(124.0, series.close(1), 0);
  }

  @Test
  void shouldRejectANanCloseWithFileLineAndReason() throws IOException {
    assertRejected("date,close\n2020-01-02,10\n2020-01-03,NaN\n", 3, "close is not finite");
  }

  @Test
  void shouldRejectAnUnparsableClose() throws IOException {
    assertRejected("date,close\n2020-01-02,ten\n", 2, "bad close 'ten' (not a number)");
  }

  @Test
  void shouldRejectABadDate() throws IOException {
    assertRejected("date,close\n2020-01-02,10\n2020-13-01,11\n", 3, "bad date '2020-13-01'");
  }

  @Test
  void shouldRejectANonAscendingDate() throws IOException {
    assertRejected("date,close\n2020-01-03,10\n2020-01-02,11\n", 3, "is not after the previous date 2020-01-03");
  }

  @Test
  void shouldRejectADuplicateDate() throws IOException {
    assertRejected("date,close\n2020-01-02,10\n2020-01-02,11\n", 3, "is not after the previous date");
  }

  @Test
  void shouldRejectAMissingColumn() throws IOException {
    assertRejected("date,close\n2020-01-02,10\n2020-01-03\n", 3, "expected 2 columns but found 1");
  }

  @Test
  void shouldRejectAnExtraColumnWithoutVolumeHeader() throws IOException {
    assertRejected("date,close\n2020-01-02,10,5\n", 2, "expected 2 columns but found 3");
  }

  @Test
  void shouldRejectAnUnexpectedHeader() throws IOException {
    assertRejected("date,TICKER,PRC,RET\n2020-01-02,X,10,0.1\n", 1, "bad header");
  }

  @Test
  void shouldRejectAnEmptyFile() throws IOException {
    assertRejected("", 1, "empty file");
  }

  @Test
  void shouldRejectANegativeVolume() throws IOException {
    assertRejected("date,close,volume\n2020-01-02,10,-5\n", 2, "negative volume");
  }
}
