package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Settings;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentEncoderTest {

  @Test
  void mapDocumentsResolveIndexAndIdAndApplyTheFieldFilter() {
    DocumentEncoder encoder = new DocumentEncoder(Settings.of(Map.of("es.resource.write", "logs-{group}",
        "es.mapping.id", "id", "es.mapping.exclude", "secret")), "test");
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", "d1");
    document.put("group", "a");
    document.put("secret", "x");
    DocumentEncoder.Encoded encoded = encoder.encodeMap(document, null, 1);
    assertThat(encoded.index()).isEqualTo("logs-a");
    assertThat(encoded.metadata().id()).isEqualTo("d1");
    assertThat(new String(encoded.json(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"d1\",\"group\":\"a\"}");
  }

  @Test
  void givenMetadataWinsOverTheFields() {
    DocumentEncoder encoder = new DocumentEncoder(Settings.of(Map.of("es.resource", "idx", "es.mapping.id", "id")), "test");
    assertThat(encoder.encodeMap(Map.of("id", "from-field"), DocumentMetadata.withId("given"), 1).metadata().id())
        .isEqualTo("given");
  }

  @Test
  void jsonIsPassedOnAsGivenWhenNothingIsTakenFromItsFields() {
    DocumentEncoder encoder = new DocumentEncoder(Settings.of(Map.of("es.resource", "idx")), "test");
    byte[] json = "{\"a\": [1, {\"b\": null}]}".getBytes(StandardCharsets.UTF_8);
    DocumentEncoder.Encoded encoded = encoder.encodeJson(json, 1);
    assertThat(encoded.index()).isEqualTo("idx");
    assertThat(encoded.json()).isSameAs(json);
  }

  @Test
  void malformedJsonFailsBeforeSendingEvenWhenNotParsedForFields() {
    DocumentEncoder encoder = new DocumentEncoder(Settings.of(Map.of("es.resource", "idx")), "saveJsonToEs");
    for (String bad : new String[] {"not even json", "{\"a\": 1", "{\"a\": 1} {\"b\": 2}", "[1, 2]", ""}) {
      assertThatThrownBy(() -> encoder.encodeJson(bad.getBytes(StandardCharsets.UTF_8), 3))
          .as(bad)
          .isInstanceOf(SearchbridgeException.class)
          .hasMessageContaining("document #3 given to saveJsonToEs");
    }
  }

  @Test
  void jsonFieldsGiveIndexAndIdAndBadJsonIsNamedByPosition() {
    DocumentEncoder encoder = new DocumentEncoder(Settings.of(Map.of("es.resource", "idx-{group}", "es.mapping.id", "id")),
        "saveJsonToEs");
    DocumentEncoder.Encoded encoded = encoder.encodeJson("{\"id\":\"j\",\"group\":\"b\"}".getBytes(StandardCharsets.UTF_8), 1);
    assertThat(encoded.index()).isEqualTo("idx-b");
    assertThat(encoded.metadata().id()).isEqualTo("j");
    assertThatThrownBy(() -> encoder.encodeJson("{oops".getBytes(StandardCharsets.UTF_8), 7))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("document #7 given to saveJsonToEs is not valid JSON");
  }

  @Test
  void aMissingResourceIsNamed() {
    assertThatThrownBy(() -> new DocumentEncoder(Settings.empty(), "test"))
        .hasMessageContaining("es.resource");
  }
}
