package io.searchbridge.mr;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.write.DocumentEncoder;
import io.searchbridge.core.write.TaskWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;

/**
 * Writes one task's records for either Hadoop API through the core bulk writer. Values are
 * documents: {@link org.apache.hadoop.io.MapWritable} (or a plain {@code Map}), converted by
 * {@link WritableValues}; with {@code es.input.json=true}, JSON as Text, BytesWritable, String or
 * byte[]. Keys are ignored; ids come from {@code es.mapping.id}.
 */
public final class DocumentWriter implements AutoCloseable {

  private final TaskWriter writer;
  private final DocumentEncoder encoder;
  private final boolean inputJson;
  private final BiConsumer<EsCounter, Long> counters;

  public DocumentWriter(Configuration conf, String taskName, BiConsumer<EsCounter, Long> counters) {
    Settings settings = HadoopSettings.of(conf);
    this.encoder = new DocumentEncoder(settings, "EsOutputFormat");
    this.inputJson = settings.get(Keys.INPUT_JSON);
    this.counters = counters;
    this.writer = TaskWriter.open(settings, taskName, "searchbridge/mr-write/" + taskName);
  }

  public void write(Object value) {
    writer.write(at -> inputJson ? encoder.encodeJson(json(value, at), at) : encoder.encodeMap(map(value, at), null, at),
        () -> String.valueOf(value).getBytes(StandardCharsets.UTF_8), encoder::encodeJson);
  }

  /**
   * Sends what is buffered and returns once Elasticsearch acknowledged every document, so a task
   * that closes its writer successfully has written all of its records. Hadoop closes the writer
   * of a failed task too, and then this fails as the task did, or sends its buffered records.
   */
  @Override
  public void close() {
    try (TaskWriter closing = writer) {
      writer.flush();
    } finally {
      EsCounter.publish(writer.metrics(), counters);
    }
  }

  private static byte[] json(Object value, long position) {
    if (value instanceof Text text) {
      return Arrays.copyOf(text.getBytes(), text.getLength());
    }
    if (value instanceof BytesWritable bytes) {
      return bytes.copyBytes();
    }
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof String string) {
      return string.getBytes(StandardCharsets.UTF_8);
    }
    throw new SearchbridgeException("record #" + position + " is a " + typeOf(value)
        + ", not JSON; with es.input.json=true write Text, BytesWritable, String or byte[]");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> map(Object value, long position) {
    Object java = value instanceof Writable writable ? WritableValues.toJava(writable) : value;
    if (java instanceof Map<?, ?> map) {
      return (Map<String, ?>) map;
    }
    throw new SearchbridgeException("record #" + position + " is a " + typeOf(value) + ", not a document;"
        + " write a MapWritable, or JSON Text with es.input.json=true");
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
