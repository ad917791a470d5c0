package io.searchbridge.spark.sql;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.query.QuerySpec;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A pushed-down {@code COUNT(*)}: the driver asks {@code _count}, one task returns the number. */
final class CountScan implements Scan, Batch {

  private final EsTableOptions options;
  private final String queryJson;

  /** @param queryJson es.query combined with the pushed filters */
  CountScan(EsTableOptions options, String queryJson) {
    this.options = options;
    this.queryJson = queryJson;
  }

  @Override
  public StructType readSchema() {
    return new StructType().add("count", DataTypes.LongType, false);
  }

  @Override
  public String description() {
    return "Elasticsearch [" + options.name() + "] pushed COUNT(*) via _count, query=" + queryJson;
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    String resource = options.requireReadResource();
    QuerySpec query = new QuerySpec(queryJson, List.of(), List.of(), -1);
    try (EsClient client = ElasticsearchJavaClient.open(options.settings(), "searchbridge/count " + resource)) {
      return new InputPartition[] {new Counted(new PartitionPlanner(client, options.settings()).count(resource, query))};
    }
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new CountReaderFactory();
  }

  private record Counted(long count) implements InputPartition {}

  private record CountReaderFactory() implements PartitionReaderFactory {
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      long count = ((Counted) partition).count();
      return new PartitionReader<>() {
        private boolean done;

        @Override
        public boolean next() {
          boolean hasRow = !done;
          done = true;
          return hasRow;
        }

        @Override
        public InternalRow get() {
          return new GenericInternalRow(new Object[] {count});
        }

        @Override
        public void close() {}
      };
    }
  }
}
