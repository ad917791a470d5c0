package io.searchbridge.bench;

import static org.apache.spark.sql.functions.col;

import io.searchbridge.bench.Phase.Kind;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Every phase through a connector's DataFrame API, the way a user writes it, for one document count.
 * Each read phase loads the index afresh (schema discovery is part of what a user waits for) and
 * checks its answer against what was written.
 */
final class ConnectorPhases {

  private final SparkSession spark;
  private final Connector connector;
  private final RawClient admin;
  private final CpuClock clock;
  private final long docs;

  ConnectorPhases(SparkSession spark, Connector connector, RawClient admin, CpuClock clock, long docs) {
    this.spark = spark;
    this.connector = connector;
    this.admin = admin;
    this.clock = clock;
    this.docs = docs;
  }

  /** Writes into a fresh {@code index} (created by the harness with refresh off), reads it, and deletes it. */
  List<Phase> run(String pass, String index) throws Exception {
    List<Phase> phases = new ArrayList<>();
    admin.recreateIndex(index, SyntheticDocuments.INDEX_DEFINITION);
    Dataset<Row> rows = SyntheticDocuments.frame(spark, docs);
    phases.add(clock.measure(pass, Kind.WRITE, docs, () -> {
      rows.write().format(connector.format()).options(connector.writeOptions()).mode("append").save(index);
      admin.refresh(index);
    }));
    Checks.expect(admin.count(index, RawPhases.ALL), docs, connector.name() + ": documents written");

    phases.add(clock.measure(pass, Kind.READ_ALL, docs,
        () -> Checks.expect(load(index).queryExecution().toRdd().count(), docs, connector.name() + ": read all")));
    long matching = SyntheticDocuments.fivePercent(docs);
    phases.add(clock.measure(pass, Kind.FILTER, matching, () -> Checks.expect(
        load(index).filter(col("category").equalTo(SyntheticDocuments.FIVE_PERCENT_CATEGORY)).select("id")
            .collectAsList().size(), matching, connector.name() + ": 5% filter ids")));
    phases.add(clock.measure(pass, Kind.GROUP_BY, docs, () -> Checks.expect(
        load(index).groupBy("region").count().collectAsList().size(), SyntheticDocuments.REGIONS_COUNT,
        connector.name() + ": groups")));
    phases.add(clock.measure(pass, Kind.COUNT, docs,
        () -> Checks.expect(load(index).count(), docs, connector.name() + ": count()")));
    admin.deleteIndex(index);
    return phases;
  }

  private Dataset<Row> load(String index) {
    return spark.read().format(connector.format()).options(connector.readOptions()).load(index);
  }
}
