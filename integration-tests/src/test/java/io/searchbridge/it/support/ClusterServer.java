package io.searchbridge.it.support;

/**
 * Three nodes on loopback, each master-eligible and holding data, with small heaps: enough for an
 * index with a replica of every shard to lose any one node. Started on first use (it costs about a
 * minute on two cores, so only tests that kill nodes use it), stopped when the JVM exits.
 */
public final class ClusterServer {

  static final String INSTANCE_NAME = "it-cluster";
  private static final int NODES = 3;

  private static ElasticsearchCluster cluster;

  private ClusterServer() {}

  public static synchronized ElasticsearchCluster get() {
    if (cluster == null) {
      cluster = ElasticsearchCluster.start(INSTANCE_NAME, NODES, "--heap", "256m");
    }
    return cluster;
  }
}
