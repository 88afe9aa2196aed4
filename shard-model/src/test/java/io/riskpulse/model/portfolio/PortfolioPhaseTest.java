package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortfolioPhaseTest {

  @Test
  void shouldStayWithinThePeriodAndBeTheSameForTheSameId() {
    for (int i = 0; i < 1_000; i++) {
      String id = "P-" + i;
      long phase = PortfolioPhase.of(id, 60_000);
      assertTrue(phase >= 0 && phase < 60_000, id + ": " + phase);
      assertEquals(phase, PortfolioPhase.of(new String(id.toCharArray()), 60_000));
    }
    assertEquals(0, PortfolioPhase.of("P-1", 1));
  }

  @Test
  void shouldSpreadIdsThatDifferInOneCharacterOverThePeriod() {
    // 50 portfolios named in sequence, as a harness or an allocation of one block trade opens them: their
    // String hashes are consecutive, and a plain hash modulo the period would put them all within 50 ms.
    int[] perTenth = new int[10];
    for (int i = 1; i <= 50; i++) {
      perTenth[(int) (PortfolioPhase.of(String.format("P-%04d", i), 60_000) / 6_000)]++;
    }
    for (int tenth = 0; tenth < 10; tenth++) {
      assertTrue(perTenth[tenth] >= 1 && perTenth[tenth] <= 12,
          "tenth " + tenth + " of the period holds " + perTenth[tenth] + " of 50 phases");
    }
  }

  @Test
  void shouldUseEveryPhaseOfASmallPeriod() {
    int[] seen = new int[4];
    for (int i = 0; i < 100; i++) {
      seen[(int) PortfolioPhase.of("P" + i, 4)]++;
    }
    for (int phase = 0; phase < 4; phase++) {
      assertTrue(seen[phase] >= 10, "phase " + phase + " of 4 taken by " + seen[phase] + " of 100 ids");
    }
  }

  @Test
  void shouldRefuseAPeriodBelowOne() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> PortfolioPhase.of("P1", 0));
    assertTrue(zero.getMessage().contains("at least 1, was 0"), zero.getMessage());
  }
}
