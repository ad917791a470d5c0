package io.searchbridge.mr;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.core.write.DocumentEncoder;
import io.searchbridge.core.write.EncodingErrorHandling;
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

  private final EsClient client;
  private final BulkWriter writer;
  private final EncodingErrorHandling encodingErrors;
  private final DocumentEncoder encoder;
  private final boolean inputJson;
  private final BiConsumer<EsCounter, Long> counters;
  private long position;

  public DocumentWriter(Configuration conf, String taskName, BiConsumer<EsCounter, Long> counters) {
    Settings settings = HadoopSettings.of(conf);
    this.encoder = new DocumentEncoder(settings, "EsOutputFormat");
    this.inputJson = settings.get(Keys.INPUT_JSON);
    this.counters = counters;
    this.client = ElasticsearchJavaClient.open(settings, "searchbridge/mr-write/" + taskName);
    this.writer = new BulkWriter(client, settings, taskName);
    this.encodingErrors = EncodingErrorHandling.open(settings, taskName, client.metrics());
  }

  public void write(Object value) {
    long at = ++position;
    encodingErrors.encode(at, () -> inputJson ? encoder.encodeJson(json(value), at) : encoder.encodeMap(map(value), null, at),
            () -> String.valueOf(value).getBytes(StandardCharsets.UTF_8), json -> encoder.encodeJson(json, at))
        .ifPresent(document -> writer.add(document.index(), document.metadata(), document.json()));
  }

  /**
   * Sends what is buffered and returns once Elasticsearch acknowledged every document, so a task
   * that closes its writer successfully has written all of its records.
   */
  @Override
  public void close() {
    try {
      try {
        writer.close();
      } finally {
        encodingErrors.close();
      }
    } finally {
      try {
        client.close();
      } finally {
        EsCounter.publish(client.metrics(), counters);
      }
    }
  }

  private byte[] json(Object value) {
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
  private Map<String, ?> map(Object value) {
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
