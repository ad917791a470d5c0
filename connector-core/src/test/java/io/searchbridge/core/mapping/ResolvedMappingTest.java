package io.searchbridge.core.mapping;

import static io.searchbridge.core.mapping.Mappings.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedMappingTest {

  private final ResolvedMapping mapping =
      MappingMerger.merge(
          List.of(
              properties(
                  "shop",
                  """
                  {
                    "id": {"type": "keyword"},
                    "customer": {"properties": {
                      "name": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
                      "address": {"properties": {"city": {"type": "keyword"},
                      "geo": {"type": "geo_point"}}}
                    }},
                    "lines": {"type": "nested",
                    "properties": {"sku": {"type": "keyword"}}},
                    "payload": {"type": "object", "enabled": false},
                    "labels": {"type": "flattened"},
                    "metrics": {"type": "object", "subobjects": false,
                    "properties": {"cpu.pct": {"type": "float"}}}
                  }
                  """)));

  @Test
  void leavesExpandObjectsDepthFirstAndKeepNestedWhole() {
    assertThat(mapping.leaves())
        .extracting(Field::path)
        .containsExactly(
            "id",
            "customer.name",
            "customer.address.city",
            "customer.address.geo",
            "lines",
            "payload",
            "labels",
            "metrics.cpu.pct");
  }

  @Test
  void findsObjectsLeavesMultiFieldsAndDottedNames() {
    assertThat(mapping.find("customer").map(Field::type)).contains(FieldType.OBJECT);
    assertThat(mapping.find("customer.address.city").map(Field::name)).contains("city");
    assertThat(mapping.find("customer.name.raw").map(Field::type)).contains(FieldType.KEYWORD);
    assertThat(mapping.find("lines.sku").map(Field::path)).contains("lines.sku");
    assertThat(mapping.find("metrics.cpu.pct").map(Field::name)).contains("cpu.pct");
  }

  @Test
  void findsNothingForMissingOrPartialPaths() {
    assertThat(mapping.find("customer.phone")).isEmpty();
    assertThat(mapping.find("cust")).isEmpty();
    assertThat(mapping.find("customer.")).isEmpty();
    assertThat(mapping.find("")).isEmpty();
    assertThat(mapping.find("metrics.cpu")).isEmpty();
  }
}
