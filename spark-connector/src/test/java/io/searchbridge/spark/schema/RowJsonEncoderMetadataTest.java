package io.searchbridge.spark.schema;

import static io.searchbridge.spark.schema.Rows.days;
import static io.searchbridge.spark.schema.Rows.json;
import static io.searchbridge.spark.schema.Rows.micros;
import static io.searchbridge.spark.schema.Rows.row;
import static io.searchbridge.spark.schema.Rows.s;
import static io.searchbridge.spark.schema.Rows.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.write.DocumentMetadata;
import java.math.BigDecimal;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RowJsonEncoderMetadataTest {

  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.LongType)
      .add("user", new StructType().add("key", DataTypes.StringType).add("tenant", DataTypes.StringType))
      .add("rev", DataTypes.createDecimalType(10, 2))
      .add("service", DataTypes.StringType)
      .add("@timestamp", DataTypes.TimestampType)
      .add("day", DataTypes.DateType)
      .add("local", DataTypes.TimestampNTZType)
      .add("tags", DataTypes.createArrayType(DataTypes.StringType))
      .add("my.dotted", DataTypes.StringType);

  private static final StructType ID_AND_TEXT =
      new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);

  private static final InternalRow ROW = row(7L, row(s("u-1"), s("acme")), Decimal.apply(new BigDecimal("3.00"), 10, 2),
      s("web"), micros("2026-11-23T23:59:59.999999Z"), days("2026-02-01"), micros("2026-03-04T05:06:07Z"), null,
      s("dot"));

  private static RowJsonEncoder encoder(String... settings) {
    return new RowJsonEncoder(SCHEMA, settings(settings));
  }

  @Test
  void metadataThroughNestedPathsAndNumbers() {
    RowJsonEncoder encoder = encoder("es.mapping.id", "user.key", "es.mapping.routing", "user.tenant",
        "es.mapping.version", "rev");
    assertThat(encoder.metadata(ROW, 0)).isEqualTo(new DocumentMetadata("u-1", "acme", "3"));
    assertThat(encoder("es.mapping.id", "id").metadata(ROW, 0)).isEqualTo(DocumentMetadata.withId("7"));
  }

  @Test
  void columnNamesWithDotsAreFoundWhole() {
    assertThat(encoder("es.mapping.id", "my.dotted").metadata(ROW, 0).id()).isEqualTo("dot");
  }

  @Test
  void noMetadataSettingsGiveNone() {
    assertThat(encoder().metadata(ROW, 0)).isEqualTo(DocumentMetadata.none());
  }

  @Test
  void idFieldCanBeLeftOutOfTheDocument() {
    RowJsonEncoder encoder = new RowJsonEncoder(ID_AND_TEXT, settings("es.mapping.id", "id", "es.mapping.exclude", "id"));
    InternalRow row = row(s("doc-1"), s("hello"));
    assertThat(encoder.metadata(row, 0)).isEqualTo(DocumentMetadata.withId("doc-1"));
    assertThat(json(encoder.encode(row))).isEqualTo("{\"text\":\"hello\"}");
  }

  @Test
  void nullIdFailsNamingFieldAndPosition() {
    InternalRow noUser = row(7L, null, null, s("web"), 0L, 0, 0L, null, null);
    assertThatThrownBy(() -> encoder("es.mapping.id", "user.key").metadata(noUser, 12))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessage("Document at position 12 has no value in field [user.key] named by es.mapping.id; every"
            + " document needs one, so fill the field or unset es.mapping.id");
  }

  @Test
  void metadataSettingsAreCheckedAgainstTheSchemaOnConstruction() {
    assertThatThrownBy(() -> encoder("es.mapping.routing", "user.missing"))
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo("es.mapping.routing"))
        .hasMessage("es.mapping.routing names field [user.missing], which the DataFrame does not have; its fields"
            + " are [id, user.key, user.tenant, rev, service, @timestamp, day, local, tags, my.dotted]");
    assertThatThrownBy(() -> encoder("es.mapping.id", "service.name"))
        .hasMessage("es.mapping.id names field [service.name], but [service] is of type string and has no fields");
    assertThatThrownBy(() -> encoder("es.mapping.version", "tags"))
        .hasMessage("es.mapping.version names field [tags] of type array<string>; it must name a single value:"
            + " a string, number, boolean, date or timestamp");
  }

  @Test
  void staticIndexFromEsResourceOrWriteResource() {
    assertThat(encoder("es.resource", "people").index(ROW, 0)).isEqualTo("people");
    assertThat(encoder("es.resource", "people", "es.resource.write", "writers").index(ROW, 0)).isEqualTo("writers");
  }

  @Test
  void indexPatternFromFieldsAndTimestamps() {
    assertThat(encoder("es.resource.write", "logs-{service}-{@timestamp|yyyy.MM.dd}").index(ROW, 0))
        .isEqualTo("logs-web-2026.11.23");
    assertThat(encoder("es.resource.write", "{user.tenant}-{day|yyyy-MM}-{local|HH}").index(ROW, 0))
        .isEqualTo("acme-2026-02-05");
    assertThat(encoder("es.resource.write", "v{rev}-{id}").index(ROW, 0)).isEqualTo("v3.00-7");
  }

  @Test
  void indexPatternErrors() {
    InternalRow noService = row(7L, null, null, null, 0L, 0, 0L, null, null);
    assertThatThrownBy(() -> encoder("es.resource.write", "logs-{service}").index(noService, 3))
        .hasMessage("Document at position 3 has no value in field [service], which index name pattern"
            + " [logs-{service}] (es.resource.write) needs");
    assertThatThrownBy(() -> encoder("es.resource.write", "logs-{nope}"))
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo("es.resource.write"))
        .hasMessageStartingWith("es.resource.write names field [nope], which the DataFrame does not have");
    assertThatThrownBy(() -> encoder("es.resource", "logs-{service"))
        .hasMessageStartingWith("Invalid index name pattern [logs-{service] in es.resource.write (or es.resource)");
  }

  @Test
  void missingResourceFailsOnlyWhenAnIndexIsAsked() {
    RowJsonEncoder encoder = encoder();
    assertThat(json(encoder.encode(row(1L, null, null, null, null, null, null, null, null)))).isEqualTo("{\"id\":1}");
    assertThatThrownBy(() -> encoder.index(ROW, 0))
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo("es.resource.write"))
        .hasMessage("No index to write to: set es.resource.write (or es.resource) to an index name or pattern");
  }

  @Test
  void upperCaseFieldValuesAreRefusedForIndexNames() {
    InternalRow upper = row(7L, null, null, s("Web"), 0L, 0, 0L, null, null);
    assertThatThrownBy(() -> encoder("es.resource", "logs-{service}").index(upper, 5))
        .hasMessageStartingWith("Field [service] of document at position 5 gives [Web] for index name pattern"
            + " [logs-{service}], but Elasticsearch index names must be lower case");
  }
}
