package io.searchbridge.core.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.searchbridge.core.SearchbridgeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.searchbridge.core.json.Json;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/**
 * Serialises documents held as Java values (maps, lists, strings, numbers, booleans, java.time
 * values) to JSON. Dates become ISO-8601 strings, which every Elasticsearch date format accepts by
 * default ({@code strict_date_optional_time}).
 */
public final class JsonDocuments {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("searchbridge-time")
      .addSerializer(TemporalAccessor.class, ToStringSerializer.instance)
      .addSerializer(Date.class, new DateSerializer()));

  private JsonDocuments() {}

  private static final class DateSerializer extends StdSerializer<Date> {

    DateSerializer() {
      super(Date.class);
    }

    @Override
    public void serialize(Date value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      // java.sql.Date has no time of day and refuses toInstant()
      generator.writeString(value instanceof java.sql.Date day ? day.toLocalDate().toString() : value.toInstant().toString());
    }
  }

  /**
   * Checks that {@code json} holds exactly one JSON object, token by token without building it, so
   * that malformed input fails here, naming the document, rather than in the bulk response.
   */
  static void checkObject(byte[] json, Supplier<String> document) {
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new SearchbridgeException(document.get() + " is not a JSON object");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new SearchbridgeException(document.get() + " holds more than one JSON value");
      }
    } catch (JsonProcessingException e) {
      throw new SearchbridgeException(document.get() + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] toJson(Object document, long position) {
    try {
      return MAPPER.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new SearchbridgeException("document #" + position + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
