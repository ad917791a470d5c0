package io.searchbridge.core.read;

import io.searchbridge.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hits as plain Java maps (strings, numbers, booleans, lists, maps), for the untyped RDD and MapReduce APIs. */
public final class SourceMaps {

  @SuppressWarnings("unchecked")
  public static final HitDecoder<Map<String, Object>> DECODER =
      (metadata, source) -> source == null ? new LinkedHashMap<>() : Json.MAPPER.readValue(source, LinkedHashMap.class);

  private SourceMaps() {}
}
