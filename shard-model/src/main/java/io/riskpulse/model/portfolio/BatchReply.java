package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/** The outcomes of {@link PortfolioCommand.ApplyExecutions}, one per execution, in input order. */
public record BatchReply(List<Reply> replies) implements CborSerializable {}
