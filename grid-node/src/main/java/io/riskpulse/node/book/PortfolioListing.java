package io.riskpulse.node.book;

/**
 * One line of a portfolio list file ({@link PortfolioListFile}): a portfolio the node should open, who owns it and
 * what it starts with.
 *
 * @param portfolioId the portfolio's id, as executions and orders name it
 * @param desk the desk it aggregates into (its limits and gRPC visibility follow the desk)
 * @param trader the trader responsible for it
 * @param initialCash cash at opening, in the reporting currency; finite and not negative
 */
public record PortfolioListing(String portfolioId, String desk, String trader, double initialCash) {}
