package io.riskpulse.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.riskpulse.gateway.grpc.security.Principal;
import io.riskpulse.gateway.grpc.security.Role;
import io.riskpulse.gateway.grpc.security.TokenStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code riskpulse token}: a new token and the tokens-file line that maps exactly that token to the principal. */
class TokenCommandTest {

  /** What one command run printed and returned. */
  private record Run(int exitCode, List<String> lines, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new RiskpulseCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(exitCode, out.toString().lines().toList(), err.toString());
  }

  /** The principal the printed line grants to the printed token, as the node would read the tokens file. */
  private static Optional<Principal> parse(Run run) {
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(3, run.lines().size(), "explanation, token, line: " + run.lines());
    assertTrue(run.lines().get(0).startsWith("# Add the line below to the tokens = [ ... ] list"));
    assertTrue(run.lines().get(1).startsWith("token: "), run.lines().get(1));
    String token = run.lines().get(1).substring("token: ".length());
    TokenStore store = TokenStore.parse(ConfigFactory.parseString("tokens = [\n" + run.lines().get(2) + "\n]"),
        "printed line");
    assertEquals(Optional.empty(), store.principalFor(token + "x"));
    return store.principalFor(token);
  }

  @Test
  void shouldPrintATokenAndTheLineThatGrantsItToThePrincipal() {
    Run run = run("token", "--principal", "alice", "--role", "risk-officer", "--desk", "rates", "--desk", "credit");
    assertEquals(Optional.of(new Principal("alice", Role.RISK_OFFICER, Set.of("rates", "credit"))), parse(run));
  }

  @Test
  void shouldGrantEveryDeskAndMakeADifferentTokenEachTime() {
    Run first = run("token", "--principal", "ops", "--role", "viewer", "--all-desks");
    assertEquals(Optional.of(new Principal("ops", Role.VIEWER, Set.of(Principal.ALL_DESKS))), parse(first));
    Run second = run("token", "--principal", "ops", "--role", "viewer", "--all-desks");
    assertNotEquals(first.lines().get(1), second.lines().get(1));
  }

  @Test
  void shouldRefuseBadRolesNamesAndMissingDesks() {
    String[][] cases = {
        {"unknown role 'boss'", "--principal", "a", "--role", "boss", "--desk", "rates"},
        {"give --desk DESK (repeatable) or --all-desks", "--principal", "a", "--role", "trader"},
        {"--principal 'a\"b'", "--principal", "a\"b", "--role", "trader", "--desk", "rates"},
        {"--desk 'ra tes'", "--principal", "a", "--role", "trader", "--desk", "ra tes"},
        {"mutually exclusive", "--principal", "a", "--role", "trader", "--desk", "rates", "--all-desks"}};
    for (String[] c : cases) {
      String[] args = new String[c.length];
      args[0] = "token";
      System.arraycopy(c, 1, args, 1, c.length - 1);
      Run run = run(args);
      assertEquals(2, run.exitCode(), String.join(" ", args));
      assertTrue(run.err().contains(c[0]), c[0] + " not in: " + run.err());
      assertEquals(List.of(), run.lines(), "no token printed");
    }
  }
}
