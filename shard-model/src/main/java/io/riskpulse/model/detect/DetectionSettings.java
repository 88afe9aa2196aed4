package io.riskpulse.model.detect;

import com.typesafe.config.Config;
import io.riskpulse.model.detect.flow.ImpactSettings;
import io.riskpulse.model.detect.flow.RunawaySettings;
import io.riskpulse.model.detect.rules.RuleParser;
import io.riskpulse.model.detect.rules.RuleSyntaxException;
import io.riskpulse.model.limits.LimitAction;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a portfolio's detectors run ({@code riskpulse.detection}).
 *
 * @param enabled whether portfolios run detectors at all
 * @param policy what each detector's finding does beyond an alert
 * @param quietMillis an episode ends when its detector has not found it again for this long, milliseconds
 * @param runaway the runaway detector's settings
 * @param impact the slippage and volume-share settings
 * @param model each strategy's order-flow model
 * @param defaultRules the event-pattern rules of a portfolio that has not been given its own (rule language, see
 *     docs/RULES.md); already parsed once when the settings are read, so a bad text fails the node's start
 */
public record DetectionSettings(boolean enabled, DetectionPolicy policy, long quietMillis, RunawaySettings runaway,
    ImpactSettings impact, ModelOptions model, String defaultRules) {

  /** Detection off: what environments built without a node (tests, tools) get. */
  public static final DetectionSettings OFF = new DetectionSettings(false, DetectionPolicy.ALERT_ONLY, 30_000,
      RunawaySettings.DEFAULTS, ImpactSettings.DEFAULTS, ModelOptions.DEFAULTS, "");

  /** Detection on with the defaults: alerts only, episodes ending after 30 s of quiet, no rules. */
  public static final DetectionSettings DEFAULTS = new DetectionSettings(true, DetectionPolicy.ALERT_ONLY, 30_000,
      RunawaySettings.DEFAULTS, ImpactSettings.DEFAULTS, ModelOptions.DEFAULTS, "");

  public DetectionSettings {
    if (policy == null || runaway == null || impact == null || model == null) {
      throw new IllegalArgumentException("detection: policy, runaway, impact and model settings are required");
    }
    defaultRules = defaultRules == null ? "" : defaultRules;
    if (quietMillis < 0) {
      throw new IllegalArgumentException("detection: quiet-period must be >= 0, was " + quietMillis + " ms");
    }
  }

  /** This with another policy. */
  public DetectionSettings withPolicy(DetectionPolicy policy) {
    return new DetectionSettings(enabled, policy, quietMillis, runaway, impact, model, defaultRules);
  }

  /** This with other model options. */
  public DetectionSettings withModel(ModelOptions model) {
    return new DetectionSettings(enabled, policy, quietMillis, runaway, impact, model, defaultRules);
  }

  /** This with other default rules (rule language text). */
  public DetectionSettings withDefaultRules(String defaultRules) {
    return new DetectionSettings(enabled, policy, quietMillis, runaway, impact, model, defaultRules);
  }

  /**
   * Reads {@code riskpulse.detection}: {@code enabled}, {@code quiet-period}, {@code actions { RUNAWAY = halt }}
   * (alert-only, reduce-only or halt per detector name), {@code runaway { ... }} and {@code impact { ... }}.
   *
   * @throws IllegalArgumentException naming the key when a detector or an action is unknown
   */
  public static DetectionSettings fromConfig(Config detection) {
    Map<Detector, LimitAction> actions = new EnumMap<>(Detector.class);
    if (detection.hasPath("actions")) {
      Config config = detection.getConfig("actions");
      for (Map.Entry<String, com.typesafe.config.ConfigValue> entry : config.root().entrySet()) {
        Detector detector;
        try {
          detector = Detector.valueOf(entry.getKey().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("riskpulse.detection.actions." + entry.getKey()
              + ": no such detector (one of " + java.util.Arrays.toString(Detector.values()) + ")");
        }
        String action = String.valueOf(entry.getValue().unwrapped());
        try {
          actions.put(detector, LimitAction.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("riskpulse.detection.actions." + entry.getKey() + " = " + action
              + ": must be alert-only, reduce-only or halt");
        }
      }
    }
    return new DetectionSettings(
        !detection.hasPath("enabled") || detection.getBoolean("enabled"),
        new DetectionPolicy(actions),
        detection.hasPath("quiet-period") ? detection.getDuration("quiet-period").toMillis() : DEFAULTS.quietMillis,
        detection.hasPath("runaway") ? RunawaySettings.fromConfig(detection.getConfig("runaway"))
            : RunawaySettings.DEFAULTS,
        detection.hasPath("impact") ? ImpactSettings.fromConfig(detection.getConfig("impact"))
            : ImpactSettings.DEFAULTS,
        detection.hasPath("model") ? ModelOptions.fromConfig(detection.getConfig("model")) : ModelOptions.DEFAULTS,
        defaultRules(detection));
  }

  /** The default rules' text, parsed once so that a mistake stops the node with its line and column. */
  private static String defaultRules(Config detection) {
    String text = detection.hasPath("rules") ? detection.getString("rules") : "";
    try {
      RuleParser.parse(text);
    } catch (RuleSyntaxException e) {
      throw new IllegalArgumentException("riskpulse.detection.rules: " + e.getMessage(), e);
    }
    return text;
  }
}
