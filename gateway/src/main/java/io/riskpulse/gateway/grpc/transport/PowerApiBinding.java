package io.riskpulse.gateway.grpc.transport;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.riskpulse.gateway.grpc.GrpcErrors;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.grpc.ServiceDescription;
import org.apache.pekko.grpc.internal.GrpcMetadataImpl;
import org.apache.pekko.grpc.internal.JavaMetadataImpl;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Serves a pekko-grpc "power API" implementation (the generated {@code *PowerApi} interface: each RPC a method
 * taking the request and the call's metadata) on grpc-java's server: one {@link ServerServiceDefinition} per
 * service, with protobuf marshalling, the caller's headers handed over as pekko-grpc {@code Metadata}, and
 * failures mapped by {@link GrpcErrors} as on the pekko-http transport.
 *
 * <p>Why: pekko-http's HTTP/2 server cost about 1 ms per unary call on this project's machines before any work
 * (docs/PERFORMANCE.md, section 8); on grpc-java's Netty server the same services answer GetPortfolio at 5,000
 * calls/s with a p99 of 2.6 ms against 80 ms, on less CPU (section 18). The services, their security and their
 * tests stay pekko-grpc's; only the transport changes.
 *
 * <p>The RPCs come from the service's protobuf descriptor (so every RPC of the {@code .proto} is bound, or the
 * node fails at start naming the missing one) and are matched to the interface's methods by pekko-grpc's naming
 * (the RPC name with a lower-case first letter). Unary and server-streaming RPCs are supported; the API has no
 * other kind, and binding one fails at start.
 *
 * <p>Handlers run on the thread grpc-java delivers the call on and never block: they start the call and return;
 * answers go out on the thread that completes them. Thread-safe once built.
 */
public final class PowerApiBinding {

  /** The headers of the call being handled, for the handler's thread (grpc-java's context). */
  private static final Context.Key<Metadata> HEADERS = Context.key("riskpulse-grpc-headers");

  private PowerApiBinding() {}

  /**
   * The grpc-java definition of one service.
   *
   * @param description the generated service's description ({@code XxxService.description})
   * @param api the generated power-API interface ({@code XxxServicePowerApi.class})
   * @param implementation the service
   * @param materializer runs the sources of server-streaming RPCs
   * @throws IllegalArgumentException if an RPC has no method or is of an unsupported kind
   */
  public static <A> ServerServiceDefinition bind(ServiceDescription description, Class<A> api, A implementation,
      Materializer materializer) {
    String serviceName = description.name();
    Descriptors.ServiceDescriptor service = description.descriptor()
        .findServiceByName(serviceName.substring(serviceName.lastIndexOf('.') + 1));
    if (service == null) {
      throw new IllegalArgumentException("no service " + serviceName + " in " + description.descriptor().getName());
    }
    ServerServiceDefinition.Builder builder = ServerServiceDefinition.builder(serviceName);
    for (Descriptors.MethodDescriptor rpc : service.getMethods()) {
      Method method = javaMethod(api, rpc);
      if (rpc.isClientStreaming()) {
        throw new IllegalArgumentException("client-streaming RPC " + rpc.getFullName() + " is not supported");
      }
      builder.addMethod(methodDescriptor(rpc, method),
          rpc.isServerStreaming() ? serverStreaming(implementation, method, materializer) : unary(implementation, method));
    }
    return ServerInterceptors.intercept(builder.build(), new HeadersToContext());
  }

  private static Method javaMethod(Class<?> api, Descriptors.MethodDescriptor rpc) {
    String name = Character.toLowerCase(rpc.getName().charAt(0)) + rpc.getName().substring(1);
    for (Method method : api.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == 2
          && method.getParameterTypes()[1] == org.apache.pekko.grpc.javadsl.Metadata.class) {
        return method;
      }
    }
    throw new IllegalArgumentException("no method " + name + "(request, Metadata) on " + api.getName()
        + " for RPC " + rpc.getFullName());
  }

  @SuppressWarnings("unchecked")
  private static MethodDescriptor<Message, Message> methodDescriptor(Descriptors.MethodDescriptor rpc,
      Method method) {
    Message request = defaultInstance(method.getParameterTypes()[0]);
    Type returned = method.getGenericReturnType();
    Message response = defaultInstance((Class<?>) ((ParameterizedType) returned).getActualTypeArguments()[0]);
    return MethodDescriptor.<Message, Message>newBuilder()
        .setType(rpc.isServerStreaming() ? MethodDescriptor.MethodType.SERVER_STREAMING
            : MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(rpc.getService().getFullName(), rpc.getName()))
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .setSchemaDescriptor(rpc)
        .build();
  }

  private static Message defaultInstance(Class<?> type) {
    try {
      return (Message) type.getMethod("getDefaultInstance").invoke(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException("not a generated protobuf message: " + type.getName(), e);
    }
  }

  /** The call's headers as the pekko-grpc metadata the services read (the same wrapper pekko-grpc uses). */
  private static org.apache.pekko.grpc.javadsl.Metadata metadata() {
    Metadata headers = HEADERS.get();
    return new JavaMetadataImpl(new GrpcMetadataImpl(headers != null ? headers : new Metadata()));
  }

  /** Calls the service; an exception it throws (rather than returns as a failed stage) comes back unwrapped. */
  private static Object invoke(Object implementation, Method method, Message request) throws Throwable {
    try {
      return method.invoke(implementation, request, metadata());
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static ServerCallHandler<Message, Message> unary(Object implementation, Method method) {
    return ServerCalls.asyncUnaryCall((Message request, StreamObserver<Message> observer) -> {
      CompletionStage<?> answer;
      try {
        answer = (CompletionStage<?>) invoke(implementation, method, request);
      } catch (Throwable failure) {
        fail(observer, failure);
        return;
      }
      ServerCallStreamObserver<Message> call = (ServerCallStreamObserver<Message>) observer;
      answer.whenComplete((response, failure) -> {
        if (call.isCancelled()) {
          return; // the client went away (cancelled, or its deadline passed): nobody to answer
        }
        if (failure != null) {
          fail(call, failure);
        } else {
          call.onNext((Message) response);
          call.onCompleted();
        }
      });
    });
  }

  @SuppressWarnings("unchecked")
  private static ServerCallHandler<Message, Message> serverStreaming(Object implementation, Method method,
      Materializer materializer) {
    return ServerCalls.asyncServerStreamingCall((Message request, StreamObserver<Message> observer) -> {
      Source<Message, NotUsed> source;
      try {
        source = (Source<Message, NotUsed>) invoke(implementation, method, request);
      } catch (Throwable failure) {
        fail(observer, failure);
        return;
      }
      StreamedResponse.start(source, (ServerCallStreamObserver<Message>) observer, materializer);
    });
  }

  /** Ends the call with the status {@link GrpcErrors} gives the failure. */
  static void fail(StreamObserver<?> observer, Throwable failure) {
    Status status = GrpcErrors.statusOf(failure);
    observer.onError(status.asRuntimeException());
  }

  /** Puts each call's headers in its grpc-java context, where {@link #metadata()} reads them. */
  private static final class HeadersToContext implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      return Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, headers, next);
    }
  }
}
