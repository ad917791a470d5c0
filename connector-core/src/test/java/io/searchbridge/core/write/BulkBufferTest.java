package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BulkBufferTest {

  private static void entry(BulkBuffer buffer, String id, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    buffer.startEntry("index", new DocumentMetadata(id, null, null), bytes, buffer.entries() + 1);
    buffer.write(bytes, 0, bytes.length);
  }

  @Test
  void largestEntryIsFoundByItsBytes() {
    BulkBuffer buffer = new BulkBuffer(16);
    entry(buffer, "a", "12345");
    entry(buffer, "b", "1234567890");
    entry(buffer, null, "123");
    assertThat(buffer.largestEntry()).isEqualTo(1);
    assertThat(buffer.entryBytes(1)).isEqualTo(10);
    assertThat(buffer.entryBytes(2)).isEqualTo(3);
    assertThat(buffer.label(buffer.largestEntry(), "w")).isEqualTo("document [b]");
  }

  @Test
  void copiedEntryKeepsItsBytesAndName() {
    BulkBuffer source = new BulkBuffer(16);
    entry(source, "a", "first");
    entry(source, "b", "second");
    BulkBuffer copy = new BulkBuffer(16);
    copy.copyEntry(source, 1);
    assertThat(new String(copy.data(), 0, copy.size(), StandardCharsets.UTF_8)).isEqualTo("second");
    assertThat(copy.label(0, "w")).isEqualTo("document [b]");
  }
}
