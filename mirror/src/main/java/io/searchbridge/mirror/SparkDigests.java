package io.searchbridge.mirror;

import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.read.ClientCursor;
import io.searchbridge.core.read.HitDecoder;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.util.TaskCompletionListener;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/** One cluster's side of a verify: id to checksum of every document, read in parallel slices. */
final class SparkDigests {

  private static final HitDecoder<Tuple2<String, DocDigest>> DECODER = (metadata, source) ->
      new Tuple2<>(metadata.id(), new DocDigest(metadata.routing(), SourceChecksum.of(source)));

  private SparkDigests() {}

  static JavaPairRDD<String, DocDigest> read(JavaSparkContext spark, Settings settings, String index,
      List<PartitionSpec> partitions) {
    QuerySpec everything = QuerySpec.matchAll();
    int slices = Math.max(1, partitions.size());
    return spark.parallelize(partitions, slices).flatMapToPair(partition -> {
      ClientCursor<Tuple2<String, DocDigest>> cursor = ClientCursor.open(settings, index, everything, partition, DECODER,
          "searchbridge-mirror verify " + index + " partition " + partition.id());
      // Spark pulls the iterator after this function returns: the task's end closes the cursor.
      TaskContext.get().addTaskCompletionListener((TaskCompletionListener) context -> cursor.close());
      return cursor;
    });
  }
}
