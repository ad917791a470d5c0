package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Setting;
import io.searchbridge.core.config.Settings;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a document's bulk metadata from the fields named by {@code es.mapping.id}, {@code .routing}
 * and {@code .version}. As in ES-Hadoop, a configured field must hold a value in every document: a
 * missing id would silently turn an overwrite into a duplicate, so it fails instead.
 */
public final class MetadataExtractor implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final String idPath;
  private final String routingPath;
  private final String versionPath;

  public MetadataExtractor(Settings settings) {
    // Nullable fields rather than Optional: this object travels to executors and Optional is not Serializable.
    this.idPath = settings.get(Keys.MAPPING_ID).orElse(null);
    this.routingPath = settings.get(Keys.MAPPING_ROUTING).orElse(null);
    this.versionPath = settings.get(Keys.MAPPING_VERSION).orElse(null);
  }

  /**
   * @param position the document's position in the task's input; it names the document in errors,
   *     since a document that lacks its id has no better name
   * @throws SearchbridgeException when a configured field is missing, null or not a single value
   */
  public DocumentMetadata extract(DocumentFields document, long position) {
    if (idPath == null && routingPath == null && versionPath == null) {
      return DocumentMetadata.none();
    }
    return new DocumentMetadata(
        text(Keys.MAPPING_ID, idPath, document, position),
        text(Keys.MAPPING_ROUTING, routingPath, document, position),
        text(Keys.MAPPING_VERSION, versionPath, document, position));
  }

  /** The dotted paths the configured settings name, in id, routing, version order. */
  public Set<String> metadataFields() {
    Set<String> paths = Stream.of(idPath, routingPath, versionPath)
        .filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
    return Collections.unmodifiableSet(paths);
  }

  private static String text(Setting<?> setting, String path, DocumentFields document, long position) {
    if (path == null) {
      return null;
    }
    Object value = document.get(path);
    if (value == null) {
      throw new SearchbridgeException("Document at position " + position + " has no value in field [" + path
          + "] named by " + setting.key() + "; every document needs one, so fill the field or unset "
          + setting.key());
    }
    if (value instanceof Collection || value instanceof Map || value.getClass().isArray()) {
      throw new SearchbridgeException("Field [" + path + "] named by " + setting.key() + " holds "
          + value.getClass().getSimpleName() + " in document at position " + position
          + "; it must hold a single value such as a string or a number");
    }
    return asText(value, setting, path, position);
  }

  /** Numbers print without a spurious ".0", so a double 7.0 and a long 7 address the same document. */
  private static String asText(Object value, Setting<?> setting, String path, long position) {
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new SearchbridgeException("Field [" + path + "] named by " + setting.key() + " holds " + value
            + " in document at position " + position + ", which cannot serve as " + setting.key());
      }
      // Float.toString keeps the float's own shortest digits instead of the widened double's.
      return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }
}
