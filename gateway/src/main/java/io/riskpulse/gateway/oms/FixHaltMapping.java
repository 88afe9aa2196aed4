package io.riskpulse.gateway.oms;

import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.OpenOrder;
import io.riskpulse.model.halt.ScopeKind;
import io.riskpulse.model.portfolio.Side;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.MassCancelRequestType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderMassCancelRequest;

/**
 * Maps a {@link HaltInstruction} to FIX 4.4 requests (the tables of {@code docs/OMS.md}). Pure and stateless,
 * so thread-safe.
 *
 * <p>Mass cancel (35=q): FIRM → one request, MassCancelRequestType (530) = 7 (all orders); INSTRUMENT → one
 * request, 530 = 1 (orders for a security) with Symbol (55); PORTFOLIO, TRADER, DESK → one request per account,
 * 530 = 7 with Account (1). Account is not part of 35=q in FIX 4.4: it is the common OMS/venue extension for
 * "cancel all orders of this account", and the OMS's answer to it (acknowledgement, 35=j, or a session Reject)
 * decides whether the endpoint falls back to single-order cancels. STRATEGY cannot be expressed in FIX 4.4 and
 * always goes per order.
 *
 * <p>Single-order cancel (35=F): one per open order of the instruction that falls in its scope (checkable from
 * the order: symbol, strategy or account).
 *
 * <p>ClOrdIDs are derived from the halt id only, so that a re-send of the same instruction carries the same
 * ClOrdIDs and the OMS can recognise it: the halt id ({@code H}) for a single 35=q; {@code H.1 .. H.n} for n
 * requests (accounts sorted); {@code H.<orig ClOrdID>} for a 35=F. All are at most {@value #MAX_CLORDID_LENGTH}
 * characters of printable ASCII: a halt id longer than {@value #MAX_STEM_LENGTH} characters (or not printable
 * ASCII) is replaced by the first {@value #MAX_STEM_LENGTH} hex digits of its SHA-256, and an original ClOrdID
 * that does not fit by as many hex digits of its SHA-256 as fit.
 */
final class FixHaltMapping {

  /** Longest ClOrdID produced; 64 is a common OMS/venue limit. */
  static final int MAX_CLORDID_LENGTH = 64;
  /** Longest halt id used verbatim in a ClOrdID. */
  static final int MAX_STEM_LENGTH = 40;
  /** Longest Text (58) sent; longer reasons are cut and end with "...". */
  static final int MAX_TEXT_LENGTH = 120;

  private FixHaltMapping() {}

