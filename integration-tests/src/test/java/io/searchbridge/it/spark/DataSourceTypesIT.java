package io.searchbridge.it.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.searchbridge.it.support.SparkIntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

/**
 * Every field type the test server has, read from raw JSON in all the forms Elasticsearch accepts,
 * and every Spark type the encoder writes, against {@code spark-connector/TYPES.md}.
 *
 * <p>The integ-test distribution has only the server's own mappers (its modules are apm,
 * transport-netty4, x-pack-core and x-pack-security), so these types are covered here: keyword,
 * text, long, integer, short, byte, double, float, half_float, boolean, date, date_nanos, binary,
 * ip, object (also {@code enabled: false}), nested, geo_point, dense_vector, sparse_vector, the six
 * ranges, flattened, completion and alias. It lacks (and only the spark-connector unit tests cover)
 * scaled_float, token_count, rank_feature(s), search_as_you_type, match_only_text (mapper-extras),
 * join (parent-join), percolator, version, unsigned_long, wildcard, constant_keyword, histogram,
 * aggregate_metric_double, exponential_histogram, counted_keyword, geo_shape, shape, point,
 * semantic_text, rank_vectors, pattern_text, annotated_text, murmur3 and icu_collation_keyword.
 */
class DataSourceTypesIT extends SparkIntegrationTest {

  /** 2024-01-02T03:04:05Z, the instant most date documents spell in some form. */
  private static final Instant T0 = Instant.parse("2024-01-02T03:04:05Z");

