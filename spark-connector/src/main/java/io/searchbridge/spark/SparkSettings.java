package io.searchbridge.spark;

import io.searchbridge.core.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import scala.Option;
import scala.Tuple2;

/**
 * Builds connector settings the way ES-Hadoop users expect: {@code spark.es.*} entries of the
 * Spark configuration as defaults, overridden by the reader's, writer's or call's own options.
 */
public final class SparkSettings {

  private static final String SPARK_PREFIX = "spark.";

  private SparkSettings() {}

  /** For DataFrames: the active session's configuration, including values set at runtime. */
  public static Settings forSession(Map<String, String> options) {
    Map<String, String> merged = new HashMap<>();
    Option<SparkSession> session = SparkSession.getActiveSession();
    if (session.isDefined()) {
      scala.collection.Iterator<Tuple2<String, String>> entries = session.get().conf().getAll().iterator();
      while (entries.hasNext()) {
        addIfConnectorKey(merged, entries.next());
      }
    }
    merged.putAll(options);
    return Settings.of(merged);
  }

  /** For RDDs: the context's configuration. */
  public static Settings forContext(SparkConf conf, Map<String, String> options) {
    Map<String, String> merged = new HashMap<>();
    for (Tuple2<String, String> entry : conf.getAll()) {
      addIfConnectorKey(merged, entry);
    }
    merged.putAll(options);
    return Settings.of(merged);
  }

  private static void addIfConnectorKey(Map<String, String> target, Tuple2<String, String> entry) {
    if (entry._1().startsWith(SPARK_PREFIX + "es.")) {
      target.put(entry._1().substring(SPARK_PREFIX.length()), entry._2());
    }
  }
}
