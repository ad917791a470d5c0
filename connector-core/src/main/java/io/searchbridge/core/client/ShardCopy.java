package io.searchbridge.core.client;

import java.io.Serializable;

/** One started copy of a shard and the host of the node that holds it (for locality hints). */
public record ShardCopy(String index, int shard, boolean primary, String nodeId, String host) implements Serializable {}