  /** Creates the index with {@code properties} and bulk-indexes {@code idAndSource} pairs. */
  private String index(String prefix, String properties, String... idAndSource) {
    String index = server.uniqueIndex(prefix);
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
        + "\"mappings\":{\"properties\":" + properties + "}}");
    StringBuilder bulk = new StringBuilder();
    for (int i = 0; i < idAndSource.length; i += 2) {
      bulk.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(idAndSource[i])
          .append("\"}}\n").append(idAndSource[i + 1]).append('\n');
    }
    var answer = rest.post("/_bulk?refresh=true", bulk.toString());
    assertThat(answer.path("errors").asBoolean()).as("bulk answer %s", answer).isFalse();
    return index;
  }

  private Dataset<Row> read(String index, String... options) {
    var reader = spark.read().format("searchbridge").option("es.nodes", server.url());
    for (int i = 0; i < options.length; i += 2) {
      reader = reader.option(options[i], options[i + 1]);
    }
    return reader.load(index);
  }

  /** Rows by document id; the id is the column {@code id} every document here holds. */
  private static Map<String, Row> byId(Dataset<Row> frame) {
    Map<String, Row> rows = new HashMap<>();
    for (Row row : frame.collectAsList()) {
      rows.put(row.getAs("id"), row);
    }
    return rows;
  }

  private static DataType typeOf(Dataset<Row> frame, String column) {
    return frame.schema().apply(column).dataType();
  }

  private static Instant instant(Row row, String column) {
    Timestamp value = row.getAs(column);
    return value == null ? null : value.toInstant();
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Row row, String column) {
    Object value = row.getAs(column);
    if (value == null) {
      return null;
    }
    return value instanceof List<?> ? (List<T>) value
        : JavaConverters.seqAsJavaList((scala.collection.Seq<T>) value);
  }

  private static <K, V> Map<K, V> map(Row row, String column) {
    scala.collection.Map<K, V> value = row.getAs(column);
    return value == null ? null : JavaConverters.mapAsJavaMap(value);
  }

  @Test
  void scalarsReadInEveryFormTheServerAccepts() {
    String index = index("scalars", "{\"id\":{\"type\":\"keyword\"},\"kw\":{\"type\":\"keyword\"},"
            + "\"txt\":{\"type\":\"text\"},\"l\":{\"type\":\"long\"},\"i\":{\"type\":\"integer\"},"
            + "\"s\":{\"type\":\"short\"},\"b\":{\"type\":\"byte\"},\"d\":{\"type\":\"double\"},"
            + "\"f\":{\"type\":\"float\"},\"hf\":{\"type\":\"half_float\"},\"bool\":{\"type\":\"boolean\"},"
            + "\"bin\":{\"type\":\"binary\"},\"ip\":{\"type\":\"ip\"}}",
        "full", "{\"id\":\"full\",\"kw\":\"Zoë 名前 🎉\",\"txt\":\"naïve “quoted” text\\n\",\"l\":9007199254740993,"
            + "\"i\":-2147483648,\"s\":32767,\"b\":-128,\"d\":2.5e-300,\"f\":1.1,\"hf\":0.5,\"bool\":true,"
            + "\"bin\":\"aGVsbG8=\",\"ip\":\"192.168.1.1\"}",
        "strings", "{\"id\":\"strings\",\"kw\":123,\"txt\":false,\"l\":\"42\",\"i\":\"7\",\"s\":\"-3\",\"b\":\"12\","
            + "\"d\":\"1.25\",\"f\":\"3.5\",\"hf\":\"2\",\"bool\":\"false\",\"ip\":\"::1\"}",
        "coerced", "{\"id\":\"coerced\",\"l\":3.7,\"i\":-2.9,\"bool\":false}",
        "nulls", "{\"id\":\"nulls\",\"kw\":null,\"txt\":null,\"l\":null,\"i\":null,\"s\":null,\"b\":null,\"d\":null,"
            + "\"f\":null,\"hf\":null,\"bool\":null,\"bin\":null,\"ip\":null}",
        "missing", "{\"id\":\"missing\"}");

    Dataset<Row> frame = read(index);
    assertThat(frame.schema()).isEqualTo(new StructType()
        .add("b", DataTypes.ByteType).add("bin", DataTypes.BinaryType).add("bool", DataTypes.BooleanType)
        .add("d", DataTypes.DoubleType).add("f", DataTypes.FloatType).add("hf", DataTypes.FloatType)
        .add("i", DataTypes.IntegerType).add("id", DataTypes.StringType).add("ip", DataTypes.StringType)
        .add("kw", DataTypes.StringType).add("l", DataTypes.LongType).add("s", DataTypes.ShortType)
        .add("txt", DataTypes.StringType));
    Map<String, Row> rows = byId(frame);
    assertThat(rows).hasSize(5);

    Row full = rows.get("full");
    assertThat((String) full.getAs("kw")).isEqualTo("Zoë 名前 🎉");
    assertThat((String) full.getAs("txt")).isEqualTo("naïve “quoted” text\n");
    assertThat((Long) full.getAs("l")).isEqualTo(9007199254740993L);
    assertThat((Integer) full.getAs("i")).isEqualTo(Integer.MIN_VALUE);
    assertThat((Short) full.getAs("s")).isEqualTo((short) 32767);
    assertThat((Byte) full.getAs("b")).isEqualTo((byte) -128);
    assertThat((Double) full.getAs("d")).isEqualTo(2.5e-300);
    assertThat((Float) full.getAs("f")).isEqualTo(1.1f);
    assertThat((Float) full.getAs("hf")).isEqualTo(0.5f);
    assertThat((Boolean) full.getAs("bool")).isTrue();
    assertThat((byte[]) full.getAs("bin")).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
    assertThat((String) full.getAs("ip")).isEqualTo("192.168.1.1");

    // numbers and booleans in string fields keep their JSON text; numeric strings are numbers
    Row strings = rows.get("strings");
    assertThat((String) strings.getAs("kw")).isEqualTo("123");
    assertThat((String) strings.getAs("txt")).isEqualTo("false");
    assertThat((Long) strings.getAs("l")).isEqualTo(42L);
    assertThat((Integer) strings.getAs("i")).isEqualTo(7);
    assertThat((Short) strings.getAs("s")).isEqualTo((short) -3);
    assertThat((Byte) strings.getAs("b")).isEqualTo((byte) 12);
    assertThat((Double) strings.getAs("d")).isEqualTo(1.25);
    assertThat((Float) strings.getAs("f")).isEqualTo(3.5f);
    assertThat((Float) strings.getAs("hf")).isEqualTo(2f);
    assertThat((Boolean) strings.getAs("bool")).isFalse();
    assertThat((String) strings.getAs("ip")).isEqualTo("::1");

    // fractions in integral fields are truncated, as Elasticsearch's coerce indexes them
    assertThat((Long) rows.get("coerced").getAs("l")).isEqualTo(3L);
    assertThat((Integer) rows.get("coerced").getAs("i")).isEqualTo(-2);

    for (String id : List.of("nulls", "missing")) {
      Row empty = rows.get(id);
      for (String column : frame.schema().fieldNames()) {
        if (!column.equals("id")) {
          assertThat((Object) empty.getAs(column)).as("%s.%s", id, column).isNull();
        }
      }
    }
  }

  @Test
  void datesHonourTheMappingFormats() {
    String index = index("dates", "{\"id\":{\"type\":\"keyword\"},"
            + "\"custom\":{\"type\":\"date\",\"format\":\"yyyy/MM/dd HH:mm:ss||epoch_millis\"},"
            + "\"plain\":{\"type\":\"date\"},\"nanos\":{\"type\":\"date_nanos\"},"
            + "\"secs\":{\"type\":\"date\",\"format\":\"epoch_second\"}}",
        "a", "{\"id\":\"a\",\"custom\":\"2024/01/02 03:04:05\",\"plain\":\"2024-01-02T03:04:05.123Z\","
            + "\"nanos\":\"2024-01-02T03:04:05.123456789Z\",\"secs\":1704164645}",
        "b", "{\"id\":\"b\",\"custom\":1704164645000,\"plain\":1704164645123,\"nanos\":\"2024-01-02T03:04:05Z\","
            + "\"secs\":\"1704164645\"}",
        "c", "{\"id\":\"c\",\"custom\":\"1704164645000\",\"plain\":\"2024-01-02\",\"nanos\":1704164645123,"
            + "\"secs\":null}",
        "d", "{\"id\":\"d\",\"plain\":\"2024-01-02T04:04:05+01:00\"}");

    Dataset<Row> frame = read(index);
    for (String column : List.of("custom", "plain", "nanos", "secs")) {
      assertThat(typeOf(frame, column)).as(column).isEqualTo(DataTypes.TimestampType);
    }
    Map<String, Row> rows = byId(frame);
    assertThat(instant(rows.get("a"), "custom")).isEqualTo(T0);
    assertThat(instant(rows.get("b"), "custom")).isEqualTo(T0);
    assertThat(instant(rows.get("c"), "custom")).isEqualTo(T0);
    assertThat(instant(rows.get("d"), "custom")).isNull();
    assertThat(instant(rows.get("a"), "plain")).isEqualTo(T0.plusMillis(123));
    assertThat(instant(rows.get("b"), "plain")).isEqualTo(T0.plusMillis(123));
    assertThat(instant(rows.get("c"), "plain")).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    assertThat(instant(rows.get("d"), "plain")).isEqualTo(T0);
    // Spark timestamps hold microseconds: the nanoseconds are truncated
    assertThat(instant(rows.get("a"), "nanos")).isEqualTo(T0.plusNanos(123_456_000));
    assertThat(instant(rows.get("b"), "nanos")).isEqualTo(T0);
    assertThat(instant(rows.get("c"), "nanos")).isEqualTo(T0.plusMillis(123));
    assertThat(instant(rows.get("a"), "secs")).isEqualTo(T0);
    assertThat(instant(rows.get("b"), "secs")).isEqualTo(T0);
    assertThat(instant(rows.get("c"), "secs")).isNull();

    // without rich dates the values are the strings of _source
    Map<String, Row> raw = byId(read(index, "es.mapping.date.rich", "false"));
    assertThat((String) raw.get("a").getAs("custom")).isEqualTo("2024/01/02 03:04:05");
    assertThat((String) raw.get("b").getAs("custom")).isEqualTo("1704164645000");

    // a user schema may declare a date column
    Dataset<Row> dated = spark.read().format("searchbridge").option("es.nodes", server.url())
        .schema(new StructType().add("id", DataTypes.StringType).add("custom", DataTypes.DateType)).load(index);
    assertThat((Date) byId(dated).get("a").getAs("custom")).isEqualTo(Date.valueOf("2024-01-02"));
  }

  @Test
  void geoPointsInEveryForm() {
    String index = index("geo", "{\"id\":{\"type\":\"keyword\"},\"p\":{\"type\":\"geo_point\"}}",
        "object", "{\"id\":\"object\",\"p\":{\"lat\":41.12,\"lon\":-71.34}}",
        "string", "{\"id\":\"string\",\"p\":\"41.12,-71.34\"}",
        "array", "{\"id\":\"array\",\"p\":[-71.34,41.12]}",
        "wkt", "{\"id\":\"wkt\",\"p\":\"POINT (-71.34 41.12)\"}",
        "geojson", "{\"id\":\"geojson\",\"p\":{\"type\":\"Point\",\"coordinates\":[-71.34,41.12]}}",
        "geohash", "{\"id\":\"geohash\",\"p\":\"drm3btev3e86\"}",
        "none", "{\"id\":\"none\",\"p\":null}");

    Dataset<Row> frame = read(index);
    assertThat(typeOf(frame, "p")).isEqualTo(
        new StructType().add("lat", DataTypes.DoubleType).add("lon", DataTypes.DoubleType));
    Map<String, Row> rows = byId(frame);
    for (String id : List.of("object", "string", "array", "wkt", "geojson")) {
      Row point = rows.get(id).getAs("p");
      assertThat(point.getDouble(0)).as(id).isEqualTo(41.12);
      assertThat(point.getDouble(1)).as(id).isEqualTo(-71.34);
    }
    // a geohash is a cell, read as its centre
    Row cell = rows.get("geohash").getAs("p");
    assertThat(cell.getDouble(0)).isCloseTo(41.12, within(1e-4));
    assertThat(cell.getDouble(1)).isCloseTo(-71.34, within(1e-4));
    assertThat((Object) rows.get("none").getAs("p")).isNull();
  }

  @Test
  void objectsDottedNamesArraysAndNestedDocuments() {
    String index = index("objects", "{\"id\":{\"type\":\"keyword\"},"
            + "\"a\":{\"properties\":{\"b\":{\"type\":\"long\"},\"c\":{\"properties\":{\"d\":{\"type\":\"keyword\"}}}}},"
            + "\"tags\":{\"type\":\"keyword\"},\"matrix\":{\"type\":\"long\"},"
            + "\"pets\":{\"type\":\"nested\",\"properties\":{\"kind\":{\"type\":\"keyword\"},\"age\":{\"type\":\"integer\"},"
            + "\"toys\":{\"type\":\"nested\",\"properties\":{\"name\":{\"type\":\"keyword\"}}}}},"
            + "\"blob\":{\"type\":\"object\",\"enabled\":false}}",
        "dotted", "{\"id\":\"dotted\",\"a.b\":1,\"a.c.d\":\"x\",\"tags\":\"solo\",\"matrix\":[[1,2],[3]],"
            + "\"pets\":{\"kind\":\"cat\",\"age\":3},\"blob\":{\"k\":[1,\"two\"],\"n\":null}}",
        "objects", "{\"id\":\"objects\",\"a\":{\"b\":2,\"c\":{\"d\":\"y\"}},\"tags\":[\"p\",\"q\"],\"matrix\":[[4]],"
            + "\"pets\":[{\"kind\":\"dog\",\"age\":5,\"toys\":[{\"name\":\"ball\"},{\"name\":\"rope\"}]},{\"kind\":\"fish\"}],"
            + "\"blob\":\"plain\"}",
        "mixed", "{\"id\":\"mixed\",\"a\":{\"b\":3,\"c.d\":\"z\"},\"tags\":[],\"pets\":[]}",
        "empty", "{\"id\":\"empty\"}");

    Dataset<Row> frame = read(index, "es.read.field.as.array.include", "tags,matrix:2,pets.toys");
    StructType pet = new StructType().add("age", DataTypes.IntegerType).add("kind", DataTypes.StringType)
        .add("toys", DataTypes.createArrayType(new StructType().add("name", DataTypes.StringType)));
    assertThat(frame.schema()).isEqualTo(new StructType()
        .add("a", new StructType().add("b", DataTypes.LongType)
            .add("c", new StructType().add("d", DataTypes.StringType)))
        .add("blob", DataTypes.StringType)
        .add("id", DataTypes.StringType)
        .add("matrix", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.LongType)))
        .add("pets", DataTypes.createArrayType(pet))
        .add("tags", DataTypes.createArrayType(DataTypes.StringType)));
    Map<String, Row> rows = byId(frame);

    // the dotted and the object form land in the same struct
    assertThat(rows.get("dotted").<Row>getAs("a")).isEqualTo(RowFactory.create(1L, RowFactory.create("x")));
    assertThat(rows.get("objects").<Row>getAs("a")).isEqualTo(RowFactory.create(2L, RowFactory.create("y")));
    assertThat(rows.get("mixed").<Row>getAs("a")).isEqualTo(RowFactory.create(3L, RowFactory.create("z")));
    assertThat((Object) rows.get("empty").getAs("a")).isNull();

    // a single value in an array column is a one-element array
    assertThat(list(rows.get("dotted"), "tags")).containsExactly("solo");
    assertThat(list(rows.get("objects"), "tags")).containsExactly("p", "q");
    assertThat(list(rows.get("empty"), "tags")).isNull();
    List<Object> matrix = list(rows.get("dotted"), "matrix");
    assertThat(matrix).hasSize(2);
    assertThat(JavaConverters.seqAsJavaList((scala.collection.Seq<Long>) matrix.get(0))).containsExactly(1L, 2L);
    assertThat(JavaConverters.seqAsJavaList((scala.collection.Seq<Long>) matrix.get(1))).containsExactly(3L);

    // nested: one object reads as a one-element array; nested inside nested
    List<Row> cat = list(rows.get("dotted"), "pets");
    assertThat(cat).containsExactly(RowFactory.create(3, "cat", null));
    List<Row> pets = list(rows.get("objects"), "pets");
    assertThat(pets).hasSize(2);
    assertThat(pets.get(0).getInt(0)).isEqualTo(5);
    assertThat(pets.get(0).getString(1)).isEqualTo("dog");
    assertThat(JavaConverters.seqAsJavaList(pets.get(0).<scala.collection.Seq<Row>>getAs("toys")))
        .containsExactly(RowFactory.create("ball"), RowFactory.create("rope"));
    assertThat(pets.get(1)).isEqualTo(RowFactory.create(null, "fish", null));

    // an object that is not indexed reads as its JSON text, anything else as given
    assertThat((String) rows.get("dotted").getAs("blob")).isEqualTo("{\"k\":[1,\"two\"],\"n\":null}");
    assertThat((String) rows.get("objects").getAs("blob")).isEqualTo("plain");

    // without the array setting an array fails, naming the setting
    assertThatThrownBy(() -> read(index).collectAsList())
        .hasStackTraceContaining("es.read.field.as.array.include");
  }

  @Test
  void vectorsRangesFlattenedCompletionAndAlias() {
    String index = index("special", "{\"id\":{\"type\":\"keyword\"},"
            + "\"dense\":{\"type\":\"dense_vector\",\"dims\":3},\"sparse\":{\"type\":\"sparse_vector\"},"
            + "\"ints\":{\"type\":\"integer_range\"},\"longs\":{\"type\":\"long_range\"},"
            + "\"floats\":{\"type\":\"float_range\"},\"doubles\":{\"type\":\"double_range\"},"
            + "\"dates\":{\"type\":\"date_range\",\"format\":\"yyyy/MM/dd HH:mm:ss||epoch_millis\"},"
            + "\"ips\":{\"type\":\"ip_range\"},\"flat\":{\"type\":\"flattened\"},\"suggest\":{\"type\":\"completion\"},"
            + "\"name\":{\"type\":\"keyword\"},\"label\":{\"type\":\"alias\",\"path\":\"name\"},"
            + "\"o\":{\"properties\":{\"v\":{\"type\":\"long\"},\"w\":{\"type\":\"alias\",\"path\":\"o.v\"}}}}",
        "one", "{\"id\":\"one\",\"dense\":[0.5,1.0,-2.25],\"sparse\":{\"a\":0.5,\"b\":1.25},"
            + "\"ints\":{\"gte\":1,\"lte\":5},\"longs\":{\"gt\":-9007199254740993,\"lt\":9007199254740993},"
            + "\"floats\":{\"gte\":0.5},\"doubles\":{\"lte\":2.5e-300},"
            + "\"dates\":{\"gte\":\"2024/01/02 03:04:05\",\"lt\":1704164646000},"
            + "\"ips\":{\"gte\":\"10.0.0.1\",\"lte\":\"10.0.0.9\"},"
            + "\"flat\":{\"k\":\"v\",\"deep\":{\"x\":1,\"y\":true},\"list\":[1,2]},"
            + "\"suggest\":\"Zoë\",\"name\":\"Ünïcode\",\"o\":{\"v\":7}}",
        "two", "{\"id\":\"two\",\"suggest\":{\"input\":[\"a\",\"b\"],\"weight\":3},\"ips\":\"192.168.0.0/16\","
            + "\"o.v\":8}",
        "three", "{\"id\":\"three\",\"suggest\":[\"x\",\"y\"]}");

    Dataset<Row> frame = read(index);
    assertThat(typeOf(frame, "dense")).isEqualTo(DataTypes.createArrayType(DataTypes.FloatType));
    assertThat(typeOf(frame, "sparse")).isEqualTo(DataTypes.createMapType(DataTypes.StringType, DataTypes.FloatType));
    assertThat(typeOf(frame, "ints")).isEqualTo(range(DataTypes.IntegerType));
    assertThat(typeOf(frame, "longs")).isEqualTo(range(DataTypes.LongType));
    assertThat(typeOf(frame, "floats")).isEqualTo(range(DataTypes.FloatType));
    assertThat(typeOf(frame, "doubles")).isEqualTo(range(DataTypes.DoubleType));
    assertThat(typeOf(frame, "dates")).isEqualTo(range(DataTypes.TimestampType));
    assertThat(typeOf(frame, "ips")).isEqualTo(range(DataTypes.StringType));
    assertThat(typeOf(frame, "flat")).isEqualTo(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    assertThat(typeOf(frame, "suggest")).isEqualTo(DataTypes.StringType);
    assertThat(typeOf(frame, "label")).isEqualTo(DataTypes.StringType);
    assertThat(typeOf(frame, "o")).isEqualTo(
        new StructType().add("v", DataTypes.LongType).add("w", DataTypes.LongType));
    Map<String, Row> rows = byId(frame);

    Row one = rows.get("one");
    assertThat(list(one, "dense")).containsExactly(0.5f, 1.0f, -2.25f);
    assertThat(map(one, "sparse")).containsExactlyInAnyOrderEntriesOf(Map.of("a", 0.5f, "b", 1.25f));
    assertThat(one.<Row>getAs("ints")).isEqualTo(RowFactory.create(1, null, 5, null));
    assertThat(one.<Row>getAs("longs"))
        .isEqualTo(RowFactory.create(null, -9007199254740993L, null, 9007199254740993L));
    assertThat(one.<Row>getAs("floats")).isEqualTo(RowFactory.create(0.5f, null, null, null));
    assertThat(one.<Row>getAs("doubles")).isEqualTo(RowFactory.create(null, null, 2.5e-300, null));
    Row dates = one.getAs("dates");
    assertThat(((Timestamp) dates.get(0)).toInstant()).isEqualTo(T0);
    assertThat(((Timestamp) dates.get(3)).toInstant()).isEqualTo(T0.plusSeconds(1));
    assertThat(one.<Row>getAs("ips")).isEqualTo(RowFactory.create("10.0.0.1", null, "10.0.0.9", null));
    assertThat(map(one, "flat")).containsExactlyInAnyOrderEntriesOf(
        Map.of("k", "v", "deep.x", "1", "deep.y", "true", "list", "[1,2]"));
    assertThat((String) one.getAs("suggest")).isEqualTo("Zoë");
    assertThat((String) one.getAs("label")).isEqualTo("Ünïcode");
    assertThat(one.<Row>getAs("o")).isEqualTo(RowFactory.create(7L, 7L));

    Row two = rows.get("two");
    // an ip_range may be given as CIDR; its bounds are the first and last address
    assertThat(two.<Row>getAs("ips")).isEqualTo(RowFactory.create("192.168.0.0", null, "192.168.255.255", null));
    assertThat((String) two.getAs("suggest")).isEqualTo("{\"input\":[\"a\",\"b\"],\"weight\":3}");
    assertThat(two.<Row>getAs("o")).isEqualTo(RowFactory.create(8L, 8L));
    assertThat((String) rows.get("three").getAs("suggest")).isEqualTo("[\"x\",\"y\"]");
    assertThat((Object) rows.get("three").getAs("dense")).isNull();
  }

  @Test
  void everyEncodableSparkTypeRoundTrips() {
    StructType inner = new StructType().add("x", DataTypes.StringType)
        .add("ys", DataTypes.createArrayType(DataTypes.DoubleType));
    StructType schema = new StructType()
        .add("id", DataTypes.StringType, false).add("s", DataTypes.StringType).add("b", DataTypes.ByteType)
        .add("sh", DataTypes.ShortType).add("i", DataTypes.IntegerType).add("l", DataTypes.LongType)
        .add("f", DataTypes.FloatType).add("d", DataTypes.DoubleType).add("dec", DataTypes.createDecimalType(20, 4))
        .add("bool", DataTypes.BooleanType).add("bin", DataTypes.BinaryType).add("ts", DataTypes.TimestampType)
        .add("dt", DataTypes.DateType).add("ints", DataTypes.createArrayType(DataTypes.IntegerType))
        .add("counts", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
        .add("st", inner).add("sts", DataTypes.createArrayType(inner));
    // Decimals are written as exact JSON numbers, but Elasticsearch's _source filtering re-parses
    // numbers as doubles, so only digits a double keeps survive the read (the decoder itself is exact).
    List<Row> rows = List.of(
        RowFactory.create("full", "Zoë 名前 🎉 \"q\"\n", Byte.MIN_VALUE, Short.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
            1.1f, -2.5e-300, new BigDecimal("12345678.9012"), true, new byte[] {0, -1, 2, 127},
            Timestamp.from(T0.plusNanos(123_456_000)), Date.valueOf("1969-12-31"), List.of(1, -2, 3),
            Map.of("a", 1L, "b.c", -9L), RowFactory.create("x1", List.of(0.5, -1.5)),
            List.of(RowFactory.create("e1", List.of(1.0)), RowFactory.create(null, List.of()))),
        RowFactory.create("nulls", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null));
    String index = server.uniqueIndex("roundtrip");
    rest.put("/" + index, "{\"mappings\":{\"properties\":{\"id\":{\"type\":\"keyword\"},\"s\":{\"type\":\"keyword\"},"
        + "\"b\":{\"type\":\"byte\"},\"sh\":{\"type\":\"short\"},\"i\":{\"type\":\"integer\"},\"l\":{\"type\":\"long\"},"
        + "\"f\":{\"type\":\"float\"},\"d\":{\"type\":\"double\"},\"dec\":{\"type\":\"keyword\"},"
        + "\"bool\":{\"type\":\"boolean\"},\"bin\":{\"type\":\"binary\"},\"ts\":{\"type\":\"date_nanos\"},"
        + "\"dt\":{\"type\":\"date\",\"format\":\"strict_date\"},\"ints\":{\"type\":\"integer\"},"
        + "\"counts\":{\"type\":\"object\"},"
        + "\"st\":{\"properties\":{\"x\":{\"type\":\"keyword\"},\"ys\":{\"type\":\"double\"}}},"
        + "\"sts\":{\"type\":\"nested\",\"properties\":{\"x\":{\"type\":\"keyword\"},\"ys\":{\"type\":\"double\"}}}}}}");
    spark.createDataFrame(rows, schema).write().format("searchbridge").option("es.nodes", server.url())
        .option("es.mapping.id", "id").mode("append").save(index);
    assertThat(rest.count(index)).isEqualTo(2);

    Dataset<Row> back = spark.read().format("searchbridge").schema(schema).option("es.nodes", server.url()).load(index);
    List<Row> expected = spark.createDataFrame(rows, schema).orderBy("id").collectAsList();
    List<Row> actual = back.orderBy("id").collectAsList();
    assertThat(actual).hasSize(2);
    for (int i = 0; i < 2; i++) {
      for (int column = 0; column < schema.size(); column++) {
        Object want = expected.get(i).get(column);
        Object got = actual.get(i).get(column);
        if (want instanceof byte[] bytes) {
          assertThat((byte[]) got).as("%s.%s", expected.get(i).get(0), schema.fields()[column].name()).isEqualTo(bytes);
        } else {
          assertThat(got).as("%s.%s", expected.get(i).get(0), schema.fields()[column].name()).isEqualTo(want);
        }
      }
    }
  }

  @Test
  void writePatternsRouteDocumentsToTheirIndexes() {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("service", DataTypes.StringType)
        .add("ts", DataTypes.TimestampType);
    List<Row> rows = List.of(
        RowFactory.create("1", "web", Timestamp.from(Instant.parse("2024-01-02T23:30:00Z"))),
        RowFactory.create("2", "db", Timestamp.from(Instant.parse("2024-01-03T00:10:00Z"))),
        RowFactory.create("3", "web", Timestamp.from(Instant.parse("2024-01-03T12:00:00Z"))));
    String prefix = server.uniqueIndex("routed");
    spark.createDataFrame(rows, schema).write().format("searchbridge").option("es.nodes", server.url())
        .option("es.mapping.id", "id").mode("append").save(prefix + "-{service}");
    assertThat(rest.count(prefix + "-web")).isEqualTo(2);
    assertThat(rest.count(prefix + "-db")).isEqualTo(1);
    assertThat(rest.get("/" + prefix + "-db/_doc/2").path("_source").path("service").asText()).isEqualTo("db");

    String daily = server.uniqueIndex("daily");
    spark.createDataFrame(rows, schema).write().format("searchbridge").option("es.nodes", server.url())
        .option("es.resource.write", daily + "-{ts|yyyy.MM.dd}").option("es.mapping.id", "id").mode("append").save();
    assertThat(rest.count(daily + "-2024.01.02")).isEqualTo(1);
    assertThat(rest.count(daily + "-2024.01.03")).isEqualTo(2);
    assertThat(rest.get("/" + daily + "-2024.01.02/_doc/1").path("found").asBoolean()).isTrue();
    assertThat(rest.get("/" + daily + "-*/_count").path("count").asLong()).isEqualTo(3);
  }

  @Test
  void metadataColumnHoldsIdIndexAndScore() {
    String index = index("meta", "{\"id\":{\"type\":\"keyword\"},\"txt\":{\"type\":\"text\"}}",
        "m1", "{\"id\":\"m1\",\"txt\":\"quick brown fox\"}",
        "m2", "{\"id\":\"m2\",\"txt\":\"lazy dog\"}");
    Dataset<Row> frame = read(index, "es.read.metadata", "true");
    assertThat(typeOf(frame, "_metadata")).isEqualTo(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    Map<String, Row> rows = byId(frame);
    Map<String, String> meta = map(rows.get("m1"), "_metadata");
    assertThat(meta).containsEntry("_id", "m1").containsEntry("_index", index);

    Map<String, Row> scored = byId(read(index, "es.read.metadata", "true", "es.read.metadata.field", "meta",
        "es.query", "{\"match\":{\"txt\":\"fox\"}}"));
    assertThat(scored).containsOnlyKeys("m1");
    Map<String, String> withScore = map(scored.get("m1"), "meta");
    assertThat(withScore).containsEntry("_id", "m1").containsKey("_score");
    assertThat(Double.parseDouble(withScore.get("_score"))).isPositive();
  }

  @Test
  void valueThatDoesNotFitFailsNamingDocumentAndField() {
    String index = index("misfit", "{\"id\":{\"type\":\"keyword\"},\"n\":{\"type\":\"long\",\"ignore_malformed\":true}}",
        "good", "{\"id\":\"good\",\"n\":1}",
        "bad", "{\"id\":\"bad\",\"n\":\"abc\"}");
    StructType schema = new StructType().add("id", DataTypes.StringType).add("n", DataTypes.LongType);
    assertThatThrownBy(() -> spark.read().format("searchbridge").schema(schema).option("es.nodes", server.url())
        .load(index).collectAsList())
        .hasStackTraceContaining("document [bad]")
        .hasStackTraceContaining("field [n]")
        .hasStackTraceContaining("abc")
        .hasStackTraceContaining("cannot be read as bigint");

    List<Row> permissive = spark.read().format("searchbridge").schema(schema).option("es.nodes", server.url())
        .option("mode", "PERMISSIVE").load(index).orderBy("id").collectAsList();
    assertThat(permissive).extracting(Row::toString).containsExactly("[bad,null]", "[good,1]");
    assertThatThrownBy(() -> spark.read().format("searchbridge").option("es.nodes", server.url())
        .option("mode", "DROPALL").load(index).collectAsList()).hasStackTraceContaining("mode='DROPALL' is not supported");
  }

  @Test
  void includeAndExcludePruneSchemaAndSource() {
    String index = index("pruned", "{\"id\":{\"type\":\"keyword\"},"
            + "\"a\":{\"properties\":{\"b\":{\"type\":\"long\"},\"c\":{\"type\":\"keyword\"}}},"
            + "\"d\":{\"type\":\"keyword\"},\"e\":{\"type\":\"keyword\"}}",
        "p", "{\"id\":\"p\",\"a\":{\"b\":1,\"c\":\"x\"},\"d\":\"dd\",\"e\":\"ee\"}");
    Dataset<Row> included = read(index, "es.read.field.include", "id,a.b,d");
    assertThat(included.schema()).isEqualTo(new StructType()
        .add("a", new StructType().add("b", DataTypes.LongType)).add("d", DataTypes.StringType)
        .add("id", DataTypes.StringType));
    assertThat(included.collectAsList()).containsExactly(RowFactory.create(RowFactory.create(1L), "dd", "p"));

    Dataset<Row> excluded = read(index, "es.read.field.exclude", "a.c,e");
    assertThat(excluded.schema()).isEqualTo(new StructType()
        .add("a", new StructType().add("b", DataTypes.LongType)).add("d", DataTypes.StringType)
        .add("id", DataTypes.StringType));
    assertThat(excluded.collectAsList()).containsExactly(RowFactory.create(RowFactory.create(1L), "dd", "p"));

    Dataset<Row> wildcard = read(index, "es.read.field.include", "a.*,id", "es.read.field.exclude", "a.b");
    assertThat(wildcard.schema()).isEqualTo(new StructType()
        .add("a", new StructType().add("c", DataTypes.StringType)).add("id", DataTypes.StringType));
    assertThat(wildcard.collectAsList()).containsExactly(RowFactory.create(RowFactory.create("x"), "p"));
  }

  private static StructType range(DataType bound) {
    return new StructType().add("gte", bound).add("gt", bound).add("lte", bound).add("lt", bound);
  }
}
