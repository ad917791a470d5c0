package io.searchbridge.core.config;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Immutable connector configuration: the raw {@code key -> value} strings users gave, validated once
 * on creation and read through typed {@link Setting}s. It is the one config value sent to executors,
 * so it holds nothing but strings.
 */
public final class Settings implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

  private static final Settings EMPTY = new Settings(new TreeMap<>());

  private final TreeMap<String, String> raw;

  private Settings(TreeMap<String, String> raw) {
    this.raw = raw;
  }

  /**
   * Validates every known key (fail fast) and warns once per unknown {@code es.*} key. Keys outside
   * {@code es.*} are kept but ignored, because engines pass their own options in the same map.
   *
   * @throws InvalidSettingException for the first known key whose value is invalid
   */
  public static Settings of(Map<String, String> raw) {
    return EMPTY.merge(raw, true);
  }

  public static Settings empty() {
    return EMPTY;
  }

  /** The typed value, or the setting's default when the key is unset. */
  public <T> T get(Setting<T> setting) {
    if (setting.isPrefix()) {
      throw new IllegalArgumentException(setting.key() + " is a prefix; read it with byPrefix");
    }
    String value = raw.get(setting.key());
    return value == null ? setting.defaultValue() : setting.parse(value);
  }

  public Optional<String> raw(String key) {
    return Optional.ofNullable(raw.get(key));
  }

  /** Every key starting with {@code prefix}, with the prefix stripped, e.g. header name to value. */
  public Map<String, String> byPrefix(String prefix) {
    SortedMap<String, String> matching = new TreeMap<>();
    raw.tailMap(prefix).entrySet().stream()
        .takeWhile(entry -> entry.getKey().startsWith(prefix))
        .forEach(entry -> matching.put(entry.getKey().substring(prefix.length()), entry.getValue()));
    return Collections.unmodifiableSortedMap(matching);
  }

  /** A copy with {@code key} set to {@code value}, validated like {@link #of(Map)}. */
  public Settings with(String key, String value) {
    return merge(Map.of(key, value), true);
  }

  /** A copy where {@code lower} fills in only the keys not already set here. */
  public Settings withDefaults(Map<String, String> lower) {
    return merge(lower, false);
  }

  /** All raw values, secrets included: callers must not log it. */
  public Map<String, String> asMap() {
    return Collections.unmodifiableMap(raw);
  }

  /** Keys under {@code es.} that no setting governs, in key order. */
  public List<String> unknownKeys() {
    return raw.keySet().stream().filter(UnknownKeys::isUnknown).toList();
  }

  /** ES-Hadoop precedence: {@code es.resource.read}, else {@code es.resource}. */
  public Optional<String> readResource() {
    return get(Keys.RESOURCE_READ).or(() -> get(Keys.RESOURCE));
  }

  /** ES-Hadoop precedence: {@code es.resource.write}, else {@code es.resource}. */
  public Optional<String> writeResource() {
    return get(Keys.RESOURCE_WRITE).or(() -> get(Keys.RESOURCE));
  }

  /** WAN-only mode talks to the listed nodes alone, whatever {@code es.nodes.discovery} says. */
  public boolean discoveryEnabled() {
    return get(Keys.NODES_DISCOVERY) && !get(Keys.NODES_WAN_ONLY);
  }

  /**
   * Shows values only of known, non-secret settings; others are masked, since an unknown key may be
   * a misspelt password.
   */
  @Override
  public String toString() {
    return raw.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + shown(entry.getKey(), entry.getValue()))
        .collect(Collectors.joining(", ", "Settings{", "}"));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Settings settings && raw.equals(settings.raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  private static String shown(String key, String value) {
    boolean visible = Keys.find(key).map(setting -> !setting.secret()).orElse(false);
    return visible ? value : Setting.MASK;
  }

  private Settings merge(Map<String, String> entries, boolean override) {
    TreeMap<String, String> merged = new TreeMap<>(raw);
    entries.forEach(
        (key, value) -> {
          // Hadoop configurations and maps built from them use null for "unset".
          if (value == null || (!override && merged.containsKey(key))) {
            return;
          }
          Keys.find(key).ifPresent(setting -> setting.check(key, value));
          if (UnknownKeys.isUnknown(key)) {
            LOG.warn(UnknownKeys.warning(key));
          }
          merged.put(key, value);
        });
    return new Settings(merged);
  }
}
