package io.searchbridge.bench;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The benchmark's data (issue 15): document {@code i} has seven small fields, three keywords, a text
 * of about 100 characters, a date, a double and an array of three keywords. Spark derives them from
 * {@code spark.range} and the raw client from the same formulas, so every side writes the same
 * documents. {@code category} has 20 values (the 5% filter), {@code region} 10 (the group-by).
 */
final class SyntheticDocuments {

  static final String MAPPINGS = "{\"properties\":{"
      + "\"id\":{\"type\":\"keyword\"},\"category\":{\"type\":\"keyword\"},\"region\":{\"type\":\"keyword\"},"
      + "\"title\":{\"type\":\"text\"},\"created\":{\"type\":\"date\"},\"amount\":{\"type\":\"double\"},"
      + "\"tags\":{\"type\":\"keyword\"}}}";
  /** Two shards, no replica on a one-node cluster, and no refresh during the load: one refresh before reads. */
  static final String INDEX_DEFINITION = "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":0,"
      + "\"refresh_interval\":\"-1\"},\"mappings\":" + MAPPINGS + "}";
  /** Mappings cannot say that {@code tags} holds several values; readers have to be told. */
  static final String ARRAY_FIELDS = "tags";

  static final int CATEGORIES = 20;
  /** Matches 5% of the documents. */
  static final String FIVE_PERCENT_CATEGORY = "cat-3";
  static final int REGIONS_COUNT = 10;

  private static final String[] REGIONS =
      {"north", "south", "east", "west", "centre", "coast", "hills", "lakes", "plains", "islands"};
  /** With "item N " in front, titles are 94-102 characters long. */
  private static final String[] PHRASES = {
      "a sturdy oak table with four legs, hand finished and delivered flat packed to your door",
      "blue ceramic mugs in a set of six, dishwasher safe, glazed inside and out, made by hand",
      "a quiet electric kettle of one and a half litres with an automatic switch off and filter",
      "woollen winter socks in three sizes, knitted from undyed yarn, soft and warm on long walks",
      "a paperback guide to the coastal paths of the region, with maps, tide tables and drawings",
      "stainless steel garden shears with ash handles, sharpened by hand and oiled before sale",
      "a compact desk lamp with a warm light, a heavy base and a flexible neck for late reading",
      "linen tea towels printed with local birds, washed once so they are soft from the first use"};
  private static final int[] TAG_MODULI = {10, 13, 17};
  private static final int[] TAG_OFFSETS = {0, 10, 30};
  private static final long FIRST_SECOND = 1_700_000_000L;
  private static final JsonFactory JSON = new JsonFactory();

  private SyntheticDocuments() {}

  static Dataset<Row> frame(SparkSession spark, long documents) {
    Column id = col("id");
    Column[] tags = new Column[TAG_MODULI.length];
    for (int t = 0; t < tags.length; t++) {
      tags[t] = concat(lit("tag-"), id.mod(TAG_MODULI[t]).plus(TAG_OFFSETS[t]).cast("string"));
    }
    // Two input partitions: one write task per core of local[2].
    return spark.range(0, documents, 1, 2).select(
        concat(lit("doc-"), id.cast("string")).as("id"),
        concat(lit("cat-"), id.mod(CATEGORIES).cast("string")).as("category"),
        pick(REGIONS, id).as("region"),
        concat(lit("item "), id.cast("string"), lit(" "), pick(PHRASES, id)).as("title"),
        timestamp_seconds(id.plus(FIRST_SECOND)).as("created"),
        id.mod(10_000).divide(100.0).as("amount"),
        array(tags).as("tags"));
  }

  /** Expected matches of {@code category = FIVE_PERCENT_CATEGORY} among the first {@code documents}. */
  static long fivePercent(long documents) {
    int value = Integer.parseInt(FIVE_PERCENT_CATEGORY.substring("cat-".length()));
    return documents / CATEGORIES + (documents % CATEGORIES > value ? 1 : 0);
  }

  /**
   * {@code _bulk} bodies of about {@code bytesPerRequest} each (a body ends with the document that
   * reaches the size), for documents {@code [0, documents)} with their ids, serialised before any clock starts.
   */
  static List<byte[]> bulkBodies(String index, long documents, int bytesPerRequest) {
    List<byte[]> bodies = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytesPerRequest + 1024);
    try {
      for (long i = 0; i < documents; i++) {
        out.write(("{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"doc-" + i + "\"}}\n")
            .getBytes(StandardCharsets.UTF_8));
        writeDocument(out, i);
        out.write('\n');
        if (out.size() >= bytesPerRequest || i + 1 == documents) {
          bodies.add(out.toByteArray());
          out.reset();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bodies;
  }

  /** Document {@code i} as compact JSON, field for field what the connectors write for row {@code i}. */
  static void writeDocument(OutputStream out, long i) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("id", "doc-" + i);
      json.writeStringField("category", category(i));
      json.writeStringField("region", REGIONS[(int) (i % REGIONS.length)]);
      json.writeStringField("title", title(i));
      json.writeStringField("created", Instant.ofEpochSecond(FIRST_SECOND + i).toString());
      json.writeNumberField("amount", (i % 10_000) / 100.0);
      json.writeArrayFieldStart("tags");
      for (String tag : tags(i)) {
        json.writeString(tag);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** The schema of {@link #frame} (nullability aside), for codec benchmarks that run without Spark. */
  static StructType schema() {
    return new StructType().add("id", DataTypes.StringType).add("category", DataTypes.StringType)
        .add("region", DataTypes.StringType).add("title", DataTypes.StringType)
        .add("created", DataTypes.TimestampType).add("amount", DataTypes.DoubleType)
        .add("tags", DataTypes.createArrayType(DataTypes.StringType));
  }

  /** Row {@code i} in Spark's internal form, in the column order of {@link #frame}. */
  static InternalRow row(long i) {
    Object[] tags = Arrays.stream(tags(i)).map(UTF8String::fromString).toArray();
    return new GenericInternalRow(new Object[] {utf8("doc-" + i), utf8(category(i)),
        utf8(REGIONS[(int) (i % REGIONS.length)]), utf8(title(i)), (FIRST_SECOND + i) * 1_000_000L,
        (i % 10_000) / 100.0, new GenericArrayData(tags)});
  }

  private static Column pick(String[] values, Column id) {
    // element_at counts from 1.
    return element_at(array(Arrays.stream(values).map(functions::lit).toArray(Column[]::new)),
        id.mod(values.length).plus(1).cast("int"));
  }

  private static String category(long i) {
    return "cat-" + i % CATEGORIES;
  }

  private static String title(long i) {
    return "item " + i + " " + PHRASES[(int) (i % PHRASES.length)];
  }

  private static String[] tags(long i) {
    String[] tags = new String[TAG_MODULI.length];
    for (int t = 0; t < tags.length; t++) {
      tags[t] = "tag-" + (i % TAG_MODULI[t] + TAG_OFFSETS[t]);
    }
    return tags;
  }

  private static UTF8String utf8(String value) {
    return UTF8String.fromString(value);
  }
}