  /**
   * The mass cancels for an instruction whose scope FIX 4.4 can target (everything but STRATEGY). Empty when an
   * account-bound scope resolved to no accounts.
   *
   * @throws IllegalArgumentException for a STRATEGY scope
   */
  static List<FixRequest> massCancels(HaltInstruction instruction) {
    HaltScope scope = instruction.scope();
    switch (scope.kind()) {
      case FIRM:
        return List.of(massCancel(instruction, clOrdId(instruction.haltId(), 1, 1),
            MassCancelRequestType.CANCEL_ALL_ORDERS, null, null));
      case INSTRUMENT:
        return List.of(massCancel(instruction, clOrdId(instruction.haltId(), 1, 1),
            MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY, null, scope.value()));
      case PORTFOLIO:
      case TRADER:
      case DESK:
        List<String> accounts = List.copyOf(accounts(instruction));
        List<FixRequest> requests = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
          requests.add(massCancel(instruction, clOrdId(instruction.haltId(), i + 1, accounts.size()),
              MassCancelRequestType.CANCEL_ALL_ORDERS, accounts.get(i), null));
        }
        return List.copyOf(requests);
      case STRATEGY:
        throw new IllegalArgumentException("FIX 4.4 has no mass cancel by strategy: " + scope);
      default:
        throw new IllegalStateException(scope.kind().name());
    }
  }

  /** One OrderCancelRequest per distinct open order (by ClOrdID) of the instruction that is in its scope. */
  static List<FixRequest> orderCancels(HaltInstruction instruction) {
    Map<String, OpenOrder> orders = new LinkedHashMap<>();
    for (OpenOrder order : inScope(instruction)) {
      orders.putIfAbsent(order.clOrdId(), order);
    }
    List<FixRequest> requests = new ArrayList<>(orders.size());
    for (OpenOrder order : orders.values()) {
      requests.add(orderCancel(instruction, order));
    }
    return List.copyOf(requests);
  }

  /**
   * The open orders of the instruction that fall in its scope, as far as an order shows it: FIRM all; INSTRUMENT
   * by symbol; STRATEGY by strategy; PORTFOLIO, TRADER and DESK by the instruction's accounts. Guards against
   * cancelling an order the halt does not cover.
   */
  static List<OpenOrder> inScope(HaltInstruction instruction) {
    HaltScope scope = instruction.scope();
    List<OpenOrder> result = new ArrayList<>();
    Set<String> accounts = accounts(instruction);
    for (OpenOrder order : instruction.openOrders()) {
      boolean covered;
      switch (scope.kind()) {
        case FIRM:
          covered = true;
          break;
        case INSTRUMENT:
          covered = scope.value().equals(order.symbol());
          break;
        case STRATEGY:
          covered = scope.value().equals(order.strategy());
          break;
        case PORTFOLIO:
        case TRADER:
        case DESK:
          covered = accounts.contains(order.account());
          break;
        default:
          throw new IllegalStateException(scope.kind().name());
      }
      if (covered) {
        result.add(order);
      }
    }
    return result;
  }

  /**
   * The accounts an account-bound scope covers, sorted: the instruction's accounts, or for a PORTFOLIO scope
   * without any, the portfolio itself. Empty for other scopes.
   */
  static Set<String> accounts(HaltInstruction instruction) {
    ScopeKind kind = instruction.scope().kind();
    Set<String> accounts = new TreeSet<>();
    if (kind == ScopeKind.PORTFOLIO || kind == ScopeKind.TRADER || kind == ScopeKind.DESK) {
      for (String account : instruction.accounts()) {
        if (account != null && !account.isBlank()) {
          accounts.add(account);
        }
      }
      if (accounts.isEmpty() && kind == ScopeKind.PORTFOLIO) {
        accounts.add(instruction.scope().value());
      }
    }
    return accounts;
  }

  /** ClOrdID of request {@code index} (1-based) of {@code count} mass cancels of a halt. */
  static String clOrdId(String haltId, int index, int count) {
    String stem = stem(haltId);
    return count == 1 ? stem : stem + "." + index;
  }

  /** ClOrdID of the single-order cancel of order {@code origClOrdId} for a halt. */
  static String orderClOrdId(String haltId, String origClOrdId) {
    String stem = stem(haltId);
    String candidate = stem + "." + origClOrdId;
    if (candidate.length() <= MAX_CLORDID_LENGTH && printable(origClOrdId)) {
      return candidate;
    }
    return stem + "." + sha256Hex(origClOrdId).substring(0, MAX_CLORDID_LENGTH - stem.length() - 1);
  }

  /** The reason as FIX Text: printable ASCII only (others become '?'), at most {@value #MAX_TEXT_LENGTH} chars. */
  static String text(String reason) {
    return text(reason, "RiskPulse halt");
  }

  /**
   * As {@link #text(String)}, with {@code whenBlank} sent for an empty reason (also used by
   * {@link FixRebalanceMapping}, so that orders and halts sanitise Text alike).
   */
  static String text(String reason, String whenBlank) {
    String source = reason == null || reason.isBlank() ? whenBlank : reason.strip();
    StringBuilder text = new StringBuilder(Math.min(source.length(), MAX_TEXT_LENGTH));
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      text.append(c >= 0x20 && c <= 0x7e ? c : c == '\n' || c == '\r' || c == '\t' ? ' ' : '?');
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      text.setLength(MAX_TEXT_LENGTH - 3);
      text.append("...");
    }
    return text.toString();
  }

  /** FIX Side (54) of a model side. */
  static char side(Side side) {
    return side == Side.BUY ? quickfix.field.Side.BUY : quickfix.field.Side.SELL;
  }

  private static FixRequest massCancel(HaltInstruction instruction, String clOrdId, char type, String account,
      String symbol) {
    OrderMassCancelRequest message = new OrderMassCancelRequest(new ClOrdID(clOrdId), new MassCancelRequestType(type),
        transactTime(instruction));
    StringBuilder label = new StringBuilder("35=q 530=").append(type);
    if (account != null) {
      message.setString(Account.FIELD, account);
      label.append(" 1=").append(account);
    }
    if (symbol != null) {
      message.set(new Symbol(symbol));
      label.append(" 55=").append(symbol);
    }
    message.set(new Text(text(instruction.reason())));
    return new FixRequest(FixRequest.Kind.MASS_CANCEL, clOrdId, "", label.toString(), message);
  }

  private static FixRequest orderCancel(HaltInstruction instruction, OpenOrder order) {
    String clOrdId = orderClOrdId(instruction.haltId(), order.clOrdId());
    OrderCancelRequest message = new OrderCancelRequest(new OrigClOrdID(order.clOrdId()), new ClOrdID(clOrdId),
        new quickfix.field.Side(side(order.side())), transactTime(instruction));
    if (order.account() != null && !order.account().isEmpty()) {
      message.set(new Account(order.account()));
    }
    message.set(new Symbol(order.symbol()));
    message.set(new OrderQty(order.quantity()));
    message.set(new Text(text(instruction.reason())));
    return new FixRequest(FixRequest.Kind.ORDER_CANCEL, clOrdId, order.clOrdId(), "35=F 41=" + order.clOrdId(),
        message);
  }

  /**
   * TransactTime (60) is the time the halt was decided, not the send time, so that every re-send of an instruction
   * is the same request.
   */
  private static TransactTime transactTime(HaltInstruction instruction) {
    return transactTime(instruction.atMillis());
  }

  /** TransactTime (60) of an instant, epoch milliseconds, UTC. */
  static TransactTime transactTime(long atMillis) {
    return new TransactTime(LocalDateTime.ofInstant(Instant.ofEpochMilli(atMillis), ZoneOffset.UTC));
  }

  /**
   * An instruction id as the stem of ClOrdIDs: verbatim when it is at most {@value #MAX_STEM_LENGTH} characters
   * of printable ASCII, else the first {@value #MAX_STEM_LENGTH} hex digits of its SHA-256 (deterministic, so a
   * re-send has the same ClOrdIDs). Also the stem of {@link FixRebalanceMapping}'s ClOrdIDs.
   */
  static String stem(String id) {
    if (id.length() <= MAX_STEM_LENGTH && !id.isEmpty() && printable(id)) {
      return id;
    }
    return sha256Hex(id).substring(0, MAX_STEM_LENGTH);
  }

  /** Printable ASCII without space: safe in any FIX String field and in logs. */
  private static boolean printable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static String sha256Hex(String value) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
