package io.searchbridge.spark.schema;

import static io.searchbridge.spark.schema.Fixtures.decode;
import static io.searchbridge.spark.schema.Fixtures.infer;
import static io.searchbridge.spark.schema.Fixtures.map;
import static io.searchbridge.spark.schema.Fixtures.mapping;
import static io.searchbridge.spark.schema.Fixtures.settings;
import static io.searchbridge.spark.schema.SchemaInferenceTest.struct;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SerializationAndUserSchemaTest {

  private static final String PROPERTIES = """
      {"at": {"type": "date", "format": "dd.MM.yyyy"},
       "where": {"type": "geo_point"},
       "attrs": {"type": "flattened"},
       "user": {"properties": {"name": {"type": "keyword"}, "age": {"type": "integer"}}},
       "alias_age": {"type": "alias", "path": "user.age"}}""";

  private static EsReadSchema roundTrip(EsReadSchema schema) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(schema);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (EsReadSchema) in.readObject();
    }
  }

  @Test
  void decodesAfterJavaSerialization() throws Exception {
    EsReadSchema schema = infer(PROPERTIES, "es.read.metadata", "true")
        .prune(struct("at", TimestampType, "user", struct("age", IntegerType),
            "_metadata", createMapType(StringType, StringType)));
    EsReadSchema copy = roundTrip(schema);
    assertThat(copy.sparkSchema()).isEqualTo(schema.sparkSchema());
    assertThat(copy.sourceIncludes()).containsExactly("at", "user.age");
    assertThat(decode(copy, "{\"at\": \"02.01.1970\", \"user\": {\"age\": 5, \"name\": \"x\"}}"))
        .isEqualTo(Map.of("at", 86_400_000_000L, "user", Map.of("age", 5),
            "_metadata", Map.of("_index", Fixtures.INDEX, "_id", Fixtures.ID)));
  }

  /** A user schema that narrows, re-types and adds columns the mapping does not have. */
  private static StructType userSchema() {
    return struct(
        "at", DateType,
        "where", struct("lon", DoubleType),
        "attrs", createMapType(StringType, StringType),
        "user", struct("age", LongType, "nickname", StringType),
        "alias_age", StringType,
        "extra", createArrayType(LongType));
  }

  @Test
  void userSchemaOverridesTypesAndKeepsTheMappingsReadingRules() {
    StructType user = userSchema();
    EsReadSchema schema = EsReadSchema.userDefined(user, mapping(PROPERTIES), settings());
    assertThat(schema.sparkSchema()).isEqualTo(user);
    // alias_age reads user.age, which is already requested.
    assertThat(schema.sourceIncludes())
        .containsExactly("at", "where", "attrs", "user.age", "user.nickname", "extra");
  }

  @Test
  void userSchemaDecoding() {
    StructType user = userSchema();
    EsReadSchema schema = EsReadSchema.userDefined(user, mapping(PROPERTIES), settings());
    assertThat(decode(schema, """
        {"at": "03.01.1970", "where": "1.5,2.5", "attrs": {"a": {"b": 1}},
         "user": {"age": 40, "nickname": "Zed"}, "extra": 9}"""))
        .isEqualTo(map("at", 2, "where", Map.of("lon", 2.5), "attrs", Map.of("a.b", "1"),
            "user", Map.of("age", 40L, "nickname", "Zed"), "alias_age", "40",
            "extra", List.of(9L)));
  }

  @Test
  void userSchemaGetsTheMetadataColumnWhereItSaysOrAtTheEnd() {
    StructType withMeta = struct("_metadata", createMapType(StringType, StringType),
        "extra", LongType);
    Map<String, Object> meta = Map.of("_index", Fixtures.INDEX, "_id", Fixtures.ID);
    EsReadSchema placed = EsReadSchema.userDefined(withMeta, mapping(PROPERTIES),
        settings("es.read.metadata", "true"));
    assertThat(decode(placed, "{\"extra\": 1}")).isEqualTo(map("_metadata", meta, "extra", 1L));
    EsReadSchema appended = EsReadSchema.userDefined(struct("extra", LongType),
        mapping(PROPERTIES), settings("es.read.metadata", "true"));
    assertThat(appended.sparkSchema().fieldNames()).containsExactly("extra", "_metadata");
  }

  @Test
  void unreadableUserTypeFailsOnTheDriver() {
    assertThatThrownBy(() -> EsReadSchema.userDefined(
        struct("span", org.apache.spark.sql.types.DataTypes.CalendarIntervalType), mapping(PROPERTIES), settings()))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("Column [span]")
        .hasMessageContaining("interval");
  }
}
