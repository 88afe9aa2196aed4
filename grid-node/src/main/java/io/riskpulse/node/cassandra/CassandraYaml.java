package io.riskpulse.node.cassandra;

/**
 * Renders the configuration of a single local Cassandra 5.0 node: the minimal {@code cassandra.yaml} (one token,
 * loopback only, no authentication, SimpleSnitch so the datacenter is {@value #DATACENTER}, small memtables and
 * commit log segments for a laptop or a CI machine) and a logback configuration at INFO. Stateless; thread-safe.
 */
final class CassandraYaml {

  /** The datacenter SimpleSnitch puts the node in: the driver's {@code local-datacenter}. */
  static final String DATACENTER = "datacenter1";

  private CassandraYaml() {}

  static String yaml(CassandraFiles files, int nativePort, int storagePort) {
    return String.join("\n",
        "# Written by RiskPulse's CassandraLauncher at every start: a single local node. Do not edit; see",
        "# deploy/cassandra/README.md for a production cluster.",
        "cluster_name: 'riskpulse-local'",
        "num_tokens: 1",
        "initial_token: 0",
        "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
        "authenticator: AllowAllAuthenticator",
        "authorizer: AllowAllAuthorizer",
        "data_file_directories:",
        "  - " + quoted(files.data()),
        "commitlog_directory: " + quoted(files.commitLog()),
        "saved_caches_directory: " + quoted(files.savedCaches()),
        "hints_directory: " + quoted(files.hints()),
        "cdc_raw_directory: " + quoted(files.cdcRaw()),
        "seed_provider:",
        "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
        "    parameters:",
        "      - seeds: \"" + CassandraLauncher.HOST + ":" + storagePort + "\"",
        "listen_address: " + CassandraLauncher.HOST,
        "rpc_address: " + CassandraLauncher.HOST,
        "storage_port: " + storagePort,
        "native_transport_port: " + nativePort,
        "start_native_transport: true",
        "endpoint_snitch: SimpleSnitch",
        "commitlog_sync: periodic",
        "commitlog_sync_period: 10000ms",
        "commitlog_segment_size: 8MiB",
        "memtable_heap_space: 128MiB",
        "memtable_offheap_space: 128MiB",
        "auto_snapshot: false",
        "");
  }

  static String logback() {
    return String.join("\n",
        "<configuration>",
        "  <appender name=\"STDOUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
        "    <encoder><pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern></encoder>",
        "  </appender>",
        "  <root level=\"INFO\"><appender-ref ref=\"STDOUT\"/></root>",
        "</configuration>",
        "");
  }

  private static String quoted(java.nio.file.Path path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }
}
