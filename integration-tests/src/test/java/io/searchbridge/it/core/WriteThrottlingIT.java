package io.searchbridge.it.core;

import static io.searchbridge.it.core.CoreFixtures.client;
import static io.searchbridge.it.core.CoreFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** es.batch.write.rate and the adaptive batch size, against the real server. */
@ExtendWith(ElasticsearchExtension.class)
class WriteThrottlingIT {

  @Test
  void theRateCapMakesTheWriterWait(ElasticsearchServer server) {
    String index = server.uniqueIndex("rate");
    Settings settings = settings(server, "es.batch.write.rate", "200", "es.batch.size.entries", "50");
    long started = System.nanoTime();
    try (EsClient client = client(settings)) {
      CoreFixtures.writeNumbered(client, settings, index, 600);
      assertThat(client.metrics().get(Counter.WRITE_RATE_WAIT_MILLIS)).isPositive();
    }
    // 20 documents of burst, then 580 at 200/s: at least 2.9 s however fast the cluster answers (a
    // lower bound only; time spent in bulk requests counts towards it, so the waits alone may be shorter)
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(2_900);
    assertThat(new RestCalls(server).count(index)).isEqualTo(600);
  }

  @Test
  void rejectionsShrinkTheBatchesWhichGrowBackOnceTheClusterRecovers(ElasticsearchServer server) throws Exception {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("adaptive");
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
    // The block a full disk puts on an index: every write is answered 429 until it is lifted.
    rest.put("/" + index + "/_settings", "{\"index.blocks.read_only_allow_delete\":true}");
    Settings settings = settings(server, "es.batch.write.retry.count", "30", "es.batch.write.retry.wait", "20ms",
        "es.batch.size.entries", "400");
    try (EsClient client = client(settings)) {
      CompletableFuture<Void> write = CompletableFuture.runAsync(() -> CoreFixtures.writeNumbered(client, settings, index, 2000));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (client.metrics().get(Counter.BATCH_SIZE_REDUCTIONS) < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      rest.put("/" + index + "/_settings", "{\"index.blocks.read_only_allow_delete\":null}");
      write.get(120, TimeUnit.SECONDS);
      assertThat(client.metrics().get(Counter.BATCH_SIZE_REDUCTIONS)).isGreaterThanOrEqualTo(3);
      // Every rejected round re-sent the same 400 documents, all rejected; the other requests were
      // clean. At the configured size 2000 documents take 5 clean requests; smaller batches after
      // the recovery take more.
      long rejectedRounds = client.metrics().get(Counter.DOCS_REJECTED) / 400;
      long cleanRequests = client.metrics().get(Counter.BULK_REQUESTS) - rejectedRounds;
      assertThat(cleanRequests).isGreaterThan(5);
      assertThat(client.metrics().get(Counter.DOCS_WRITTEN)).isEqualTo(2000);
    } finally {
      rest.put("/" + index + "/_settings", "{\"index.blocks.read_only_allow_delete\":null}");
    }
    assertThat(rest.count(index)).isEqualTo(2000);
  }
}
