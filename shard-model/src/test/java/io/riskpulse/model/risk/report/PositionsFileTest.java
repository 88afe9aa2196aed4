package io.riskpulse.model.risk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionsFileTest {

  @TempDir Path folder;

  private static PositionsFile parse(String text) throws IOException {
    return PositionsFile.parse(new StringReader(text), "book.csv");
  }

  private static String refusal(String text) {
    return assertThrows(IllegalArgumentException.class, () -> parse(text)).getMessage();
  }

  @Test
  void shouldReadLongAndShortPositionsInFileOrderSkippingBlankAndCommentLines() throws IOException {
    PositionsFile book = parse("symbol,quantity\nSPXTR,190\n\n# hedge\nTLT,-1.5e3\n  \nGLD, 0 \n");
    assertEquals(List.of("SPXTR", "TLT", "GLD"), book.symbols());
    assertEquals(190, book.quantity("SPXTR"));
    assertEquals(-1500, book.quantity("TLT"));
    assertEquals(0, book.quantity("GLD"));
    assertEquals(0, book.quantity("XNDX"), "not held");
  }

  @Test
  void shouldFindColumnsByHeaderNameInAnyOrder() throws IOException {
    PositionsFile book = parse("Quantity, Symbol ,desk\n-3,CL,macro\n");
    assertEquals(-3, book.quantity("CL"));
  }

  @Test
  void shouldRefuseAFileWithoutHeader() {
    String message = refusal("SPXTR,190\nTLT,100\n");
    assertTrue(message.startsWith("book.csv:1: bad header 'SPXTR,190'"), message);
  }

  @Test
  void shouldRefuseAnEmptyFileAndAHeaderWithoutPositions() {
    assertTrue(refusal("").startsWith("book.csv:1: empty file"), refusal(""));
    assertEquals("book.csv: no position after the header", refusal("symbol,quantity\n\n"));
  }

  @Test
  void shouldRefuseANonNumericOrNonFiniteQuantityWithItsLine() {
    assertEquals("book.csv:3: bad quantity 'ten' (not a number) in 'TLT,ten'",
        refusal("symbol,quantity\nSPXTR,1\nTLT,ten\n"));
    assertTrue(refusal("symbol,quantity\nSPXTR,NaN\n").startsWith("book.csv:2: quantity is not finite"));
    assertTrue(refusal("symbol,quantity\nSPXTR,-Infinity\n").startsWith("book.csv:2: quantity is not finite"));
    assertTrue(refusal("symbol,quantity\nSPXTR,\n").startsWith("book.csv:2: bad quantity ''"));
  }

  @Test
  void shouldRefuseAThousandsSeparatorRatherThanReadTheFirstDigits() {
    String message = refusal("symbol,quantity\nSPXTR,1,000\n");
    assertTrue(message.startsWith("book.csv:2: expected 2 columns like the header but found 3"), message);
  }

  @Test
  void shouldRefuseADuplicateSymbol() {
    String message = refusal("symbol,quantity\nSPXTR,1\nTLT,2\nSPXTR,3\n");
    assertTrue(message.startsWith("book.csv:4: duplicate symbol SPXTR"), message);
  }

  @Test
  void shouldRefuseASymbolThatIsNotAPlainFileName() {
    for (String symbol : new String[] {"../etc/passwd", "", "SP X", ".hidden", "a/b"}) {
      String message = refusal("symbol,quantity\n" + symbol + ",1\n");
      assertTrue(message.startsWith("book.csv:2: bad symbol '" + symbol.trim() + "'"), message);
    }
  }

  @Test
  void shouldNameAMissingFile() {
    Path missing = folder.resolve("none.csv");
    assertEquals("positions file not found: " + missing,
        assertThrows(IllegalArgumentException.class, () -> PositionsFile.load(missing)).getMessage());
  }

  @Test
  void shouldLoadAFileAndPrefixErrorsWithItsPath() throws IOException {
    Path file = folder.resolve("book.csv");
    Files.writeString(file, "symbol,quantity\nSPXTR,190\n");
    assertEquals(190, PositionsFile.load(file).quantity("SPXTR"));
    Files.writeString(file, "symbol,quantity\nSPXTR,x\n");
    String message = assertThrows(IllegalArgumentException.class, () -> PositionsFile.load(file)).getMessage();
    assertTrue(message.startsWith(file + ":2: bad quantity 'x'"), message);
  }
}
