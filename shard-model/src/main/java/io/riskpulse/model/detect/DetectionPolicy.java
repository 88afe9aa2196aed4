package io.riskpulse.model.detect;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.limits.LimitAction;
import java.util.EnumMap;
import java.util.Map;

/**
 * What each detector's finding does beyond raising an alert: {@link LimitAction#ALERT_ONLY} (the default),
 * {@link LimitAction#REDUCE_ONLY} (while the episode lasts, pre-trade checks reject orders that increase a
 * position) or {@link LimitAction#HALT} (the portfolio is halted and its working orders cancelled through the OMS).
 *
 * @param actions the action per detector; detectors not named raise alerts only
 */
public record DetectionPolicy(Map<Detector, LimitAction> actions) implements CborSerializable {

  /** Every detector raises alerts only. */
  public static final DetectionPolicy ALERT_ONLY = new DetectionPolicy(Map.of());

  public DetectionPolicy {
    EnumMap<Detector, LimitAction> copy = new EnumMap<>(Detector.class);
    if (actions != null) {
      actions.forEach((detector, action) -> {
        if (detector != null && action != null) {
          copy.put(detector, action);
        }
      });
    }
    actions = java.util.Collections.unmodifiableMap(copy);
  }

  /** The action of {@code detector}'s findings. */
  public LimitAction actionFor(Detector detector) {
    return actions.getOrDefault(detector, LimitAction.ALERT_ONLY);
  }
}
