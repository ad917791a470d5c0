package io.searchbridge.mirror;

import java.io.Serializable;

/** What a copy moved: documents and their {@code _source} bytes. */
public record CopyTotals(long documents, long bytes) implements Serializable {

  public static final CopyTotals NONE = new CopyTotals(0, 0);

  public CopyTotals plus(CopyTotals other) {
    return new CopyTotals(documents + other.documents, bytes + other.bytes);
  }
}
