package io.searchbridge.spark.sql;

import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;

/** Append by default; {@code SaveMode.Overwrite} truncates first (see {@link EsBatchWrite}). */
final class EsWriteBuilder implements WriteBuilder, SupportsTruncate {

  private final EsTableOptions options;
  private final StructType schema;
  private boolean truncate;

  EsWriteBuilder(EsTableOptions options, StructType schema) {
    this.options = options;
    this.schema = schema;
  }

  @Override
  public WriteBuilder truncate() {
    truncate = true;
    return this;
  }

  @Override
  public Write build() {
    return new EsBatchWrite(options, schema, truncate);
  }
}
