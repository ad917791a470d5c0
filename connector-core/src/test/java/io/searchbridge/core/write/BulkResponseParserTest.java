package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkResponseParserTest {

  private static List<BulkItemFailure> parse(String json, int sent) throws Exception {
    return BulkResponseParser.failures(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), sent);
  }

  @Test
  void noErrors() throws Exception {
    assertThat(parse("""
        {"errors":false,"took":4,"items":[{"index":{"_index":"i","_id":"1","status":201,"result":"created"}},
          {"create":{"_index":"i","_id":"2","status":201}}]}""", 2)).isEmpty();
  }

  @Test
  void separatesRejectionsFromPermanentFailuresByPosition() throws Exception {
    List<BulkItemFailure> failures = parse("""
        {"took":4,"errors":true,"items":[
          {"index":{"_index":"i","_id":"1","status":201}},
          {"index":{"_index":"i","_id":"2","status":429,"error":{"type":"es_rejected_execution_exception","reason":"queue full"}}},
          {"index":{"_index":"i","_id":"3","status":400,"error":{"type":"document_parsing_exception",
             "reason":"failed to parse field [age] of type [integer]","caused_by":{"type":"number_format_exception","reason":"For input string: \\"abc\\""}}}},
          {"delete":{"_index":"i","_id":"4","status":404,"result":"not_found"}}]}""", 4);
    assertThat(failures).hasSize(2);
    assertThat(failures.get(0)).isEqualTo(new BulkItemFailure(1, "i", "2", 429, "es_rejected_execution_exception", "queue full"));
    assertThat(failures.get(0).kind()).isEqualTo(BulkItemFailure.Kind.RETRY);
    BulkItemFailure permanent = failures.get(1);
    assertThat(permanent.item()).isEqualTo(2);
    assertThat(permanent.kind()).isEqualTo(BulkItemFailure.Kind.DOCUMENT);
    assertThat(permanent.reason()).isEqualTo("failed to parse field [age] of type [integer] (caused by"
        + " number_format_exception: For input string: \"abc\")");
  }

  @Test
  void itemCountMismatchIsNeverAcknowledged() {
    assertThatThrownBy(() -> parse("{\"errors\":false,\"items\":[{\"index\":{\"status\":201}}]}", 2))
        .hasMessageContaining("lists 1 items for 2 documents sent");
  }
}
