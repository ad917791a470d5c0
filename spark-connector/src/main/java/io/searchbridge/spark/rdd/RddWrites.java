package io.searchbridge.spark.rdd;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.write.DocumentMetadata;
import io.searchbridge.core.write.FieldFilter;
import io.searchbridge.core.write.IndexNamePattern;
import io.searchbridge.core.write.JsonDocuments;
import io.searchbridge.core.write.MapDocumentFields;
import io.searchbridge.core.write.MetadataExtractor;
import io.searchbridge.spark.SparkSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    Documents documents = new Documents(settings);
    run(rdd, settings, (element, position) -> documents.encode(JavaValues.toJava(element), null, position));
  }

  /** Elements are JSON documents, as {@code String} or UTF-8 {@code byte[]}. */
  public static void saveJsonToEs(RDD<?> rdd, String resource, Map<String, String> cfg) {
    Settings settings = settings(rdd, resource, cfg);
    IndexNamePattern pattern = IndexNamePattern.parse(resource);
    MetadataExtractor extractor = new MetadataExtractor(settings);
    boolean needsFields = !pattern.isStatic() || !extractor.metadataFields().isEmpty();
    run(rdd, settings, (element, position) -> {
      byte[] json = element instanceof byte[] bytes ? bytes : String.valueOf(element).getBytes(StandardCharsets.UTF_8);
      if (!needsFields) {
        return new PartitionWriter.Encoded(pattern.resolve(path -> null, position), DocumentMetadata.none(), json);
      }
      MapDocumentFields fields = new MapDocumentFields(parse(json, position));
      return new PartitionWriter.Encoded(pattern.resolve(fields, position), extractor.extract(fields, position), json);
    });
  }

  /**
   * Elements are pairs: the key is the document's metadata (a {@link DocumentMetadata}, or a map
   * with {@code id}, {@code routing}, {@code version}) or simply its id; the value is the document.
   */
  public static void saveToEsWithMeta(RDD<? extends Tuple2<?, ?>> rdd, String resource, Map<String, String> cfg) {
    Settings settings = settings(rdd, resource, cfg);
    Documents documents = new Documents(settings);
    run(rdd, settings, (element, position) -> {
      Tuple2<?, ?> pair = (Tuple2<?, ?>) element;
      return documents.encode(JavaValues.toJava(pair._2()), metadataOf(pair._1()), position);
    });
  }

  private static Settings settings(RDD<?> rdd, String resource, Map<String, String> cfg) {
    Map<String, String> options = new HashMap<>(cfg);
    options.put(Keys.RESOURCE_WRITE.key(), resource);
    return SparkSettings.forContext(rdd.sparkContext().getConf(), options);
  }

  @SuppressWarnings("unchecked")
  private static <T> void run(RDD<T> rdd, Settings settings, PartitionWriter.Encoder<Object> encoder) {
    rdd.toJavaRDD().foreachPartition(elements -> PartitionWriter.write((java.util.Iterator<Object>) elements, settings, encoder));
    if (settings.get(Keys.BATCH_WRITE_REFRESH)) {
      String written = settings.writeResource().orElseThrow().replaceAll("\\{[^}]*}", "*");
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
  private static Map<String, Object> parse(byte[] json, long position) {
    try {
      return Json.MAPPER.readValue(json, LinkedHashMap.class);
    } catch (IOException e) {
      throw new SearchbridgeException("document #" + position + " given to saveJsonToEs is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Map documents: metadata and index from their fields, then {@code es.mapping.include/exclude} applied. */
  private record Documents(IndexNamePattern pattern, MetadataExtractor extractor, FieldFilter filter)
      implements java.io.Serializable {

    Documents(Settings settings) {
      this(IndexNamePattern.parse(settings.writeResource().orElseThrow()), new MetadataExtractor(settings),
          new FieldFilter(settings));
    }

    PartitionWriter.Encoded encode(Object value, DocumentMetadata given, long position) {
      if (!(value instanceof Map<?, ?> map)) {
        throw new SearchbridgeException("document #" + position + " is a " + (value == null ? "null" : value.getClass().getName())
            + ", not a document (map, case class or bean); use saveJsonToEs for JSON strings");
      }
      @SuppressWarnings("unchecked")
      MapDocumentFields fields = new MapDocumentFields((Map<String, Object>) map);
      DocumentMetadata metadata = given != null ? given : extractor.extract(fields, position);
      return new PartitionWriter.Encoded(pattern.resolve(fields, position), metadata,
          JsonDocuments.toJson(filtered(map, ""), position));
    }

    private Map<String, Object> filtered(Map<?, ?> map, String prefix) {
      Map<String, Object> kept = new LinkedHashMap<>();
      map.forEach((key, val) -> {
        String path = prefix + key;
        if (filter.writesWhole(path)) {
          kept.put(key.toString(), val);
        } else if (filter.writesPartOf(path) && val instanceof Map<?, ?> child) {
          kept.put(key.toString(), filtered(child, path + "."));
        }
      });
      return kept;
    }
  }
}
