package io.riskpulse.gateway.grpc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.typesafe.config.ConfigFactory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.grpc.javadsl.MetadataBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.slf4j.LoggerFactory;

/**
 * {@link Access#authorize}: the {@code authorization: Bearer <token>} header, the role check against the RPC's
 * least role, the desk checks, and that neither a denial nor a log line gives the token away.
 */
class AccessTest {

  private static final String VIEWER_TOKEN = "viewer-s3cret-4711";
  private static final String OFFICER_TOKEN = "officer-s3cret-0815";
  private static final String UNKNOWN_TOKEN = "unknown-s3cret-1234";
  private static final Principal VIEWER = new Principal("vera", Role.VIEWER, Set.of("rates"));
  private static final Principal OFFICER = new Principal("otto", Role.RISK_OFFICER, Set.of("rates"));

  private final Access access = new Access(TokenStore.parse(ConfigFactory.parseString("tokens = [ "
      + TokenStore.entryLine(VIEWER, VIEWER_TOKEN) + ", " + TokenStore.entryLine(OFFICER, OFFICER_TOKEN) + " ]"),
      "test"));
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root().detachAppender(logs);
    logs.stop();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static Metadata header(String value) {
    return new MetadataBuilder().addText("authorization", value).build();
  }

  private static Status failure(Executable call) {
    return assertThrows(StatusRuntimeException.class, call).getStatus();
  }

  /** No captured log line, message or argument, holds any of the test's tokens. */
  private void assertNoTokenLogged() {
    for (ILoggingEvent event : logs.list) {
      String line = event.getFormattedMessage() + " " + Arrays.toString(event.getArgumentArray());
      for (String token : List.of(VIEWER_TOKEN, OFFICER_TOKEN, UNKNOWN_TOKEN)) {
        assertFalse(line.contains(token), "logged a token: " + line);
      }
    }
  }

  @Test
  void shouldAuthenticateABearerTokenWhateverTheSchemesCase() {
    for (String value : List.of("Bearer " + OFFICER_TOKEN, "bearer " + OFFICER_TOKEN, "BEARER " + OFFICER_TOKEN,
        "  Bearer   " + OFFICER_TOKEN + "  ")) {
      assertEquals(OFFICER, access.authorize(header(value), Rpc.HALT), value);
    }
    assertEquals(VIEWER, access.authorize(header("bearer " + VIEWER_TOKEN), Rpc.GET_PORTFOLIO));
  }

  @Test
  void shouldRefuseAMissingOrMalformedHeaderAsUnauthenticated() {
    Status missing = failure(() -> access.authorize(MetadataBuilder.empty(), Rpc.GET_PORTFOLIO));
    assertEquals(Status.Code.UNAUTHENTICATED, missing.getCode());
    assertTrue(missing.getDescription().contains("missing"), missing.getDescription());
    for (String value : List.of("Basic " + OFFICER_TOKEN, "Bearer", "Bearer   ", OFFICER_TOKEN,
        "Bearer" + OFFICER_TOKEN, "Token " + OFFICER_TOKEN, "")) {
      Status malformed = failure(() -> access.authorize(header(value), Rpc.GET_PORTFOLIO));
      assertEquals(Status.Code.UNAUTHENTICATED, malformed.getCode(), value);
      assertTrue(malformed.getDescription().startsWith("malformed"), value + ": " + malformed.getDescription());
      assertFalse(malformed.getDescription().contains(OFFICER_TOKEN), "the token is not echoed");
    }
    assertNoTokenLogged();
  }

  @Test
  void shouldRefuseAnUnknownTokenAsUnauthenticatedWithoutEchoingIt() {
    for (String value : List.of("Bearer " + UNKNOWN_TOKEN, "Bearer " + OFFICER_TOKEN.toUpperCase(Locale.ROOT),
        "Bearer " + OFFICER_TOKEN + "x")) {
      Status unknown = failure(() -> access.authorize(header(value), Rpc.GET_PORTFOLIO));
      assertEquals(Status.Code.UNAUTHENTICATED, unknown.getCode(), value);
      assertEquals("unknown token", unknown.getDescription(), value);
    }
    assertNoTokenLogged();
  }

  @Test
  void shouldDenyARoleBelowTheRpcsLeastRoleNamingTheRoleButNotTheToken() {
    for (Rpc rpc : Rpc.values()) {
      if (rpc.minimumRole() == Role.VIEWER) {
        assertEquals(VIEWER, access.authorize(header("Bearer " + VIEWER_TOKEN), rpc), rpc.fullName());
        continue;
      }
      Status denied = failure(() -> access.authorize(header("Bearer " + VIEWER_TOKEN), rpc));
      assertEquals(Status.Code.PERMISSION_DENIED, denied.getCode(), rpc.fullName());
      assertEquals(rpc.fullName() + " needs the " + rpc.minimumRole().configName() + " role",
          denied.getDescription());
      assertFalse(denied.getDescription().contains(VIEWER_TOKEN));
    }
    // The denial is logged with the principal's name, which shows the capture works; never with the token.
    assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("Denied")
        && e.getFormattedMessage().contains(VIEWER.name())), "denials are logged: " + logs.list);
    assertNoTokenLogged();
  }

  @Test
  void shouldDenyAnotherDeskOrAWiderScopeWithoutNamingIt() {
    Status otherDesk = failure(() -> Access.requireDesk(OFFICER, Rpc.HALT, "credit"));
    assertEquals(Status.Code.PERMISSION_DENIED, otherDesk.getCode());
    assertFalse(otherDesk.getDescription().contains("credit"), otherDesk.getDescription());
    Status wider = failure(() -> Access.requireAllDesks(OFFICER, Rpc.HALT));
    assertEquals(Status.Code.PERMISSION_DENIED, wider.getCode());

    Access.requireDesk(OFFICER, Rpc.HALT, "rates");
    Principal admin = new Principal("ada", Role.ADMIN, Set.of());
    Access.requireDesk(admin, Rpc.HALT, "credit");
    Access.requireAllDesks(admin, Rpc.HALT);
    Access.requireAllDesks(new Principal("fiona", Role.VIEWER, Set.of(Principal.ALL_DESKS)), Rpc.GET_FIRM);
  }
}
