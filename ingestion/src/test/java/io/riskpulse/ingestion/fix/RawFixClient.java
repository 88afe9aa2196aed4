package io.riskpulse.ingestion.fix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import quickfix.Message;
import quickfix.field.MsgSeqNum;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.TargetCompID;

/**
 * A bare TCP FIX client for the tests QuickFIX/J's initiator cannot do, such as sending a message with a wrong
 * checksum. Messages are built with QuickFIX/J classes ({@code toString()} fills BodyLength and CheckSum) and
 * sent as bytes; incoming messages are split on the CheckSum trailer and read as tag → value maps.
 */
final class RawFixClient implements AutoCloseable {

  private static final char SOH = '\u0001';

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final StringBuilder received = new StringBuilder();

  RawFixClient(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(CollectingSink.TIMEOUT_SECONDS));
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Stamps the header (OMS1 → RISKPULSE, the sequence number, now) and renders the wire form. */
  static String render(Message message, int seqNum) {
    Message.Header header = message.getHeader();
    header.setString(SenderCompID.FIELD, "OMS1");
    header.setString(TargetCompID.FIELD, "RISKPULSE");
    header.setInt(MsgSeqNum.FIELD, seqNum);
    header.setUtcTimeStamp(SendingTime.FIELD, LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    return message.toString();
  }

  /** The same wire form with a CheckSum (10) that does not match the bytes. */
  static String withWrongChecksum(String wire) {
    int at = wire.lastIndexOf(SOH + "10=") + 4;
    int checksum = Integer.parseInt(wire.substring(at, at + 3));
    return wire.substring(0, at) + String.format("%03d", (checksum + 1) % 256) + SOH;
  }

  void send(String wire) throws IOException {
    out.write(wire.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads messages until one of this type arrives (others are skipped); fails after the socket timeout. */
  Map<Integer, String> await(String msgType) throws IOException {
    while (true) {
      Map<Integer, String> message = next();
      if (msgType.equals(message.get(35))) {
        return message;
      }
    }
  }

  private Map<Integer, String> next() throws IOException {
    byte[] buffer = new byte[4096];
    while (true) {
      int end = endOfFirstMessage();
      if (end > 0) {
        String wire = received.substring(0, end);
        received.delete(0, end);
        Map<Integer, String> fields = new HashMap<>();
        for (String field : wire.split(String.valueOf(SOH))) {
          int eq = field.indexOf('=');
          fields.put(Integer.parseInt(field.substring(0, eq)), field.substring(eq + 1));
        }
        return fields;
      }
      int read = in.read(buffer);
      assertTrue(read > 0, "connection closed by the acceptor");
      received.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
    }
  }

  private int endOfFirstMessage() {
    int trailer = received.indexOf(SOH + "10=");
    if (trailer < 0) {
      return -1;
    }
    int end = received.indexOf(String.valueOf(SOH), trailer + 1);
    return end < 0 ? -1 : end + 1;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
