package io.riskpulse.model.detect;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.detect.rules.RuleEngineState;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a portfolio's detectors learned that its journal cannot rebuild, kept in the portfolio's snapshots: the
 * rules' windows and histories, and each strategy's model (the {@link io.riskpulse.model.detect.ml.AnomalyModel}
 * snapshot format).
 *
 * @param rules the rule engine's state, or {@code null}
 * @param models each strategy's model snapshot, by strategy
 * @param savedAtMillis when it was taken, node clock, epoch milliseconds (0 in states saved before it existed):
 *     of the rules' state in a portfolio snapshot and in a checkpoint, the later one is restored
 */
public record DetectorsState(RuleEngineState rules, Map<String, byte[]> models, long savedAtMillis)
    implements CborSerializable {

  public DetectorsState {
    models = models == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(models));
  }
}
