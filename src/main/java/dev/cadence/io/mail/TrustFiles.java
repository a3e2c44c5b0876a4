package dev.cadence.io.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts exactly the certificates of a PEM file ({@code ?trust=PATH}): for a relay signed
 * by a private CA, or a test server. The JDK's PKIX checks still run and Angus still checks the
 * host name against the certificate; there is no way to switch either off.
 */
final class TrustFiles {
  private TrustFiles() {}

  static SSLSocketFactory socketFactory(Path pem) {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(pem)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new ServerUrl.Invalid(
          "trust=" + pem + ": cannot read the file (" + e.getMessage() + ")");
    } catch (GeneralSecurityException e) {
      throw new ServerUrl.Invalid(
          "trust=" + pem + ": not a PEM certificate file (" + e.getMessage() + ")");
    }
    if (certificates.isEmpty()) {
      throw new ServerUrl.Invalid("trust=" + pem + ": the file holds no certificate");
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("trusted-" + n++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "cannot set up TLS with the certificates of " + pem + ": " + e.getMessage(), e);
    }
  }
}
