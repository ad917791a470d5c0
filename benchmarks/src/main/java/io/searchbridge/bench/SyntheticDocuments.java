package io.searchbridge.bench;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;

import com.fasterxml.jackson.core.JsonGenerator;
import io.searchbridge.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The benchmark's data: document {@code i} has ten small fields (keyword, long, integer, double,
 * boolean, date, text). Spark derives them from {@code spark.range}, and the raw client from the
 * same formulas, so both write the same JSON. Columns are chosen for the read phases: {@code
 * category} has 100 values (a 1% filter), {@code bucket} 20 (a 5% filter), {@code region} 10 (the
 * group-by).
 */
final class SyntheticDocuments {

  /** The index's mappings: what the connector infers its read schema from. */
  static final String MAPPINGS = "{\"properties\":{"
      + "\"id\":{\"type\":\"keyword\"},\"seq\":{\"type\":\"long\"},\"category\":{\"type\":\"keyword\"},"
      + "\"bucket\":{\"type\":\"integer\"},\"region\":{\"type\":\"keyword\"},\"amount\":{\"type\":\"double\"},"
      + "\"quantity\":{\"type\":\"integer\"},\"active\":{\"type\":\"boolean\"},\"created\":{\"type\":\"date\"},"
      + "\"title\":{\"type\":\"text\"}}}";
  /** Two shards, one per core; no replica on a one-node cluster. */
  static final String INDEX_DEFINITION =
      "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":0},\"mappings\":" + MAPPINGS + "}";

  /** Matches 1% of the documents: {@code category = 'cat-7'}. */
  static final String ONE_PERCENT_CATEGORY = "cat-7";
  /** Matches 5% of the documents: {@code bucket = 3}. */
  static final int FIVE_PERCENT_BUCKET = 3;

  private static final String[] REGIONS =
      {"north", "south", "east", "west", "centre", "coast", "hills", "lakes", "plains", "islands"};
  private static final long FIRST_SECOND = 1_700_000_000L;

  private SyntheticDocuments() {}

  static Dataset<Row> frame(SparkSession spark, long documents) {
    Column id = col("id");
    Column category = concat(lit("cat-"), id.mod(100).cast("string"));
    // element_at counts from 1.
    Column region = element_at(array(Arrays.stream(REGIONS).map(functions::lit).toArray(Column[]::new)),
        id.mod(REGIONS.length).plus(1).cast("int"));
    // Two input partitions: one write task per core of local[2].
    return spark.range(0, documents, 1, 2).select(
        concat(lit("doc-"), id.cast("string")).as("id"),
        id.as("seq"),
        category.as("category"),
        id.mod(20).cast("int").as("bucket"),
        region.as("region"),
        id.mod(10_000).divide(100.0).as("amount"),
        id.mod(1000).cast("int").as("quantity"),
        id.mod(2).equalTo(0).as("active"),
        timestamp_seconds(id.plus(FIRST_SECOND)).as("created"),
        concat(lit("item "), id.cast("string"), lit(" in "), category, lit(" from "), region).as("title"));
  }

  /** Expected matches of a filter on {@code i mod modulus == value} among the first {@code documents}. */
  static long matching(long documents, int modulus, int value) {
    return documents / modulus + (documents % modulus > value ? 1 : 0);
  }

  /**
   * {@code _bulk} bodies of {@code perRequest} index actions each, for documents {@code [0,
   * documents)}, serialised before any clock starts.
   */
  static List<byte[]> bulkBodies(String index, long documents, int perRequest) {
    List<byte[]> bodies = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream(perRequest * 300);
    byte[] action = ("{\"index\":{\"_index\":\"" + index + "\"}}\n").getBytes(StandardCharsets.UTF_8);
    try {
      for (long i = 0; i < documents; i++) {
        out.write(action);
        writeDocument(out, i);
        out.write('\n');
        if ((i + 1) % perRequest == 0 || i + 1 == documents) {
          bodies.add(out.toByteArray());
          out.reset();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bodies;
  }

  /** Document {@code i} as compact JSON, field for field what the connector writes for row {@code i}. */
  static void writeDocument(ByteArrayOutputStream out, long i) throws IOException {
    try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("id", "doc-" + i);
      json.writeNumberField("seq", i);
      json.writeStringField("category", category(i));
      json.writeNumberField("bucket", (int) (i % 20));
      json.writeStringField("region", region(i));
      json.writeNumberField("amount", (i % 10_000) / 100.0);
      json.writeNumberField("quantity", (int) (i % 1000));
      json.writeBooleanField("active", i % 2 == 0);
      json.writeStringField("created", Instant.ofEpochSecond(FIRST_SECOND + i).toString());
      json.writeStringField("title", title(i));
      json.writeEndObject();
    }
  }

  /** The schema of {@link #frame} (nullability aside), for codec benchmarks that run without Spark. */
  static StructType schema() {
    return new StructType().add("id", DataTypes.StringType).add("seq", DataTypes.LongType)
        .add("category", DataTypes.StringType).add("bucket", DataTypes.IntegerType)
        .add("region", DataTypes.StringType).add("amount", DataTypes.DoubleType)
        .add("quantity", DataTypes.IntegerType).add("active", DataTypes.BooleanType)
        .add("created", DataTypes.TimestampType).add("title", DataTypes.StringType);
  }

  /** Row {@code i} in Spark's internal form, in the column order of {@link #frame}. */
  static InternalRow row(long i) {
    return new GenericInternalRow(new Object[] {utf8("doc-" + i), i, utf8(category(i)), (int) (i % 20),
        utf8(region(i)), (i % 10_000) / 100.0, (int) (i % 1000), i % 2 == 0, (FIRST_SECOND + i) * 1_000_000L,
        utf8(title(i))});
  }

  private static String category(long i) {
    return "cat-" + i % 100;
  }

  private static String region(long i) {
    return REGIONS[(int) (i % REGIONS.length)];
  }

  private static String title(long i) {
    return "item " + i + " in " + category(i) + " from " + region(i);
  }

  private static UTF8String utf8(String value) {
    return UTF8String.fromString(value);
  }
}
