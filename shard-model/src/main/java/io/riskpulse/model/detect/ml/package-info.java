/**
 * The order-flow anomaly model: one streaming Random Cut Forest (RCF, {@code randomcutforest-core}) per strategy,
 * with the calibration, drift watch and persistence around it that make its findings usable as
 * {@link io.riskpulse.model.detect.Detector#MODEL} and {@link io.riskpulse.model.detect.Detector#MODEL_DRIFT}
 * {@link io.riskpulse.model.detect.DetectionSignal}s.
 *
 * <ul>
 *   <li><b>Model</b> ({@link io.riskpulse.model.detect.ml.AnomalyModel}): each feature vector is scored against
 *       the forest, then added to it (score-then-update), so a point is never judged against itself. The RCF score
 *       measures how much the point would change the trees' structure (about 0.7 for normal data, higher is more
 *       anomalous); its attribution splits the score over the features, each into a "high" and a "low" part, and
 *       names what made the point unusual ({@link io.riskpulse.model.detect.ml.FeatureContribution}).
 *   <li><b>Feature scaling</b>: RCF cuts each dimension in proportion to its range, so features in different
 *       units (messages per second, ratios, quantities) are standardised with a running mean and standard
 *       deviation per feature (Welford). A point is standardised with the statistics as they were before it; only
 *       points not flagged anomalous enter the statistics. The first
 *       {@link io.riskpulse.model.detect.ml.ModelSettings#PRIMING_POINTS} points only prime them.
 *   <li><b>Threshold</b>: adaptive, the {@code 1 - targetFalsePositiveRate} quantile of the last
 *       {@code thresholdWindow} scores, never below {@code minimumThreshold}. Scores flagged anomalous enter the
 *       distribution capped at 1.5 × the threshold they exceeded: the quantile of normal data is unchanged, an
 *       incident raises the threshold only gradually, and a lasting new level can still raise it.
 *   <li><b>Warm-up</b>: for the first {@code warmUpPoints} accepted points (default twice the sample size) the
 *       forest, normaliser and threshold learn but nothing is anomalous; {@link
 *       io.riskpulse.model.detect.ml.ModelScore#warmingUp()} says so.
 *   <li><b>Drift</b> ({@link io.riskpulse.model.detect.ml.DriftMonitor}): the model's own scores after warm-up
 *       are compared, recent window against a reference window, with the two-sample Kolmogorov–Smirnov distance;
 *       the recent alert rate is compared with a bound above the target rate. Either beyond its bound is a drift
 *       ({@link io.riskpulse.model.detect.ml.DriftStatus}): the model's alerts are no longer calibrated. A reported
 *       drift rebases the monitor on the scores that follow, so it is reported once, not forever.
 *   <li><b>Snapshot</b>: {@link io.riskpulse.model.detect.ml.AnomalyModel#snapshot()} is the whole state (forest
 *       with its trees, samplers and seeds, normaliser, threshold scores, drift windows, points seen) as
 *       checksummed bytes; {@link io.riskpulse.model.detect.ml.AnomalyModel#restore} continues exactly as the
 *       original would (same scores for the same points) or throws {@link IllegalArgumentException} for corrupt,
 *       foreign or mismatched bytes. Same settings and seed fed the same points give the same scores.
 *   <li><b>Thread-safety</b>: none. RCF is not thread-safe; each model is owned by one actor, which serialises
 *       every call to it. Settings, scores, statuses and contributions are immutable.
 * </ul>
 *
 * <p><b>Known weakness</b>: every accepted point, anomalous or not, enters the forest (it must, to follow a new
 * regime). So right after a first anomaly the forest holds a point like it, and a second, similar anomaly soon
 * after scores lower and can be missed (masking). The episode key of
 * {@link io.riskpulse.model.detect.DetectionSignal} groups findings into one incident anyway; a burst of anomalies
 * also shows up as drift through the alert rate. Rejected points (NaN, infinite, wrong length) change nothing.
 */
package io.riskpulse.model.detect.ml;
