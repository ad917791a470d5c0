package io.searchbridge.it.support;

/**
 * A second node for the fault tests, which stop and restart it and need settings the shared node
 * must not have: a write queue of one slot (a bulk request takes one write thread or slot to
 * coordinate and one per shard it writes to, so two concurrent bulk requests over two shards
 * overflow the node's two write threads and the queue and are rejected with 429), a 2 MB
 * request limit (a document over {@code http.max_content_length} is cheap to build) and a search
 * context reaper that runs every second (an expired point-in-time is gone at once, not after the
 * default minute). Started on first use, stopped when the JVM exits.
 */
public final class FaultServer {

  static final String INSTANCE_NAME = "it-faults";

  private static ElasticsearchServer server;

  private FaultServer() {}

  public static synchronized ElasticsearchServer get() {
    if (server == null) {
      server = ElasticsearchServer.start(INSTANCE_NAME, "--heap", "512m",
          "-E", "thread_pool.write.queue_size=1",
          "-E", "http.max_content_length=2mb", "-E", "search.keep_alive_interval=1s");
    }
    return server;
  }
}
