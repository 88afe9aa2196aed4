package io.riskpulse.model.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Warning levels and hysteresis: one episode per excursion, never one per crossing. */
class LimitJudgeTest {

  private static final LimitPolicy POLICY = new LimitPolicy(80.0, 5.0, null);

  /** Episodes open, updated from each judgement as the journal would be. */
  private final Map<String, LimitBreach> breaches = new HashMap<>();
  private final Map<String, LimitBreach> warnings = new HashMap<>();
  private int breachEpisodes;
  private int warningEpisodes;

  private LimitJudge.Judgement judge(double value) {
    Map<String, LimitBreach> readings = new HashMap<>();
    if (!Double.isInfinite(value)) {
      readings.put("INTRADAY_LOSS", new LimitBreach("INTRADAY_LOSS", LimitKind.INTRADAY_LOSS, "", value, 100, 0));
    }
    LimitJudge.Judgement judgement = LimitJudge.judge(readings, breaches, warnings, POLICY);
    judgement.clearedBreaches().forEach(breaches::remove);
    judgement.clearedWarnings().forEach(warnings::remove);
    judgement.newBreaches().forEach(b -> breaches.put(b.key(), b));
    judgement.newWarnings().forEach(w -> warnings.put(w.key(), w));
    breachEpisodes += judgement.newBreaches().size();
    warningEpisodes += judgement.newWarnings().size();
    return judgement;
  }

  @Test
  void shouldRaiseOneIncidentForAValueOscillatingAroundTheLimit() {
    for (double value : new double[] {99, 101, 99.5, 100.5, 96, 100.01, 95.5, 102}) {
      judge(value);
    }
    assertEquals(1, breachEpisodes, "oscillating within 5% below the limit stays one episode");
    assertTrue(breaches.containsKey("INTRADAY_LOSS"));
    judge(95); // at 95% of the limit: the episode ends
    assertTrue(breaches.isEmpty());
    judge(101);
    assertEquals(2, breachEpisodes, "a new excursion after the value came back is a new episode");
  }

  @Test
  void shouldWarnOnceFromTheWarningLevelAndEndTheWarningBelowItsHysteresis() {
    judge(79);
    assertEquals(0, warningEpisodes);
    judge(81);
    judge(77);
    judge(85);
    assertEquals(1, warningEpisodes, "77 is above 80 x 0.95 = 76: still the same warning");
    judge(76);
    assertTrue(warnings.isEmpty());
    judge(80.5);
    assertEquals(2, warningEpisodes);
  }

  @Test
  void shouldTurnAWarningIntoABreachAndNotWarnAgainWhileBreached() {
    judge(90);
    LimitJudge.Judgement breach = judge(110);
    assertEquals(List.of("INTRADAY_LOSS"), breach.clearedWarnings());
    assertEquals(1, breach.newBreaches().size());
    judge(99);
    assertEquals(1, warningEpisodes, "no warning while the breach episode is open");
  }

  @Test
  void shouldBreachOnANaNValueAndKeepBreachingUntilItIsKnownAndLow() {
    assertEquals(1, judge(Double.NaN).newBreaches().size());
    assertTrue(judge(Double.NaN).changesNothing());
    assertEquals(List.of("INTRADAY_LOSS"), judge(10).clearedBreaches());
  }

  @Test
  void shouldEndEpisodesWhoseLimitIsNoLongerSet() {
    judge(150);
    LimitJudge.Judgement removed = judge(Double.POSITIVE_INFINITY); // no reading at all
    assertEquals(List.of("INTRADAY_LOSS"), removed.clearedBreaches());
  }

  @Test
  void shouldHonourAPolicyWithoutWarningsOrHysteresis() {
    LimitPolicy plain = new LimitPolicy(100.0, 0.0, null);
    LimitBreach at = new LimitBreach("GROSS_EXPOSURE", LimitKind.GROSS_EXPOSURE, "", 99.99, 100, 0);
    LimitJudge.Judgement judgement = LimitJudge.judge(Map.of(at.key(), at), Map.of(), Map.of(), plain);
    assertTrue(judgement.changesNothing());
    LimitBreach open = new LimitBreach("GROSS_EXPOSURE", LimitKind.GROSS_EXPOSURE, "", 101, 100, 0);
    assertEquals(List.of("GROSS_EXPOSURE"),
        LimitJudge.judge(Map.of(at.key(), at), Map.of(open.key(), open), Map.of(), plain).clearedBreaches());
  }

  @Test
  void shouldNameEveryInvalidPolicyField() {
    List<String> problems = new LimitPolicy(0.0, 100.0, null).problems();
    assertTrue(problems.get(0).contains("warningPct"), problems.toString());
    assertTrue(problems.get(1).contains("hysteresisPct"), problems.toString());
    assertTrue(LimitPolicy.DEFAULT.problems().isEmpty());
  }
}
