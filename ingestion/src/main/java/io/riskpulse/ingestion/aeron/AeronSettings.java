package io.riskpulse.ingestion.aeron;

import com.typesafe.config.Config;
import io.aeron.CommonContext;

/**
 * Aeron transport settings ({@code riskpulse.ingestion.aeron} in reference.conf).
 *
 * @param enabled whether the node subscribes to Aeron at all
 * @param embeddedDriver run a media driver inside the node (the default); off to use an external one
 * @param directory the media driver's directory (publishers on this host use the same one)
 * @param marketDataChannel channel of the market-data stream (broadcast: every node subscribes)
 * @param marketDataStreamId its stream id
 * @param orderFlowChannel channel of the order-flow and fill stream
 * @param orderFlowStreamId its stream id
 * @param ackChannel channel on which the node acknowledges handled order flow to publishers
 * @param ackStreamId its stream id
 * @param fragmentLimit fragments read per poll: bounds the work done before the idle strategy runs
 * @param marketDataPublishChannel the channel publishers of market data use: {@code marketDataChannel} unless they
 *     differ (multi-destination-cast: publishers name the control endpoint, subscribers their own endpoint)
 */
public record AeronSettings(
    boolean enabled,
    boolean embeddedDriver,
    String directory,
    String marketDataChannel,
    int marketDataStreamId,
    String orderFlowChannel,
    int orderFlowStreamId,
    String ackChannel,
    int ackStreamId,
    int fragmentLimit,
    String marketDataPublishChannel) {

  /** Settings whose publishers use the subscribers' market-data channel. */
  public AeronSettings(boolean enabled, boolean embeddedDriver, String directory, String marketDataChannel,
      int marketDataStreamId, String orderFlowChannel, int orderFlowStreamId, String ackChannel, int ackStreamId,
      int fragmentLimit) {
    this(enabled, embeddedDriver, directory, marketDataChannel, marketDataStreamId, orderFlowChannel,
        orderFlowStreamId, ackChannel, ackStreamId, fragmentLimit, marketDataChannel);
  }

  public static AeronSettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.ingestion.aeron");
    String directory = c.getString("directory");
    String publishChannel = c.getString("market-data.publish-channel");
    return new AeronSettings(
        c.getBoolean("enabled"),
        c.getBoolean("embedded-driver"),
        directory.isBlank() ? CommonContext.getAeronDirectoryName() + "-riskpulse" : directory,
        c.getString("market-data.channel"),
        c.getInt("market-data.stream-id"),
        c.getString("order-flow.channel"),
        c.getInt("order-flow.stream-id"),
        c.getString("ack.channel"),
        c.getInt("ack.stream-id"),
        c.getInt("fragment-limit"),
        publishChannel.isBlank() ? c.getString("market-data.channel") : publishChannel);
  }
}
