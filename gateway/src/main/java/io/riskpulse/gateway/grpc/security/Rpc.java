package io.riskpulse.gateway.grpc.security;

/**
 * Every RPC of the riskpulse.v1 API with the least role that may call it: the authorization table, in one place.
 * Which desk a call touches is decided by the call itself (its portfolio's desk, its desk, or a scope wider
 * than a desk) and checked with {@link Access}.
 */
public enum Rpc {
  GET_PORTFOLIO("PortfolioService", "GetPortfolio", Role.VIEWER, false),
  LIST_PORTFOLIOS("PortfolioService", "ListPortfolios", Role.VIEWER, false),
  WATCH_PORTFOLIO("PortfolioService", "WatchPortfolio", Role.VIEWER, false),
  WHAT_IF("PortfolioService", "WhatIf", Role.TRADER, false),
  GET_AUDIT_HEAD("PortfolioService", "GetAuditHead", Role.VIEWER, false),
  GET_DETECTION("PortfolioService", "GetDetection", Role.VIEWER, false),
  GET_DESK("DeskService", "GetDesk", Role.VIEWER, false),
  GET_FIRM("DeskService", "GetFirm", Role.VIEWER, false),
  WATCH_DESK("DeskService", "WatchDesk", Role.VIEWER, false),
  SET_LIMITS("ControlService", "SetLimits", Role.RISK_OFFICER, true),
  HALT("ControlService", "Halt", Role.RISK_OFFICER, true),
  RESUME("ControlService", "Resume", Role.RISK_OFFICER, true),
  LIST_HALTS("ControlService", "ListHalts", Role.VIEWER, false),
  SET_RULES("ControlService", "SetRules", Role.RISK_OFFICER, true),
  CHECK_ORDER("PreTradeService", "CheckOrder", Role.TRADER, false),
  LIST_ALERTS("AlertService", "ListAlerts", Role.VIEWER, false),
  WATCH_ALERTS("AlertService", "WatchAlerts", Role.VIEWER, false),
  ACKNOWLEDGE_ALERT("AlertService", "AcknowledgeAlert", Role.RISK_OFFICER, true),
  RESOLVE_ALERT("AlertService", "ResolveAlert", Role.RISK_OFFICER, true);

  private final String service;
  private final String method;
  private final Role minimumRole;
  private final boolean mutating;

  Rpc(String service, String method, Role minimumRole, boolean mutating) {
    this.service = service;
    this.method = method;
    this.minimumRole = minimumRole;
    this.mutating = mutating;
  }

  /** The least role that may call it. */
  public Role minimumRole() {
    return minimumRole;
  }

  /** Whether it changes state; such calls are journaled with the principal and logged (never the token). */
  public boolean mutating() {
    return mutating;
  }

  /** {@code riskpulse.v1.PortfolioService/GetPortfolio}: the gRPC path without the leading slash. */
  public String fullName() {
    return "riskpulse.v1." + service + "/" + method;
  }

  /** {@code riskpulse.v1.PortfolioService}. */
  public String serviceName() {
    return "riskpulse.v1." + service;
  }
}
