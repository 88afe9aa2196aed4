/**
 * FIX 4.4 drop copy: a QuickFIX/J acceptor to which the OMS (or a venue) copies its order flow and fills.
 *
 * <ul>
 *   <li>{@link io.riskpulse.ingestion.fix.DropCopyAcceptor}: lifecycle and configuration (standard QuickFIX/J
 *       settings file, default {@code riskpulse/fix/dropcopy.cfg}).
 *   <li>{@link io.riskpulse.ingestion.fix.DropCopyTranslator}: the FIX → domain mapping, a pure function of one
 *       message, returning a {@link io.riskpulse.ingestion.fix.Translation}.
 *   <li>{@link io.riskpulse.ingestion.fix.DropCopyCounters}: per message type and outcome, and session events.
 * </ul>
 *
 * <p>The session layer (sequence numbers, resends, checksums, dictionary validation) is QuickFIX/J's; this
 * package only decides what an application message means. See {@code docs/FIX.md}.
 */
package io.riskpulse.ingestion.fix;
