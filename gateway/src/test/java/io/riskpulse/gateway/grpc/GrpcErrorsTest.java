package io.riskpulse.gateway.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.riskpulse.model.alert.AlertReply;
import io.riskpulse.model.halt.KillSwitchReply;
import io.riskpulse.model.portfolio.RejectReason;
import io.riskpulse.model.portfolio.Reply;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.pattern.AskTimeoutException;
import org.junit.jupiter.api.Test;

/** The one mapping from failures and refused commands to gRPC status codes. */
class GrpcErrorsTest {

  @Test
  void shouldMapRefusedCommandsToTheCodeAClientActsOn() {
    assertNull(GrpcErrors.refused(Reply.accepted()));
    assertEquals(Status.Code.NOT_FOUND,
        GrpcErrors.refused(Reply.rejected(RejectReason.UNKNOWN_PORTFOLIO, "no P9")).getStatus().getCode());
    assertEquals(Status.Code.FAILED_PRECONDITION,
        GrpcErrors.refused(Reply.rejected(RejectReason.ALREADY_HALTED, "halted")).getStatus().getCode());
    assertEquals(Status.Code.FAILED_PRECONDITION,
        GrpcErrors.refused(Reply.rejected(RejectReason.STILL_BREACHED, "breached")).getStatus().getCode());
    Status invalid = GrpcErrors.refused(Reply.rejected(RejectReason.INVALID_LIMITS, "maxVar: must be > 0"))
        .getStatus();
    assertEquals(Status.Code.INVALID_ARGUMENT, invalid.getCode());
    assertEquals("maxVar: must be > 0", invalid.getDescription());
    assertEquals(Status.Code.FAILED_PRECONDITION, GrpcErrors.refused(new KillSwitchReply(
        KillSwitchReply.Outcome.REJECTED, KillSwitchReply.Reason.ALREADY_HALTED, "ks-1", "already")).getStatus()
        .getCode());
    assertNull(GrpcErrors.refused(new KillSwitchReply(KillSwitchReply.Outcome.PENDING_APPROVAL, null, "ks-1", "")));
    assertEquals(Status.Code.NOT_FOUND, GrpcErrors.refused(AlertReply.rejected(
        AlertReply.Reason.UNKNOWN_INCIDENT, null, "no inc-9")).getStatus().getCode());
  }

  @Test
  void shouldMapTimeoutsToUnavailableAndHideInternalErrors() {
    assertEquals(Status.Code.UNAVAILABLE,
        GrpcErrors.statusOf(new CompletionException(new AskTimeoutException("ask timed out"))).getCode());
    assertEquals(Status.Code.UNAVAILABLE, GrpcErrors.statusOf(new TimeoutException()).getCode());
    assertEquals(Status.Code.INVALID_ARGUMENT,
        GrpcErrors.statusOf(new CompletionException(GrpcErrors.invalidArgument("side", "must be BUY or SELL")))
            .getCode());
    Status internal = GrpcErrors.statusOf(new IllegalStateException("secret internals of desk rates"));
    assertEquals(Status.Code.INTERNAL, internal.getCode());
    assertTrue(internal.getDescription().startsWith("internal error "), internal.getDescription());
    assertTrue(!internal.getDescription().contains("rates"), "no internals in the message");
    assertEquals(Status.Code.INTERNAL, GrpcErrors.codeOf(new IllegalStateException("x")));
    assertEquals(Status.Code.CANCELLED, GrpcErrors.statusOf(
        new org.apache.pekko.http.scaladsl.model.http2.PeerClosedStreamException(7, "CANCEL", 8)).getCode());
    assertEquals(Status.Code.UNAVAILABLE,
        GrpcErrors.statusOf(new org.apache.pekko.stream.AbruptStageTerminationException(null)).getCode());
  }

  @Test
  void shouldNameTheFieldOfAnInvalidArgument() {
    Status status = GrpcErrors.statusOf(Fields.failure(() -> Fields.positive("quantity", Double.NaN)));
    assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
    assertTrue(status.getDescription().startsWith("quantity: "), status.getDescription());
    assertTrue(GrpcErrors.statusOf(Fields.failure(() -> Fields.id("portfolio_id", " "))).getDescription()
        .equals("portfolio_id: required"));
    assertTrue(GrpcErrors.statusOf(Fields.failure(() -> Fields.id("symbol", "x".repeat(65)))).getDescription()
        .startsWith("symbol: longer than 64"));
  }
}
