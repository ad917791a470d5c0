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

  public static byte[] toJson(Object document, long position) {
    try {
      return MAPPER.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new SearchbridgeException("document #" + position + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
