package io.searchbridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import io.searchbridge.core.json.Json;
import org.junit.jupiter.api.Test;

class SourceChecksumTest {

  private static String checksum(String json) throws Exception {
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      parser.nextToken();
      return SourceChecksum.of(parser);
    }
  }

  @Test
  void ignoresKeyOrderAndWhitespace() throws Exception {
    assertThat(checksum("{\"a\":1,\"b\":{\"x\":\"s\",\"y\":[1,2]}}"))
        .isEqualTo(checksum("{ \"b\" : { \"y\":[1, 2], \"x\":\"s\" },\n \"a\": 1 }"));
  }

  @Test
  void seesEveryChangeOfValueTypeOrArrayOrder() throws Exception {
    String original = checksum("{\"a\":1,\"tags\":[\"x\",\"y\"],\"n\":{\"v\":\"1\"}}");
    assertThat(original)
        .isNotEqualTo(checksum("{\"a\":2,\"tags\":[\"x\",\"y\"],\"n\":{\"v\":\"1\"}}"))
        .isNotEqualTo(checksum("{\"a\":1,\"tags\":[\"y\",\"x\"],\"n\":{\"v\":\"1\"}}"))
        .isNotEqualTo(checksum("{\"a\":1,\"tags\":[\"x\",\"y\"],\"n\":{\"v\":1}}"))
        .isNotEqualTo(checksum("{\"a\":1,\"tags\":[\"x\",\"y\"],\"n\":{\"v\":\"1\"},\"extra\":null}"));
  }

  @Test
  void keysThatLookAlikeOnceJoinedStayApart() throws Exception {
    assertThat(checksum("{\"a\":\"b,c\"}")).isNotEqualTo(checksum("{\"a\":\"b\",\"c\":null}"));
  }

  @Test
  void aHitWithoutSourceHashesAsAnEmptyObject() throws Exception {
    assertThat(SourceChecksum.of((JsonParser) null)).isEqualTo(checksum("{}"));
  }
}
