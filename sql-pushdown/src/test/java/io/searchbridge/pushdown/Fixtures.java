package io.searchbridge.pushdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.mapping.MappingMerger;
import io.searchbridge.core.mapping.MappingParser;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.core.query.Query;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/** One mapping with a field of every kind the translators treat differently, and builders. */
final class Fixtures {

  static final ResolvedMapping MAPPING = mapping("""
      {
        "kw": {"type": "keyword"},
        "lower": {"type": "keyword", "normalizer": "lowercase"},
        "short_kw": {"type": "keyword", "ignore_above": 5},
        "title": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
        "dyn": {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 5}}},
        "body": {"type": "text"},
        "n": {"type": "long"},
        "i": {"type": "integer"},
        "f": {"type": "float"},
        "d": {"type": "double"},
        "ul": {"type": "unsigned_long"},
        "price": {"type": "scaled_float", "scaling_factor": 100},
        "ts": {"type": "date", "format": "yyyy/MM/dd HH:mm:ss||epoch_second"},
        "tsn": {"type": "date_nanos"},
        "flag": {"type": "boolean"},
        "addr": {"type": "ip"},
        "loc": {"type": "geo_point"},
        "user": {"properties": {"name": {"type": "keyword"}}},
        "comments": {"type": "nested", "properties": {
          "author": {"type": "keyword"},
          "replies": {"type": "nested", "properties": {"by": {"type": "keyword"}}}
        }}
      }
      """);

  private Fixtures() {}

  static ResolvedMapping mapping(String propertiesJson) {
    JsonNode mappings = parse("{\"properties\": " + propertiesJson + "}");
    return MappingMerger.merge(List.of(MappingParser.parse("test", mappings)));
  }

  static NamedReference col(String dottedPath) {
    return FieldReference.apply(dottedPath);
  }

  static Expression str(String value) {
    return lit(value == null ? null : UTF8String.fromString(value), DataTypes.StringType);
  }

  static Expression lit(Object value, DataType type) {
    return new LiteralValue<>(value, type);
  }

  static Expression nul() {
    return lit(null, DataTypes.NullType);
  }

  static Predicate pred(String name, Expression... children) {
    return new Predicate(name, children);
  }

  static void assertJson(String actual, String expected) {
    assertThat(parse(actual)).isEqualTo(parse(expected));
  }

  static void assertJson(Query actual, String expected) {
    assertJson(actual.toJson(), expected);
  }

  static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
