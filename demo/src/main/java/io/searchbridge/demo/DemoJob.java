package io.searchbridge.demo;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The README's main job: a local Spark job that writes a sample data set to Elasticsearch through
 * the {@code searchbridge} DataSource, reads it back, filters and groups it, and prints what
 * happened. Usage: {@code DemoJob <elasticsearch-url> [documents]}.
 */
public final class DemoJob {

  private static final String INDEX = "searchbridge-demo";
  private static final String[] CITIES = {"Lisbon", "Oslo", "Nairobi", "Lima", "Osaka", "Perth", "Quebec", "Tbilisi"};

  private DemoJob() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: DemoJob <elasticsearch-url> [documents]");
      System.exit(2);
    }
    String url = args[0];
    long documents = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
    PrintStream out = System.out;
    SparkSession spark = SparkSession.builder().appName("searchbridge-demo").master("local[2]")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.es.nodes", url)
        .getOrCreate();
    try {
      out.printf("Searchbridge demo: Spark %s (local[2]) and Elasticsearch at %s%n%n", spark.version(), url);
      Dataset<Row> sample = spark.range(documents).select(
          col("id").cast("string").as("id"),
          col("id").as("seq"),
          array(Arrays.stream(CITIES).map(functions::lit).toArray(Column[]::new))
              .apply(col("id").mod(CITIES.length).cast("int")).as("city"),
          col("id").mod(1000).divide(10.0).as("amount"),
          col("id").mod(3).equalTo(0).as("priority"));

      createIndex(url);
      Timed<Long> write = time(() -> {
        try (ConsoleProgress progress = ConsoleProgress.start(System.err, "write", documents, Counter.DOCS_WRITTEN)) {
          sample.write().format("searchbridge").option("es.mapping.id", "id").mode("overwrite").save(INDEX);
        }
        return documents;
      });
      Dataset<Row> orders = spark.read().format("searchbridge").load(INDEX);
      Timed<Long> counted = time(orders::count);
      Timed<Long> fullRead = time(() -> {
        try (ConsoleProgress progress = ConsoleProgress.start(System.err, "read", documents, Counter.DOCS_READ)) {
          return orders.select("seq", "city", "amount").javaRDD().count();
        }
      });
      Timed<Long> filtered = time(() -> orders.filter(col("priority").and(col("amount").gt(90))).count());
      Dataset<Row> byCity = orders.groupBy("city")
          .agg(count(lit(1)).as("orders"), round(avg("amount"), 2).as("avg_amount")).orderBy("city");
      Timed<List<Row>> grouped = time(byCity::collectAsList);

      out.println("| step | rows | seconds | rows/s |");
      out.println("|---|---:|---:|---:|");
      row(out, "write DataFrame (format searchbridge, mode overwrite)", write.value(), write.seconds());
      row(out, "count() (pushed down to _count)", counted.value(), counted.seconds());
      row(out, "read 3 columns of every document", fullRead.value(), fullRead.seconds());
      row(out, "filter priority AND amount > 90, count", filtered.value(), filtered.seconds());
      row(out, "group by city: count, avg(amount)", grouped.value().size(), grouped.seconds());
      out.println();
      out.println("pushed to Elasticsearch (from the query plans):");
      out.println("- filter: " + scanOf(orders.filter(col("priority").and(col("amount").gt(90)))));
      out.println("- group by: " + scanOf(byCity));
      out.println();
      out.println("orders by city:");
      out.println("| city | orders | avg_amount |");
      out.println("|---|---:|---:|");
      for (Row city : grouped.value()) {
        out.printf("| %s | %,d | %.2f |%n", city.getString(0), city.getLong(1), city.getDouble(2));
      }
      long expectedFiltered = expectedPriorityOver90(documents);
      boolean ok = counted.value() == documents && fullRead.value() == documents && filtered.value() == expectedFiltered;
      out.println();
      out.println(ok ? "OK: every document written was counted and read back, and the filter matched the expected "
          + expectedFiltered + "." : "MISMATCH: wrote " + documents + ", counted " + counted.value() + ", read "
          + fullRead.value() + ", filtered " + filtered.value() + " (expected " + expectedFiltered + ")");
      if (!ok) {
        System.exit(1);
      }
    } finally {
      spark.stop();
    }
  }

  /** Keyword and numeric types, so that filters and the group-by can be answered by Elasticsearch. */
  private static void createIndex(String url) {
    Settings settings = Settings.of(Map.of("es.nodes", url));
    try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge-demo/create-index")) {
      if (client.indexExists(INDEX)) {
        client.deleteIndex(INDEX);
      }
      client.createIndex(INDEX, "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":0},"
          + "\"mappings\":{\"properties\":{\"id\":{\"type\":\"keyword\"},\"seq\":{\"type\":\"long\"},"
          + "\"city\":{\"type\":\"keyword\"},\"amount\":{\"type\":\"double\"},\"priority\":{\"type\":\"boolean\"}}}}");
    }
  }

  /** The Elasticsearch part of a query's plan, as explain() shows it. */
  private static String scanOf(Dataset<Row> query) {
    String plan = query.queryExecution().executedPlan().toString();
    int start = plan.indexOf("Elasticsearch [");
    int end = plan.indexOf('\n', start);
    return start < 0 ? "(nothing)" : plan.substring(start, end < 0 ? plan.length() : end);
  }

  /** The rows with {@code seq % 3 == 0} and {@code (seq % 1000) / 10 > 90}, counted without Elasticsearch. */
  private static long expectedPriorityOver90(long documents) {
    long n = 0;
    for (long seq = 0; seq < documents; seq++) {
      if (seq % 3 == 0 && (seq % 1000) / 10.0 > 90) {
        n++;
      }
    }
    return n;
  }

  private record Timed<T>(T value, double seconds) {}

  private static <T> Timed<T> time(Supplier<T> step) {
    long start = System.nanoTime();
    T value = step.get();
    return new Timed<>(value, (System.nanoTime() - start) / 1e9);
  }

  private static void row(PrintStream out, String step, long rows, double seconds) {
    out.printf("| %s | %,d | %.2f | %,.0f |%n", step, rows, seconds, rows / Math.max(seconds, 1e-9));
  }
}
