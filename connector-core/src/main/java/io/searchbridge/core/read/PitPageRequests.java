package io.searchbridge.core.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.plan.PitSlicePartition;
import io.searchbridge.core.query.QuerySpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Pages through a point-in-time (or one slice of it) with {@code search_after} on {@code
 * _shard_doc}, the cheapest total order Elasticsearch offers (after the query's own sort, if any).
 * Each page names its position, so a page asked for twice (a retry after a lost answer) comes back
 * the same: unlike a scroll continuation, every request here may be retried.
 */
final class PitPageRequests implements PageRequests {

  private final String pitId;
  private final int slice;
  private final int slices;
  private final boolean ownsPit;
  private final QuerySpec query;
  private final String keepAlive;
  private final ArrayNode sort;

  private PitPageRequests(String pitId, int slice, int slices, boolean ownsPit, QuerySpec query, Duration keepAlive) {
    this.pitId = pitId;
    this.slice = slice;
    this.slices = slices;
    this.ownsPit = ownsPit;
    this.query = query;
    this.keepAlive = keepAlive.toMillis() + "ms";
    this.sort = sortWithTiebreaker(query);
  }

  /** A slice of the point-in-time the plan shares: the plan releases it, so this partition frees nothing. */
  static PitPageRequests slice(PitSlicePartition partition, QuerySpec query, Duration keepAlive) {
    return new PitPageRequests(partition.pitId(), partition.slice(), partition.slices(), false, query, keepAlive);
  }

  /** A whole point-in-time this partition opened for itself and closes on release. */
  static PitPageRequests owned(String pitId, QuerySpec query, Duration keepAlive) {
    return new PitPageRequests(pitId, 0, 1, true, query, keepAlive);
  }

  @Override
  public PageRequest first(int size) {
    return request(pitId, List.of(), size, true);
  }

  @Override
  public PageRequest next(SearchPage<?> previous, int size) {
    String newest = previous.contextId() == null ? pitId : previous.contextId();
    return request(newest, previous.lastSort(), size, false);
  }

  @Override
  public void release(EsClient client, SearchPage<?> last) {
    if (ownsPit) {
      client.closePointInTime(last == null || last.contextId() == null ? pitId : last.contextId());
    }
  }

  private PageRequest request(String id, List<Object> searchAfter, int size, boolean countHits) {
    byte[] body = PageRequests.json(json -> {
      PageRequests.writeCommon(json, query, size);
      // An exact count costs time on every page it is asked for; the first page's count is all
      // the partition needs to know, at the end, that it received every hit (and for the progress log).
      json.writeBooleanField("track_total_hits", countHits);
      json.writeObjectFieldStart("pit");
      json.writeStringField("id", id);
      json.writeStringField("keep_alive", keepAlive);
      json.writeEndObject();
      json.writeFieldName("sort");
      json.writeTree(sort);
      if (slices > 1) {
        json.writeObjectFieldStart("slice");
        json.writeNumberField("id", slice);
        json.writeNumberField("max", slices);
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
