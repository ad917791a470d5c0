package io.searchbridge.spark;

import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Setting;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;

/**
 * Spark hides values only where a key or value matches its redaction patterns, and its defaults miss
 * {@code es.net.http.auth.pass}, {@code .apikey}, {@code es.net.http.header.*} and the store
 * passwords. The connector adds its secret keys (from {@link Keys}, so new ones are never missed) to:
 *
 * <ul>
 *   <li>{@code spark.sql.redaction.options.regex} of the session: options in plans ({@code explain()},
 *       the SQL tab) and the settings a query changed;
 *   <li>{@code spark.redaction.regex} of the application's {@link SparkConf}: the Environment page
 *       (redacted each time it is shown) and the event log's environment updates (redacted when
 *       written). Spark reads it from the context's own conf object, which {@link SparkEnv} shares,
 *       so setting it there takes effect at once; a session conf entry would not be read.
 * </ul>
 */
public final class SecretRedaction {

  static final String OPTIONS_PATTERN_KEY = "spark.sql.redaction.options.regex";
  static final String CONF_PATTERN_KEY = "spark.redaction.regex";
  /** Spark's own defaults for the two keys. */
  private static final String OPTIONS_DEFAULT = "(?i)url";
  private static final String CONF_DEFAULT = "(?i)secret|password|token|access[.]key";

  /** Every secret key (and family prefix) of the connector, as a case-insensitive regex. */
  public static final String SECRET_KEYS = Keys.all().stream().filter(Setting::secret)
      .map(setting -> setting.key().replace(".", "\\."))
      .collect(Collectors.joining("|", "(?i)(", ")"));

  private SecretRedaction() {}

  /** Extends both patterns; called when Spark creates the provider, before it plans anything of ours. */
  public static void extend(SparkSession session) {
    String options = session.conf().get(OPTIONS_PATTERN_KEY, OPTIONS_DEFAULT);
    if (!options.contains(SECRET_KEYS)) {
      session.conf().set(OPTIONS_PATTERN_KEY, options + "|" + SECRET_KEYS);
    }
    SparkEnv env = SparkEnv.get();
    if (env != null) {
      extend(env.conf());
    }
  }

  /**
   * Extends {@code spark.redaction.regex} of {@code conf}. A listener given the context's conf at
   * start-up ({@code spark.extraListeners}) calls this before Spark posts the first environment
   * update, so even the event log's first entry is redacted.
   */
  public static void extend(SparkConf conf) {
    String current = conf.get(CONF_PATTERN_KEY, CONF_DEFAULT);
    if (!current.contains(SECRET_KEYS)) {
      conf.set(CONF_PATTERN_KEY, current + "|" + SECRET_KEYS);
    }
  }
}
