package io.searchbridge.core.write;

import java.util.Map;

/** Field access by dotted path into a document held as nested Java maps; also finds flat dotted keys. */
public record MapDocumentFields(Map<String, ?> document) implements DocumentFields {

  @Override
  public Object get(String dottedPath) {
    if (document.containsKey(dottedPath)) {
      return document.get(dottedPath);
    }
    Object current = document;
    for (String part : dottedPath.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }
}
