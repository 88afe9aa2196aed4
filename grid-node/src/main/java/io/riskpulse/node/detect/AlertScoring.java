package io.riskpulse.node.detect;

import io.riskpulse.ingestion.sim.scenario.Incident;
import io.riskpulse.ingestion.sim.scenario.IncidentType;
import io.riskpulse.ingestion.sim.scenario.ScenarioSettings;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.node.detect.EvaluationReport.CleanDays;
import io.riskpulse.node.detect.EvaluationReport.DetectorRow;
import io.riskpulse.node.detect.EvaluationReport.IncidentOutcome;
import io.riskpulse.node.detect.EvaluationReport.IncidentRow;
import io.riskpulse.node.detect.EvaluationReport.Targets;
import io.riskpulse.node.detect.ScenarioReplay.DayResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores alerts against the injected incidents.
 *
 * <p>An alert <b>matches</b> an incident when it opens within {@code [onset, end + }{@value #GRACE_MILLIS}
 * {@code ms]} and is about it: on the incident's portfolio for a portfolio incident; for a market incident, about
 * the instrument itself (its subject) or on a portfolio that held the instrument when it opened. An alert
 * matching any incident is true, else false; every alert of a clean day is false. An incident is detected when
 * some alert matches it; its delay is the first matching alert's time minus the onset. Stateless.
 */
public final class AlertScoring {

  /** How long after an incident's end an alert still counts as about it, milliseconds. */
  public static final long GRACE_MILLIS = 60_000;
  /** Recall required on runaway incidents, detected within {@value #RUNAWAY_DEADLINE_MILLIS} ms of onset. */
  public static final double RUNAWAY_RECALL_TARGET = 0.95;
  public static final long RUNAWAY_DEADLINE_MILLIS = 1_000;
  /** The most false alerts allowed per portfolio per trading day on clean days. */
  public static final double FALSE_ALERT_TARGET = 1.0;

  private AlertScoring() {}

  /** Whether {@code alert} is about {@code incident} (see the class comment). */
  public static boolean matches(Alert alert, Incident incident) {
    if (alert.atMillis() < incident.startMillis() || alert.atMillis() > incident.endMillis() + GRACE_MILLIS) {
      return false;
    }
    if (!incident.type().market()) {
      return alert.portfolioId().equals(incident.portfolioId());
    }
    return alert.subject().equals(incident.symbol()) || alert.heldSymbols().contains(incident.symbol());
  }

  /** The report of clean and incident days replayed in {@code wallMillis}. */
  public static EvaluationReport score(String source, long seed, List<DayResult> cleanDays,
      List<DayResult> incidentDays, long wallMillis) {
    Map<Detector, int[]> byDetector = new EnumMap<>(Detector.class);
    Map<String, Integer> cleanByDetector = new TreeMap<>();
    int cleanAlerts = 0;
    double portfolioDays = 0;
    long events = 0;
    MessageDigest digest = sha256();
    List<EvaluationReport.FalseAlert> falseAlerts = new ArrayList<>();
    List<String> symbols = new ArrayList<>();
    int sessionSeconds = 0;
    int portfolios = 0;
    for (DayResult day : cleanDays) {
      events += day.events();
      symbols = day.day().symbols();
      sessionSeconds = day.day().settings().sessionSeconds();
      portfolios = day.day().portfolios().size();
      portfolioDays += day.day().portfolios().size() * (double) sessionSeconds / ScenarioSettings.FULL_SESSION_SECONDS;
      for (Alert alert : day.alerts()) {
        byDetector.computeIfAbsent(alert.detector(), d -> new int[2])[1]++;
        cleanByDetector.merge(alert.detector().name(), 1, Integer::sum);
        cleanAlerts++;
        digest(digest, day, alert);
        listFalse(falseAlerts, day, alert);
      }
    }
    Map<IncidentType, List<IncidentOutcome>> outcomes = new EnumMap<>(IncidentType.class);
    List<IncidentOutcome> allOutcomes = new ArrayList<>();
    for (DayResult day : incidentDays) {
      events += day.events();
      symbols = day.day().symbols();
      sessionSeconds = day.day().settings().sessionSeconds();
      portfolios = day.day().portfolios().size();
      for (Alert alert : day.alerts()) {
        boolean matched = day.day().incidents().stream().anyMatch(i -> matches(alert, i));
        byDetector.computeIfAbsent(alert.detector(), d -> new int[2])[matched ? 0 : 1]++;
        digest(digest, day, alert);
        if (!matched) {
          listFalse(falseAlerts, day, alert);
        }
      }
      for (Incident incident : day.day().incidents()) {
        List<Alert> matching = day.alerts().stream().filter(a -> matches(a, incident)).toList();
        Alert first = matching.isEmpty() ? null : matching.get(0);
        IncidentOutcome outcome = new IncidentOutcome(day.day().date().toString(), incident.type().name(),
            incident.portfolioId(), incident.strategy(), incident.symbol(), incident.startMillis(),
            incident.endMillis(), first == null ? "" : first.detector().name(),
            first == null ? -1 : first.atMillis() - incident.startMillis(),
            matching.stream().map(a -> a.detector().name()).distinct().sorted().toList());
        outcomes.computeIfAbsent(incident.type(), t -> new ArrayList<>()).add(outcome);
        allOutcomes.add(outcome);
      }
    }
    List<DetectorRow> detectorRows = new ArrayList<>();
    byDetector.forEach((detector, counts) -> detectorRows.add(new DetectorRow(detector.name(),
        counts[0] + counts[1], counts[0], counts[1], counts[0] / (double) (counts[0] + counts[1]))));
    List<IncidentRow> incidentRows = new ArrayList<>();
    double runawayRecall = Double.NaN;
    for (IncidentType type : IncidentType.values()) {
      List<IncidentOutcome> list = outcomes.getOrDefault(type, List.of());
      if (list.isEmpty()) {
        continue;
      }
      List<Long> delays = new ArrayList<>();
      Map<String, Integer> first = new TreeMap<>();
      Map<String, Integer> foundBy = new TreeMap<>();
      int withinOneSecond = 0;
      for (IncidentOutcome outcome : list) {
        outcome.detectors().forEach(d -> foundBy.merge(d, 1, Integer::sum));
        if (outcome.delayMillis() >= 0) {
          delays.add(outcome.delayMillis());
          first.merge(outcome.firstDetector(), 1, Integer::sum);
          if (outcome.delayMillis() <= RUNAWAY_DEADLINE_MILLIS) {
            withinOneSecond++;
          }
        }
      }
      delays.sort(Long::compare);
      double median = delays.isEmpty() ? Double.NaN : delays.size() % 2 == 1 ? delays.get(delays.size() / 2)
          : (delays.get(delays.size() / 2 - 1) + delays.get(delays.size() / 2)) / 2.0;
      incidentRows.add(new IncidentRow(type.name(), list.size(), delays.size(), delays.size() / (double) list.size(),
          withinOneSecond, median, delays.isEmpty() ? -1 : delays.get(delays.size() - 1), first,
          foundBy));
      if (type == IncidentType.RUNAWAY_ALGO) {
        runawayRecall = withinOneSecond / (double) list.size();
      }
    }
    double perPortfolioDay = portfolioDays > 0 ? cleanAlerts / portfolioDays : Double.NaN;
    boolean met = !(runawayRecall < RUNAWAY_RECALL_TARGET) && !(perPortfolioDay > FALSE_ALERT_TARGET)
        && !Double.isNaN(runawayRecall) && !Double.isNaN(perPortfolioDay);
    return new EvaluationReport(source, symbols, seed, sessionSeconds, portfolios,
        cleanDays.stream().map(d -> d.day().date().toString()).toList(),
        incidentDays.stream().map(d -> d.day().date().toString()).toList(), detectorRows, incidentRows,
        new CleanDays(cleanDays.size(), portfolioDays, cleanAlerts, perPortfolioDay, cleanByDetector),
        new Targets(runawayRecall, RUNAWAY_RECALL_TARGET, perPortfolioDay, FALSE_ALERT_TARGET, met), events,
        wallMillis, HexFormat.of().formatHex(digest.digest()), allOutcomes, falseAlerts);
  }

  private static void listFalse(List<EvaluationReport.FalseAlert> list, DayResult day, Alert alert) {
    if (list.size() < EvaluationReport.MAX_FALSE_ALERTS_LISTED) {
      list.add(EvaluationReport.FalseAlert.of(day.day().date().toString(), alert));
    }
  }

  private static void digest(MessageDigest digest, DayResult day, Alert alert) {
    digest.update((day.day().date() + "|" + alert.digestLine() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
