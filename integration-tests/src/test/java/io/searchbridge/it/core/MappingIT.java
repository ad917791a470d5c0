package io.searchbridge.it.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.mapping.Field;
import io.searchbridge.core.mapping.FieldType;
import io.searchbridge.core.mapping.MappingConflictException;
import io.searchbridge.core.mapping.MappingMerger;
import io.searchbridge.core.mapping.MappingParser;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Mappings as the real server returns them, for an alias over two indexes and for a pattern. */
@ExtendWith(ElasticsearchExtension.class)
class MappingIT {

  @Test
  void aliasOverTwoIndexesMergesTheirMappings(ElasticsearchServer server) {
    RestCalls rest = new RestCalls(server);
    String a = server.uniqueIndex("people-a");
    String b = server.uniqueIndex("people-b");
    rest.put("/" + a, "{\"mappings\":{\"properties\":{\"name\":{\"type\":\"text\",\"fields\":{\"raw\":{\"type\":\"keyword\"}}},"
        + "\"age\":{\"type\":\"integer\"},\"address\":{\"properties\":{\"city\":{\"type\":\"keyword\"}}},"
        + "\"pets\":{\"type\":\"nested\",\"properties\":{\"kind\":{\"type\":\"keyword\"}}}}}}");
    rest.put("/" + b, "{\"mappings\":{\"properties\":{\"age\":{\"type\":\"long\"},"
        + "\"born\":{\"type\":\"date\",\"format\":\"yyyy/MM/dd||epoch_millis\"}}}}");
    String alias = server.uniqueIndex("people");
    rest.post("/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + a + "\",\"alias\":\"" + alias + "\"}},"
        + "{\"add\":{\"index\":\"" + b + "\",\"alias\":\"" + alias + "\"}}]}");

    try (EsClient client = CoreFixtures.client(CoreFixtures.settings(server))) {
      ResolvedMapping mapping = MappingMerger.merge(MappingParser.parseGetMappingResponse(client.mappings(alias)));
      assertThat(mapping.indexes()).containsExactlyInAnyOrder(a, b);
      assertThat(mapping.find("age")).map(Field::type).contains(FieldType.LONG);
      assertThat(mapping.find("name").flatMap(Field::keywordSubField)).map(Field::path).contains("name.raw");
      assertThat(mapping.find("address.city")).map(Field::type).contains(FieldType.KEYWORD);
      assertThat(mapping.find("pets")).map(Field::type).contains(FieldType.NESTED);
      assertThat(mapping.find("born").flatMap(Field::format)).contains("yyyy/MM/dd||epoch_millis");
    }
  }

  @Test
  void incompatibleTypesAcrossAPatternNameFieldAndIndexes(ElasticsearchServer server) {
    RestCalls rest = new RestCalls(server);
    String prefix = server.uniqueIndex("orders");
    rest.put("/" + prefix + "-1", "{\"mappings\":{\"properties\":{\"code\":{\"type\":\"long\"}}}}");
    rest.put("/" + prefix + "-2", "{\"mappings\":{\"properties\":{\"code\":{\"type\":\"keyword\"}}}}");
    try (EsClient client = CoreFixtures.client(CoreFixtures.settings(server))) {
      byte[] response = client.mappings(prefix + "-*");
      assertThatThrownBy(() -> MappingMerger.merge(MappingParser.parseGetMappingResponse(response)))
          .isInstanceOf(MappingConflictException.class)
          .hasMessageContaining("[code]")
          .hasMessageContaining(prefix + "-1")
          .hasMessageContaining(prefix + "-2");
    }
  }
}
