package io.searchbridge.spark.rdd;

import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.read.ClientCursor;
import io.searchbridge.spark.metrics.ConnectorMetricsSource;
import java.util.List;
import org.apache.spark.Partition;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.reflect.ClassTag;

/**
 * An RDD over an index: one Spark partition per core partition, each computed by a cursor that
 * its task closes when it completes, fails or is killed.
 */
public final class EsRDD<T> extends RDD<T> {

  private final Settings settings;
  private final RddReads.Decoder<T> decoder;
  /** Taken on the driver: executors have no SparkContext to ask. */
  private final String applicationId;

  @SuppressWarnings("unchecked")
  public EsRDD(SparkContext context, Settings settings, RddReads.Decoder<T> decoder, ClassTag<T> elementTag) {
    super(context, (Seq<org.apache.spark.Dependency<?>>) (Seq<?>) scala.collection.immutable.Nil$.MODULE$, elementTag);
    this.settings = settings;
    this.decoder = decoder;
    this.applicationId = context.applicationId();
  }

  private record EsPartition(int index, PartitionSpec spec) implements Partition {}

  @Override
  public Partition[] getPartitions() {
    List<PartitionSpec> specs = RddReads.plan(settings);
    Partition[] partitions = new Partition[specs.size()];
    for (int i = 0; i < partitions.length; i++) {
      partitions[i] = new EsPartition(i, specs.get(i));
    }
    return partitions;
  }

  @Override
  public Seq<String> getPreferredLocations(Partition split) {
    List<String> hosts = ((EsPartition) split).spec().preferredHosts().stream().filter(h -> !h.isEmpty()).distinct().toList();
    return JavaConverters.asScalaBuffer(hosts).toSeq();
  }

  @Override
  public scala.collection.Iterator<T> compute(Partition split, TaskContext context) {
    ConnectorMetricsSource.registerOnce();
    String opaqueId = "searchbridge/" + applicationId + "/stage-" + context.stageId() + "/task-"
        + context.taskAttemptId();
    ClientCursor<T> cursor = RddReads.open(settings, ((EsPartition) split).spec(), decoder, opaqueId);
    context.addTaskCompletionListener(new org.apache.spark.util.TaskCompletionListener() {
      @Override
      public void onTaskCompletion(TaskContext completed) {
        cursor.close();
      }
    });
    return JavaConverters.asScalaIterator(cursor);
  }
}
