package io.riskpulse.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /metrics}: every meter of the node's registry in the Prometheus text exposition format
 * (ingestion counters, latency histograms, JVM), for a Prometheus scraper.
 */
public final class MetricsRoutes extends AllDirectives {

  private static final ContentType.NonBinary PROMETHEUS_TEXT =
      MediaTypes.TEXT_PLAIN.toContentType(HttpCharsets.UTF_8);

  private final PrometheusMeterRegistry registry;

  public MetricsRoutes(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  public Route routes() {
    return path("metrics", () -> get(() -> complete(HttpEntities.create(PROMETHEUS_TEXT, registry.scrape()))));
  }
}
