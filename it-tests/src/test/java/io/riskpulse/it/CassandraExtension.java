package io.riskpulse.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Apache Cassandra node: {@code @ExtendWith(CassandraExtension.class)} on a class tagged
 * {@value #TAG}, and a {@link CassandraNode} parameter where it is needed.
 *
 * <p>One node per test run, shared by every class that uses the extension: it is kept in the root extension
 * context's store, started by the first class (5-10 s here) and closed (stopped) when the root context closes at
 * the end of the run, whether tests passed or failed, or by a shutdown hook if the JVM exits first (see
 * {@link CassandraNode}). Classes isolate their data with keyspaces of their own
 * ({@link CassandraNode#journalConfig}).
 *
 * <p>Skip these tests locally with {@code -Driskpulse.excludedTags=cassandra} (CI runs everything). Thread-safety:
 * the store computes the node once.
 */
public final class CassandraExtension implements BeforeAllCallback, ParameterResolver {

  /** The JUnit tag of tests that start Cassandra. */
  public static final String TAG = "cassandra";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CassandraExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    node(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CassandraNode.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return node(context);
  }

  private static CassandraNode node(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(CassandraNode.class, key -> CassandraNode.start(), CassandraNode.class);
  }
}
