package io.riskpulse.model.pretrade;

import io.riskpulse.model.CborSerializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer to a pre-trade check: accept, or reject with every check that failed.
 *
 * @param portfolioId the order's portfolio
 * @param clOrdId the order's ClOrdID
 * @param accepted whether the order may be sent
 * @param failures every failed check (empty when accepted)
 * @param note why an order was accepted without being checked (configured fail-open on an unavailable
 *     portfolio), else {@code ""}
 * @param atMillis when it was decided, epoch milliseconds
 */
public record PreTradeDecision(String portfolioId, String clOrdId, boolean accepted, List<CheckFailure> failures,
    String note, long atMillis) implements CborSerializable {

  public PreTradeDecision {
    failures = failures == null ? List.of() : List.copyOf(failures);
    note = note == null ? "" : note;
  }

  public static PreTradeDecision of(OrderRequest order, List<CheckFailure> failures, long atMillis) {
    return new PreTradeDecision(order.portfolioId(), order.clOrdId(), failures.isEmpty(), failures, "", atMillis);
  }

  /** Whether {@code check} is among the failures. */
  public boolean failed(PreTradeCheck check) {
    return failures.stream().anyMatch(f -> f.check() == check);
  }

  /** One line: {@code ACCEPT} or {@code REJECT: check; check}. */
  public String describe() {
    if (accepted) {
      return note.isEmpty() ? "ACCEPT" : "ACCEPT (" + note + ")";
    }
    return "REJECT: " + failures.stream().map(CheckFailure::describe).collect(Collectors.joining("; "));
  }
}
