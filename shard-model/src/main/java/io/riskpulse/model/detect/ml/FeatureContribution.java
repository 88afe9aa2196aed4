package io.riskpulse.model.detect.ml;

/**
 * How much one feature contributed to a model score: the Random Cut Forest attribution of its dimension (the
 * "high" plus the "low" part), which over all features adds up to the score. Immutable.
 *
 * @param feature the feature's name
 * @param value its contribution, in Random Cut Forest score units
 * @param share its fraction of the score (0..1)
 * @param aboveNormal whether the feature is unusual for being high (its "high" part outweighs its "low" part)
 */
public record FeatureContribution(String feature, double value, double share, boolean aboveNormal) {}
