package io.searchbridge.spark.sql;

import org.apache.spark.sql.SparkSession;

/**
 * Spark prints a batch write's options in plans ({@code explain()}, the SQL tab of the UI) and the
 * settings a query changed, hiding only values whose key or value matches {@code
 * spark.sql.redaction.options.regex} or {@code spark.redaction.regex}. Neither matches {@code
 * es.net.http.auth.pass}, {@code .apikey}, {@code es.net.http.header.*} or the TLS store passwords,
 * so the connector adds its secret keys to the session's pattern before Spark plans anything of ours.
 */
final class SecretRedaction {

  static final String OPTIONS_PATTERN_KEY = "spark.sql.redaction.options.regex";
  /** Spark's own default for {@link #OPTIONS_PATTERN_KEY}. */
  private static final String SPARK_DEFAULT = "(?i)url";
  static final String SECRET_KEYS = "(?i)es\\.net\\.(http\\.auth\\.|http\\.header\\.|ssl\\.[a-z]+\\.pass)";

  private SecretRedaction() {}

  static void extend(SparkSession session) {
    String current = session.conf().get(OPTIONS_PATTERN_KEY, SPARK_DEFAULT);
    if (!current.contains(SECRET_KEYS)) {
      session.conf().set(OPTIONS_PATTERN_KEY, current + "|" + SECRET_KEYS);
    }
  }
}
