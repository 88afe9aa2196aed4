package io.riskpulse.model.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns limit readings into breach and warning episodes, with the warning level and hysteresis of a
 * {@link LimitPolicy}: given what the journal holds as active, it says which episodes start and which end. Pure
 * and stateless.
 */
public final class LimitJudge {

  private LimitJudge() {}

  /**
   * What changes.
   *
   * @param newBreaches breach episodes that start now
   * @param clearedBreaches keys of breach episodes that end now
   * @param newWarnings warning episodes that start now
   * @param clearedWarnings keys of warning episodes that end now (back below, or turned into a breach)
   * @param breachedNow every breach episode open after this judgement (the new ones included), by key
   */
  public record Judgement(List<LimitBreach> newBreaches, List<String> clearedBreaches, List<LimitBreach> newWarnings,
      List<String> clearedWarnings, Map<String, LimitBreach> breachedNow) {

    public boolean changesNothing() {
      return newBreaches.isEmpty() && clearedBreaches.isEmpty() && newWarnings.isEmpty()
          && clearedWarnings.isEmpty();
    }
  }

  /**
   * Judges readings against the open episodes.
   *
   * @param readings every set limit's current value (see {@link LimitChecker#readings}); an open episode whose
   *     key has no reading (its limit was removed, its position closed) ends
   * @param activeBreaches breach episodes open in the journal, by key
   * @param activeWarnings warning episodes open in the journal, by key
   * @param policy warning level and hysteresis
   */
  public static Judgement judge(Map<String, LimitBreach> readings, Map<String, LimitBreach> activeBreaches,
      Map<String, LimitBreach> activeWarnings, LimitPolicy policy) {
    double keep = 1 - policy.hysteresisShare();
    double warnShare = policy.warningShare();
    List<LimitBreach> newBreaches = new ArrayList<>();
    List<String> clearedBreaches = new ArrayList<>();
    List<LimitBreach> newWarnings = new ArrayList<>();
    List<String> clearedWarnings = new ArrayList<>();
    Map<String, LimitBreach> breachedNow = new LinkedHashMap<>();
    for (LimitBreach reading : readings.values()) {
      String key = reading.key();
      double value = reading.value();
      double limit = reading.limit();
      LimitBreach open = activeBreaches.get(key);
      // Written as !(value <= level) so that a NaN value breaches (fail closed) and keeps breaching.
      boolean breached = open == null ? !(value <= limit) : !(value <= limit * keep);
      boolean warned = activeWarnings.containsKey(key);
      if (breached) {
        breachedNow.put(key, open == null ? reading : open);
        if (open == null) {
          newBreaches.add(reading);
        }
        if (warned) {
          clearedWarnings.add(key);
        }
        continue;
      }
      if (open != null) {
        clearedBreaches.add(key);
      }
      double warnLevel = limit * warnShare;
      boolean warning = warnShare < 1 && limit > 0 && (warned ? value > warnLevel * keep : value > warnLevel);
      if (warning && !warned) {
        newWarnings.add(reading);
      } else if (!warning && warned) {
        clearedWarnings.add(key);
      }
    }
    for (String key : activeBreaches.keySet()) {
      if (!readings.containsKey(key)) {
        clearedBreaches.add(key);
      }
    }
    for (String key : activeWarnings.keySet()) {
      if (!readings.containsKey(key)) {
        clearedWarnings.add(key);
      }
    }
    return new Judgement(newBreaches, clearedBreaches, newWarnings, clearedWarnings, breachedNow);
  }
}
