package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * geo_point values, in every form Elasticsearch accepts: {@code {"lat": .., "lon": ..}}, GeoJSON
 * {@code {"type": "Point", "coordinates": [lon, lat]}}, {@code [lon, lat]}, {@code "lat,lon"},
 * WKT {@code "POINT (lon lat)"} and geohashes (read as the centre of the cell). The struct's
 * {@code lat} and {@code lon} fields are found by name, so a user schema may order or omit them.
 */
final class GeoPointCodec implements ArrayValuedCodec {

  private static final Pattern WKT =
      Pattern.compile("\\s*POINT\\s*(?:Z\\s*)?\\(\\s*(\\S+)\\s+(\\S+)(?:\\s+\\S+)?\\s*\\)\\s*");
  private static final Pattern LAT_LON = Pattern.compile("\\s*([^,]+),([^,]+)(?:,[^,]+)?");
  private static final String GEOHASH_ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";

  private final String path;
  private final StructType type;
  private final int latOrdinal;
  private final int lonOrdinal;

  GeoPointCodec(String path, StructType type) {
    this.path = path;
    this.type = type;
    this.latOrdinal = ordinalOf(type, "lat");
    this.lonOrdinal = ordinalOf(type, "lon");
  }

  private static int ordinalOf(StructType type, String name) {
    return type.getFieldIndex(name).isDefined() ? type.fieldIndex(name) : -1;
  }

  @Override
  public Object read(JsonParser p, DecodeContext ctx) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NULL:
        return null;
      case START_OBJECT:
        return fromObject(p, ctx);
      case VALUE_STRING:
        return fromString(p.getText(), ctx);
      case START_ARRAY:
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
          return null;
        }
        if (startsValue(first)) {
          return readElements(p, ctx);
        }
        throw ctx.arrayInScalar(path, type);
      default:
        return ctx.mismatch(path, type, p.getText());
    }
  }

  @Override
  public boolean startsValue(JsonToken firstElement) {
    return firstElement.isNumeric();
  }

  /** {@code [lon, lat]} or {@code [lon, lat, z]}: GeoJSON's axis order. */
  @Override
  public Object readElements(JsonParser p, DecodeContext ctx) throws IOException {
    double[] coordinates = new double[3];
    int count = 0;
    StringBuilder seen = new StringBuilder("[");
    for (JsonToken token = p.currentToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
      seen.append(count == 0 ? "" : ",").append(p.getText());
      if (token.isNumeric() && count < coordinates.length) {
        coordinates[count] = p.getDoubleValue();
      } else {
        p.skipChildren();
        count = coordinates.length;
      }
      count++;
    }
    return count == 2 || count == 3
        ? point(coordinates[1], coordinates[0])
        : ctx.mismatch(path, type, seen.append(']').toString());
  }

  private Object fromObject(JsonParser p, DecodeContext ctx) throws IOException {
    Double lat = null;
    Double lon = null;
    Object coordinates = null;
    StringBuilder seen = new StringBuilder("{");
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken token = p.nextToken();
      seen.append(key).append(':').append(token.isScalarValue() ? p.getText() : "..").append(' ');
      switch (key) {
        case "lat":
          lat = number(p);
          break;
        case "lon":
          lon = number(p);
          break;
        case "coordinates":
          coordinates = token == JsonToken.START_ARRAY ? coordinates(p, ctx) : null;
          p.skipChildren();
          break;
        default:
          p.skipChildren();
      }
    }
    if (lat != null && lon != null) {
      return point(lat, lon);
    }
    return coordinates != null ? coordinates : ctx.mismatch(path, type, seen.append('}').toString());
  }

  private Object coordinates(JsonParser p, DecodeContext ctx) throws IOException {
    if (startsValue(p.nextToken())) {
      return readElements(p, ctx);
    }
    for (JsonToken token = p.currentToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
      p.skipChildren();
    }
    return null;
  }

  private Object fromString(String text, DecodeContext ctx) {
    try {
      Matcher wkt = WKT.matcher(text.toUpperCase(Locale.ROOT));
      if (wkt.matches()) {
        return point(Double.parseDouble(wkt.group(2)), Double.parseDouble(wkt.group(1)));
      }
      Matcher latLon = LAT_LON.matcher(text);
      if (latLon.matches()) {
        return point(
            Double.parseDouble(latLon.group(1).trim()), Double.parseDouble(latLon.group(2).trim()));
      }
      return geohash(text.trim());
    } catch (IllegalArgumentException e) {
      return ctx.mismatch(path, type, '"' + text + '"');
    }
  }

  /** Bits alternate longitude, latitude; each halves the remaining interval. */
  private GenericInternalRow geohash(String hash) {
    if (hash.isEmpty() || hash.length() > 12) {
      throw new IllegalArgumentException(hash);
    }
    double[] lat = {-90, 90};
    double[] lon = {-180, 180};
    boolean even = true;
    for (char c : hash.toLowerCase(Locale.ROOT).toCharArray()) {
      int bits = GEOHASH_ALPHABET.indexOf(c);
      if (bits < 0) {
        throw new IllegalArgumentException(hash);
      }
      for (int mask = 16; mask > 0; mask >>= 1) {
        double[] interval = even ? lon : lat;
        double mid = (interval[0] + interval[1]) / 2;
        interval[(bits & mask) != 0 ? 0 : 1] = mid;
        even = !even;
      }
    }
    return point((lat[0] + lat[1]) / 2, (lon[0] + lon[1]) / 2);
  }

  private static Double number(JsonParser p) throws IOException {
    if (p.currentToken().isNumeric()) {
      return p.getDoubleValue();
    }
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      try {
        return Double.parseDouble(p.getText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    p.skipChildren();
    return null;
  }

  private GenericInternalRow point(double lat, double lon) {
    Object[] values = new Object[type.size()];
    if (latOrdinal >= 0) {
      values[latOrdinal] = lat;
    }
    if (lonOrdinal >= 0) {
      values[lonOrdinal] = lon;
    }
    return new GenericInternalRow(values);
  }
}
