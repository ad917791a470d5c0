package io.searchbridge.spark.schema;

import static io.searchbridge.spark.schema.Fixtures.decodeRow;
import static io.searchbridge.spark.schema.Fixtures.infer;
import static io.searchbridge.spark.schema.Fixtures.map;
import static io.searchbridge.spark.schema.Fixtures.toJava;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import org.junit.jupiter.api.Test;

class DecodeErrorsTest {

  private final EsReadSchema schema = infer("""
      {"count": {"type": "long"}, "small": {"type": "byte"}, "flag": {"type": "boolean"},
       "at": {"type": "date"}, "blob": {"type": "binary"}, "where": {"type": "geo_point"},
       "user": {"properties": {"tags": {"type": "keyword"}}}}""");

  @Test
  void arrayInAScalarColumnNamesTheFix() {
    assertThatThrownBy(() -> decodeRow(schema.decoder(), "{\"user\": {\"tags\": [\"a\", \"b\"]}}"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("Index [logs-1]")
        .hasMessageContaining("document [doc-7]")
        .hasMessageContaining("field [user.tags]")
        .hasMessageContaining("es.read.field.as.array.include=user.tags");
  }

  @Test
  void arrayOfObjectsInAnObjectColumnNamesTheFix() {
    assertThatThrownBy(() -> decodeRow(schema.decoder(), "{\"user\": [{\"tags\": \"a\"}]}"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("es.read.field.as.array.include=user");
  }

  @Test
  void mismatchesNameIndexDocumentFieldTypeAndValue() {
    assertThatThrownBy(() -> decodeRow(schema.decoder(), "{\"count\": \"abc\"}"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("Index [logs-1], document [doc-7]: field [count] holds \"abc\"")
        .hasMessageContaining("as bigint");
    assertThatThrownBy(() -> decodeRow(schema.decoder(), "{\"small\": 300}"))
        .hasMessageContaining("field [small] holds 300")
        .hasMessageContaining("as tinyint");
    assertThatThrownBy(() -> decodeRow(schema.decoder(), "{\"flag\": 1}"))
        .hasMessageContaining("field [flag] holds 1");
    assertThatThrownBy(() -> decodeRow(schema.decoder(), "{\"at\": \"yesterday\"}"))
        .hasMessageContaining("field [at] holds \"yesterday\"")
        .hasMessageContaining("as timestamp");
    assertThatThrownBy(() -> decodeRow(schema.decoder(), "{\"where\": \"nowhere!\"}"))
        .hasMessageContaining("field [where] holds \"nowhere!\"");
    assertThatThrownBy(() -> decodeRow(schema.decoder(), "{\"count\": {\"a\": 1}}"))
        .hasMessageContaining("field [count] holds {\"a\":1}");
  }

  @Test
  void longValuesAreAbbreviated() {
    String longValue = "x".repeat(500);
    assertThatThrownBy(() -> decodeRow(schema.decoder(), "{\"count\": \"" + longValue + "\"}"))
        .hasMessageContaining("...(502 chars)")
        .hasMessageNotContaining(longValue);
  }

  @Test
  void lenientDecoderNullsAndCountsBadValues() {
    EsRowDecoder decoder = schema.decoder(true);
    assertThat(toJava(decodeRow(decoder, """
        {"count": "abc", "small": 7, "flag": "maybe", "blob": "!!", "at": 0}"""),
        schema.sparkSchema()))
        .isEqualTo(map("count", null, "small", (byte) 7, "flag", null, "at", 0L, "blob", null,
            "where", null, "user", null));
    assertThat(decoder.malformedValueCount()).isEqualTo(3);
    decodeRow(decoder, "{\"count\": 1}");
    assertThat(decoder.malformedValueCount()).isEqualTo(3);
    assertThat(schema.decoder().malformedValueCount()).isZero();
  }
}
