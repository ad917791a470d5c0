package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;

/**
 * Writes one non-null Spark value as JSON. Built once per column from the schema, so encoding a row
 * does no type dispatch; {@link SpecializedGetters} lets the same writer read struct fields and
 * array elements alike.
 */
@FunctionalInterface
interface ValueWriter {

  void write(JsonGenerator json, SpecializedGetters data, int ordinal) throws IOException;
}
