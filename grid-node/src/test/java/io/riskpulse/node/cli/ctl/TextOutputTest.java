package io.riskpulse.node.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How ctl writes numbers, times and tables for people. */
class TextOutputTest {

  @Test
  void shouldWriteAmountsWithThousandsSeparatorsAndNaNAsNotAvailable() {
    assertEquals("1,234,567.89", Formats.amount(1_234_567.891));
    assertEquals("-5,000.00", Formats.amount(-5_000));
    assertEquals("0.00", Formats.amount(-0.001), "no negative zero");
    assertEquals("n/a", Formats.amount(Double.NaN));
    assertEquals("1,500", Formats.quantity(1_500));
    assertEquals("-0.25", Formats.quantity(-0.25));
    assertEquals("100.00", Formats.price(100));
    assertEquals("1.23456", Formats.price(1.23456));
    assertEquals("12.5", Formats.percent(12.5));
    assertEquals("2024-05-01T12:00:00Z", Formats.instant(1_714_564_800_123L));
    assertEquals("-", Formats.instant(0));
  }

  @Test
  void shouldAlignColumnsNumbersRightWithoutTrailingSpaces() {
    String table = new TextTable().left("SYMBOL").right("QTY").left("NOTE")
        .row("SPY", "1,000", "")
        .row("GOOGL", "5", "long")
        .render();
    assertEquals("SYMBOL    QTY  NOTE\nSPY     1,000\nGOOGL       5  long\n", table);
    assertEquals("a  1\n", new TextTable().left("").right("").row("a", "1").render(), "no header row when empty");
    assertThrows(IllegalArgumentException.class, () -> new TextTable().left("A").row("1", "2"));
  }
}
