package io.searchbridge.demo;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.read.RawHit;
import io.searchbridge.core.read.SearchCursor;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.core.write.DocumentMetadata;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The README's main job: writes a sample data set with the bulk writer, reads it back through the
 * partition planner and cursors in parallel, and prints what happened. Usage: {@code DemoJob
 * <elasticsearch-url> [documents]}.
 */
public final class DemoJob {

  private static final String INDEX = "searchbridge-demo";
  private static final String[] CITIES = {"Lisbon", "Oslo", "Nairobi", "Lima", "Osaka", "Perth", "Quebec", "Tbilisi"};

  private DemoJob() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: DemoJob <elasticsearch-url> [documents]");
      System.exit(2);
    }
    int documents = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    Settings settings = Settings.of(Map.of("es.nodes", args[0]));
    PrintStream out = System.out;
    ConnectorMetrics metrics = new ConnectorMetrics();
    try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge-demo", metrics)) {
      out.printf("Searchbridge demo against Elasticsearch %s at %s%n%n", client.serverVersion(), client.nodes());
      if (client.indexExists(INDEX)) {
        client.deleteIndex(INDEX);
      }
      client.createIndex(INDEX, "{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":0},"
          + "\"mappings\":{\"properties\":{\"city\":{\"type\":\"keyword\"},\"amount\":{\"type\":\"double\"},"
          + "\"seq\":{\"type\":\"long\"},\"note\":{\"type\":\"text\"}}}}");

      long writeStart = System.nanoTime();
      try (BulkWriter writer = new BulkWriter(client, settings, "demo writer")) {
        for (int i = 0; i < documents; i++) {
          String doc = "{\"seq\":" + i + ",\"city\":\"" + CITIES[i % CITIES.length] + "\",\"amount\":" + (i % 1000) / 10.0
              + ",\"note\":\"sample document number " + i + "\"}";
          writer.add(INDEX, DocumentMetadata.withId("doc-" + i), doc.getBytes(StandardCharsets.UTF_8));
        }
      }
      client.refresh(INDEX);
      double writeSeconds = seconds(writeStart);

      PartitionPlanner planner = new PartitionPlanner(client, settings);
      long countStart = System.nanoTime();
      long counted = planner.count(INDEX, QuerySpec.matchAll());
      double countSeconds = seconds(countStart);

      // The first read of a fresh index pays for JIT and cold caches; keep it out of the comparison.
      read(settings, planner, new ConnectorMetrics());
      Timed pit = read(settings, planner, metrics);
      Settings shardSettings = settings.with("es.read.partition.strategy", "shard");
      Timed shard = read(shardSettings, new PartitionPlanner(client, shardSettings), metrics);

      out.println("| phase | documents | partitions | seconds | docs/s |");
      out.println("|---|---:|---:|---:|---:|");
      row(out, "bulk write (BulkWriter)", documents, 1, writeSeconds);
      row(out, "count (_count)", counted, 0, countSeconds);
      row(out, "read, point-in-time slices (default)", pit.documents(), pit.partitions(), pit.seconds());
      row(out, "read, one scroll per shard", shard.documents(), shard.partitions(), shard.seconds());
      out.println();
      out.println("connector metrics (write and both reads): " + metrics.snapshot());
      boolean ok = pit.documents() == documents && shard.documents() == documents && counted == documents
          && metrics.get(Counter.DOCS_WRITTEN) == documents;
      out.println(ok ? "OK: every document written was counted, and read back once by each strategy."
          : "MISMATCH: wrote " + documents + ", counted " + counted + ", read " + pit.documents() + " and "
              + shard.documents());
      if (!ok) {
        System.exit(1);
      }
    }
  }

  private record Timed(long documents, int partitions, double seconds) {}

  private static Timed read(Settings settings, PartitionPlanner planner, ConnectorMetrics metrics) throws Exception {
    long start = System.nanoTime();
    ReadPlan plan = planner.plan(INDEX, QuerySpec.matchAll());
    try {
      long documents = readAll(settings, plan, metrics);
      return new Timed(documents, plan.partitions().size(), seconds(start));
    } finally {
      planner.release(plan);
    }
  }

  /** Reads every partition on its own thread and client, as engine tasks do. */
  private static long readAll(Settings settings, ReadPlan plan, ConnectorMetrics metrics) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (PartitionSpec partition : plan.partitions()) {
        results.add(pool.submit(() -> {
          long n = 0;
          try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge-demo/p" + partition.id(), metrics);
              SearchCursor<RawHit> cursor = SearchCursor.open(client, settings, plan.resource(), plan.query(), partition,
                  RawHit.DECODER)) {
            while (cursor.hasNext()) {
              cursor.next();
              n++;
            }
          }
          return n;
        }));
      }
      long total = 0;
      for (Future<Long> result : results) {
        total += result.get();
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void row(PrintStream out, String phase, long docs, int partitions, double seconds) {
    out.printf("| %s | %,d | %s | %.2f | %s |%n", phase, docs, partitions == 0 ? "-" : Integer.toString(partitions),
        seconds, seconds > 0 && docs > 0 ? String.format("%,.0f", docs / seconds) : "-");
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
