package io.searchbridge.core.read;

import com.fasterxml.jackson.core.JsonGenerator;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.query.QuerySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** How one partition asks for its pages, and what it must release afterwards. */
interface PageRequests {

  record PageRequest(String path, byte[] body) {}

  PageRequest first(int size);

  PageRequest next(SearchPage<?> previous, int size);

  /** Frees server-side state this partition opened; called once, also after failures. */
  void release(EsClient client, SearchPage<?> last);

  @FunctionalInterface
  interface BodyWriter {
    void write(JsonGenerator json) throws IOException;
  }

  static byte[] json(BodyWriter writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      writer.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The parts every search body shares: size, query, {@code _source} filtering. */
  static void writeCommon(JsonGenerator json, QuerySpec query, int size) throws IOException {
    json.writeNumberField("size", size);
    json.writeFieldName("query");
    json.writeRawValue(query.queryJson());
    if (query.trackScores()) {
      json.writeBooleanField("track_scores", true);
    }
    if (!query.includes().isEmpty() || !query.excludes().isEmpty()) {
      json.writeObjectFieldStart("_source");
      writeArray(json, "includes", query.includes());
      writeArray(json, "excludes", query.excludes());
      json.writeEndObject();
    }
  }

  private static void writeArray(JsonGenerator json, String name, List<String> values) throws IOException {
    if (!values.isEmpty()) {
      json.writeArrayFieldStart(name);
      for (String value : values) {
        json.writeString(value);
      }
      json.writeEndArray();
    }
  }
}
