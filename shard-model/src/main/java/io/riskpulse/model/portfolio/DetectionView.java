package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.detect.ModelStatus;
import java.util.List;

/**
 * A portfolio's detection as it stands: the rules in force and the anomaly episodes open.
 *
 * @param rules the rules in force, in the rule language (the portfolio's own, or the node's defaults)
 * @param ownRules whether they are the portfolio's own rather than the node's defaults
 * @param openAnomalies the anomaly episodes open, by key
 * @param models each strategy's order-flow model, by strategy
 * @param modelsSavedAtMillis when the models were last saved to the portfolio's checkpoint store (node clock,
 *     epoch milliseconds); {@link Long#MIN_VALUE} when they have not been by this incarnation
 * @param modelsSaved whether everything the models learned is in the checkpoint store (false while they learned
 *     something since the last save)
 */
public record DetectionView(String portfolioId, String rules, boolean ownRules,
    List<PortfolioEvent.AnomalyDetected> openAnomalies, List<ModelStatus> models, long modelsSavedAtMillis,
    boolean modelsSaved) implements CborSerializable {}
