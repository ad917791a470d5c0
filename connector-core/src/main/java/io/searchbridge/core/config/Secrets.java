package io.searchbridge.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The values of secret settings, wherever they come from: ES-Hadoop's keystore ({@code
 * es.keystore.location}, whose entry wins, as in ES-Hadoop), a file named by {@code <key>.file}, or
 * the setting itself. Files and keystores are read where the client opens (driver and executors
 * alike), so the secret itself never has to be a job option.
 */
public final class Secrets {

  static final String FILE_SUFFIX = ".file";

  private final Settings settings;
  private final Optional<SecretKeystore> keystore;

  private Secrets(Settings settings, Optional<SecretKeystore> keystore) {
    this.settings = settings;
    this.keystore = keystore;
  }

  /** @throws InvalidSettingException when {@code es.keystore.location} is set but cannot be read */
  public static Secrets of(Settings settings) {
    Optional<SecretKeystore> keystore = settings.get(Keys.KEYSTORE_LOCATION).map(location -> SecretKeystore.open(
        location, settings.get(Keys.KEYSTORE_TYPE), password(settings)));
    return new Secrets(settings, keystore);
  }

  /** The keystore's own password cannot come from itself: a file or the setting, else ES-Hadoop's default. */
  private static Optional<String> password(Settings settings) {
    return new Secrets(settings, Optional.empty()).get(Keys.KEYSTORE_PASS);
  }

  /** The value of one secret setting, e.g. {@link Keys#NET_HTTP_AUTH_PASS}. */
  public Optional<String> get(Setting<Optional<String>> secret) {
    return value(secret.key());
  }

  /**
   * The secret family under {@code prefix} (e.g. {@code es.net.http.header.}), name to value, with
   * {@code <prefix><name>.file} read from its file and keystore entries under the prefix added.
   */
  public Map<String, String> byPrefix(String prefix) {
    Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : settings.byPrefix(prefix).keySet()) {
      String bare = name.endsWith(FILE_SUFFIX) ? name.substring(0, name.length() - FILE_SUFFIX.length()) : name;
      value(prefix + bare).ifPresent(value -> values.put(bare, value));
    }
    keystore.ifPresent(store -> store.aliasesUnder(prefix).forEach(
        alias -> values.put(alias.substring(prefix.length()), store.entry(alias).orElseThrow())));
    return values;
  }

  /**
   * Every credential value these settings give, wherever it comes from, for masking texts that leave
   * the JVM. Under the other secret families (error handler options, the mirror's standby) only keys
   * ending in a credential's name count, e.g. {@code ...client.conf.es.net.http.auth.pass}.
   */
  public Set<String> values() {
    List<Setting<?>> credentials = Keys.all().stream().filter(s -> s.secret() && !s.isPrefix()).toList();
    Set<String> values = new HashSet<>(byPrefix(Keys.NET_HTTP_HEADER.key()).values());
    for (Setting<?> credential : credentials) {
      value(credential.key()).ifPresent(values::add);
    }
    settings.asMap().forEach((key, value) -> {
      boolean nested = Keys.find(key).filter(Setting::isPrefix).isPresent()
          && credentials.stream().anyMatch(c -> key.endsWith(c.key().substring(UnknownKeys.NAMESPACE.length())));
      if (nested && !value.isBlank()) {
        values.add(value);
      }
    });
    return values;
  }

  private Optional<String> value(String key) {
    Optional<String> stored = keystore.flatMap(store -> store.entry(key));
    if (stored.isPresent()) {
      return stored;
    }
    String fileKey = key + FILE_SUFFIX;
    Optional<String> file = settings.raw(fileKey).filter(path -> !path.isBlank());
    Optional<String> plain = settings.raw(key).filter(value -> !value.isBlank());
    if (file.isPresent() && plain.isPresent()) {
      throw new InvalidSettingException(fileKey, "both " + key + " and " + fileKey + " are set; keep only one");
    }
    return file.isPresent() ? Optional.of(read(fileKey, file.get().trim())) : plain;
  }

  private static String read(String fileKey, String location) {
    Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
    String content;
    try {
      content = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSettingException(fileKey, "cannot read " + fileKey + " '" + location + "': " + e);
    }
    // Editors and `echo` end files with a line break that is no part of the secret.
    String value = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
        : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new InvalidSettingException(fileKey,
          fileKey + " '" + location + "' must hold the secret on one line (it holds none or several)");
    }
    return value;
  }
}
