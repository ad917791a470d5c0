package io.searchbridge.it.support;

import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;

/** What the connector's scans of an executed Spark plan fetched, to see that a query stays pushed down. */
public final class ScanMetrics {

  private ScanMetrics() {}

  /** Rows the plan's DataSource V2 scans produced, i.e. documents (or groups) Elasticsearch returned. */
  public static long scannedRows(SparkPlan plan) {
    long rows = 0;
    for (SparkPlan leaf : scala.collection.JavaConverters.seqAsJavaList(plan.collectLeaves())) {
      if (leaf instanceof BatchScanExec scan) {
        rows += scan.metrics().apply("numOutputRows").value();
      }
    }
    return rows;
  }
}
