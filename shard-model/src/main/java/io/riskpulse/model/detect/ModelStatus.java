package io.riskpulse.model.detect;

import io.riskpulse.model.CborSerializable;

/**
 * One strategy's order-flow model as it stands.
 *
 * @param pointsSeen seconds of the strategy's activity the model has learned from
 * @param warmingUp whether it is still warming up (its scores cannot raise anything yet)
 * @param threshold its adaptive threshold, Random Cut Forest score units (infinite before the first scores)
 */
public record ModelStatus(String strategy, long pointsSeen, boolean warmingUp, double threshold)
    implements CborSerializable {}
