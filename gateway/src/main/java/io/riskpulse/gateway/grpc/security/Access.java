package io.riskpulse.gateway.grpc.security;

import io.riskpulse.gateway.grpc.GrpcErrors;
import java.util.Optional;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a call from its {@code authorization: Bearer <token>} header and authorizes it against the
 * {@link Rpc} table and the principal's desks. Denials carry no data: the message names neither the desk nor
 * anything about the resource. Tokens are never logged. Thread-safe (immutable).
 */
public final class Access {

  private static final Logger log = LoggerFactory.getLogger(Access.class);
  private static final String BEARER = "bearer ";

  private final TokenStore tokens;

  public Access(TokenStore tokens) {
    this.tokens = tokens;
  }

  /**
   * The principal making the call, if its role allows {@code rpc}.
   *
   * @throws io.grpc.StatusRuntimeException UNAUTHENTICATED without a known token, PERMISSION_DENIED when the role
   *     is below the RPC's minimum
   */
  public Principal authorize(Metadata metadata, Rpc rpc) {
    Optional<String> header = metadata.getText("authorization");
    if (header.isEmpty()) {
      throw GrpcErrors.unauthenticated("missing authorization header: expected 'Bearer <token>'");
    }
    String value = header.get().trim();
    if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw GrpcErrors.unauthenticated("malformed authorization header: expected 'Bearer <token>'");
    }
    Principal principal = tokens.principalFor(value.substring(BEARER.length()).trim())
        .orElseThrow(() -> GrpcErrors.unauthenticated("unknown token"));
    if (!principal.role().includes(rpc.minimumRole())) {
      log.info("Denied {} to {}: needs role {}", rpc.fullName(), principal.name(), rpc.minimumRole().configName());
      throw GrpcErrors.permissionDenied(rpc.fullName() + " needs the " + rpc.minimumRole().configName() + " role");
    }
    return principal;
  }

  /** @throws io.grpc.StatusRuntimeException PERMISSION_DENIED unless the principal may see {@code desk} */
  public static void requireDesk(Principal principal, Rpc rpc, String desk) {
    if (!principal.seesDesk(desk)) {
      log.info("Denied {} to {}: not one of its desks", rpc.fullName(), principal.name());
      throw GrpcErrors.permissionDenied("not permitted for this principal");
    }
  }

  /** @throws io.grpc.StatusRuntimeException PERMISSION_DENIED unless the principal may see every desk */
  public static void requireAllDesks(Principal principal, Rpc rpc) {
    if (!principal.allDesks()) {
      log.info("Denied {} to {}: needs every desk", rpc.fullName(), principal.name());
      throw GrpcErrors.permissionDenied("this scope needs a principal with every desk");
    }
  }
}
