package io.searchbridge.mirror;

import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.query.QuerySpec;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;

/** Runs a copy as a Spark job: one Spark partition per planned read partition. */
final class SparkIndexCopy {

  private final JavaSparkContext spark;
  private final Settings primary;
  private final Settings standby;

  SparkIndexCopy(JavaSparkContext spark, MirrorConfig config) {
    this.spark = spark;
    this.primary = config.primary();
    this.standby = config.standby();
  }

  CopyTotals run(String resource, QuerySpec query, List<PartitionSpec> partitions, String description) {
    if (partitions.isEmpty()) {
      return CopyTotals.NONE;
    }
    // Locals, not fields: the closure must not capture this driver-side object.
    Settings from = primary;
    Settings to = standby;
    spark.setJobDescription(description);
    return spark.parallelize(partitions, partitions.size())
        .map(partition -> PartitionCopy.copy(from, to, resource, query, partition,
            "searchbridge-mirror " + resource + " partition " + partition.id()))
        .reduce(CopyTotals::plus);
  }
}
