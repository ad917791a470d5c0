package io.searchbridge.mr.mapred;

import io.searchbridge.core.plan.PartitionSpec;

/** The {@code mapreduce} split, also typed as an old-API split; same serialized form. */
public class EsInputSplit extends io.searchbridge.mr.EsInputSplit implements org.apache.hadoop.mapred.InputSplit {

  public EsInputSplit() {}

  public EsInputSplit(PartitionSpec partition) {
    super(partition);
  }
}
