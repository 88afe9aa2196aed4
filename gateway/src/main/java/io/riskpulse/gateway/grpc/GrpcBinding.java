package io.riskpulse.gateway.grpc;

import java.net.InetSocketAddress;

/**
 * Where the gRPC API listens once bound; it unbinds in coordinated shutdown. Immutable.
 *
 * @param localAddress the bound address (with the port picked when the configured port is 0)
 * @param transport the server serving it: {@code netty} (grpc-java) or {@code pekko-http}
 */
public record GrpcBinding(InetSocketAddress localAddress, String transport) {}
