package io.searchbridge.core.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One configuration key: its name, typed default, parser, doc line and whether its value is secret.
 * Instances are created once, in {@link Keys}; {@link Settings} holds only raw strings and asks the
 * setting to parse them, so the parsing rules live next to the default they must agree with.
 */
public final class Setting<T> {

  static final String MASK = "*****";

  private final String key;
  private final T defaultValue;
  private final String defaultText;
  private final String doc;
  private final boolean secret;
  private final boolean prefix;
  private final Function<String, T> parser;
  private final String allowed;

  private Setting(
      String key,
      String defaultText,
      String doc,
      boolean secret,
      boolean prefix,
      Function<String, T> parser,
      String allowed,
      T defaultValue) {
    this.key = key;
    this.defaultText = defaultText;
    this.doc = doc;
    this.secret = secret;
    this.prefix = prefix;
    this.parser = parser;
    this.allowed = allowed;
    this.defaultValue = defaultValue;
  }

  private static <T> Setting<T> withDefault(
      String key, String defaultText, String doc, Function<String, T> parser, String allowed) {
    // Parsing the default through the same parser keeps docs and behaviour from drifting apart.
    T defaultValue = parser.apply(defaultText);
    return new Setting<>(key, defaultText, doc, false, false, parser, allowed, defaultValue);
  }

  private static <T> Setting<Optional<T>> optional(
      String key, String doc, boolean secret, Function<String, T> parser, String allowed) {
    // A blank value counts as unset, as in ES-Hadoop, so templates can leave a key empty.
    Function<String, Optional<T>> optionalParser =
        raw -> raw.isBlank() ? Optional.empty() : Optional.of(parser.apply(raw));
    return new Setting<>(key, "", doc, secret, false, optionalParser, allowed, Optional.empty());
  }

  public static Setting<String> string(String key, String defaultValue, String doc) {
    return withDefault(key, defaultValue, doc, Function.identity(), "any text");
  }

  public static Setting<Optional<String>> optionalString(String key, String doc) {
    return optional(key, doc, false, String::trim, "any text");
  }

  /**
   * A credential: masked in every message and in {@link Settings#toString()}. Used verbatim, never
   * trimmed; a line break (often a newline left by reading a password file) is refused.
   */
  public static Setting<Optional<String>> secret(String key, String doc) {
    return optional(key, doc, true, ValueParsers::singleLine, "a value without line breaks");
  }

  /**
   * {@code secret.key() + ".file"}: a path (not secret itself) to a file holding the secret's value,
   * read by {@link Secrets} where the client opens.
   */
  public static Setting<Optional<String>> secretFile(Setting<Optional<String>> secret) {
    return optional(secret.key() + Secrets.FILE_SUFFIX, "File holding " + secret.key()
        + " (one line; a final line break is ignored), read where the client opens, instead of the value itself.",
        false, String::trim, "a file path");
  }

  /**
   * A family of keys {@code key + name}, read with {@link Settings#byPrefix(String)}; every value is
   * secret because users put credentials such as {@code Authorization} headers there.
   */
  public static Setting<String> secretPrefix(String prefix, String doc) {
    return new Setting<>(prefix, "", doc, true, true, ValueParsers::singleLine, "a value without line breaks", "");
  }

  public static Setting<Boolean> bool(String key, boolean defaultValue, String doc) {
    return withDefault(key, String.valueOf(defaultValue), doc, ValueParsers::strictBoolean, "true or false");
  }

  public static Setting<Integer> integer(String key, int defaultValue, int min, String doc) {
    return integer(key, defaultValue, min, Integer.MAX_VALUE, doc);
  }

  public static Setting<Integer> integer(String key, int defaultValue, int min, int max, String doc) {
    String allowed =
        max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer between " + min + " and " + max;
    return withDefault(key, String.valueOf(defaultValue), doc, raw -> ValueParsers.inRange(raw, min, max), allowed);
  }

