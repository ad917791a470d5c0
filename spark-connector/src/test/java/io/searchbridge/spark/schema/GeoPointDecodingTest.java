package io.searchbridge.spark.schema;

import static io.searchbridge.spark.schema.DecoderTest.one;
import static io.searchbridge.spark.schema.Fixtures.decode;
import static io.searchbridge.spark.schema.Fixtures.infer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeoPointDecodingTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"lat\": 41.12, \"lon\": -71.34}",
      "{\"lat\": \"41.12\", \"lon\": \"-71.34\"}",
      "{\"type\": \"Point\", \"coordinates\": [-71.34, 41.12]}",
      "[-71.34, 41.12]",
      "[-71.34, 41.12, 10.0]",
      "\"41.12,-71.34\"",
      "\" 41.12 , -71.34 \"",
      "\"POINT (-71.34 41.12)\"",
      "\"point(-71.34 41.12)\""})
  void everyExactForm(String valueJson) {
    assertThat(one("geo_point", valueJson)).isEqualTo(Map.of("lat", 41.12, "lon", -71.34));
  }

  @Test
  void geohashIsTheCentreOfItsCell() {
    @SuppressWarnings("unchecked")
    Map<String, Object> point = (Map<String, Object>) one("geo_point", "\"drm3btev3e86\"");
    assertThat((double) point.get("lat")).isCloseTo(41.12, within(1e-6));
    assertThat((double) point.get("lon")).isCloseTo(-71.34, within(1e-6));
  }

  @Test
  void arrayOfPointsInEveryForm() {
    EsReadSchema schema = infer("{\"p\": {\"type\": \"geo_point\"}}",
        "es.read.field.as.array.include", "p");
    Map<String, Object> point = Map.of("lat", 1.5, "lon", 2.5);
    assertThat(decode(schema, "{\"p\": [2.5, 1.5]}")).isEqualTo(Map.of("p", List.of(point)));
    assertThat(decode(schema, "{\"p\": [[2.5, 1.5], \"1.5,2.5\", {\"lat\": 1.5, \"lon\": 2.5}]}"))
        .isEqualTo(Map.of("p", List.of(point, point, point)));
    assertThat(decode(schema, "{\"p\": \"POINT (2.5 1.5)\"}")).isEqualTo(Map.of("p", List.of(point)));
  }
}
