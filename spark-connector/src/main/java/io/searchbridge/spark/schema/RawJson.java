package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;

/** The current JSON value, consumed and re-serialized as compact JSON text. */
final class RawJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private RawJson() {}

  static String text(JsonParser p) throws IOException {
    if (p.currentToken().isScalarValue()) {
      return p.getText();
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.copyCurrentStructure(p);
    }
    return out.toString();
  }
}
