package io.riskpulse.node;

import com.typesafe.config.Config;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskpulse.gateway.alert.AlertWebhook;
import io.riskpulse.gateway.alert.AlertWebhookSettings;
import io.riskpulse.gateway.halt.OmsAlertSource;
import io.riskpulse.model.alert.AlertBook;
import io.riskpulse.model.alert.AlertBookEnvironment;
import io.riskpulse.model.alert.AlertClient;
import io.riskpulse.model.alert.AlertLog;
import io.riskpulse.model.alert.AlertSettings;
import io.riskpulse.model.alert.AlertSubscribers;
import io.riskpulse.model.alert.KillSwitchAlertSource;
import io.riskpulse.model.alert.PortfolioAlertSource;
import io.riskpulse.model.alert.ScopeLimitsAlertSource;
import io.riskpulse.persistence.AlertProjection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The alerting side of a node: the client of the firm's alert book (list, acknowledge, assign, resolve) and the
 * webhook subscriber when one is configured ({@code riskpulse.alerts.webhook.url}). Subscribe in-process with
 * {@link AlertSubscribers}.
 */
public record AlertServices(AlertClient book, Optional<AlertWebhook> webhook) {

  /** Name of the cluster singleton that logs every notification. */
  public static final String LOG_SUBSCRIBER = "riskpulse-alert-log";
  /** Name of the cluster singleton that POSTs notifications to the webhook. */
  public static final String WEBHOOK_SUBSCRIBER = "riskpulse-alert-webhook";

  /**
   * Wires alerting on this node: the alert book's shard region, the projection from the tagged journal of the
   * portfolios, the kill switch and the OMS gateway (one per cluster), and the log and webhook subscribers (one per
   * cluster each, so every change is logged and POSTed once).
   */
  static AlertServices start(ActorSystem<?> system, Config config, Clock clock, MeterRegistry metrics) {
    AlertSettings settings = AlertSettings.fromConfig(config);
    AlertBook.init(system, new AlertBookEnvironment(clock, settings));
    AlertClient book = new AlertClient(system);
    AlertProjection.startSingleton(system, config.getString("riskpulse.node.read-journal"), book,
        List.of(new PortfolioAlertSource(), new KillSwitchAlertSource(), new ScopeLimitsAlertSource(),
            new OmsAlertSource()),
        AlertProjection.Settings.fromConfig(config));
    if (settings.log()) {
      AlertSubscribers.subscribeOncePerCluster(system, LOG_SUBSCRIBER, new AlertLog());
    }
    Optional<AlertWebhook> webhook = AlertWebhookSettings.fromConfig(config).map(AlertWebhook::new);
    webhook.ifPresent(hook -> {
      hook.bindTo(metrics);
      AlertSubscribers.subscribeOncePerCluster(system, WEBHOOK_SUBSCRIBER, hook);
      // What is queued when the node stops is still sent, within the service-stop phase's timeout.
      CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceStop(), "drain-alert-webhook",
          () -> hook.drained().thenApply(drained -> Done.getInstance()));
      system.log().info("Alert notifications go to the webhook {}", hook.settings().url());
    });
    return new AlertServices(book, webhook);
  }
}
