package io.searchbridge.it.core;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.read.RawHit;
import io.searchbridge.core.read.SearchCursor;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.core.write.DocumentMetadata;
import io.searchbridge.it.support.ElasticsearchServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small helpers the connector-core integration tests share. */
final class CoreFixtures {

  private CoreFixtures() {}

  /** Settings pointing at the test server, plus {@code keyValues} pairs. */
  static Settings settings(ElasticsearchServer server, String... keyValues) {
    Map<String, String> map = new HashMap<>();
    map.put("es.nodes", server.url());
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return Settings.of(map);
  }

  static EsClient client(Settings settings) {
    return ElasticsearchJavaClient.open(settings, "searchbridge-it");
  }

  /** Writes documents {@code {"n": i, "group": "g<i % 10>"}} with ids {@code "id-<i>"}. */
  static void writeNumbered(EsClient client, Settings settings, String index, int count) {
    try (BulkWriter writer = new BulkWriter(client, settings, "it writer")) {
      for (int i = 0; i < count; i++) {
        writer.add(index, DocumentMetadata.withId("id-" + i), json("{\"n\":" + i + ",\"group\":\"g" + (i % 10) + "\"}"));
      }
      writer.flush();
    }
    client.refresh(index);
  }

  static byte[] json(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** Plans a read of the whole index, reads it as {@link #readAll} does and releases the plan. */
  static List<RawHit> readIndex(EsClient client, Settings settings, String index) {
    PartitionPlanner planner = new PartitionPlanner(client, settings);
    ReadPlan plan = planner.plan(index, QuerySpec.matchAll());
    try {
      return readAll(client, settings, plan);
    } finally {
      planner.release(plan);
    }
  }

  /** Reads every partition of a plan, one cursor after the other, as engine tasks would. */
  static List<RawHit> readAll(EsClient client, Settings settings, ReadPlan plan) {
    List<RawHit> hits = new ArrayList<>();
    for (PartitionSpec partition : plan.partitions()) {
      try (SearchCursor<RawHit> cursor = SearchCursor.open(client, settings, plan.resource(), plan.query(), partition,
          RawHit.DECODER)) {
        cursor.forEachRemaining(hits::add);
      }
    }
    return hits;
  }
}
