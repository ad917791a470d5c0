package io.searchbridge.spark.schema;

import static io.searchbridge.spark.schema.Rows.array;
import static io.searchbridge.spark.schema.Rows.days;
import static io.searchbridge.spark.schema.Rows.json;
import static io.searchbridge.spark.schema.Rows.map;
import static io.searchbridge.spark.schema.Rows.micros;
import static io.searchbridge.spark.schema.Rows.row;
import static io.searchbridge.spark.schema.Rows.s;
import static io.searchbridge.spark.schema.Rows.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.CalendarInterval;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class RowJsonEncoderTest {

  private static String encode(StructType schema, Settings settings, InternalRow row) {
    return json(new RowJsonEncoder(schema, settings).encode(row));
  }

  private static String encode(StructType schema, InternalRow row) {
    return encode(schema, Settings.empty(), row);
  }

  private static StructType one(String name, DataType type) {
    return new StructType().add(name, type);
  }

  @Test
  void everyScalarType() {
    StructType schema = new StructType()
        .add("s", DataTypes.StringType).add("b", DataTypes.ByteType).add("sh", DataTypes.ShortType)
        .add("i", DataTypes.IntegerType).add("l", DataTypes.LongType).add("f", DataTypes.FloatType)
        .add("d", DataTypes.DoubleType).add("dec", DataTypes.createDecimalType(20, 7))
        .add("t", DataTypes.BooleanType).add("bin", DataTypes.BinaryType).add("ts", DataTypes.TimestampType)
        .add("ntz", DataTypes.TimestampNTZType).add("day", DataTypes.DateType).add("n", DataTypes.NullType);
    InternalRow row = row(s("x"), (byte) -8, (short) 300, 70_000, 9_007_199_254_740_993L, 1.1f, 2.5e-3d,
        Decimal.apply(new BigDecimal("0.0000001"), 20, 7), true, "hi!".getBytes(StandardCharsets.UTF_8),
        micros("2026-11-23T10:15:30.123456Z"), micros("2026-11-23T10:15:30Z"), days("2026-11-23"), null);
    assertThat(encode(schema, row)).isEqualTo("{\"s\":\"x\",\"b\":-8,\"sh\":300,\"i\":70000,"
        + "\"l\":9007199254740993,\"f\":1.1,\"d\":0.0025,\"dec\":0.0000001,\"t\":true,\"bin\":\"aGkh\","
        + "\"ts\":\"2026-11-23T10:15:30.123456Z\",\"ntz\":\"2026-11-23T10:15:30\",\"day\":\"2026-11-23\"}");
  }

  @Test
  void decimalsAreExact() {
    StructType schema = one("v", DataTypes.createDecimalType(38, 18));
    BigDecimal value = new BigDecimal("12345678901234567890.123456789012345678");
    assertThat(encode(schema, row(Decimal.apply(value, 38, 18))))
        .isEqualTo("{\"v\":12345678901234567890.123456789012345678}");
  }

  @Test
  void timestampsWithoutFractionOrWithMillis() {
    StructType schema = new StructType().add("a", DataTypes.TimestampType).add("b", DataTypes.TimestampType);
    assertThat(encode(schema, row(micros("2026-11-23T10:15:30Z"), micros("1969-07-20T20:17:40.500Z"))))
        .isEqualTo("{\"a\":\"2026-11-23T10:15:30Z\",\"b\":\"1969-07-20T20:17:40.500Z\"}");
  }

  @Test
  void unicodeAndEscaping() {
    StructType schema = new StructType().add("text", DataTypes.StringType).add("名前 \"q\"", DataTypes.StringType);
    InternalRow row = row(s("quote \" back \\ nl \n tab \t ctl \u0001 é 漢字 😀"), s("ok"));
    assertThat(encode(schema, row)).isEqualTo(
        "{\"text\":\"quote \\\" back \\\\ nl \\n tab \\t ctl \\u0001 é 漢字 😀\",\"名前 \\\"q\\\"\":\"ok\"}");
  }

  @Test
  void stringsSlicedFromLargerBuffersOrOffHeap() {
    byte[] page = "xx{\"slice\"}yy".getBytes(StandardCharsets.UTF_8);
    UTF8String slice = UTF8String.fromBytes(page, 2, 9);
    assertThat(encode(one("v", DataTypes.StringType), row(slice))).isEqualTo("{\"v\":\"{\\\"slice\\\"}\"}");

    byte[] bytes = "off-heap ü".getBytes(StandardCharsets.UTF_8);
    long address = Platform.allocateMemory(bytes.length);
    try {
      Platform.copyMemory(bytes, Platform.BYTE_ARRAY_OFFSET, null, address, bytes.length);
      UTF8String offHeap = UTF8String.fromAddress(null, address, bytes.length);
      assertThat(encode(one("v", DataTypes.StringType), row(offHeap))).isEqualTo("{\"v\":\"off-heap ü\"}");
    } finally {
      Platform.freeMemory(address);
    }
  }

  @Test
  void nestedStructsArraysAndMaps() {
    StructType address = new StructType().add("city", DataTypes.StringType).add("zip", DataTypes.IntegerType);
    StructType schema = new StructType()
        .add("user", new StructType().add("name", DataTypes.StringType).add("address", address))
        .add("tags", DataTypes.createArrayType(DataTypes.StringType))
        .add("matrix", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.LongType)))
        .add("items", DataTypes.createArrayType(address))
        .add("attrs", DataTypes.createMapType(DataTypes.StringType, address));
    InternalRow row = row(
        row(s("ann"), row(s("Oslo"), 150)),
        array(s("a"), null, s("c")),
        array(array(1L, 2L), array()),
        array(row(s("Rome"), null)),
        map(new Object[] {s("home")}, new Object[] {row(s("Lyon"), 69000)}));
    assertThat(encode(schema, row)).isEqualTo("{\"user\":{\"name\":\"ann\",\"address\":{\"city\":\"Oslo\",\"zip\":150}},"
        + "\"tags\":[\"a\",null,\"c\"],\"matrix\":[[1,2],[]],\"items\":[{\"city\":\"Rome\"}],"
        + "\"attrs\":{\"home\":{\"city\":\"Lyon\",\"zip\":69000}}}");
  }

  @Test
  void nonStringMapKeysUseTheirText() {
    StructType schema = new StructType()
        .add("byNumber", DataTypes.createMapType(DataTypes.IntegerType, DataTypes.StringType))
        .add("byDay", DataTypes.createMapType(DataTypes.DateType, DataTypes.BooleanType));
    InternalRow row = row(map(new Object[] {1, 2}, new Object[] {s("one"), s("two")}),
        map(new Object[] {days("2026-11-23")}, new Object[] {true}));
    assertThat(encode(schema, row)).isEqualTo("{\"byNumber\":{\"1\":\"one\",\"2\":\"two\"},\"byDay\":{\"2026-11-23\":true}}");
  }

  @Test
  void nullsAreOmittedByDefault() {
    StructType schema = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.LongType)
        .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
        .add("n", DataTypes.NullType).add("s", one("x", DataTypes.StringType));
    InternalRow row = row(null, 1L, map(new Object[] {s("k"), s("j")}, new Object[] {null, s("v")}), null, row((Object) null));
    assertThat(encode(schema, row)).isEqualTo("{\"b\":1,\"m\":{\"j\":\"v\"},\"s\":{}}");
  }

  @Test
  void nullsWrittenWhenAskedTo() {
    StructType schema = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.LongType)
        .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
        .add("n", DataTypes.NullType).add("s", one("x", DataTypes.StringType));
    InternalRow row = row(null, 1L, map(new Object[] {s("k")}, new Object[] {null}), null, row((Object) null));
    assertThat(encode(schema, settings("es.spark.dataframe.write.null", "true"), row))
        .isEqualTo("{\"a\":null,\"b\":1,\"m\":{\"k\":null},\"n\":null,\"s\":{\"x\":null}}");
  }

  @Test
  void excludeRemovesTopLevelAndNestedFieldsWithWildcards() {
    StructType schema = new StructType().add("id", DataTypes.StringType)
        .add("user", new StructType().add("name", DataTypes.StringType).add("secret_a", DataTypes.StringType)
            .add("secret_b", DataTypes.StringType))
        .add("items", DataTypes.createArrayType(new StructType().add("sku", DataTypes.StringType)
            .add("cost", DataTypes.DoubleType)));
    InternalRow row = row(s("1"), row(s("ann"), s("x"), s("y")), array(row(s("k1"), 2.0d)));
    assertThat(encode(schema, settings("es.mapping.exclude", "id, user.secret*, items.cost"), row))
        .isEqualTo("{\"user\":{\"name\":\"ann\"},\"items\":[{\"sku\":\"k1\"}]}");
  }

  @Test
  void includeKeepsOnlyListedFieldsAndTheirParents() {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("keep", DataTypes.LongType)
        .add("user", new StructType().add("name", DataTypes.StringType).add("age", DataTypes.IntegerType))
        .add("geo", new StructType().add("lat", DataTypes.DoubleType).add("lon", DataTypes.DoubleType));
    InternalRow row = row(s("1"), 5L, row(s("ann"), 30), row(1.5d, 2.5d));
    assertThat(encode(schema, settings("es.mapping.include", "keep, user.name, geo", "es.mapping.exclude", "geo.lon"), row))
        .isEqualTo("{\"keep\":5,\"user\":{\"name\":\"ann\"},\"geo\":{\"lat\":1.5}}");
  }

  @Test
  void encoderIsReusedAcrossRowsWithoutSeparators() {
    RowJsonEncoder encoder = new RowJsonEncoder(one("n", DataTypes.IntegerType), Settings.empty());
    assertThat(json(encoder.encode(row(1)))).isEqualTo("{\"n\":1}");
    assertThat(json(encoder.encode(row(22)))).isEqualTo("{\"n\":22}");
  }

  @Test
  void nonFiniteNumbersFailNamingFieldAndDocumentThenEncodingGoesOn() {
    StructType schema = new StructType().add("ok", DataTypes.LongType)
        .add("inner", new StructType().add("score", DataTypes.FloatType).add("d", DataTypes.DoubleType));
    RowJsonEncoder encoder = new RowJsonEncoder(schema, Settings.empty());
    encoder.encode(row(1L, row(1f, 1d)));
    assertThatThrownBy(() -> encoder.encode(row(2L, row(Float.NaN, 1d))))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessage("Cannot encode document at position 1: field [inner.score] holds NaN, which JSON cannot"
            + " represent; replace it (e.g. with null) before writing");
    assertThatThrownBy(() -> encoder.encode(row(3L, row(1f, Double.NEGATIVE_INFINITY))))
        .hasMessage("Cannot encode document at position 2: field [inner.d] holds -Infinity, which JSON cannot"
            + " represent; replace it (e.g. with null) before writing");
    assertThat(json(encoder.encode(row(4L, row(0.5f, 2d))))).isEqualTo("{\"ok\":4,\"inner\":{\"score\":0.5,\"d\":2.0}}");
  }

  @Test
  void unsupportedTypesFailOnConstructionNamingColumnAndType() {
    StructType schema = new StructType().add("ok", DataTypes.StringType)
        .add("nested", one("span", DataTypes.CalendarIntervalType));
    assertThatThrownBy(() -> new RowJsonEncoder(schema, Settings.empty()))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessage("Cannot write a column [nested.span] of type interval to Elasticsearch; cast it to a supported"
            + " type (e.g. string) or leave it out with es.mapping.exclude");
    StructType binaryKeys = one("m", DataTypes.createMapType(DataTypes.BinaryType, DataTypes.StringType));
    assertThatThrownBy(() -> new RowJsonEncoder(binaryKeys, Settings.empty()))
        .hasMessage("Cannot write map keys of column [m] of type binary to Elasticsearch; cast it to a supported"
            + " type (e.g. string) or leave it out with es.mapping.exclude");
  }

  @Test
  void excludedUnsupportedColumnsAreNoObstacle() {
    StructType schema = new StructType().add("ok", DataTypes.StringType).add("span", DataTypes.CalendarIntervalType);
    assertThat(encode(schema, settings("es.mapping.exclude", "span"), row(s("x"), new CalendarInterval(1, 2, 3))))
        .isEqualTo("{\"ok\":\"x\"}");
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    RowJsonEncoder original = new RowJsonEncoder(one("n", DataTypes.IntegerType), settings("es.resource", "idx"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(original);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      RowJsonEncoder copy = (RowJsonEncoder) in.readObject();
      assertThat(json(copy.encode(row(5)))).isEqualTo("{\"n\":5}");
      assertThat(copy.index(row(5), 0)).isEqualTo("idx");
    }
  }
}
