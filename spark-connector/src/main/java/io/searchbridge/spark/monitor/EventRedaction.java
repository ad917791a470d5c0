package io.searchbridge.spark.monitor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a monitoring document may not carry: the connector's credentials (an exception message or a
 * job description can quote them) are masked wherever they appear, and with {@code
 * es.log.documents=false} error messages and stack traces, which quote document values (Elasticsearch's
 * reasons, decoding errors), are left out; the error type stays.
 */
record EventRedaction(Set<String> secrets, boolean documents) {

  static final String MASK = "*****";
  static final String LEFT_OUT = "(left out: es.log.documents=false)";

  Map<String, Object> apply(Map<String, Object> document) {
    Map<String, Object> result = new LinkedHashMap<>();
    document.forEach((key, value) -> {
      if (key.equals("error") && !documents && value instanceof Map<?, ?> error) {
        Map<String, Object> kept = new LinkedHashMap<>();
        if (error.get("type") != null) {
          kept.put("type", masked(error.get("type")));
        }
        kept.put("message", LEFT_OUT);
        result.put(key, kept);
      } else {
        result.put(key, masked(value));
      }
    });
    return result;
  }

  @SuppressWarnings("unchecked")
  private Object masked(Object value) {
    if (value instanceof String text) {
      String shown = text;
      for (String secret : secrets) {
        shown = shown.replace(secret, MASK);
      }
      return shown;
    }
    if (value instanceof Map<?, ?> map) {
      return apply((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(this::masked).toList();
    }
    return value;
  }
}
