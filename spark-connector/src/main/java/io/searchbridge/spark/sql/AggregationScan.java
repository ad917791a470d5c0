package io.searchbridge.spark.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.read.AggregationPager;
import io.searchbridge.pushdown.PushedAggregation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A pushed-down {@code GROUP BY} with aggregates: one task runs the aggregation (paging a
 * composite aggregation to its end) and returns one row per group; no document is fetched.
 */
final class AggregationScan implements Scan, Batch {

  /** One output column and where its value is in a bucket. */
  record Output(String name, boolean group, boolean docCount, DataType type) implements Serializable {}

  private final EsTableOptions options;
  private final String queryJson;
  private final PushedAggregation aggregation;

  AggregationScan(EsTableOptions options, String queryJson, PushedAggregation aggregation) {
    this.options = options;
    this.queryJson = queryJson;
    this.aggregation = aggregation;
  }

  @Override
  public StructType readSchema() {
    StructType schema = new StructType();
    for (PushedAggregation.OutputColumn column : aggregation.outputs()) {
      schema = schema.add(column.name(), column.type());
    }
    return schema;
  }

  @Override
  public String description() {
    return "Elasticsearch [" + options.name() + "] pushed aggregation group by " + aggregation.groupColumns()
        + " query=" + queryJson + " aggs=" + aggregation.aggregationsJson();
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    return new InputPartition[] {new Aggregate(options.settings(), options.requireReadResource(), queryJson,
        aggregation.aggregationsJson(), aggregation.composite(), outputs())};
  }

  private List<Output> outputs() {
    return aggregation.outputs().stream().map(c -> new Output(c.name(), c.kind() == PushedAggregation.OutputKind.GROUP,
        c.docCount(), c.type())).toList();
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return partition -> new BucketReader((Aggregate) partition);
  }

  private record Aggregate(Settings settings, String resource, String queryJson, String aggregationsJson,
      boolean composite, List<Output> outputs) implements InputPartition {}

  /** Collects the buckets (one row each) and hands them to Spark. Groups are few next to documents. */
  private static final class BucketReader implements PartitionReader<InternalRow> {

    private final Iterator<InternalRow> rows;
    private InternalRow current;

    BucketReader(Aggregate aggregate) {
      List<InternalRow> collected = new ArrayList<>();
      try (EsClient client = ElasticsearchJavaClient.open(aggregate.settings(), "searchbridge/aggregate " + aggregate.resource())) {
        String name = aggregate.composite() ? PushedAggregation.COMPOSITE : PushedAggregation.ALL;
        AggregationPager.forEachBucket(client, aggregate.resource(), aggregate.queryJson(), aggregate.aggregationsJson(),
            name, aggregate.composite(), bucket -> collected.add(row(bucket, aggregate.outputs())));
      }
      this.rows = collected.iterator();
    }

    private static InternalRow row(JsonNode bucket, List<Output> outputs) {
      Object[] values = new Object[outputs.size()];
      for (int i = 0; i < values.length; i++) {
        Output output = outputs.get(i);
        JsonNode value = output.group() ? bucket.path("key").path(output.name())
            : output.docCount() ? bucket.path("doc_count") : bucket.path(output.name()).path("value");
        values[i] = value(value, output.type());
      }
      return new GenericInternalRow(values);
    }

    /** Elasticsearch answers numbers as JSON numbers (dates as epoch millis), booleans as keys true/false or 1/0. */
    private static Object value(JsonNode node, DataType type) {
      if (node.isMissingNode() || node.isNull()) {
        return null;
      }
      if (type instanceof StringType) {
        return UTF8String.fromString(node.asText());
      }
      if (type instanceof BooleanType) {
        return node.isBoolean() ? node.asBoolean() : node.asLong() != 0;
      }
      if (type instanceof LongType) {
        return (long) node.asDouble();
      }
      if (type instanceof IntegerType) {
        return (int) node.asDouble();
      }
      if (type instanceof ShortType) {
        return (short) node.asDouble();
      }
      if (type instanceof ByteType) {
        return (byte) node.asDouble();
      }
      if (type instanceof DoubleType) {
        return node.asDouble();
      }
      if (type instanceof FloatType) {
        return (float) node.asDouble();
      }
      if (type instanceof TimestampType) {
        return (long) node.asDouble() * 1000L;
      }
      if (type instanceof DateType) {
        return (int) Math.floorDiv((long) node.asDouble(), 86_400_000L);
      }
      if (type instanceof DecimalType decimal) {
        return Decimal.apply(node.decimalValue()).toPrecision(decimal.precision(), decimal.scale(),
            Decimal.ROUND_HALF_UP(), true, null);
      }
      throw new IllegalStateException("aggregation output of type " + type + " is not supported");
    }

    @Override
    public boolean next() {
      if (!rows.hasNext()) {
        return false;
      }
      current = rows.next();
      return true;
    }

    @Override
    public InternalRow get() {
      return current;
    }

    @Override
    public void close() {}
  }
}