  /** A retry count; ES-Hadoop reads a negative count as "forever", which we refuse. */
  public static Setting<Integer> retryCount(String key, int defaultValue, String doc) {
    String allowed =
        "an integer >= 0 (negative values, \"retry forever\" in ES-Hadoop, are refused because every"
            + " network loop must be bounded)";
    return withDefault(
        key, String.valueOf(defaultValue), doc, raw -> ValueParsers.inRange(raw, 0, Integer.MAX_VALUE), allowed);
  }

  public static Setting<Long> longValue(String key, long defaultValue, long min, String doc) {
    return withDefault(key, String.valueOf(defaultValue), doc, raw -> ValueParsers.atLeast(raw, min), "an integer >= " + min);
  }

  public static Setting<Optional<Long>> optionalLong(String key, long min, String doc) {
    return optional(key, doc, false, raw -> ValueParsers.atLeast(raw, min), "an integer >= " + min);
  }

  public static Setting<Duration> duration(String key, String defaultValue, String doc) {
    return withDefault(key, defaultValue, doc, Durations::parse, Durations.ALLOWED);
  }

  public static Setting<ByteSize> byteSize(String key, String defaultValue, String doc) {
    return withDefault(key, defaultValue, doc, ByteSize::parse, ByteSize.ALLOWED);
  }

  /** Comma separated; entries are trimmed and empty entries dropped. */
  public static Setting<List<String>> list(String key, String defaultValue, String doc) {
    return withDefault(key, defaultValue, doc, ValueParsers::commaSeparated, "a comma-separated list");
  }

  /** One of a fixed set of lower-case words, matched case-insensitively. */
  public static Setting<String> oneOf(String key, String defaultValue, List<String> allowed, String doc) {
    return withDefault(
        key, defaultValue, doc, raw -> ValueParsers.oneOf(raw, allowed), "one of " + String.join(", ", allowed));
  }

  /** An enum configured by {@code nameOf(constant)}, matched case-insensitively. */
  public static <E extends Enum<E>> Setting<E> enumValue(
      String key, E defaultValue, Function<E, String> nameOf, String doc) {
    List<E> constants = Arrays.asList(defaultValue.getDeclaringClass().getEnumConstants());
    Function<String, E> parser = raw -> ValueParsers.enumConstant(raw, constants, nameOf);
    String allowed = "one of " + constants.stream().map(nameOf).collect(Collectors.joining(", "));
    return withDefault(key, nameOf.apply(defaultValue), doc, parser, allowed);
  }

  public String key() {
    return key;
  }

  /** The value when the key is unset; {@code Optional.empty()} for optional settings. */
  public T defaultValue() {
    return defaultValue;
  }

  public String doc() {
    return doc;
  }

  public boolean secret() {
    return secret;
  }

  /** The default as users would write it, {@code ""} when there is none. */
  public String defaultText() {
    return defaultText;
  }

  /**
   * @throws InvalidSettingException naming the key, the value (masked when secret) and what is allowed
   */
  public T parse(String raw) {
    return parse(key, raw);
  }

  /** Validates the value of {@code fullKey}, which differs from {@link #key()} under a prefix. */
  void check(String fullKey, String raw) {
    parse(fullKey, raw);
  }

  private T parse(String fullKey, String raw) {
    try {
      return parser.apply(raw);
    } catch (IllegalArgumentException e) {
      // The cause is dropped on purpose: parser messages may quote the raw, possibly secret, value.
      String shown = secret ? MASK : "'" + raw + "'";
      throw new InvalidSettingException(
          fullKey, "Invalid value " + shown + " for " + fullKey + ": expected " + allowed);
    }
  }

  boolean isPrefix() {
    return prefix;
  }

  /** Whether this setting governs {@code candidate}: its own key, or any name under a prefix. */
  boolean governs(String candidate) {
    return prefix ? candidate.startsWith(key) : candidate.equals(key);
  }

  @Override
  public String toString() {
    return key;
  }
}
