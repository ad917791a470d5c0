package io.searchbridge.spark.sql;

import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.internal.connector.SupportsStreamingUpdateAsAppend;

/**
 * Append by default; {@code SaveMode.Overwrite} truncates first (see {@link EsBatchWrite}).
 * Streaming Update mode is accepted here (Spark asks for the marker interface) and turned into
 * upserts by {@code io.searchbridge.spark.stream.EsStreamingWrite}, which learns the mode from the query.
 */
final class EsWriteBuilder implements WriteBuilder, SupportsTruncate, SupportsStreamingUpdateAsAppend {

  private final EsTableOptions options;
  private final LogicalWriteInfo info;
  private boolean truncate;

  EsWriteBuilder(EsTableOptions options, LogicalWriteInfo info) {
    this.options = options;
    this.info = info;
  }

  @Override
  public WriteBuilder truncate() {
    truncate = true;
    return this;
  }

  @Override
  public Write build() {
    return new EsWrite(options, info.schema(), truncate, info.queryId(), info.options());
  }
}
