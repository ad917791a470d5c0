package io.searchbridge.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A keystore of secret settings in ES-Hadoop's format ({@code elasticsearch-hadoop-keystore}): one
 * secret-key entry per setting, aliased by the setting's name, whose encoded key bytes are the value
 * in UTF-8, protected by the store's password.
 */
final class SecretKeystore {

  /** The password ES-Hadoop's tool always uses; its keystores are protected by file permissions. */
  static final String ES_HADOOP_PASSWORD = "changeme";

  private final String location;
  private final KeyStore store;
  private final KeyStore.PasswordProtection protection;

  private SecretKeystore(String location, KeyStore store, char[] password) {
    this.location = location;
    this.store = store;
    this.protection = new KeyStore.PasswordProtection(password);
  }

  static SecretKeystore open(String location, String type, Optional<String> password) {
    char[] chars = password.orElse(ES_HADOOP_PASSWORD).toCharArray();
    String key = Keys.KEYSTORE_LOCATION.key();
    Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, chars);
      return new SecretKeystore(location, store, chars);
    } catch (IOException | GeneralSecurityException e) {
      // The message of a wrong password is "keystore password was incorrect"; it never holds the password.
      throw new InvalidSettingException(key, "cannot open " + key + " '" + location + "' as " + type + " ("
          + Keys.KEYSTORE_TYPE.key() + ") with " + Keys.KEYSTORE_PASS.key() + ": " + e);
    }
  }

  /** The value stored under {@code alias} (a setting's name), if the store has it. */
  Optional<String> entry(String alias) {
    try {
      if (!store.containsAlias(alias)) {
        return Optional.empty();
      }
      if (!(store.getEntry(alias, protection) instanceof KeyStore.SecretKeyEntry secret)) {
        throw new InvalidSettingException(Keys.KEYSTORE_LOCATION.key(), "entry [" + alias + "] of "
            + Keys.KEYSTORE_LOCATION.key() + " '" + location + "' is not a secret entry");
      }
      return Optional.of(new String(secret.getSecretKey().getEncoded(), StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new InvalidSettingException(Keys.KEYSTORE_LOCATION.key(), "cannot read entry [" + alias + "] of "
          + Keys.KEYSTORE_LOCATION.key() + " '" + location + "': " + e);
    }
  }

  /** Aliases starting with {@code prefix}; PKCS12 stores them lower-cased, so the match ignores case. */
  List<String> aliasesUnder(String prefix) {
    try {
      String lower = prefix.toLowerCase(Locale.ROOT);
      return Collections.list(store.aliases()).stream()
          .filter(alias -> alias.toLowerCase(Locale.ROOT).startsWith(lower)).toList();
    } catch (GeneralSecurityException e) {
      throw new InvalidSettingException(Keys.KEYSTORE_LOCATION.key(), "cannot list the entries of "
          + Keys.KEYSTORE_LOCATION.key() + " '" + location + "': " + e);
    }
  }
}
