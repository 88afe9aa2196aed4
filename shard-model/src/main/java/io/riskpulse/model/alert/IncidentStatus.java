package io.riskpulse.model.alert;

/**
 * Where a person is with an incident. Independent of whether its condition is still there
 * ({@link Incident#active()}): an incident whose breach ended by itself stays OPEN until someone resolves it.
 */
public enum IncidentStatus {
  /** Raised; nobody has taken it yet. */
  OPEN,
  /** Someone said they are looking at it. */
  ACKNOWLEDGED,
  /** Closed by a person with a note. Final: a resolved incident is never reopened; a new episode opens a new one. */
  RESOLVED
}
