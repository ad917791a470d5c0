package io.searchbridge.mirror;

import java.io.Serializable;

/** One document as verify compares it: its routing (needed to delete it) and its source checksum. */
public record DocDigest(String routing, String checksum) implements Serializable {}
