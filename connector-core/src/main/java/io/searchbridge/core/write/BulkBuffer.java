package io.searchbridge.core.write;

import java.util.Arrays;

/**
 * The NDJSON body of one bulk request, grown in place, remembering where each entry (action line
 * plus document) starts and how to name it in an error, so that rejected entries can be re-sent
 * alone without re-encoding. It also keeps each entry's target, metadata and original document
 * (references only, no copies), which error handlers see and may send again modified.
 */
final class BulkBuffer {

  private byte[] data;
  private int size;
  private int[] starts = new int[64];
  private String[] indexes = new String[64];
  private DocumentMetadata[] metadata = new DocumentMetadata[64];
  private byte[][] documents = new byte[64][];
  private long[] sequences = new long[64];
  private int entries;

  BulkBuffer(int initialBytes) {
    data = new byte[Math.max(initialBytes, 1024)];
  }

  /** @param sequence the document's position among everything its writer was given, from 1 */
  void startEntry(String index, DocumentMetadata meta, byte[] document, long sequence) {
    if (entries == starts.length) {
      starts = Arrays.copyOf(starts, entries * 2);
      indexes = Arrays.copyOf(indexes, entries * 2);
      metadata = Arrays.copyOf(metadata, entries * 2);
      documents = Arrays.copyOf(documents, entries * 2);
      sequences = Arrays.copyOf(sequences, entries * 2);
    }
    starts[entries] = size;
    indexes[entries] = index;
    metadata[entries] = meta;
    documents[entries] = document;
    sequences[entries] = sequence;
    entries++;
  }

  void write(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, data, size, length);
    size += length;
  }

  void write(byte b) {
    ensure(1);
    data[size++] = b;
  }

  /** Drops the entry being written, after it failed to encode, so that the buffer stays valid NDJSON. */
  void abortEntry() {
    entries--;
    size = starts[entries];
    documents[entries] = null;
  }

  int size() {
    return size;
  }

  int entries() {
    return entries;
  }

  byte[] data() {
    return data;
  }

  /** The entry taking the most bytes (action line included). */
  int largestEntry() {
    int largest = 0;
    for (int entry = 1; entry < entries; entry++) {
      if (entryBytes(entry) > entryBytes(largest)) {
        largest = entry;
      }
    }
    return largest;
  }

  int entryBytes(int entry) {
    return (entry + 1 < entries ? starts[entry + 1] : size) - starts[entry];
  }

  /** How an error names the document: by id, or by position when it has none. Built only when needed. */
  String label(int entry, String writer) {
    return label(metadata[entry].id(), sequences[entry], writer);
  }

  String index(int entry) {
    return indexes[entry];
  }

  DocumentMetadata metadata(int entry) {
    return metadata[entry];
  }

  /** The document as the writer was given it; empty for deletes given none. */
  byte[] document(int entry) {
    return documents[entry] == null ? new byte[0] : documents[entry];
  }

  long sequence(int entry) {
    return sequences[entry];
  }

  static String label(String id, long sequence, String writer) {
    return id != null ? "document [" + id + "]" : "document #" + sequence + " of " + writer;
  }

  /** Appends entry {@code entry} of {@code other}, byte for byte. */
  void copyEntry(BulkBuffer other, int entry) {
    int start = other.starts[entry];
    int end = start + other.entryBytes(entry);
    startEntry(other.indexes[entry], other.metadata[entry], other.documents[entry], other.sequences[entry]);
    write(other.data, start, end - start);
  }

  void clear() {
    Arrays.fill(documents, 0, entries, null);
    size = 0;
    entries = 0;
  }

  private void ensure(int extra) {
    if (size + extra > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
    }
  }
}
