package io.searchbridge.core.read;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.metrics.ProgressLog;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.plan.PitSlicePartition;
import io.searchbridge.core.plan.ShardPartition;
import io.searchbridge.core.query.QuerySpec;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Streams the documents of one partition, a page at a time. It owns what the partition opened on
 * the server and releases it on {@link #close()}, which engines call on success, failure and task
 * kill alike. {@link QuerySpec#limit()} caps the documents of this partition.
 *
 * <p>Every partition pages through a point-in-time, so every page request may be retried, and the
 * partition knows from its first page how many hits it must receive: a read that ran out of hits
 * without a limit stopping it fails unless it received exactly that many ({@link HitTally}).
 */
public final class SearchCursor<T> implements Iterator<T>, AutoCloseable {

  private final EsClient client;
  private final PageRequests requests;
  private final SearchPageParser<T> parser;
  private final int pageSize;
  private final String description;
  private final ProgressLog progress;
  private final HitTally tally = new HitTally();
  private long remaining;
  private SearchPage<T> page;
  private int position;
  private boolean exhausted;
  private boolean closed;

  private SearchCursor(EsClient client, PageRequests requests, SearchPageParser<T> parser, int pageSize, long limit,
      String description, Duration progressInterval) {
    this.client = client;
    this.progress = new ProgressLog(description, progressInterval);
    this.requests = requests;
    this.parser = parser;
    this.pageSize = pageSize;
    this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
    this.description = description;
  }

  public static <T> SearchCursor<T> open(EsClient client, Settings settings, String resource, QuerySpec query,
      PartitionSpec partition, HitDecoder<T> decoder) {
    var keepAlive = settings.get(Keys.SCROLL_KEEPALIVE);
    Duration progressInterval = settings.get(Keys.PROGRESS_INTERVAL);
    long limit = Math.min(query.hasLimit() ? query.limit() : Long.MAX_VALUE, scrollLimit(settings));
    String description;
    PageRequests requests;
    if (partition instanceof PitSlicePartition slice) {
      requests = PitPageRequests.slice(slice, query, keepAlive);
      description = "reading [" + resource + "] partition " + slice.id() + " (slice " + slice.slice() + " of " + slice.slices() + ")";
    } else if (partition instanceof ShardPartition shard) {
      // Opened here, in the task: a task may start long after planning, later than a point-in-time
      // opened by the planner would live. preference pins the point-in-time (and so every page) to the shard.
      String pitId = client.openPointInTime(shard.index(), keepAlive, Optional.of(shard.shard()));
      requests = PitPageRequests.owned(pitId, query, keepAlive);
      description = "reading [" + shard.index() + "] shard " + shard.shard();
    } else {
      throw new IllegalArgumentException("unknown partition " + partition);
    }
    return new SearchCursor<>(client, requests, new SearchPageParser<>(decoder, description),
        settings.get(Keys.SCROLL_SIZE), limit, description, progressInterval);
  }

  private static long scrollLimit(Settings settings) {
    long limit = settings.get(Keys.SCROLL_LIMIT);
    return limit < 0 ? Long.MAX_VALUE : limit;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    while (true) {
      if (page != null && position < page.hits().size()) {
        // A null is a hit an error handler (or DROPMALFORMED) dropped; it still counts for paging.
        if (page.hits().get(position) != null) {
          return true;
        }
        position++;
        continue;
      }
      if (exhausted || remaining <= 0) {
        return false;
      }
      fetch();
    }
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException(description + " has no more documents");
    }
    remaining--;
    return page.hits().get(position++);
  }

  private void fetch() {
    int size = (int) Math.min(pageSize, remaining);
    PageRequests.PageRequest request = page == null ? requests.first(size) : requests.next(page, size);
    SearchPage<T> fetched;
    try {
      fetched = client.search(request.path(), request.body(), parser::parse);
    } catch (EsRequestException e) {
      throw explain(description, e);
    }
    long received = Math.min(fetched.hits().size(), remaining);
    client.metrics().add(Counter.SEARCH_PAGES, 1);
    client.metrics().add(Counter.DOCS_READ, received);
    if (page == null) {
      tally.expect(fetched.totalHits());
      if (fetched.totalHits() >= 0) {
        progress.expect(Math.min(fetched.totalHits(), remaining));
      }
    }
    progress.advance(received);
    tally.receive(fetched.hits().size());
    exhausted = fetched.hits().size() < size;
    if (exhausted) {
      tally.checkComplete(description);
    }
    List<T> hits = fetched.hits();
    page = hits.size() > remaining ? new SearchPage<>(hits.subList(0, (int) remaining), fetched.lastSort(),
        fetched.contextId()) : fetched;
    position = 0;
  }

  /**
   * A missing context either expired or was lost with the node that held it; Elasticsearch (8.x) tells
   * the second apart and names the node, which the message passes on.
   */
  static RuntimeException explain(String description, EsRequestException e) {
    if (e.status() == 404 && e.errorType().equals("search_context_missing_nodes_exception")) {
      return new SearchbridgeException(description + " failed: a node holding its point-in-time left the"
          + " cluster; run the read again to read the shard from another copy (" + e.getMessage() + ")", e);
    }
    if (e.errorType().equals("no_shard_available_action_exception")) {
      // Every copy the partition could search is gone (503, "all shards failed"): a point-in-time
      // stays on the copies it was opened on, even when a replica elsewhere has been promoted.
      return new SearchbridgeException(description + " failed: no copy of its shard could answer; the copy this read"
          + " was opened on is gone: its node left the cluster; run the read again (" + e.getMessage() + ")", e);
    }
    if (e.status() == 404 && e.errorType().contains("search_context_missing")) {
      return new SearchbridgeException(description + " failed: the point-in-time expired between two pages;"
          + " raise es.scroll.keepalive (the time allowed between two pages) or lower es.scroll.size", e);
    }
    return e;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      progress.finish();
      requests.release(client, page);
    }
  }
}
