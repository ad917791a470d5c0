package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.json.Json;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an engine's documents into bulk entries: target index from {@code es.resource.write}
 * (patterns resolved per document), metadata from {@code es.mapping.*}, and for map documents
 * {@code es.mapping.include/exclude} applied. Engine adapters convert their values to plain Java
 * maps (or JSON bytes) and call here.
 */
public final class DocumentEncoder implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** One document ready for {@link BulkWriter#add}. */
  public record Encoded(String index, DocumentMetadata metadata, byte[] json) {}

  private final IndexNamePattern pattern;
  private final MetadataExtractor extractor;
  private final FieldFilter filter;
  private final String api;

  /** @param api what the documents were given to (e.g. {@code saveJsonToEs}), for error messages */
  public DocumentEncoder(Settings settings, String api) {
    this.api = api;
    this.pattern = IndexNamePattern.parse(settings.writeResource().orElseThrow(
        () -> new SearchbridgeException("no index to write: set es.resource.write or es.resource")));
    this.extractor = new MetadataExtractor(settings);
    this.filter = new FieldFilter(settings);
  }

  /**
   * @param given metadata the caller already has, or {@code null} to extract it from the fields
   * @param position the document's 1-based position in its task, for error messages
   */
  public Encoded encodeMap(Map<String, ?> document, DocumentMetadata given, long position) {
    MapDocumentFields fields = new MapDocumentFields(document);
    DocumentMetadata metadata = given != null ? given : extractor.extract(fields, position);
    return new Encoded(pattern.resolve(fields, position), metadata, JsonDocuments.toJson(filtered(document, ""), position));
  }

  /**
   * A JSON document written as it is; checked to be one JSON object with a streaming pass, and
   * parsed only when the index or metadata come from its fields.
   */
  public Encoded encodeJson(byte[] json, long position) {
    if (pattern.isStatic() && extractor.metadataFields().isEmpty()) {
      JsonDocuments.checkObject(json, () -> "document #" + position + " given to " + api);
      return new Encoded(pattern.resolve(path -> null, position), DocumentMetadata.none(), json);
    }
    MapDocumentFields fields = new MapDocumentFields(parse(json, position, api));
    return new Encoded(pattern.resolve(fields, position), extractor.extract(fields, position), json);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(byte[] json, long position, String api) {
    try {
      return Json.MAPPER.readValue(json, LinkedHashMap.class);
    } catch (IOException e) {
      throw new SearchbridgeException("document #" + position + " given to " + api + " is not valid JSON: " + e.getMessage(), e);
    }
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
