package io.riskpulse.gateway.grpc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens files: what they map to, what they refuse, and the local credentials a node makes for itself. */
class TokenStoreTest {

  private static TokenStore parse(String text) {
    return TokenStore.parse(ConfigFactory.parseString(text), "test");
  }

  @Test
  void shouldMapATokenToItsPrincipalByItsHashOnly() {
    String token = "s3cret-token";
    Principal alice = new Principal("alice", Role.RISK_OFFICER, Set.of("rates", "credit"));
    TokenStore store = parse("tokens = [ " + TokenStore.entryLine(alice, token) + " ]");
    assertEquals(Optional.of(alice), store.principalFor(token));
    assertEquals(Optional.empty(), store.principalFor("s3cret-tokem"));
    assertEquals(Optional.empty(), store.principalFor(""));
    assertEquals(Optional.empty(), store.principalFor(null));
    assertFalse(TokenStore.entryLine(alice, token).contains(token), "the file never holds the token itself");
    assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", TokenStore.sha256("test"));
  }

  @Test
  void shouldRefuseMalformedEntriesNamingThem() {
    String hash = TokenStore.sha256("t");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("tokens = [ { principal = a, role = boss, "
        + "desks = [x], token-sha256 = \"" + hash + "\" } ]")).getMessage().contains("tokens[0]: unknown role 'boss'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("tokens = [ { principal = a, role = admin, "
        + "desks = [x], token-sha256 = abc } ]")).getMessage().contains("64 hex digits"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("tokens = [ { role = admin, desks = [x], "
        + "token-sha256 = \"" + hash + "\" } ]")).getMessage().contains("principal"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("tokens = ["
        + "{ principal = a, role = admin, desks = [x], token-sha256 = \"" + hash + "\" },"
        + "{ principal = b, role = viewer, desks = [x], token-sha256 = \"" + hash + "\" } ]"))
        .getMessage().contains("tokens[1]: the same token is given to two principals"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("nothing = 1")).getMessage()
        .contains("expected a list"));
  }

  @Test
  void shouldOrderRolesAndDesks() {
    assertTrue(Role.ADMIN.includes(Role.RISK_OFFICER));
    assertTrue(Role.RISK_OFFICER.includes(Role.TRADER));
    assertFalse(Role.TRADER.includes(Role.RISK_OFFICER));
    assertFalse(Role.VIEWER.includes(Role.TRADER));
    assertEquals(Role.RISK_OFFICER, Role.parse("Risk_Officer"));
    Principal desk = new Principal("bob", Role.VIEWER, Set.of("rates"));
    assertTrue(desk.seesDesk("rates"));
    assertFalse(desk.seesDesk("credit"));
    assertFalse(desk.allDesks());
    assertTrue(new Principal("carol", Role.VIEWER, Set.of("*")).seesDesk("credit"));
    assertTrue(new Principal("root", Role.ADMIN, Set.of()).allDesks(), "an admin sees every desk");
  }

  @Test
  void shouldMakeLocalCredentialsOnceWithAnOwnerOnlyAdminToken(@TempDir Path dir) throws Exception {
    Path tokens = LocalCredentials.ensure(dir);
    String token = Files.readString(dir.resolve(LocalCredentials.ADMIN_TOKEN_FILE)).trim();
    assertEquals(43, token.length(), "32 random bytes, URL-safe Base64");
    Principal admin = TokenStore.load(tokens).principalFor(token).orElseThrow();
    assertEquals(LocalCredentials.LOCAL_ADMIN, admin.name());
    assertEquals(Role.ADMIN, admin.role());
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(dir.resolve(LocalCredentials.ADMIN_TOKEN_FILE)));
    assertFalse(Files.readString(tokens).contains(token));

    String before = Files.readString(tokens);
    LocalCredentials.ensure(dir);
    assertEquals(before, Files.readString(tokens), "an existing file is never changed");
    assertNotEquals(TokenStore.newToken(), TokenStore.newToken());
  }
}
