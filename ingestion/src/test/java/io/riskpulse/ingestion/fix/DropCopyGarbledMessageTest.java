package io.riskpulse.ingestion.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.ingestion.event.IngestEvent;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import quickfix.field.BeginSeqNo;
import quickfix.field.EncryptMethod;
import quickfix.field.HeartBtInt;
import quickfix.field.MsgType;
import quickfix.field.OrigSendingTime;
import quickfix.field.PossDupFlag;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.Logon;
import quickfix.fix44.Logout;

/**
 * A message with a bad checksum is ignored by the session layer (not rejected, not handed over), the next good
 * message reveals the gap, the acceptor asks for a resend and then processes both in order.
 */
@ExtendWith(LogCapturingExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DropCopyGarbledMessageTest {

  @TempDir
  Path dataDirectory;

  @Test
  void shouldIgnoreGarbledMessageAndRecoverItByResend() throws Exception {
    CollectingSink sink = new CollectingSink();
    try (DropCopyAcceptor acceptor = DropCopyAcceptor.builder(sink).acceptPort(0).dataDirectory(dataDirectory)
        .messageStore(DropCopyAcceptor.MessageStore.MEMORY).build()) {
      acceptor.start();
      try (RawFixClient oms = new RawFixClient(acceptor.localPort())) {
        oms.send(RawFixClient.render(new Logon(new EncryptMethod(EncryptMethod.NONE_OTHER), new HeartBtInt(30)), 1));
        oms.await(MsgType.LOGON);

        ExecutionReport garbled = FixMessages.trade("EX-G", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 10, 187);
        String garbledWire = RawFixClient.render(garbled, 2);
        LocalDateTime originalSendingTime = garbled.getHeader().getUtcTimeStamp(52);
        oms.send(RawFixClient.withWrongChecksum(garbledWire));
        oms.send(RawFixClient.render(
            FixMessages.trade("EX-H", "PF-1", "s", "AAPL", quickfix.field.Side.SELL, 5, 188), 3));

        Map<Integer, String> resendRequest = oms.await(MsgType.RESEND_REQUEST);
        assertEquals("2", resendRequest.get(BeginSeqNo.FIELD));
        assertNull(sink.events.poll(), "nothing is handed over while the gap is open");

        ExecutionReport resent = FixMessages.trade("EX-G", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 10, 187);
        resent.getHeader().setBoolean(PossDupFlag.FIELD, true);
        resent.getHeader().setUtcTimeStamp(OrigSendingTime.FIELD, originalSendingTime.truncatedTo(ChronoUnit.MILLIS));
        oms.send(RawFixClient.render(resent, 2));

        IngestEvent.Fill first = sink.nextEvent(IngestEvent.Fill.class);
        assertEquals(2, first.sequence());
        assertEquals("EX-G", first.execution().executionId());
        IngestEvent.Fill second = sink.nextEvent(IngestEvent.Fill.class);
        assertEquals(3, second.sequence());
        assertEquals("EX-H", second.execution().executionId());

        oms.send(RawFixClient.render(new Logout(), 4));
        oms.await(MsgType.LOGOUT);
      }
      assertTrue(sink.rejections.isEmpty(), sink.rejections.toString());
      assertEquals(1, acceptor.counters().resendRequestsSent());
      assertEquals(0, acceptor.counters().sessionRejectsSent());
    }
  }
}
