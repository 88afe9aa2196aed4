package io.riskpulse.gateway.grpc.client;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;

/** Call credentials that send {@code authorization: Bearer <token>} with every call. Immutable. */
public final class BearerToken extends CallCredentials {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String token;

  public BearerToken(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a bearer token is required");
    }
    this.token = token.trim();
  }

  @Override
  public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token);
    applier.apply(headers);
  }

  @Override
  public String toString() {
    return "BearerToken[***]"; // never the token
  }
}
