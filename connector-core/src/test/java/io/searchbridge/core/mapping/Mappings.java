package io.searchbridge.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Fixture helpers: tests write _mapping responses as JSON text blocks. */
final class Mappings {

  private Mappings() {}

  static List<IndexMapping> parse(String getMappingResponse) {
    return MappingParser.parseGetMappingResponse(
        getMappingResponse.getBytes(StandardCharsets.UTF_8));
  }

  static IndexMapping parseOne(String getMappingResponse) {
    List<IndexMapping> mappings = parse(getMappingResponse);
    assertThat(mappings).hasSize(1);
    return mappings.get(0);
  }

  /** A one-index response whose mappings hold the given properties. */
  static IndexMapping properties(String index, String propertiesJson) {
    return parseOne(
        "{\"" + index + "\": {\"mappings\": {\"properties\": " + propertiesJson + "}}}");
  }

  static Field field(IndexMapping mapping, String path) {
    return mapping.find(path).orElseThrow(() -> new AssertionError("no field " + path));
  }
}
