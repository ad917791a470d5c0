package io.searchbridge.core.mapping;

import static io.searchbridge.core.mapping.Mappings.field;
import static io.searchbridge.core.mapping.Mappings.parse;
import static io.searchbridge.core.mapping.Mappings.parseOne;
import static io.searchbridge.core.mapping.Mappings.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.searchbridge.core.SearchbridgeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingParserTest {

  @Test
  void readsEveryDocumentedFieldType() {
    IndexMapping mapping =
        properties(
            "all",
            """
            {
              "f_text": {"type": "text"},
              "f_match_only_text": {"type": "match_only_text"},
              "f_pattern_text": {"type": "pattern_text"},
              "f_annotated_text": {"type": "annotated_text"},
              "f_semantic_text": {"type": "semantic_text", "inference_id": "e"},
              "f_search_as_you_type": {"type": "search_as_you_type"},
              "f_keyword": {"type": "keyword"},
              "f_constant_keyword": {"type": "constant_keyword", "value": "x"},
              "f_wildcard": {"type": "wildcard"},
              "f_counted_keyword": {"type": "counted_keyword"},
              "f_icu_collation_keyword": {"type": "icu_collation_keyword"},
              "f_completion": {"type": "completion"},
              "f_token_count": {"type": "token_count", "analyzer": "standard"},
              "f_long": {"type": "long"}, "f_integer": {"type": "integer"},
              "f_short": {"type": "short"},
              "f_byte": {"type": "byte"}, "f_double": {"type": "double"},
              "f_float": {"type": "float"},
              "f_half_float": {"type": "half_float"},
              "f_scaled_float": {"type": "scaled_float", "scaling_factor": 100},
              "f_unsigned_long": {"type": "unsigned_long"},
              "f_date": {"type": "date"},
              "f_date_nanos": {"type": "date_nanos"},
              "f_boolean": {"type": "boolean"},
              "f_binary": {"type": "binary"}, "f_ip": {"type": "ip"},
              "f_version": {"type": "version"},
              "f_murmur3": {"type": "murmur3"}, "f_object": {"type": "object"},
              "f_nested": {"type": "nested"},
              "f_passthrough": {"type": "passthrough", "priority": 10},
              "f_flattened": {"type": "flattened"},
              "f_join": {"type": "join", "relations": {"question": "answer"}},
              "f_alias": {"type": "alias", "path": "f_long"},
              "f_percolator": {"type": "percolator"},
              "f_geo_point": {"type": "geo_point"},
              "f_geo_shape": {"type": "geo_shape"},
              "f_point": {"type": "point"}, "f_shape": {"type": "shape"},
              "f_dense_vector": {"type": "dense_vector", "dims": 3},
              "f_sparse_vector": {"type": "sparse_vector"},
              "f_rank_vectors": {"type": "rank_vectors"},
              "f_rank_feature": {"type": "rank_feature"},
              "f_rank_features": {"type": "rank_features"},
              "f_histogram": {"type": "histogram"},
              "f_exponential_histogram": {"type": "exponential_histogram"},
              "f_tdigest": {"type": "tdigest"},
              "f_aggregate_metric_double": {"type": "aggregate_metric_double",
              "metrics": ["min", "max"], "default_metric": "max"},
              "f_integer_range": {"type": "integer_range"},
              "f_long_range": {"type": "long_range"},
              "f_float_range": {"type": "float_range"},
              "f_double_range": {"type": "double_range"},
              "f_date_range": {"type": "date_range"},
              "f_ip_range": {"type": "ip_range"},
              "f_future": {"type": "some_future_type"}
            }
            """);

    List<FieldType> expected =
        List.of(
            FieldType.TEXT,
            FieldType.MATCH_ONLY_TEXT,
            FieldType.PATTERN_TEXT,
            FieldType.ANNOTATED_TEXT,
            FieldType.SEMANTIC_TEXT,
            FieldType.SEARCH_AS_YOU_TYPE,
            FieldType.KEYWORD,
            FieldType.CONSTANT_KEYWORD,
            FieldType.WILDCARD,
            FieldType.COUNTED_KEYWORD,
            FieldType.ICU_COLLATION_KEYWORD,
            FieldType.COMPLETION,
            FieldType.TOKEN_COUNT,
            FieldType.LONG,
            FieldType.INTEGER,
            FieldType.SHORT,
            FieldType.BYTE,
            FieldType.DOUBLE,
            FieldType.FLOAT,
            FieldType.HALF_FLOAT,
            FieldType.SCALED_FLOAT,
            FieldType.UNSIGNED_LONG,
            FieldType.DATE,
            FieldType.DATE_NANOS,
            FieldType.BOOLEAN,
            FieldType.BINARY,
            FieldType.IP,
            FieldType.VERSION,
            FieldType.MURMUR3,
            FieldType.OBJECT,
            FieldType.NESTED,
            FieldType.PASSTHROUGH,
            FieldType.FLATTENED,
            FieldType.JOIN,
            FieldType.ALIAS,
            FieldType.PERCOLATOR,
            FieldType.GEO_POINT,
            FieldType.GEO_SHAPE,
            FieldType.POINT,
            FieldType.SHAPE,
            FieldType.DENSE_VECTOR,
            FieldType.SPARSE_VECTOR,
            FieldType.RANK_VECTORS,
            FieldType.RANK_FEATURE,
            FieldType.RANK_FEATURES,
            FieldType.HISTOGRAM,
            FieldType.EXPONENTIAL_HISTOGRAM,
            FieldType.TDIGEST,
            FieldType.AGGREGATE_METRIC_DOUBLE,
            FieldType.INTEGER_RANGE,
            FieldType.LONG_RANGE,
            FieldType.FLOAT_RANGE,
            FieldType.DOUBLE_RANGE,
            FieldType.DATE_RANGE,
            FieldType.IP_RANGE,
            FieldType.UNKNOWN);
    assertThat(mapping.fields()).extracting(Field::type).containsExactlyElementsOf(expected);
    // The fixture must cover the whole enum, so a type added later without a test fails here.
    assertThat(expected).containsExactlyInAnyOrder(FieldType.values());

    assertThat(field(mapping, "f_future").esType()).isEqualTo("some_future_type");
    assertThat(field(mapping, "f_scaled_float").params()).containsEntry("scaling_factor", 100);
    assertThat(field(mapping, "f_dense_vector").params()).containsEntry("dims", 3);
    assertThat(field(mapping, "f_alias").params()).containsEntry(Field.PARAM_ALIAS_PATH, "f_long");
    assertThat(field(mapping, "f_join").params())
        .containsEntry("relations", Map.of("question", "answer"));
    assertThat(field(mapping, "f_aggregate_metric_double").params())
        .containsEntry("metrics", List.of("min", "max"))
        .containsEntry("default_metric", "max");
    assertThat(field(mapping, "f_constant_keyword").params()).containsEntry("value", "x");
    assertThat(field(mapping, "f_long").params()).isEmpty();
  }

  @Test
  void readsNestedInsideObjectInsideNested() {
    IndexMapping mapping =
        properties(
            "orders",
            """
            {
              "lines": {
                "type": "nested",
                "properties": {
                  "product": {
                    "properties": {
                      "sku": {"type": "keyword"},
                      "variants": {
                        "type": "nested",
                        "properties": {"color": {"type": "keyword"},
                        "price": {"type": "scaled_float", "scaling_factor": 100}}
                      }
                    }
                  },
                  "qty": {"type": "integer"}
                }
              }
            }
            """);

    Field lines = field(mapping, "lines");
    assertThat(lines.type()).isEqualTo(FieldType.NESTED);
    assertThat(lines.children()).extracting(Field::name).containsExactly("product", "qty");
    Field product = lines.children().get(0);
    assertThat(product.type()).isEqualTo(FieldType.OBJECT);
    assertThat(product.esType()).isEqualTo("object");
    assertThat(product.path()).isEqualTo("lines.product");
    Field variants = field(mapping, "lines.product.variants");
    assertThat(variants.type()).isEqualTo(FieldType.NESTED);
    assertThat(variants.children())
        .extracting(Field::path)
        .containsExactly("lines.product.variants.color", "lines.product.variants.price");
    Field price = field(mapping, "lines.product.variants.price");
    assertThat(price.name()).isEqualTo("price");
    assertThat(price.type()).isEqualTo(FieldType.SCALED_FLOAT);
  }

  @Test
  void readsMultiFieldsAndFindsTheKeywordOne() {
    IndexMapping mapping =
        properties(
            "docs",
            """
            {
              "title": {
                "type": "text",
                "analyzer": "english",
                "fields": {
                  "folded": {"type": "text", "analyzer": "folding"},
                  "raw": {"type": "keyword", "ignore_above": 256},
                  "sort": {"type": "keyword", "normalizer": "lowercase"}
                }
              },
              "body": {"type": "text"}
            }
            """);

    Field title = field(mapping, "title");
    assertThat(title.children()).isEmpty();
    assertThat(title.params()).containsExactly(entry("analyzer", "english"));
    assertThat(title.subFields())
        .extracting(Field::path)
        .containsExactly("title.folded", "title.raw", "title.sort");
    assertThat(title.keywordSubField()).map(Field::name).contains("raw");
    assertThat(title.subField("folded")).map(Field::type).contains(FieldType.TEXT);
    assertThat(title.subField("missing")).isEmpty();
    assertThat(field(mapping, "title.raw").params()).containsEntry("ignore_above", 256);
    assertThat(field(mapping, "body").keywordSubField()).isEmpty();
  }

  @Test
  void expandsDottedNamesIntoObjectsInMappingOrder() {
    IndexMapping mapping =
        properties(
            "logs",
            """
            {
              "host.name": {"type": "keyword"},
              "message": {"type": "text"},
              "host": {"properties": {"ip": {"type": "ip"},
              "os.family": {"type": "keyword"}}},
              "host.os.version": {"type": "version"}
            }
            """);

    assertThat(mapping.fields()).extracting(Field::name).containsExactly("host", "message");
    Field host = field(mapping, "host");
    assertThat(host.type()).isEqualTo(FieldType.OBJECT);
    assertThat(host.children()).extracting(Field::name).containsExactly("name", "ip", "os");
    assertThat(field(mapping, "host.os").children())
        .extracting(Field::path)
        .containsExactly("host.os.family", "host.os.version");
    assertThat(field(mapping, "host.os.version").type()).isEqualTo(FieldType.VERSION);
  }

  @Test
  void keepsDottedNamesUnderSubobjectsFalse() {
    IndexMapping mapping =
        properties(
            "metrics",
            """
            {"metrics": {"type": "object", "subobjects": false,
            "properties": {"cpu.usage": {"type": "float"}}}}
            """);

    assertThat(field(mapping, "metrics").children())
        .extracting(Field::name)
        .containsExactly("cpu.usage");
    assertThat(field(mapping, "metrics.cpu.usage").type()).isEqualTo(FieldType.FLOAT);
  }

  @Test
  void dottedNameOverALeafFieldFailsNamingIndexAndField() {
    assertThatThrownBy(
            () ->
                properties(
                    "logs",
                    """
                    {"host": {"type": "keyword"}, "host.name": {"type": "keyword"}}
                    """))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("Index [logs]")
        .hasMessageContaining("field [host]")
        .hasMessageContaining("keyword");
  }

  @Test
  void aliasKeepsItsTarget() {
    IndexMapping mapping =
        properties(
            "trips",
            """
            {"distance": {"type": "long"}, "route_length_miles": {"type": "alias",
            "path": "distance"}}
            """);

    Field alias = field(mapping, "route_length_miles");
    assertThat(alias.type()).isEqualTo(FieldType.ALIAS);
    assertThat(alias.params()).containsExactly(entry(Field.PARAM_ALIAS_PATH, "distance"));
  }

  @Test
  void runtimeFieldsAreFieldsOfTheirTypeMarkedRuntime() {
    IndexMapping mapping =
        parseOne(
            """
            {"events": {"mappings": {
              "runtime": {
                "day_of_week": {"type": "keyword",
                "script": {"source": "emit('Monday')"}},
                "status": {"type": "long"},
                "http.duration_ms": {"type": "double"},
                "tag.length": {"type": "long"}
              },
              "properties": {
                "@timestamp": {"type": "date", "format": "strict_date_optional_time"},
                "status": {"type": "keyword"},
                "http": {"properties": {"method": {"type": "keyword"}}},
                "tag": {"type": "keyword"}
              }
            }}}
            """);

    assertThat(mapping.fields())
        .extracting(Field::name)
        .containsExactly("@timestamp", "status", "http", "tag", "day_of_week", "tag.length");
    Field dayOfWeek = field(mapping, "day_of_week");
    assertThat(dayOfWeek.type()).isEqualTo(FieldType.KEYWORD);
    assertThat(dayOfWeek.params())
        .containsEntry(Field.PARAM_RUNTIME, true)
        .containsEntry("script", Map.of("source", "emit('Monday')"));
    // A runtime field shadows the mapped field of the same name, in place.
    assertThat(field(mapping, "status").type()).isEqualTo(FieldType.LONG);
    assertThat(field(mapping, "status").params()).containsEntry(Field.PARAM_RUNTIME, true);
    assertThat(field(mapping, "http").children())
        .extracting(Field::path)
        .containsExactly("http.method", "http.duration_ms");
    assertThat(field(mapping, "http.duration_ms").params())
        .containsEntry(Field.PARAM_RUNTIME, true);
    assertThat(field(mapping, "http.method").params()).doesNotContainKey(Field.PARAM_RUNTIME);
    assertThat(field(mapping, "tag.length").type()).isEqualTo(FieldType.LONG);
    assertThat(field(mapping, "@timestamp").format()).contains("strict_date_optional_time");
    assertThat(field(mapping, "@timestamp").params()).isEmpty();
  }

  @Test
  void disabledObjectIsKeptWithoutChildren() {
    IndexMapping mapping =
        properties(
            "sessions",
            """
            {"session_data": {"type": "object", "enabled": false,
            "properties": {"ignored": {"type": "long"}}},
             "user": {"type": "keyword"}}
            """);

    Field sessionData = field(mapping, "session_data");
    assertThat(sessionData.type()).isEqualTo(FieldType.OBJECT);
    assertThat(sessionData.children()).isEmpty();
    assertThat(sessionData.params()).containsEntry(Field.PARAM_ENABLED, false);
    assertThat(mapping.find("session_data.ignored")).isEmpty();
  }

  @Test
  void ignoresMetadataSectionsAndReadsDynamicStrict() {
    IndexMapping mapping =
        parseOne(
            """
            {"strict-index": {"mappings": {
              "dynamic": "strict",
              "_meta": {"owner": "team-a",
              "properties": {"not_a_field": {"type": "long"}}},
              "_source": {"excludes": ["secret"]},
              "_routing": {"required": true},
              "dynamic_templates": [{"strings": {"match_mapping_type": "string",
              "mapping": {"type": "keyword"}}}],
              "properties": {"id": {"type": "keyword"}}
            }}}
            """);

    assertThat(mapping.index()).isEqualTo("strict-index");
    assertThat(mapping.dynamicStrict()).isTrue();
    assertThat(mapping.fields()).extracting(Field::name).containsExactly("id");
  }

  @Test
  void dynamicOtherThanStrictIsNotStrict() {
    assertThat(parseOne("{\"a\": {\"mappings\": {\"dynamic\": false}}}").dynamicStrict()).isFalse();
    assertThat(parseOne("{\"a\": {\"mappings\": {\"dynamic\": \"runtime\"}}}").dynamicStrict())
        .isFalse();
  }

  @Test
  void indexWithoutMappingsHasNoFields() {
    IndexMapping mapping = parseOne("{\"empty\": {\"mappings\": {}}}");

    assertThat(mapping.fields()).isEmpty();
    assertThat(mapping.dynamicStrict()).isFalse();
    assertThat(mapping.find("anything")).isEmpty();
  }

  @Test
  void readsEveryIndexOfAPatternResponseInOrder() {
    List<IndexMapping> mappings =
        parse(
            """
            {
              "logs-2024.01.02": {"mappings": {"properties": {"msg": {"type": "text"},
              "level": {"type": "keyword"}}}},
              "logs-2024.01.01": {"mappings": {"properties": {"msg": {"type": "text"}}}},
              "logs-empty": {"mappings": {}}
            }
            """);

    assertThat(mappings)
        .extracting(IndexMapping::index)
        .containsExactly("logs-2024.01.02", "logs-2024.01.01", "logs-empty");
    assertThat(mappings.get(0).fields()).extracting(Field::name).containsExactly("msg", "level");
    assertThat(mappings.get(2).fields()).isEmpty();
  }

  @Test
  void keepsTheOrderOfTheJsonRatherThanSortingByName() {
    IndexMapping mapping =
        properties(
            "i",
            """
            {"zeta": {"type": "long"}, "alpha": {"type": "long"},
            "mid": {"type": "long"}}
            """);

    assertThat(mapping.fields()).extracting(Field::name).containsExactly("zeta", "alpha", "mid");
  }

  @Test
  void parseDoesNotModifyTheCallersTree() throws Exception {
    String json =
        """
        {"properties": {"a.b": {"type": "keyword"}},
        "runtime": {"c": {"type": "long"}}}
        """;
    var tree = new ObjectMapper().readTree(json);

    MappingParser.parse("i", tree);

    assertThat(tree).isEqualTo(new ObjectMapper().readTree(json));
  }

  @Test
  void malformedResponsesFailNamingWhatIsWrong() {
    assertThatThrownBy(() -> parse("{not json"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> MappingParser.parseGetMappingResponse(new byte[0]))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("keyed by index name");
    assertThatThrownBy(() -> parse("[]"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("keyed by index name");
    assertThatThrownBy(() -> parse("{\"idx\": {\"settings\": {}}}"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("Index [idx]")
        .hasMessageContaining("\"mappings\"");
    assertThatThrownBy(() -> properties("idx", "{\"obj\": {\"properties\": {\"bad\": 3}}}"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessage("Index [idx]: the mapping of field [obj.bad] is not a JSON object");
    assertThatThrownBy(() -> properties("idx", "{\"f\": {\"type\": 7}}"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("Index [idx]")
        .hasMessageContaining("field [f]");
  }

  @Test
  void paramsAreImmutable() {
    Field field =
        field(
            properties("i", "{\"j\": {\"type\": \"join\", \"relations\": {\"q\": [\"a\"]}}}"), "j");

    assertThatThrownBy(() -> field.params().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> relations = (Map<String, Object>) field.params().get("relations");
    assertThatThrownBy(() -> relations.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readsUtf8FieldNames() {
    IndexMapping mapping =
        MappingParser.parseGetMappingResponse(
                "{\"i\": {\"mappings\": {\"properties\": {\"prénom\": {\"type\": \"keyword\"}}}}}"
                    .getBytes(StandardCharsets.UTF_8))
            .get(0);

    assertThat(mapping.find("prénom")).isPresent();
  }
}
