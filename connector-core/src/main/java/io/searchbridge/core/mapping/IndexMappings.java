package io.searchbridge.core.mapping;

import io.searchbridge.core.client.EsClient;

/** Fetches and merges the mappings of every index a resource (index, alias or pattern) resolves to. */
public final class IndexMappings {

  private IndexMappings() {}

  public static ResolvedMapping resolve(EsClient client, String resource) {
    return MappingMerger.merge(MappingParser.parseGetMappingResponse(client.mappings(resource)));
  }
}
