package io.riskpulse.ingestion.sim.scenario;

import java.util.List;

/**
 * The shape of one scenario day.
 *
 * @param seed random seed; the same settings and closes give the same events, bit for bit
 * @param sessionSeconds simulated seconds of the session (one step per second); a full trading day is
 *     {@value #FULL_SESSION_SECONDS}
 * @param portfolios portfolios simulated, {@code P1..Pn}, each running the same three strategy styles
 * @param warmUpSeconds seconds from the open before the first incident may start: detectors learn their norms
 * @param incidents the incidents injected, each type once per entry (empty: a clean day)
 */
public record ScenarioSettings(long seed, int sessionSeconds, int portfolios, int warmUpSeconds,
    List<IncidentType> incidents) {

  /** 6.5 hours of trading, seconds. */
  public static final int FULL_SESSION_SECONDS = 23_400;
  /** 15 minutes: the runaway norms warm up in 2, the models need ~290 active seconds, market norms 100-300 updates. */
  public static final int DEFAULT_WARM_UP_SECONDS = 900;
  /**
   * The least seconds reserved per incident: the longest incident (a flash crash of up to about four minutes) plus the
   * 60 s grace of the scoring and a gap, so that incidents never overlap (they are spread over the day when it
   * has more room).
   */
  public static final int SLOT_SECONDS = 420;

  public ScenarioSettings {
    incidents = List.copyOf(incidents);
    if (sessionSeconds < 60 || portfolios < 1 || warmUpSeconds < 0) {
      throw new IllegalArgumentException("session >= 60 s, portfolios >= 1, warm-up >= 0 required");
    }
    long room = (long) sessionSeconds - warmUpSeconds;
    if (!incidents.isEmpty() && room < (long) incidents.size() * SLOT_SECONDS) {
      throw new IllegalArgumentException(incidents.size() + " incidents need " + incidents.size() * SLOT_SECONDS
          + " s after the " + warmUpSeconds + " s warm-up; the session leaves " + room + " s");
    }
  }

  /** A clean day. */
  public static ScenarioSettings clean(long seed, int sessionSeconds, int portfolios) {
    return new ScenarioSettings(seed, sessionSeconds, portfolios, DEFAULT_WARM_UP_SECONDS, List.of());
  }

  /** A day with every incident type {@code perType} times. */
  public static ScenarioSettings withIncidents(long seed, int sessionSeconds, int portfolios, int perType) {
    List<IncidentType> types = new java.util.ArrayList<>();
    for (int k = 0; k < perType; k++) {
      types.addAll(List.of(IncidentType.values()));
    }
    return new ScenarioSettings(seed, sessionSeconds, portfolios, DEFAULT_WARM_UP_SECONDS, types);
  }

  /** The most incidents that fit after the warm-up of a session. */
  public static int capacity(int sessionSeconds, int warmUpSeconds) {
    return Math.max(0, (sessionSeconds - warmUpSeconds) / SLOT_SECONDS);
  }

  /** Portfolio id of the {@code index}-th portfolio (from 0). */
  public static String portfolioId(int index) {
    return "P" + (index + 1);
  }
}
