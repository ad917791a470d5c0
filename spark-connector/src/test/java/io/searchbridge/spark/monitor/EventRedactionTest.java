package io.searchbridge.spark.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventRedactionTest {

  private static final Map<String, Object> FAILED_TASK = Map.of(
      "event", "task_end",
      "job", Map.of("description", "save with pass s3cret-pass", "stage_ids", List.of("1", "s3cret-pass")),
      "error", Map.of("type", "BulkWriteException", "message", "failed to parse [age]: value 'forty'",
          "stack_trace", "BulkWriteException: failed to parse [age]: value 'forty'\n\tat ..."));

  @Test
  void credentialsAreMaskedEverywhere() {
    Map<String, Object> shipped = new EventRedaction(Set.of("s3cret-pass"), true).apply(FAILED_TASK);
    assertThat(shipped.toString()).doesNotContain("s3cret-pass").contains("save with pass *****").contains("forty");
  }

  @Test
  void withoutDocumentsErrorsKeepOnlyTheirType() {
    Map<String, Object> shipped = new EventRedaction(Set.of(), false).apply(FAILED_TASK);
    assertThat(shipped.get("error"))
        .isEqualTo(Map.of("type", "BulkWriteException", "message", EventRedaction.LEFT_OUT));
    assertThat(shipped.get("event")).isEqualTo("task_end");
  }
}
