package io.searchbridge.mirror;

import java.util.Optional;

/** How one document id differs between primary and standby. */
public enum DocumentDifference {
  /** On the primary only: copy it. */
  MISSING,
  /** On the standby only (deleted on the primary): delete it. */
  EXTRA,
  /** On both, with different sources: copy it again. */
  DIFFERENT;

  /** The difference for an id, given each side's checksum (empty when the side lacks the id). */
  public static Optional<DocumentDifference> of(Optional<String> primary, Optional<String> standby) {
    if (primary.isPresent() && standby.isPresent()) {
      return primary.get().equals(standby.get()) ? Optional.empty() : Optional.of(DIFFERENT);
    }
    if (primary.isPresent()) {
      return Optional.of(MISSING);
    }
    return standby.isPresent() ? Optional.of(EXTRA) : Optional.empty();
  }
}
