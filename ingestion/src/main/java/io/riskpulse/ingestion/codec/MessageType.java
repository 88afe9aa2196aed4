package io.riskpulse.ingestion.codec;

import io.riskpulse.model.orderflow.OrderAction;

/**
 * The message types of wire schema version 1, with their template id (header offset 0) and their fixed frame
 * length in bytes (header included). Template id 0 is never assigned, so a zeroed buffer is never a message.
 *
 * <p>Immutable; safe to use from any thread. {@link #fromTemplateId(int)} does not allocate.
 */
public enum MessageType {
  /** A trade print: {@link TradeDecoder}. */
  TRADE(1, TradeDecoder.LENGTH, null),
  /** Top of book: {@link QuoteDecoder}. */
  QUOTE(2, QuoteDecoder.LENGTH, null),
  /** Five levels of the book on each side: {@link BookUpdateDecoder}. */
  BOOK_UPDATE(3, BookUpdateDecoder.LENGTH, null),
  /** A new order: {@link OrderDecoder}. */
  NEW_ORDER(11, OrderDecoder.LENGTH, OrderAction.NEW),
  /** An order amendment: {@link OrderDecoder}. */
  REPLACE_ORDER(12, OrderDecoder.LENGTH, OrderAction.REPLACE),
  /** A cancel request: {@link OrderDecoder}. */
  CANCEL_ORDER(13, OrderDecoder.LENGTH, OrderAction.CANCEL),
  /** An order rejected by the venue or OMS: {@link OrderDecoder}. */
  ORDER_REJECT(14, OrderDecoder.LENGTH, OrderAction.REJECT),
  /** A fill: {@link ExecutionDecoder}. */
  EXECUTION(15, ExecutionDecoder.LENGTH, null);

  private static final MessageType[] BY_TEMPLATE_ID = new MessageType[16];

  static {
    for (MessageType type : values()) {
      BY_TEMPLATE_ID[type.templateId] = type;
    }
  }

  private final int templateId;
  private final int frameLength;
  private final OrderAction orderAction;

  MessageType(int templateId, int frameLength, OrderAction orderAction) {
    this.templateId = templateId;
    this.frameLength = frameLength;
    this.orderAction = orderAction;
  }

  /** The id written at header offset 0. */
  public int templateId() {
    return templateId;
  }

  /** Total bytes of a frame of this type, header included; every frame of a type has this exact length. */
  public int frameLength() {
    return frameLength;
  }

  /** The order action for the four order-flow types, {@code null} for the others. */
  public OrderAction orderAction() {
    return orderAction;
  }

  /** The type for a template id, or {@code null} when the id is not assigned in this schema version. */
  public static MessageType fromTemplateId(int templateId) {
    return templateId >= 0 && templateId < BY_TEMPLATE_ID.length ? BY_TEMPLATE_ID[templateId] : null;
  }

  /** The order-flow type carrying an action. */
  public static MessageType forOrderAction(OrderAction action) {
    switch (action) {
      case NEW:
        return NEW_ORDER;
      case REPLACE:
        return REPLACE_ORDER;
      case CANCEL:
        return CANCEL_ORDER;
      case REJECT:
        return ORDER_REJECT;
      default:
        throw new IllegalArgumentException("no message type for " + action);
    }
  }
}
