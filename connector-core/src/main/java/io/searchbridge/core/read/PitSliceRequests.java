package io.searchbridge.core.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.plan.PitSlicePartition;
import io.searchbridge.core.query.QuerySpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Pages through one slice of a shared point-in-time with {@code search_after} on {@code
 * _shard_doc}, the cheapest total order Elasticsearch offers (after the query's own sort, if any). The point-in-time belongs to the
 * plan, so releasing a partition frees nothing.
 */
final class PitSliceRequests implements PageRequests {

  private final PitSlicePartition partition;
  private final QuerySpec query;
  private final String keepAlive;
  private final ArrayNode sort;
  private final boolean countFirstPage;

  /** @param countFirstPage whether the first page counts the partition's hits, for progress logging */
  PitSliceRequests(PitSlicePartition partition, QuerySpec query, Duration keepAlive, boolean countFirstPage) {
    this.countFirstPage = countFirstPage;
    this.partition = partition;
    this.query = query;
    this.keepAlive = keepAlive.toMillis() + "ms";
    this.sort = sortWithTiebreaker(query);
  }

  @Override
  public PageRequest first(int size) {
    return request(partition.pitId(), List.of(), size, countFirstPage);
  }

  @Override
  public PageRequest next(SearchPage<?> previous, int size) {
    String pitId = previous.contextId() == null ? partition.pitId() : previous.contextId();
    return request(pitId, previous.lastSort(), size, false);
  }

  @Override
  public void release(EsClient client, SearchPage<?> last) {}

  private PageRequest request(String pitId, List<Object> searchAfter, int size, boolean countHits) {
    byte[] body = PageRequests.json(json -> {
      PageRequests.writeCommon(json, query, size);
      // Counting hits costs time on every page; only the first, for the progress log's total, may ask
      // (scrolls refuse to skip it).
      json.writeBooleanField("track_total_hits", countHits);
      json.writeObjectFieldStart("pit");
      json.writeStringField("id", pitId);
      json.writeStringField("keep_alive", keepAlive);
      json.writeEndObject();
      json.writeFieldName("sort");
      json.writeTree(sort);
      if (partition.slices() > 1) {
        json.writeObjectFieldStart("slice");
        json.writeNumberField("id", partition.slice());
        json.writeNumberField("max", partition.slices());
        json.writeEndObject();
      }
      if (!searchAfter.isEmpty()) {
        writeSearchAfter(json, searchAfter);
      }
    });
    return new PageRequest("/_search", body);
  }

  /** The query's sort, made total by {@code _shard_doc} so that {@code search_after} never skips or repeats a hit. */
  private static ArrayNode sortWithTiebreaker(QuerySpec query) {
    ArrayNode sort = Json.MAPPER.createArrayNode();
    if (query.isSorted()) {
      try {
        sort.addAll((ArrayNode) Json.MAPPER.readTree(query.sortJson()));
      } catch (IOException e) {
        throw new IllegalArgumentException("sort is not a JSON array: " + query.sortJson(), e);
      }
    }
    return sort.add("_shard_doc");
  }

  private static void writeSearchAfter(JsonGenerator json, List<Object> values) throws IOException {
    json.writeArrayFieldStart("search_after");
    for (Object value : values) {
      json.writeObject(value);
    }
    json.writeEndArray();
  }
}
