package io.riskpulse.gateway.grpc;

import java.net.InetSocketAddress;

/**
 * Where the gRPC API listens once bound; it unbinds in coordinated shutdown. Immutable.
 *
 * @param localAddress the bound address (with the port picked when the configured port is 0)
 * @param transport the server serving it: {@code netty} (grpc-java) or {@code pekko-http}
 * @param tls the TLS implementation in use: {@code openssl} (BoringSSL), {@code jdk}, or {@code off} without TLS
 */
public record GrpcBinding(InetSocketAddress localAddress, String transport, String tls) {}
