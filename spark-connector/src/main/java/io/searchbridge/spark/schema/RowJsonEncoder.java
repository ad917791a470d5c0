package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Setting;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.write.DocumentMetadata;
import io.searchbridge.core.write.FieldFilter;
import io.searchbridge.core.write.IndexNamePattern;
import io.searchbridge.core.write.MetadataExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Turns Spark rows into bulk documents: the JSON body, the metadata ({@code es.mapping.id},
 * {@code .routing}, {@code .version}) and the target index ({@code es.resource.write}, with
 * placeholders). Everything that depends on the schema is decided on construction, so a wrong
 * setting or an unwritable column fails before the first row.
 *
 * <p>One instance per task: it reuses one output buffer and one JSON generator across rows and is
 * not thread-safe. It travels to executors as its schema and settings and is rebuilt there.
 */
public final class RowJsonEncoder implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final StructType schema;
  private final Settings settings;
  private final StructWriter document;
  private final MetadataExtractor metadata;
  /** Null when neither es.resource.write nor es.resource is set; {@link #index} then explains. */
  private final IndexNamePattern index;
  private final RowFields fields;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
  private JsonGenerator json;
  private long encoded;

  /**
   * @throws SearchbridgeException when a column's type cannot be written
   * @throws InvalidSettingException when a metadata or index-name setting names a field the schema
   *     lacks, or the index name pattern is malformed
   */
  public RowJsonEncoder(StructType schema, Settings settings) {
    this.schema = schema;
    this.settings = settings;
    this.document =
        new StructWriter(schema, "", new FieldFilter(settings), settings.get(Keys.SPARK_DATAFRAME_WRITE_NULL));
    this.metadata = new MetadataExtractor(settings);
    this.index = settings.writeResource().map(IndexNamePattern::parse).orElse(null);
    this.fields = new RowFields(schema, settingByPath(settings, index));
    this.json = newGenerator();
  }

  /**
   * One compact JSON object. Errors name the document by the number of rows this encoder encoded
   * before it, which is the task's 0-based position when one encoder sees all of a task's rows.
   *
   * @throws SearchbridgeException when a value cannot be JSON (NaN or infinite floats)
   */
  public byte[] encode(InternalRow row) {
    long position = encoded++;
    buffer.reset();
    try {
      document.writeObject(json, row);
      json.flush();
    } catch (IOException | RuntimeException e) {
      // The generator is left inside the broken object; the next document needs a fresh one.
      json = newGenerator();
      throw failure(e, position);
    }
    return buffer.toByteArray();
  }

  /** @param position names the document in errors, e.g. when its id field is null */
  public DocumentMetadata metadata(InternalRow row, long position) {
    return metadata.extract(fields.bind(row), position);
  }

  /** @throws InvalidSettingException when no write resource is configured */
  public String index(InternalRow row, long position) {
    if (index == null) {
      throw new InvalidSettingException(Keys.RESOURCE_WRITE.key(), "No index to write to: set "
          + Keys.RESOURCE_WRITE.key() + " (or " + Keys.RESOURCE.key() + ") to an index name or pattern");
    }
    return index.resolve(fields.bind(row), position);
  }

  /**
   * Every path a setting makes us read from rows, with that setting, so a path the schema lacks
   * fails naming the setting to fix (MetadataExtractor only lists the paths).
   */
  private static Map<String, String> settingByPath(Settings settings, IndexNamePattern index) {
    Map<String, String> paths = new LinkedHashMap<>();
    if (index != null) {
      index.fields().forEach(path -> paths.put(path, Keys.RESOURCE_WRITE.key()));
    }
    for (Setting<Optional<String>> setting : List.of(Keys.MAPPING_ID, Keys.MAPPING_ROUTING, Keys.MAPPING_VERSION)) {
      settings.get(setting).ifPresent(path -> paths.put(path, setting.key()));
    }
    return paths;
  }

  /** Documents are separate byte arrays, not a stream of root values: no separator between them. */
  private JsonGenerator newGenerator() {
    return Json.framedGenerator(buffer);
  }

  private static RuntimeException failure(Exception e, long position) {
    if (e instanceof UnencodableValueException unencodable) {
      return new SearchbridgeException(
          "Cannot encode document at position " + position + ": " + unencodable.getMessage(), unencodable);
    }
    return e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
  }

  @Serial
  private Object writeReplace() {
    return new SerializedForm(schema, settings);
  }

  /** Generators, buffers and compiled writers are per-JVM; the schema and settings rebuild them. */
  private record SerializedForm(StructType schema, Settings settings) implements Serializable {
    @Serial
    private Object readResolve() {
      return new RowJsonEncoder(schema, settings);
    }
  }
}
