package io.searchbridge.spark.rdd;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.write.DocumentEncoder;
import io.searchbridge.core.write.DocumentMetadata;
import io.searchbridge.core.write.IndexNamePattern;
import io.searchbridge.spark.SparkSettings;
import io.searchbridge.spark.SpeculationCheck;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.rdd.RDD;
import scala.Tuple2;

/**
 * The RDD write API behind {@code rdd.saveToEs}, {@code saveJsonToEs} and {@code
 * saveToEsWithMeta} (Scala implicits and the Java API both call here). Each partition is one bulk
 * writer; the job refreshes the written indexes once at the end.
 */
public final class RddWrites {

  private RddWrites() {}

  /** Elements are maps, case classes or beans. */
  public static void saveToEs(RDD<?> rdd, String resource, Map<String, String> cfg) {
    Settings settings = settings(rdd, resource, cfg);
    DocumentEncoder documents = new DocumentEncoder(settings, "saveToEs");
    run(rdd, settings, documents, (element, position) -> documents.encodeMap(document(JavaValues.toJava(element), position), null, position));
  }

  /** Elements are JSON documents, as {@code String} or UTF-8 {@code byte[]}. */
  public static void saveJsonToEs(RDD<?> rdd, String resource, Map<String, String> cfg) {
    Settings settings = settings(rdd, resource, cfg);
    DocumentEncoder documents = new DocumentEncoder(settings, "saveJsonToEs");
    run(rdd, settings, documents, (element, position) -> documents.encodeJson(
        element instanceof byte[] bytes ? bytes : String.valueOf(element).getBytes(StandardCharsets.UTF_8), position));
  }

  /**
   * Elements are pairs: the key is the document's metadata (a {@link DocumentMetadata}, or a map
   * with {@code id}, {@code routing}, {@code version}) or simply its id; the value is the document.
   */
  public static void saveToEsWithMeta(RDD<? extends Tuple2<?, ?>> rdd, String resource, Map<String, String> cfg) {
    Settings settings = settings(rdd, resource, cfg);
    DocumentEncoder documents = new DocumentEncoder(settings, "saveToEsWithMeta");
    run(rdd, settings, documents, (element, position) -> {
      Tuple2<?, ?> pair = (Tuple2<?, ?>) element;
      return documents.encodeMap(document(JavaValues.toJava(pair._2()), position), metadataOf(pair._1()), position);
    });
  }

  private static Settings settings(RDD<?> rdd, String resource, Map<String, String> cfg) {
    Map<String, String> options = new HashMap<>(cfg);
    options.put(Keys.RESOURCE_WRITE.key(), resource);
    return SparkSettings.forContext(rdd.sparkContext().getConf(), options);
  }

  @SuppressWarnings("unchecked")
  private static <T> void run(RDD<T> rdd, Settings settings, DocumentEncoder documents, PartitionWriter.Encoder<Object> encoder) {
    SpeculationCheck.warnIfDuplicating(rdd.sparkContext().getConf(), settings, settings.writeResource().orElseThrow());
    rdd.toJavaRDD().foreachPartition(elements -> PartitionWriter.write((java.util.Iterator<Object>) elements, settings, encoder, documents));
    if (settings.get(Keys.BATCH_WRITE_REFRESH)) {
      String written = IndexNamePattern.parse(settings.writeResource().orElseThrow()).wildcard();
      try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge/rdd-refresh")) {
        client.refresh(written);
      }
    }
  }

  private static DocumentMetadata metadataOf(Object key) {
    Object value = JavaValues.toJava(key);
    if (key instanceof DocumentMetadata metadata) {
      return metadata;
    }
    if (value instanceof Map<?, ?> map) {
      return new DocumentMetadata(text(map.containsKey("_id") ? map.get("_id") : map.get("id")), text(map.get("routing")),
          text(map.get("version")));
    }
    return DocumentMetadata.withId(text(value));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> document(Object value, long position) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, ?>) map;
    }
    throw new SearchbridgeException("document #" + position + " is a " + (value == null ? "null" : value.getClass().getName())
        + ", not a document (map, case class or bean); use saveJsonToEs for JSON strings");
  }
}
