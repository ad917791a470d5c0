package io.searchbridge.mirror;

import java.io.Serializable;

/** A document id that differs, and the standby's routing of it (to delete an extra one). */
public record DocDiff(String id, DocumentDifference difference, String standbyRouting) implements Serializable {}
