package io.searchbridge.spark.rdd;

import io.searchbridge.core.config.Settings;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/** The RDD API for Java: the same reads and writes as the Scala implicits. */
public final class JavaSearchbridgeSpark {

  private JavaSearchbridgeSpark() {}

  public static JavaPairRDD<String, Map<String, Object>> esRDD(JavaSparkContext jsc, String resource) {
    return esRDD(jsc, resource, null, Map.of());
  }

  public static JavaPairRDD<String, Map<String, Object>> esRDD(JavaSparkContext jsc, String resource, String query) {
    return esRDD(jsc, resource, query, Map.of());
  }

  /** Documents as (id, source map); {@code query} may be null. */
  public static JavaPairRDD<String, Map<String, Object>> esRDD(JavaSparkContext jsc, String resource, String query,
      Map<String, String> cfg) {
    Settings settings = RddReads.settings(jsc.sc(), resource, Optional.ofNullable(query), cfg);
    return JavaPairRDD.fromRDD(new EsRDD<>(jsc.sc(), settings, RddReads.ID_AND_MAP, pairTag()), tag(), tag());
  }

  /** Documents as (id, JSON source); {@code query} may be null. */
  public static JavaPairRDD<String, String> esJsonRDD(JavaSparkContext jsc, String resource, String query,
      Map<String, String> cfg) {
    Settings settings = RddReads.settings(jsc.sc(), resource, Optional.ofNullable(query), cfg);
    return JavaPairRDD.fromRDD(new EsRDD<>(jsc.sc(), settings, RddReads.ID_AND_JSON, pairTag()), tag(), tag());
  }

  public static void saveToEs(JavaRDD<?> rdd, String resource, Map<String, String> cfg) {
    RddWrites.saveToEs(rdd.rdd(), resource, cfg);
  }

  public static void saveJsonToEs(JavaRDD<?> rdd, String resource, Map<String, String> cfg) {
    RddWrites.saveJsonToEs(rdd.rdd(), resource, cfg);
  }

  public static void saveToEsWithMeta(JavaPairRDD<?, ?> rdd, String resource, Map<String, String> cfg) {
    RddWrites.saveToEsWithMeta(rdd.rdd(), resource, cfg);
  }

  /** The RDD's elements are pairs; an AnyRef tag would make collect() build an Object[] that Scala cannot use. */
  @SuppressWarnings("unchecked")
  private static <K, V> ClassTag<Tuple2<K, V>> pairTag() {
    return (ClassTag<Tuple2<K, V>>) (ClassTag<?>) ClassTag$.MODULE$.apply(Tuple2.class);
  }

  @SuppressWarnings("unchecked")
  private static <T> ClassTag<T> tag() {
    return (ClassTag<T>) ClassTag$.MODULE$.AnyRef();
  }
}
