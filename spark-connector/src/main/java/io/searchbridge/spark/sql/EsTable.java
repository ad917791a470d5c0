package io.searchbridge.spark.sql;

import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** An index, alias or pattern seen as a Spark table. */
final class EsTable implements SupportsRead, SupportsWrite {

  private final EsTableOptions options;
  private final StructType schema;
  private final boolean batchWrite;

  /** A table for reads and streaming writes; batch writes go through {@link SaveModes} (see there). */
  EsTable(EsTableOptions options, StructType schema) {
    this(options, schema, false);
  }

  EsTable(EsTableOptions options, StructType schema, boolean batchWrite) {
    this.options = options;
    this.schema = schema;
    this.batchWrite = batchWrite;
  }

  @Override
  public String name() {
    return options.name();
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    // Elasticsearch indexes take documents of any shape (dynamic mappings), so writes are not
    // checked against the read schema.
    Set<TableCapability> capabilities = EnumSet.of(TableCapability.BATCH_READ, TableCapability.TRUNCATE,
        TableCapability.STREAMING_WRITE, TableCapability.ACCEPT_ANY_SCHEMA);
    if (batchWrite) {
      capabilities.add(TableCapability.BATCH_WRITE);
    }
    return capabilities;
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap scanOptions) {
    return new EsScanBuilder(options, schema);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return new EsWriteBuilder(options, info);
  }
}
