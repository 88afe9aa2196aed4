/**
 * Alerts: the firm's {@link io.riskpulse.model.alert.AlertBook} of incidents, raised from the alert-tagged journal
 * events of portfolios, the kill switch and the OMS gateway, deduplicated and correlated (one incident per
 * episode), with acknowledge, assign and resolve.
 *
 * <ul>
 *   <li>Input: {@link io.riskpulse.model.alert.AlertSignal}s, mapped from journal events by pure
 *       {@link io.riskpulse.model.alert.AlertSource}s ({@link io.riskpulse.model.alert.PortfolioAlertSource},
 *       {@link io.riskpulse.model.alert.KillSwitchAlertSource}; the OMS one lives in the gateway module) and
 *       delivered by the projection in the persistence module.
 *   <li>State and rules: {@link io.riskpulse.model.alert.AlertBook} (correlation rules, exactly-once effect),
 *       {@link io.riskpulse.model.alert.Incident}.
 *   <li>Access: {@link io.riskpulse.model.alert.AlertClient}; delivery:
 *       {@link io.riskpulse.model.alert.AlertNotification} through
 *       {@link io.riskpulse.model.alert.AlertSubscribers}, {@link io.riskpulse.model.alert.AlertLog}.
 * </ul>
 *
 * See docs/LIMITS.md, section "Alerts".
 */
package io.riskpulse.model.alert;
