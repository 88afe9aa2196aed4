package io.riskpulse.node.cli.ctl;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text for a terminal: a header row (left out when every header is empty), then rows, columns two
 * spaces apart and padded to their widest cell, numbers right-aligned, no trailing spaces. Cells are used as
 * given (a {@code null} cell is empty). Not thread-safe: build it, render it, drop it.
 */
final class TextTable {

  private final List<String> headers = new ArrayList<>();
  private final List<Boolean> rightAligned = new ArrayList<>();
  private final List<String[]> rows = new ArrayList<>();

  /** Adds a left-aligned column (text). */
  TextTable left(String header) {
    return column(header, false);
  }

  /** Adds a right-aligned column (numbers). */
  TextTable right(String header) {
    return column(header, true);
  }

  private TextTable column(String header, boolean right) {
    if (!rows.isEmpty()) {
      throw new IllegalStateException("columns come before rows");
    }
    headers.add(header);
    rightAligned.add(right);
    return this;
  }

  /** Adds a row: one cell per column, in column order. */
  TextTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
    }
    rows.add(cells.clone());
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table, each line ending with a newline. */
  String render() {
    int columns = headers.size();
    int[] widths = new int[columns];
    boolean withHeader = headers.stream().anyMatch(h -> !h.isEmpty());
    for (int c = 0; c < columns; c++) {
      widths[c] = withHeader ? headers.get(c).length() : 0;
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], cell(row, c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    if (withHeader) {
      line(text, headers.toArray(String[]::new), widths);
    }
    rows.forEach(row -> line(text, row, widths));
    return text.toString();
  }

  private void line(StringBuilder text, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      String cell = cell(cells, c);
      String padding = " ".repeat(widths[c] - cell.length());
      line.append(c == 0 ? "" : "  ").append(rightAligned.get(c) ? padding + cell : cell + padding);
    }
    text.append(line.toString().stripTrailing()).append('\n');
  }

  private static String cell(String[] row, int column) {
    return row[column] == null ? "" : row[column];
  }
}
