package io.searchbridge.mirror;

import java.util.List;

/**
 * The outcome of verifying one index: counts on both sides and the documents that differ, with a
 * few ids of each kind as examples.
 *
 * @param repaired whether the differences were written to the standby after being found
 */
public record VerifyReport(String index, long primaryDocuments, long standbyDocuments, long missing, long extra,
    long different, List<String> exampleIds, boolean repaired) {

  public VerifyReport {
    exampleIds = List.copyOf(exampleIds);
  }

  public boolean inSync() {
    return missing == 0 && extra == 0 && different == 0 && primaryDocuments == standbyDocuments;
  }

  public long differences() {
    return missing + extra + different;
  }

  public String line() {
    return "verify [" + index + "]: " + (inSync() ? "in sync" : "DIFFERENT") + "; primary " + primaryDocuments
        + " doc(s), standby " + standbyDocuments + "; missing " + missing + ", extra " + extra + ", different "
        + different + (exampleIds.isEmpty() ? "" : "; e.g. ids " + exampleIds) + (repaired ? "; repaired" : "");
  }
}
