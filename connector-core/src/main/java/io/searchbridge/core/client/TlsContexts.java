package io.searchbridge.core.client;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Secrets;
import io.searchbridge.core.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS context {@code es.net.ssl.*} describes: a truststore, a PEM CA file, or the JVM's defaults. */
final class TlsContexts {

  private TlsContexts() {}

  static SSLContext build(Settings settings, Secrets secrets) {
    try {
      TrustManagerFactory trust = trustManagers(settings, secrets);
      KeyManagerFactory keys = keyManagers(settings, secrets);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new InvalidSettingException("es.net.ssl", "cannot build the TLS context from es.net.ssl.*: " + e.getMessage());
    }
  }

  private static TrustManagerFactory trustManagers(Settings settings, Secrets secrets) throws GeneralSecurityException {
    Optional<String> ca = settings.get(Keys.NET_SSL_CA_LOCATION);
    Optional<String> truststore = settings.get(Keys.NET_SSL_TRUSTSTORE_LOCATION);
    KeyStore store;
    if (ca.isPresent()) {
      store = caStore(ca.get());
    } else if (truststore.isPresent()) {
      store = load(Keys.NET_SSL_TRUSTSTORE_LOCATION.key(), truststore.get(), settings.get(Keys.NET_SSL_TRUSTSTORE_TYPE),
          secrets.get(Keys.NET_SSL_TRUSTSTORE_PASS).orElse(""));
    } else {
      return null;
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  private static KeyManagerFactory keyManagers(Settings settings, Secrets secrets) throws GeneralSecurityException {
    Optional<String> location = settings.get(Keys.NET_SSL_KEYSTORE_LOCATION);
    if (location.isEmpty()) {
      return null;
    }
    char[] password = secrets.get(Keys.NET_SSL_KEYSTORE_PASS).orElse("").toCharArray();
    KeyStore store = load(Keys.NET_SSL_KEYSTORE_LOCATION.key(), location.get(), settings.get(Keys.NET_SSL_KEYSTORE_TYPE),
        new String(password));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory;
  }

  private static KeyStore caStore(String location) throws GeneralSecurityException {
    try (InputStream in = Files.newInputStream(path(location))) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + n++, certificate);
      }
      if (n == 0) {
        throw new InvalidSettingException(Keys.NET_SSL_CA_LOCATION.key(),
            Keys.NET_SSL_CA_LOCATION.key() + " '" + location + "' holds no PEM certificate");
      }
      return store;
    } catch (IOException e) {
      throw new InvalidSettingException(Keys.NET_SSL_CA_LOCATION.key(),
          "cannot read " + Keys.NET_SSL_CA_LOCATION.key() + " '" + location + "': " + e);
    }
  }

  private static KeyStore load(String key, String location, String type, String password) throws GeneralSecurityException {
    try (InputStream in = Files.newInputStream(path(location))) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password.toCharArray());
      return store;
    } catch (IOException e) {
      throw new InvalidSettingException(key, "cannot read " + key + " '" + location + "' as " + type + ": " + e.getMessage());
    }
  }

  private static Path path(String location) {
    return Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
  }
}
