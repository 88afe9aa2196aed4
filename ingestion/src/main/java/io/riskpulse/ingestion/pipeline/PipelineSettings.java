package io.riskpulse.ingestion.pipeline;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tunables of the ingestion pipeline ({@code riskpulse.ingestion.pipeline} in reference.conf).
 *
 * @param bufferSize order-flow and fill messages buffered between the feeds and the shards; when full, feeds
 *     wait (backpressure reaches the Aeron subscriber and the FIX session)
 * @param maxBatch messages gathered into one batch while the shards are busy
 * @param parallelism batches in flight towards the shards
 * @param retryDelay pause before re-sending a message its portfolio did not answer in time
 * @param attempts total tries per message before it is quarantined as unanswered
 */
public record PipelineSettings(
    int bufferSize, int maxBatch, int parallelism, Duration retryDelay, int attempts) {

  public static PipelineSettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.ingestion.pipeline");
    return new PipelineSettings(c.getInt("buffer-size"), c.getInt("max-batch"), c.getInt("parallelism"),
        c.getDuration("retry-delay"), c.getInt("attempts"));
  }
}
