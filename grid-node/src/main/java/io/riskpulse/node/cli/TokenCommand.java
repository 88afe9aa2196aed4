package io.riskpulse.node.cli;

import io.riskpulse.gateway.grpc.security.Principal;
import io.riskpulse.gateway.grpc.security.Role;
import io.riskpulse.gateway.grpc.security.TokenStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse token}: a new bearer token for the gRPC API and the line of the tokens file that grants it
 * to a principal. Offline: nothing is sent or stored; the file keeps only the token's SHA-256, so this output
 * is the only place the token is shown. Names and desks are restricted to characters that need no quoting in
 * the HOCON line ({@link TokenStore#entryLine} writes them between double quotes as they are).
 */
@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Make a bearer token for the gRPC API and the tokens-file line that grants it (no network).",
        "Example: ./riskpulse token --principal alice --role risk-officer --desk rates --desk credit"})
public final class TokenCommand implements Callable<Integer> {

  /** Letters, digits and {@code . _ @ -}: safe between double quotes in HOCON and in journal rows. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  @Spec CommandSpec spec;

  @Option(names = "--principal", required = true, paramLabel = "NAME",
      description = "Who holds the token; journaled as the author of its commands.")
  String principal;

  @Option(names = "--role", required = true, paramLabel = "ROLE",
      description = "viewer, trader, risk-officer or admin (each includes the ones before it).")
  String role;

  @ArgGroup(exclusive = true)
  Desks desks;

  /** {@code --desk D...} or {@code --all-desks}. */
  static final class Desks {
    @Option(names = "--desk", required = true, paramLabel = "DESK",
        description = "A desk it may see and act on; repeat for more.")
    List<String> names;

    @Option(names = "--all-desks", required = true,
        description = "Every desk, and the scopes wider than a desk (firm, instrument, trader, strategy).")
    boolean all;
  }

  @Override
  public Integer call() {
    Role parsedRole;
    try {
      parsedRole = Role.parse(role);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    checkName("--principal", principal);
    Set<String> granted;
    if (desks == null) {
      if (parsedRole != Role.ADMIN) {
        throw new ParameterException(spec.commandLine(), "give --desk DESK (repeatable) or --all-desks");
      }
      granted = Set.of(Principal.ALL_DESKS);
    } else if (desks.all) {
      granted = Set.of(Principal.ALL_DESKS);
    } else {
      desks.names.forEach(desk -> checkName("--desk", desk));
      granted = Set.copyOf(desks.names);
    }
    Principal holder = new Principal(principal, parsedRole, granted);
    String token = TokenStore.newToken();
    PrintWriter out = spec.commandLine().getOut();
    out.println("# Add the line below to the tokens = [ ... ] list of the node's tokens file "
        + "(riskpulse.grpc.auth.tokens-file; default <data-dir>/grpc/tokens.conf) and restart the node; give "
        + holder.name() + " the token privately: it is shown only here (the file keeps its SHA-256).");
    out.println("token: " + token);
    out.println(TokenStore.entryLine(holder, token));
    out.flush();
    return 0;
  }

  private void checkName(String option, String value) {
    if (!NAME.matcher(value).matches()) {
      throw new ParameterException(spec.commandLine(), option + " '" + value + "': use 1 to 64 letters, digits, "
          + "'.', '_', '@' or '-'");
    }
  }
}
