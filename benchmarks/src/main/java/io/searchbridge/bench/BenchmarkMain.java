package io.searchbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The end-to-end benchmark that {@code scripts/bench.sh} runs: two warm-up rounds of up to 200,000
 * documents (so that JIT compilation and Spark's first-job costs stay out of the numbers), then every phase on
 * {@code documents}, printed as one markdown table and written to a file.
 * Usage: {@code BenchmarkMain <elasticsearch-url> <documents> <output.md>}.
 */
public final class BenchmarkMain {

  private static final long WARM_UP_DOCUMENTS = 200_000;
  private static final int WARM_UP_ROUNDS = 2;

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: BenchmarkMain <elasticsearch-url> <documents> <output.md>");
      System.exit(2);
    }
    String url = args[0];
    long documents = Long.parseLong(args[1]);
    Path output = Path.of(args[2]);
    SparkSession spark = SparkSession.builder().appName("searchbridge-bench").master("local[2]")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.es.nodes", url)
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try (RawClient raw = new RawClient(url)) {
      // Both JVMs compile their hot paths during the first few hundred thousand documents (the first
      // pass over 300,000 took twice the time of the third); a long job runs compiled, so that is measured.
      long warmup = Math.min(documents, WARM_UP_DOCUMENTS);
      for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
        System.out.printf("warm-up %d of %d with %,d documents...%n", round, WARM_UP_ROUNDS, warmup);
        EndToEndRun warm = new EndToEndRun(spark, raw, warmup, "bench-warmup");
        warm.run();
        warm.dropIndexes();
      }
      System.out.printf("measuring %,d documents...%n", documents);
      EndToEndRun run = new EndToEndRun(spark, raw, documents, "bench");
      List<Phase> phases = run.run();
      run.dropIndexes();
      String table = ResultTable.markdown(heading(raw, documents, spark.version()), phases);
      System.out.println();
      System.out.println(table);
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, table);
      System.out.println("written to " + output);
    } finally {
      spark.stop();
    }
  }

  /** Date, machine and server, so that a table pasted elsewhere still says what it measured. */
  private static String heading(RawClient raw, long documents, String sparkVersion) {
    JsonNode node = raw.json("GET", "/_nodes/jvm", null).path("nodes").elements().next();
    long heapMb = node.path("jvm").path("mem").path("heap_max_in_bytes").asLong() / (1024 * 1024);
    return String.format("Searchbridge benchmark, %s: %,d documents; %d cores; Java %s (%s); Spark %s local[2];"
            + " Elasticsearch %s on the same machine, heap %,d MB", LocalDate.now(ZoneOffset.UTC), documents,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
        sparkVersion, node.path("version").asText(), heapMb);
  }
}
