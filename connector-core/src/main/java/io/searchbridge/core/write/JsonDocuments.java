package io.searchbridge.core.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.searchbridge.core.SearchbridgeException;
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
      .addSerializer(Date.class, new ToStringSerializer(Date.class) {
        @Override
        public String valueToString(Object value) {
          // java.sql.Date has no time of day and refuses toInstant()
          return value instanceof java.sql.Date day ? day.toLocalDate().toString() : ((Date) value).toInstant().toString();
        }
      }));

  private JsonDocuments() {}

  public static byte[] toJson(Object document, long position) {
    try {
      return MAPPER.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new SearchbridgeException("document #" + position + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
