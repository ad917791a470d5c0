package io.searchbridge.mirror;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.core.write.DocumentMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The {@code verify} mode: per index, both sides are read in parallel slices and reduced to id ->
 * source checksum, joined by id in Spark, and every id that is missing, extra or different comes
 * back to the driver. With repair, missing and different documents are copied again from the
 * primary and extra ones deleted from the standby, which is how deletes reach the standby.
 */
public final class Verifier {

  private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);
  /** Ids per repair copy: one ids query each, well under Elasticsearch's terms limits. */
  static final int REPAIR_CHUNK = 1000;
  private static final int EXAMPLES = 10;

  private final JavaSparkContext spark;
  private final MirrorConfig config;
  private final SparkIndexCopy copy;

  public Verifier(JavaSparkContext spark, MirrorConfig config) {
    this.spark = spark;
    this.config = config;
    this.copy = new SparkIndexCopy(spark, config);
  }

  public List<VerifyReport> verifyAll(boolean repair) {
    List<VerifyReport> reports = new ArrayList<>();
    try (EsClient primary = ElasticsearchJavaClient.open(config.primary(), "searchbridge-mirror verify")) {
      for (String requested : config.indexes()) {
        for (String index : IndexDefinitions.names(primary.indexDefinition(requested), requested)) {
          reports.add(verify(index, repair));
        }
      }
    }
    return reports;
  }

  public VerifyReport verify(String index, boolean repair) {
    try (EsClient primary = ElasticsearchJavaClient.open(config.primary(), "searchbridge-mirror verify");
        EsClient standby = ElasticsearchJavaClient.open(config.standby(), "searchbridge-mirror verify")) {
      primary.refresh(index);
      boolean standbyHasIndex = standby.indexExists(index);
      if (standbyHasIndex) {
        standby.refresh(index);
      }
      long primaryCount = primary.count(index, QuerySpec.MATCH_ALL, Optional.empty());
      long standbyCount = standbyHasIndex ? standby.count(index, QuerySpec.MATCH_ALL, Optional.empty()) : 0;
      List<DocDiff> diffs = compare(index, primary, standby, standbyHasIndex);
      if (repair && !diffs.isEmpty()) {
        repair(index, diffs, primary, standby, standbyHasIndex);
      }
      VerifyReport report = report(index, primaryCount, standbyCount, diffs, repair && !diffs.isEmpty());
      LOG.info(report.line());
      return report;
    }
  }

  private List<DocDiff> compare(String index, EsClient primary, EsClient standby, boolean standbyHasIndex) {
    PartitionPlanner primaryPlanner = new PartitionPlanner(primary, config.primary());
    PartitionPlanner standbyPlanner = new PartitionPlanner(standby, config.standby());
    ReadPlan primaryPlan = primaryPlanner.plan(index, QuerySpec.matchAll());
    ReadPlan standbyPlan = standbyHasIndex ? standbyPlanner.plan(index, QuerySpec.matchAll())
        : ReadPlan.empty(index, QuerySpec.matchAll());
    try {
      spark.setJobDescription("verify [" + index + "]");
      JavaPairRDD<String, DocDigest> onPrimary = SparkDigests.read(spark, config.primary(), index, primaryPlan.partitions());
      JavaPairRDD<String, DocDigest> onStandby = SparkDigests.read(spark, config.standby(), index, standbyPlan.partitions());
      return onPrimary.fullOuterJoin(onStandby)
          .flatMap(joined -> {
            Optional<DocDigest> left = Optional.ofNullable(joined._2()._1().orNull());
            Optional<DocDigest> right = Optional.ofNullable(joined._2()._2().orNull());
            return DocumentDifference.of(left.map(DocDigest::checksum), right.map(DocDigest::checksum))
                .map(difference -> new DocDiff(joined._1(), difference, right.map(DocDigest::routing).orElse(null)))
                .stream().iterator();
          })
          .collect();
    } finally {
      primaryPlanner.release(primaryPlan);
      standbyPlanner.release(standbyPlan);
    }
  }

  private void repair(String index, List<DocDiff> diffs, EsClient primary, EsClient standby, boolean standbyHasIndex) {
    if (!standbyHasIndex) {
      standby.createIndex(index, IndexDefinitions.createBody(primary.indexDefinition(index), index));
    }
    List<String> toCopy = diffs.stream().filter(diff -> diff.difference() != DocumentDifference.EXTRA)
        .map(DocDiff::id).toList();
    PartitionPlanner planner = new PartitionPlanner(primary, config.primary());
    for (int start = 0; start < toCopy.size(); start += REPAIR_CHUNK) {
      QuerySpec ids = new QuerySpec(idsQuery(toCopy.subList(start, Math.min(toCopy.size(), start + REPAIR_CHUNK))),
          List.of(), List.of(), -1);
      ReadPlan plan = planner.plan(index, ids);
      try {
        copy.run(index, ids, plan.partitions(), "verify --repair [" + index + "]: copy");
      } finally {
        planner.release(plan);
      }
    }
    Settings deletes = config.standby().with(Keys.WRITE_OPERATION.key(), "delete");
    try (BulkWriter writer = new BulkWriter(standby, deletes, "searchbridge-mirror repair " + index)) {
      for (DocDiff diff : diffs) {
        if (diff.difference() == DocumentDifference.EXTRA) {
          writer.add(index, new DocumentMetadata(diff.id(), diff.standbyRouting(), null), null);
        }
      }
      writer.flush();
    }
    standby.refresh(index);
  }

  static String idsQuery(List<String> ids) {
    var query = Json.MAPPER.createObjectNode();
    var values = query.putObject("ids").putArray("values");
    ids.forEach(values::add);
    return query.toString();
  }

  private static VerifyReport report(String index, long primaryCount, long standbyCount, List<DocDiff> diffs,
      boolean repaired) {
    long missing = diffs.stream().filter(diff -> diff.difference() == DocumentDifference.MISSING).count();
    long extra = diffs.stream().filter(diff -> diff.difference() == DocumentDifference.EXTRA).count();
    List<String> examples = diffs.stream().limit(EXAMPLES).map(diff -> diff.difference() + ":" + diff.id()).toList();
    return new VerifyReport(index, primaryCount, standbyCount, missing, extra, diffs.size() - missing - extra,
        examples, repaired);
  }
}
