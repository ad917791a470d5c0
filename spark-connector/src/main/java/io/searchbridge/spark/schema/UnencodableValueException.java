package io.searchbridge.spark.schema;

import io.searchbridge.core.SearchbridgeException;

/**
 * A value JSON cannot hold. Raised deep inside a column writer, which knows the field but not the
 * document; {@link RowJsonEncoder} wraps it with the document's position.
 */
final class UnencodableValueException extends SearchbridgeException {

  UnencodableValueException(String message) {
    super(message);
  }
}
