package io.searchbridge.core.mapping;

import static io.searchbridge.core.mapping.Mappings.parse;
import static io.searchbridge.core.mapping.Mappings.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingMergerTest {

  private static ResolvedMapping mergeTypes(String typeInA, String typeInB) {
    return MappingMerger.merge(
        List.of(
            properties("index-a", "{\"f\": {\"type\": \"" + typeInA + "\"}}"),
            properties("index-b", "{\"f\": {\"type\": \"" + typeInB + "\"}}")));
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
    "byte, short, SHORT",
    "short, integer, INTEGER",
    "integer, long, LONG",
    "long, byte, LONG",
    "half_float, float, FLOAT",
    "float, double, DOUBLE",
    "double, half_float, DOUBLE",
    "integer, double, DOUBLE",
    "long, float, DOUBLE",
    "byte, half_float, DOUBLE",
    "scaled_float, double, DOUBLE",
    "scaled_float, long, DOUBLE",
    "scaled_float, scaled_float, SCALED_FLOAT",
    "keyword, constant_keyword, KEYWORD",
    "wildcard, keyword, KEYWORD",
    "constant_keyword, wildcard, KEYWORD",
    "text, match_only_text, TEXT",
    "date, date_nanos, DATE_NANOS",
    "date_nanos, date, DATE_NANOS",
    "geo_point, geo_point, GEO_POINT",
  })
  void widensCompatibleTypes(String typeInA, String typeInB, FieldType merged) {
    Field field = mergeTypes(typeInA, typeInB).find("f").orElseThrow();

    assertThat(field.type()).isEqualTo(merged);
    assertThat(field.esType()).isEqualTo(merged.esName());
  }

  @ParameterizedTest(name = "{0} + {1} conflict")
  @CsvSource({
    "long, keyword",
    "keyword, text",
    "unsigned_long, long",
    "date, long",
    "object, nested",
    "geo_point, geo_shape",
    "boolean, keyword",
    "integer_range, long_range",
    "my_plugin_type, other_plugin_type",
    "my_plugin_type, keyword",
  })
  void conflictNamesFieldBothIndexesAndBothTypes(String typeInA, String typeInB) {
    assertThatThrownBy(() -> mergeTypes(typeInA, typeInB))
        .isInstanceOf(MappingConflictException.class)
        .hasMessageStartingWith("Field [f] has incompatible types across indexes: ")
        .hasMessageContaining("[" + typeInA + "] in [index-a]")
        .hasMessageContaining("[" + typeInB + "] in [index-b]");
  }

  @Test
  void conflictBelowObjectsAndNestedNamesTheFullPath() {
    String orders1 =
        """
        {"lines": {"type": "nested", "properties": {
          "meta": {"properties": {"code": {"type": "long"}}}}}}
        """;
    String orders2 = orders1.replace("long", "keyword");

    MappingConflictException conflict =
        catchConflict(properties("orders-1", orders1), properties("orders-2", orders2));

    assertThat(conflict.fieldPath()).isEqualTo("lines.meta.code");
    assertThat(conflict.typeByIndex())
        .containsExactly(entry("orders-1", "long"), entry("orders-2", "keyword"));
    assertThat(conflict)
        .hasMessageContaining("Field [lines.meta.code]")
        .hasMessageContaining("[long] in [orders-1]")
        .hasMessageContaining("[keyword] in [orders-2]");
  }

  @Test
  void conflictAcrossManyIndexesGroupsIndexesByType() {
    MappingConflictException conflict =
        catchConflict(
            properties("d1", "{\"f\": {\"type\": \"long\"}}"),
            properties("d2", "{\"g\": {\"type\": \"long\"}}"),
            properties("d3", "{\"f\": {\"type\": \"ip\"}}"),
            properties("d4", "{\"f\": {\"type\": \"integer\"}}"));

    assertThat(conflict).hasMessageContaining("[long] in [d1], [ip] in [d3], [integer] in [d4]");
  }

  @Test
  void conflictInAMultiFieldNamesTheMultiFieldPath() {
    assertThatThrownBy(
            () ->
                MappingMerger.merge(
                    List.of(
                        properties(
                            "a",
                            "{\"t\": {\"type\": \"text\", \"fields\": {\"raw\": {\"type\":"
                                + " \"keyword\"}}}}"),
                        properties(
                            "b",
                            "{\"t\": {\"type\": \"text\", \"fields\": {\"raw\": {\"type\":"
                                + " \"long\"}}}}"))))
        .isInstanceOf(MappingConflictException.class)
        .hasMessageContaining("Field [t.raw]")
        .hasMessageContaining("[keyword] in [a]")
        .hasMessageContaining("[long] in [b]");
  }

  @Test
  void unitesFieldsInOrderOfFirstAppearance() {
    ResolvedMapping merged =
        MappingMerger.merge(
            parse(
                """
                {
                  "logs-2": {"mappings": {"properties": {
                    "msg": {"type": "text"},
                    "host": {"properties": {"name": {"type": "keyword"}}}}}},
                  "logs-1": {"mappings": {"properties": {
                    "level": {"type": "keyword"},
                    "host": {"properties": {"ip": {"type": "ip"}}},
                    "msg": {"type": "text"}}}},
                  "logs-empty": {"mappings": {}}
                }
                """));

    assertThat(merged.indexes()).containsExactly("logs-2", "logs-1", "logs-empty");
    assertThat(merged.fields()).extracting(Field::name).containsExactly("msg", "host", "level");
    assertThat(merged.find("host").orElseThrow().children())
        .extracting(Field::path)
        .containsExactly("host.name", "host.ip");
  }

  @Test
  void unitesMultiFieldsAndJoinsDifferentDateFormats() {
    ResolvedMapping merged =
        MappingMerger.merge(
            List.of(
                properties(
                    "a",
                    """
                    {"t": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
                     "ts": {"type": "date", "format": "yyyy-MM-dd"}}\
                    """),
                properties(
                    "b",
                    """
                    {"t": {"type": "text", "fields": {"en": {"type": "text",
                    "analyzer": "english"}}},
                     "ts": {"type": "date_nanos", "format": "epoch_millis"}}\
                    """),
                properties("c", "{\"ts\": {\"type\": \"date\", \"format\": \"yyyy-MM-dd\"}}")));

    assertThat(merged.find("t").orElseThrow().subFields())
        .extracting(Field::name)
        .containsExactly("raw", "en");
    assertThat(merged.find("t").orElseThrow().keywordSubField()).isPresent();
    Field ts = merged.find("ts").orElseThrow();
    assertThat(ts.type()).isEqualTo(FieldType.DATE_NANOS);
    assertThat(ts.format()).contains("yyyy-MM-dd||epoch_millis");
  }

  @Test
  void keepsOnlyParamsOfTheResolvedType() {
    ResolvedMapping merged =
        MappingMerger.merge(
            List.of(
                properties(
                    "a",
                    "{\"price\": {\"type\": \"scaled_float\", \"scaling_factor\": 100}, \"k\":"
                        + " {\"type\": \"constant_keyword\", \"value\": \"a\"}}"),
                properties(
                    "b",
                    "{\"price\": {\"type\": \"double\", \"coerce\": false}, \"k\": {\"type\":"
                        + " \"keyword\", \"ignore_above\": 10}}")));

    assertThat(merged.find("price").orElseThrow().params()).containsExactly(entry("coerce", false));
    assertThat(merged.find("k").orElseThrow().params()).containsExactly(entry("ignore_above", 10));
  }

  @Test
  void sameUnknownTypeMerges() {
    Field field = mergeTypes("my_plugin_type", "my_plugin_type").find("f").orElseThrow();

    assertThat(field.type()).isEqualTo(FieldType.UNKNOWN);
    assertThat(field.esType()).isEqualTo("my_plugin_type");
  }

  @Test
  void singleIndexIsKeptAsIs() {
    IndexMapping only = properties("solo", "{\"a\": {\"type\": \"keyword\"}}");

    assertThat(MappingMerger.merge(List.of(only)).fields()).isEqualTo(only.fields());
    assertThat(MappingMerger.merge(List.of()).fields()).isEmpty();
  }

  private static MappingConflictException catchConflict(IndexMapping... mappings) {
    Throwable thrown = catchThrowable(() -> MappingMerger.merge(List.of(mappings)));
    assertThat(thrown).isInstanceOf(MappingConflictException.class);
    return (MappingConflictException) thrown;
  }
}
