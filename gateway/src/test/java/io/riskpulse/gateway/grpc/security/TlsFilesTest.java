package io.riskpulse.gateway.grpc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-signed local pair: made once, for localhost and 127.0.0.1, usable by the JDK's TLS on both sides. */
class TlsFilesTest {

  @Test
  void shouldMakeAPairForLocalhostThatTheJdkServesAndTrusts(@TempDir Path dir) throws Exception {
    SelfSignedCertificate.PemPair pair = SelfSignedCertificate.ensure(dir);
    X509Certificate certificate = PemFiles.certificates(pair.certFile()).get(0);
    assertTrue(certificate.getSubjectX500Principal().getName().contains("CN=localhost"));
    assertTrue(certificate.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("localhost")));
    assertTrue(certificate.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("127.0.0.1")));
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(pair.keyFile()));
    assertEquals("TLS", PemFiles.serverContext(pair.certFile(), pair.keyFile()).getProtocol());
    X509TrustManager trust = PemFiles.trustManager(pair.certFile());
    trust.checkServerTrusted(new X509Certificate[] {certificate}, "ECDHE_ECDSA"); // throws if not trusted
    assertEquals(List.of(certificate), List.of(trust.getAcceptedIssuers()));

    String made = Files.readString(pair.certFile());
    SelfSignedCertificate.ensure(dir);
    assertEquals(made, Files.readString(pair.certFile()), "a valid pair is reused");
  }

  @Test
  void shouldRefuseFilesThatAreNotPem(@TempDir Path dir) throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
    assertThrows(IllegalArgumentException.class, () -> PemFiles.certificates(junk));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PemFiles.privateKey(junk)).getMessage()
        .contains("no unencrypted private key"));
  }
}
