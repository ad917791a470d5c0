package io.searchbridge.hive;

import io.searchbridge.core.SearchbridgeException;
import java.io.Serial;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfo;

/** A value that cannot be converted between a Hive column type and JSON; names the field, type and value. */
public final class HiveValueException extends SearchbridgeException {

  @Serial private static final long serialVersionUID = 1L;

  HiveValueException(String field, TypeInfo type, Object value, String reason) {
    super("field [" + field + "] cannot hold " + describe(value) + " as Hive type " + type.getTypeName() + ": " + reason);
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    return "value '" + (text.length() > 100 ? text.substring(0, 97) + "..." : text) + "'";
  }
}
