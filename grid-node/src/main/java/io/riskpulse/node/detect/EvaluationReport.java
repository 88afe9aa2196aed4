package io.riskpulse.node.detect;

import java.util.List;
import java.util.Map;

/**
 * The scored outcome of a detection evaluation (see docs/DETECTION.md for the definitions).
 *
 * @param source where the daily closes came from ({@code synthetic} or the data folder's name)
 * @param symbols the instruments simulated
 * @param seed the scenarios' seed
 * @param sessionSeconds simulated seconds per day
 * @param portfolios portfolios per day
 * @param cleanDays the clean days' dates
 * @param incidentDays the incident days' dates
 * @param detectors per detector, over every day
 * @param incidents per incident type, over the incident days
 * @param clean the clean days' false alerts
 * @param targets the acceptance targets and whether they are met
 * @param events events replayed
 * @param wallMillis wall time of the whole evaluation, milliseconds
 * @param digest SHA-256 of every alert (time, portfolio, key, score), hex: equal runs give equal digests
 * @param incidentOutcomes every injected incident with its first matching alert
 * @param falseAlerts the false alerts (clean and incident days), the first {@value #MAX_FALSE_ALERTS_LISTED}
 */
public record EvaluationReport(String source, List<String> symbols, long seed, int sessionSeconds, int portfolios,
    List<String> cleanDays, List<String> incidentDays, List<DetectorRow> detectors, List<IncidentRow> incidents,
    CleanDays clean, Targets targets, long events, long wallMillis, String digest,
    List<IncidentOutcome> incidentOutcomes, List<FalseAlert> falseAlerts) {

  /** False alerts listed at most. */
  public static final int MAX_FALSE_ALERTS_LISTED = 200;

  /** A false alert: when, where, which episode and why. */
  public record FalseAlert(String date, long atMillis, String portfolioId, String key, double score,
      String explanation) {

    static FalseAlert of(String date, Alert alert) {
      return new FalseAlert(date, alert.atMillis(), alert.portfolioId(), alert.key(), alert.score(),
          alert.explanation());
    }
  }

  /**
   * @param alerts alerts raised by the detector
   * @param truePositives of them, those matching an incident
   * @param falsePositives the others
   * @param precision true / alerts, NaN without alerts
   */
  public record DetectorRow(String detector, int alerts, int truePositives, int falsePositives, double precision) {}

  /**
   * @param incidents injected
   * @param detected with at least one matching alert
   * @param recall detected / incidents
   * @param detectedWithinOneSecond whose first matching alert came at most 1000 ms after the onset
   * @param medianDelayMillis median of (first matching alert − onset) over the detected, NaN when none
   * @param maxDelayMillis the largest such delay, -1 when none
   * @param firstDetectors how often each detector raised the first matching alert
   * @param foundBy how many of the incidents each detector raised at least one matching alert for
   */
  public record IncidentRow(String type, int incidents, int detected, double recall, int detectedWithinOneSecond,
      double medianDelayMillis, long maxDelayMillis, Map<String, Integer> firstDetectors,
      Map<String, Integer> foundBy) {}

  /**
   * @param days clean days replayed
   * @param portfolioDays portfolios × days, scaled to full 6.5-hour trading days
   * @param falseAlerts alerts on clean days (all false by construction)
   * @param perPortfolioDay falseAlerts / portfolioDays
   * @param byDetector the clean days' alerts per detector
   */
  public record CleanDays(int days, double portfolioDays, int falseAlerts, double perPortfolioDay,
      Map<String, Integer> byDetector) {}

  /**
   * @param runawayRecallWithinOneSecond runaway incidents detected within 1 s of onset / runaway incidents
   * @param runawayTarget the recall required
   * @param falseAlertsPerPortfolioDay on clean days
   * @param falseAlertTarget the most allowed
   * @param met whether both hold
   */
  public record Targets(double runawayRecallWithinOneSecond, double runawayTarget,
      double falseAlertsPerPortfolioDay, double falseAlertTarget, boolean met) {}

  /**
   * @param firstDetector detector of the first matching alert, {@code ""} when missed
   * @param delayMillis first matching alert − onset, -1 when missed
   * @param detectors every detector with a matching alert, sorted
   */
  public record IncidentOutcome(String date, String type, String portfolioId, String strategy, String symbol,
      long startMillis, long endMillis, String firstDetector, long delayMillis, List<String> detectors) {}
}
