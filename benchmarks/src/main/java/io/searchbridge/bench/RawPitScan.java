package io.searchbridge.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The raw read: one point-in-time cut into slices, each paged with {@code search_after} on {@code
 * _shard_doc}, one thread and connection per slice, responses parsed with Jackson's streaming
 * parser. Either every {@code _source} value is materialised (strings as Java strings, numbers as
 * primitives) and nothing else built, or only the hits' ids are collected.
 */
final class RawPitScan {

  /** What each hit is read for. */
  enum Hits { SOURCE, IDS }

  private final RawClient client;
  private final String index;
  private final int slices;
  private final int pageSize;

  RawPitScan(RawClient client, String index, RawConfig config) {
    this.client = client;
    this.index = index;
    this.slices = config.slices();
    this.pageSize = config.pageSize();
  }

  /** @return the number of hits read */
  long read(String queryJson, Hits hits) throws Exception {
    String pit = client.json("POST", "/" + index + "/_pit?keep_alive=5m", null).path("id").asText();
    ExecutorService pool = Executors.newFixedThreadPool(slices);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int slice = 0; slice < slices; slice++) {
        int id = slice;
        results.add(pool.submit(() -> readSlice(pit, id, queryJson, hits)));
      }
      long read = 0;
      for (Future<Long> result : results) {
        read += result.get();
      }
      return read;
    } finally {
      pool.shutdownNow();
      client.json("DELETE", "/_pit", "{\"id\":\"" + pit + "\"}");
    }
  }

  private long readSlice(String pit, int slice, String queryJson, Hits hits) throws IOException {
    List<String> ids = new ArrayList<>();
    long read = 0;
    Page page = new Page(pit, null, 0);
    do {
      page = fetch(page, slice, queryJson, hits == Hits.IDS ? ids : null);
      read += page.hits;
    } while (page.hits == pageSize);
    // Counting the ids, not the hits, checks that every id was collected.
    return hits == Hits.IDS ? ids.size() : read;
  }

  /** @param ids where to collect the hits' ids, or null to read every {@code _source} value instead */
  private Page fetch(Page previous, int slice, String queryJson, List<String> ids) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(512);
    try (JsonGenerator json = RawClient.JSON.getFactory().createGenerator(body)) {
      json.writeStartObject();
      json.writeNumberField("size", pageSize);
      if (ids != null) {
        json.writeBooleanField("_source", false);
      }
      json.writeFieldName("query");
      json.writeRawValue(queryJson);
      json.writeBooleanField("track_total_hits", false);
      json.writeObjectFieldStart("pit");
      json.writeStringField("id", previous.pit);
      json.writeStringField("keep_alive", "5m");
      json.writeEndObject();
      json.writeArrayFieldStart("sort");
      json.writeString("_shard_doc");
      json.writeEndArray();
      if (slices > 1) {
        json.writeObjectFieldStart("slice");
        json.writeNumberField("id", slice);
        json.writeNumberField("max", slices);
        json.writeEndObject();
      }
      if (previous.searchAfter != null) {
        json.writeArrayFieldStart("search_after");
        json.writeNumber(previous.searchAfter);
        json.writeEndArray();
      }
      json.writeEndObject();
    }
    try (InputStream in = client.stream("POST", "/_search", body.toByteArray(), RawClient.APPLICATION_JSON);
        JsonParser parser = RawClient.JSON.getFactory().createParser(in)) {
      return parse(parser, previous, ids);
    }
  }

  private static Page parse(JsonParser parser, Page previous, List<String> ids) throws IOException {
    String pit = previous.pit;
    Long searchAfter = previous.searchAfter;
    int hits = 0;
    long checksum = 0;
    parser.nextToken();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals("pit_id")) {
        pit = parser.getText();
      } else if (field.equals("hits")) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          if (!parser.currentName().equals("hits")) {
            parser.nextToken();
            parser.skipChildren();
            continue;
          }
          parser.nextToken();
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            hits++;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String key = parser.currentName();
              parser.nextToken();
              if (key.equals("_source")) {
                checksum += readSource(parser);
              } else if (key.equals("_id") && ids != null) {
                ids.add(parser.getText());
              } else if (key.equals("sort")) {
                parser.nextToken();
                searchAfter = parser.getLongValue();
                parser.nextToken();
              } else {
                parser.skipChildren();
              }
            }
          }
        }
      } else {
        parser.skipChildren();
      }
    }
    if (checksum == 42) {
      System.out.print(""); // keeps the value reads from being optimised away
    }
    return new Page(pit, searchAfter, hits);
  }

  private static long readSource(JsonParser parser) throws IOException {
    long checksum = 0;
    int depth = 0;
    do {
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT, START_ARRAY -> depth++;
        case END_OBJECT, END_ARRAY -> depth--;
        case VALUE_STRING -> checksum += parser.getText().length();
        case VALUE_NUMBER_INT -> checksum += parser.getLongValue();
        case VALUE_NUMBER_FLOAT -> checksum += (long) parser.getDoubleValue();
        default -> { }
      }
      if (depth > 0) {
        parser.nextToken();
      }
    } while (depth > 0);
    return checksum;
  }

  private record Page(String pit, Long searchAfter, int hits) {}
}
