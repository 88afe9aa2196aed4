/**
 * How entity events are stored: sealed into a per-entity SHA-256 hash chain ({@link
 * io.riskpulse.model.journal.HashChain}) so the auditor's verifier can prove the journal was not altered, and opened
 * again for readers of the journal ({@link io.riskpulse.model.journal.JournalEvents}).
 */
package io.riskpulse.model.journal;
