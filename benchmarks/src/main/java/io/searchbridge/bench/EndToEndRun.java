package io.searchbridge.bench;

import static org.apache.spark.sql.functions.col;

import io.searchbridge.bench.Phase.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Every phase of the end-to-end benchmark for one document count: the connector through Spark's
 * DataSource API and the raw client against the same server, one after the other. Every phase
 * checks what it got, so a broken read cannot pass for a fast one.
 */
final class EndToEndRun {

  /** Spark's local[2] runs two tasks at once; the raw client gets as many connections. */
  static final int CONNECTIONS = 2;
  /** The connector's defaults (es.batch.size.entries, es.scroll.size), so both sides send the same requests. */
  static final int BULK_ENTRIES = 1000;
  static final int PAGE_SIZE = 1000;

  private static final String ALL = "{\"match_all\":{}}";

  private final SparkSession spark;
  private final RawClient raw;
  private final long docs;
  private final String ours;
  private final String rawIndex;
  private final List<Phase> phases = new ArrayList<>();

  EndToEndRun(SparkSession spark, RawClient raw, long docs, String indexPrefix) {
    this.spark = spark;
    this.raw = raw;
    this.docs = docs;
    this.ours = indexPrefix + "-searchbridge";
    this.rawIndex = indexPrefix + "-raw";
  }

  List<Phase> run() throws Exception {
    write();
    Dataset<Row> frame = spark.read().format("searchbridge").load(ours);
    int slices = shards(ours);
    RawPitScan scan = new RawPitScan(raw, ours, slices, PAGE_SIZE, CONNECTIONS);
    read("full read, all columns", docs, Target.ratio(0.85),
        () -> frame.select(col("*")), ALL, scan);
    read("filter 1% (keyword term)", SyntheticDocuments.matching(docs, 100, 7), Target.NONE,
        () -> frame.filter(col("category").equalTo(SyntheticDocuments.ONE_PERCENT_CATEGORY)),
        "{\"bool\":{\"filter\":[{\"term\":{\"category\":\"" + SyntheticDocuments.ONE_PERCENT_CATEGORY + "\"}}]}}", scan);
    read("filter 5% (integer term)", SyntheticDocuments.matching(docs, 20, SyntheticDocuments.FIVE_PERCENT_BUCKET),
        Target.withinTimes(1.3), () -> frame.filter(col("bucket").equalTo(SyntheticDocuments.FIVE_PERCENT_BUCKET)),
        "{\"bool\":{\"filter\":[{\"term\":{\"bucket\":" + SyntheticDocuments.FIVE_PERCENT_BUCKET + "}}]}}", scan);
    Target fast = Target.under(0.2, docs == 1_000_000 ? "" : "(goal at 1,000,000)");
    phases.add(new Phase("group-by count (10 groups)", docs,
        best(() -> expect(frame.groupBy("region").count().collectAsList().size(), 10, "groups")),
        best(() -> expect(raw.groupCount(ours, "region"), 10, "raw groups")), fast));
    phases.add(new Phase("count()", docs, best(() -> expect(frame.count(), docs, "count()")),
        best(() -> expect(raw.count(ours, ALL), docs, "raw _count")), fast));
    // What any Spark action costs here, Elasticsearch or not: the floor under the two phases above.
    phases.add(new Phase("Spark alone: range(1).count()", 1, best(() -> expect(spark.range(1).count(), 1, "range")),
        Double.NaN, Target.NONE));
    return phases;
  }

  void dropIndexes() {
    raw.deleteIndex(ours);
    raw.deleteIndex(rawIndex);
  }

  /** Ours first, into a fresh index; then the raw bulk into another, each including the final refresh. */
  private void write() throws Exception {
    raw.recreateIndex(ours, SyntheticDocuments.INDEX_DEFINITION);
    Dataset<Row> frame = SyntheticDocuments.frame(spark, docs);
    double seconds = time(() -> frame.write().format("searchbridge").mode("append").save(ours));
    expect(raw.count(ours, ALL), docs, "documents written by the connector");

    List<byte[]> bodies = SyntheticDocuments.bulkBodies(rawIndex, docs, BULK_ENTRIES);
    raw.recreateIndex(rawIndex, SyntheticDocuments.INDEX_DEFINITION);
    double rawSeconds = time(() -> {
      RawBulk.send(raw, bodies, CONNECTIONS);
      raw.refresh(rawIndex);
    });
    expect(raw.count(rawIndex, ALL), docs, "documents written by the raw client");
    phases.add(new Phase("write (DataSource, append)", docs, seconds, rawSeconds, Target.ratio(0.90)));
  }

  private void read(String name, long expected, Target target, Supplier<Dataset<Row>> query, String rawQuery,
      RawPitScan scan) throws Exception {
    double seconds = best(() -> expect(query.get().queryExecution().toRdd().count(), expected, name));
    double rawSeconds = best(() -> expect(scan.read(rawQuery), expected, "raw " + name));
    phases.add(new Phase(name, expected, seconds, rawSeconds, target));
  }

  private int shards(String index) {
    return raw.json("GET", "/" + index + "/_settings", null).path(index).path("settings").path("index")
        .path("number_of_shards").asInt();
  }

  private static long expect(long actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
    }
    return actual;
  }

  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  /** Reads are short and noisy on a shared machine: the better of two runs. */
  private static double best(Step step) throws Exception {
    return Math.min(time(step), time(step));
  }

  private static double time(Step step) throws Exception {
    long start = System.nanoTime();
    step.run();
    return (System.nanoTime() - start) / 1e9;
  }
}
