package io.riskpulse.node.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioListFileTest {

  @TempDir Path dir;

  @Test
  void shouldReadEveryListingInFileOrderWithCashDefaultingToZero() throws Exception {
    Path file = dir.resolve("portfolios.csv");
    Files.writeString(file, """
        trader, portfolio ,desk,initial_cash
        # the firm's equity accounts
        alice,EQ-ARB-001,equities,10000000

        bob,EQ.MM:2,equities,
        """);

    assertEquals(List.of(new PortfolioListing("EQ-ARB-001", "equities", "alice", 10_000_000),
        new PortfolioListing("EQ.MM:2", "equities", "bob", 0)), PortfolioListFile.read(file));
  }

  @Test
  void shouldNameTheLineOfAnIdThatCannotTravelInKeysAndUrls() {
    assertRefused("portfolio,desk,trader\nP1,d,t\nP 2,d,t\n",
        "book.csv:3: portfolio 'P 2' may hold only letters, digits and . _ : -");
    assertRefused("portfolio,desk,trader\nP1,a/b,t\n", "book.csv:2: desk 'a/b'");
  }

  @Test
  void shouldRefuseCashThatIsNotAFiniteNonNegativeNumber() {
    for (String cash : List.of("NaN", "-1", "Infinity", "1e400", "ten")) {
      assertRefused("portfolio,desk,trader,initial_cash\nP1,d,t," + cash + "\n", "book.csv:2: initial_cash");
    }
  }

  @Test
  void shouldRefuseAPortfolioListedTwiceNamingBothLines() {
    assertRefused("portfolio,desk,trader\nP1,d,t\n# a comment\n\nP2,d,t\nP1,e,u\n",
        "book.csv:6: portfolio P1 is listed twice (lines 2 and 6)");
  }

  @Test
  void shouldRefuseACommaInsideAValueRatherThanReadAWrongCash() {
    assertRefused("portfolio,desk,trader,initial_cash\nP1,d,t,10,000,000\n",
        "book.csv:2: 2 cell(s) more than the header has columns");
  }

  @Test
  void shouldReadAListThatStartsWithAByteOrderMark() {
    assertEquals(List.of(new PortfolioListing("P1", "d", "t", 5)),
        PortfolioListFile.parse("\uFEFFportfolio,desk,trader,initial_cash\nP1,d,t,5\n", "book.csv"));
  }

  @Test
  void shouldRefuseAHeaderWithoutTheRequiredColumnsAndAMissingCell() {
    assertRefused("portfolio,trader\nP1,t\n", "book.csv: header lacks required column 'desk'");
    assertRefused("portfolio,desk,trader\nP1,d\n", "book.csv:2: missing trader");
    assertRefused("", "book.csv: empty portfolio list");
  }

  private static void assertRefused(String text, String messageStart) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> PortfolioListFile.parse(text, "book.csv"));
    assertTrue(refused.getMessage().startsWith(messageStart), refused.getMessage());
  }
}
