package io.searchbridge.core.read;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.ResourcePaths;
import io.searchbridge.core.plan.ShardPartition;
import io.searchbridge.core.query.QuerySpec;
import java.time.Duration;

/** Scrolls one shard in index order ({@code _doc}); the scroll is this partition's own and is cleared on release. */
final class ShardScrollRequests implements PageRequests {

  private final ShardPartition partition;
  private final QuerySpec query;
  private final String keepAlive;

  ShardScrollRequests(ShardPartition partition, QuerySpec query, Duration keepAlive) {
    this.partition = partition;
    this.query = query;
    this.keepAlive = keepAlive.toMillis() + "ms";
  }

  @Override
  public PageRequest first(int size) {
    String path = ResourcePaths.path(partition.index(), "/_search?scroll=" + keepAlive)
        + "&preference=_shards:" + partition.shard();
    byte[] body = PageRequests.json(json -> {
      PageRequests.writeCommon(json, query, size);
      json.writeArrayFieldStart("sort");
      json.writeString("_doc");
      json.writeEndArray();
    });
    return new PageRequest(path, body);
  }

  @Override
  public PageRequest next(SearchPage<?> previous, int size) {
    byte[] body = PageRequests.json(json -> {
      json.writeStringField("scroll", keepAlive);
      json.writeStringField("scroll_id", previous.contextId());
    });
    return new PageRequest("/_search/scroll", body);
  }

  @Override
  public void release(EsClient client, SearchPage<?> last) {
    if (last != null && last.contextId() != null) {
      client.clearScroll(last.contextId());
    }
  }
}
