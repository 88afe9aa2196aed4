package io.riskpulse.model.detect.ml;

import com.amazon.randomcutforest.RandomCutForest;
import com.amazon.randomcutforest.state.RandomCutForestMapper;
import com.amazon.randomcutforest.state.RandomCutForestState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The byte format of an {@link AnomalyModel} snapshot: a header (magic {@code RPAM}, format version, payload
 * length, CRC-32 of the payload) and the payload, CBOR (Jackson) of the settings, the normaliser's statistics, the
 * threshold's and drift monitor's scores in arrival order, the points seen and the forest's
 * {@link RandomCutForestState} with its trees, samplers and their seeds (the library's own mapper), so the
 * restored forest makes the same random choices as the original would have.
 *
 * <p>The checksum catches corruption that would still parse; reading builds every part before the model, so a bad
 * snapshot raises {@link IllegalArgumentException} and never yields a half-built model. Jackson is used rather
 * than Java serialisation (which the library's state classes also support) because it does not instantiate
 * arbitrary classes named in the bytes. Stateless and thread-safe (the shared mapper is configured once).
 */
final class ModelSnapshots {

  static final int MAGIC = 0x5250414D; // "RPAM"
  static final int FORMAT_VERSION = 1;
  private static final int HEADER_BYTES = 4 + 4 + 4 + 8;

  private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

  /** What a snapshot holds besides its header. */
  record Payload(
      ModelSettings settings,
      long pointsSeen,
      long normaliserCount,
      double[] means,
      double[] sumsOfSquares,
      double[] thresholdScores,
      double[] driftReference,
      double[] driftRecent,
      boolean[] driftRecentAlerts,
      RandomCutForestState forest) {}

  private ModelSnapshots() {}

  static byte[] write(ModelSettings settings, RandomCutForest forest, FeatureNormaliser normaliser,
      ScoreThreshold threshold, DriftMonitor drift, long pointsSeen) {
    Payload payload = new Payload(settings, pointsSeen, normaliser.count(), normaliser.means(),
        normaliser.sumsOfSquares(), threshold.scores(), drift.referenceScores(), drift.recentScores(),
        drift.recentAlerts(), mapper().toState(forest));
    byte[] body;
    try {
      body = CBOR.writeValueAsBytes(payload);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the model snapshot", e);
    }
    CRC32 crc = new CRC32();
    crc.update(body);
    return ByteBuffer.allocate(HEADER_BYTES + body.length)
        .putInt(MAGIC)
        .putInt(FORMAT_VERSION)
        .putInt(body.length)
        .putLong(crc.getValue())
        .put(body)
        .array();
  }

  static AnomalyModel read(byte[] snapshot, ModelSettings settings) {
    if (settings == null) {
      throw new IllegalArgumentException("no settings to restore the model under");
    }
    Payload payload = payload(snapshot);
    if (payload.settings() == null) {
      throw new IllegalArgumentException("model snapshot holds no settings");
    }
    String difference = settings.structuralDifference(payload.settings());
    if (difference != null) {
      throw new IllegalArgumentException("model snapshot was taken with another " + difference + " (snapshot "
          + payload.settings() + ", now " + settings + "): the model must be trained again");
    }
    if (payload.pointsSeen() < 0 || payload.normaliserCount() > payload.pointsSeen()) {
      throw new IllegalArgumentException("model snapshot counts " + payload.pointsSeen() + " points but "
          + payload.normaliserCount() + " normaliser observations");
    }
    FeatureNormaliser normaliser = FeatureNormaliser.of(settings.dimensions(), payload.normaliserCount(),
        payload.means(), payload.sumsOfSquares());
    ScoreThreshold threshold = AnomalyModel.newThreshold(settings);
    for (double score : requireScores("threshold", payload.thresholdScores(), settings.thresholdWindow())) {
      threshold.add(score);
    }
    DriftMonitor drift = DriftMonitor.of(settings);
    double[] reference = requireScores("drift reference", payload.driftReference(),
        settings.driftReferenceWindow());
    double[] recent = requireScores("drift recent", payload.driftRecent(), settings.driftRecentWindow());
    boolean[] alerts = payload.driftRecentAlerts();
    if (alerts == null || alerts.length != recent.length
        || (recent.length > 0 && reference.length < settings.driftReferenceWindow())) {
      throw new IllegalArgumentException("model snapshot's drift windows are inconsistent");
    }
    for (double score : reference) {
      drift.record(score, false);
    }
    for (int i = 0; i < recent.length; i++) {
      drift.record(recent[i], alerts[i]);
    }
    RandomCutForest forest = forest(payload.forest(), settings);
    return new AnomalyModel(settings, forest, normaliser, threshold, drift, payload.pointsSeen());
  }

  private static Payload payload(byte[] snapshot) {
    if (snapshot == null) {
      throw new IllegalArgumentException("no model snapshot");
    }
    ByteBuffer buffer = ByteBuffer.wrap(snapshot);
    try {
      int magic = buffer.getInt();
      if (magic != MAGIC) {
        throw new IllegalArgumentException("not a model snapshot (magic " + Integer.toHexString(magic) + ")");
      }
      int version = buffer.getInt();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException("model snapshot format " + version + " is not supported (only "
            + FORMAT_VERSION + ")");
      }
      int length = buffer.getInt();
      long checksum = buffer.getLong();
      if (length != buffer.remaining()) {
        throw new IllegalArgumentException("model snapshot is truncated or padded: payload of " + buffer.remaining()
            + " bytes, header says " + length);
      }
      CRC32 crc = new CRC32();
      crc.update(snapshot, HEADER_BYTES, length);
      if (crc.getValue() != checksum) {
        throw new IllegalArgumentException("model snapshot is corrupt: checksum mismatch");
      }
      return CBOR.readValue(snapshot, HEADER_BYTES, length, Payload.class);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("model snapshot is truncated: " + snapshot.length + " bytes", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("model snapshot cannot be read: " + e.getMessage(), e);
    }
  }

  private static double[] requireScores(String what, double[] scores, int capacity) {
    if (scores == null || scores.length > capacity) {
      throw new IllegalArgumentException("model snapshot's " + what + " scores do not fit a window of " + capacity);
    }
    for (double score : scores) {
      if (!Double.isFinite(score)) {
        throw new IllegalArgumentException("model snapshot's " + what + " scores hold " + score);
      }
    }
    return scores;
  }

  private static RandomCutForest forest(RandomCutForestState state, ModelSettings settings) {
    if (state == null) {
      throw new IllegalArgumentException("model snapshot holds no forest");
    }
    if (state.getDimensions() != settings.dimensions() || state.getNumberOfTrees() != settings.numberOfTrees()
        || state.getSampleSize() != settings.sampleSize()) {
      throw new IllegalArgumentException("model snapshot's forest has " + state.getDimensions() + " dimensions, "
          + state.getNumberOfTrees() + " trees of " + state.getSampleSize() + " points; settings want "
          + settings.dimensions() + ", " + settings.numberOfTrees() + " of " + settings.sampleSize());
    }
    try {
      return mapper().toModel(state, settings.randomSeed());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("model snapshot's forest cannot be rebuilt: " + e, e);
    }
  }

  private static RandomCutForestMapper mapper() {
    RandomCutForestMapper mapper = new RandomCutForestMapper();
    mapper.setSaveExecutorContextEnabled(true);
    mapper.setSaveSamplerStateEnabled(true);
    mapper.setSaveTreeStateEnabled(true);
    mapper.setCompressionEnabled(true);
    return mapper;
  }
}
