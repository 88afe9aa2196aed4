package io.riskpulse.gateway.grpc.security;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for local use: an EC P-256 key and a certificate for {@code localhost} and
 * {@code 127.0.0.1} valid for a year, written once as PEM ({@code cert.pem}, {@code key.pem} as unencrypted
 * PKCS#8, readable by the owner only) and reused while it is valid. Clients on the same machine trust
 * {@code cert.pem} itself. Made with Bouncy Castle, not by hand.
 */
public final class SelfSignedCertificate {

  /** The certificate file name in the folder. */
  public static final String CERT_FILE = "cert.pem";
  /** The private key file name in the folder. */
  public static final String KEY_FILE = "key.pem";
  private static final Duration VALIDITY = Duration.ofDays(365);
  /** Renewed when less than this is left, so a node never starts with a certificate about to expire. */
  private static final Duration RENEW_BEFORE = Duration.ofDays(7);

  private SelfSignedCertificate() {}

  /**
   * The pair in {@code folder}, made (or remade, when missing, unreadable or about to expire) if needed.
   *
   * @return the certificate and key files
   */
  public static PemPair ensure(Path folder) {
    PemPair pair = new PemPair(folder.resolve(CERT_FILE), folder.resolve(KEY_FILE));
    if (Files.isRegularFile(pair.certFile()) && Files.isRegularFile(pair.keyFile())) {
      try {
        X509Certificate existing = PemFiles.certificates(pair.certFile()).get(0);
        if (existing.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))) {
          return pair;
        }
      } catch (RuntimeException e) {
        // unreadable: made again below
      }
    }
    write(folder, pair);
    return pair;
  }

  private static void write(Path folder, PemPair pair) {
    try {
      Files.createDirectories(folder);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair keys = generator.generateKeyPair();
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=localhost, O=RiskPulse local node");
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
          new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
          Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
      // A CA certificate, so that clients that insist on a CA in their trust store accept it as its own root.
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      writeAtomically(pair.keyFile(), pem(new JcaPKCS8Generator(keys.getPrivate(), null)), true);
      writeAtomically(pair.certFile(), pem(certificate), false);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the self-signed certificate under " + folder, e);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }

  private static void writeAtomically(Path file, String content, boolean ownerOnly) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, content, StandardCharsets.US_ASCII);
    if (ownerOnly) {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: left to the platform's defaults
      }
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A certificate chain file and its private key file, both PEM. */
  public record PemPair(Path certFile, Path keyFile) {}
}
