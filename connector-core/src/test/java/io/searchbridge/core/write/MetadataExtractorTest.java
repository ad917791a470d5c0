package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Settings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataExtractorTest {

  private static final Settings ALL = Settings.of(Map.of(
      "es.mapping.id", "user.id", "es.mapping.routing", "tenant", "es.mapping.version", "rev"));

  private static DocumentMetadata extract(Settings settings, Map<String, Object> document) {
    return new MetadataExtractor(settings).extract(document::get, 41);
  }

  private static Map<String, Object> doc(Object... pathsAndValues) {
    Map<String, Object> document = new HashMap<>();
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      document.put((String) pathsAndValues[i], pathsAndValues[i + 1]);
    }
    return document;
  }

  @Test
  void readsEachConfiguredField() {
    assertThat(extract(ALL, doc("user.id", "u-1", "tenant", "acme", "rev", 7L)))
        .isEqualTo(new DocumentMetadata("u-1", "acme", "7"));
  }

  @Test
  void nothingConfiguredReadsNothing() {
    assertThat(extract(Settings.empty(), doc("id", "x"))).isSameAs(DocumentMetadata.none());
    assertThat(new MetadataExtractor(Settings.empty()).metadataFields()).isEmpty();
  }

  @Test
  void onlyTheConfiguredPartsAreSet() {
    assertThat(extract(Settings.of(Map.of("es.mapping.routing", "tenant")), doc("tenant", "acme")))
        .isEqualTo(new DocumentMetadata(null, "acme", null));
  }

  @Test
  void numbersBecomeTextWithoutSpuriousFraction() {
    Settings id = Settings.of(Map.of("es.mapping.id", "id"));
    assertThat(extract(id, doc("id", 42)).id()).isEqualTo("42");
    assertThat(extract(id, doc("id", 7.0d)).id()).isEqualTo("7");
    assertThat(extract(id, doc("id", 1.1f)).id()).isEqualTo("1.1");
    assertThat(extract(id, doc("id", 2.5d)).id()).isEqualTo("2.5");
    assertThat(extract(id, doc("id", 1e20d)).id()).isEqualTo("100000000000000000000");
    assertThat(extract(id, doc("id", new BigDecimal("12.500"))).id()).isEqualTo("12.5");
    assertThat(extract(id, doc("id", new BigDecimal("1E+3"))).id()).isEqualTo("1000");
  }

  @Test
  void otherValuesUseToString() {
    Settings id = Settings.of(Map.of("es.mapping.id", "id"));
    assertThat(extract(id, doc("id", true)).id()).isEqualTo("true");
    assertThat(extract(id, doc("id", LocalDate.of(2026, 11, 23))).id()).isEqualTo("2026-11-23");
  }

  @Test
  void metadataFieldsListsConfiguredPathsInOrder() {
    assertThat(new MetadataExtractor(ALL).metadataFields()).containsExactly("user.id", "tenant", "rev");
  }

  @Test
  void missingIdNamesFieldSettingAndPosition() {
    assertThatThrownBy(() -> extract(ALL, doc("tenant", "acme", "rev", 1L)))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessage("Document at position 41 has no value in field [user.id] named by es.mapping.id; every"
            + " document needs one, so fill the field or unset es.mapping.id");
  }

  @Test
  void nullRoutingIsAnErrorToo() {
    assertThatThrownBy(() -> extract(ALL, doc("user.id", "u", "tenant", null, "rev", 1L)))
        .hasMessageContaining("field [tenant] named by es.mapping.routing");
  }

  @Test
  void nonFiniteNumbersAreRefused() {
    assertThatThrownBy(() -> extract(Settings.of(Map.of("es.mapping.version", "v")), doc("v", Double.NaN)))
        .hasMessage("Field [v] named by es.mapping.version holds NaN in document at position 41, which cannot"
            + " serve as es.mapping.version");
  }

  @Test
  void multiValuedFieldsAreRefused() {
    assertThatThrownBy(() -> extract(Settings.of(Map.of("es.mapping.id", "tags")), doc("tags", List.of("a"))))
        .hasMessageStartingWith("Field [tags] named by es.mapping.id holds ")
        .hasMessageEndingWith(" in document at position 41; it must hold a single value such as a string or"
            + " a number");
  }
}
