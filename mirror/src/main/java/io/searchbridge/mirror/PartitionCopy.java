package io.searchbridge.mirror;

import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.read.ClientCursor;
import io.searchbridge.core.read.RawHit;
import io.searchbridge.core.write.DocumentMetadata;
import io.searchbridge.core.write.TaskWriter;

/**
 * Copies one read partition from the primary to the standby: each hit's {@code _source} as it is,
 * into the index of the same name, with the same {@code _id} and routing. Returns only after the
 * standby acknowledged every document, so a round that returns has really landed.
 */
public final class PartitionCopy {

  private PartitionCopy() {}

  public static CopyTotals copy(Settings primary, Settings standby, String resource, QuerySpec query,
      PartitionSpec partition, String name) {
    long bytes = 0;
    try (ClientCursor<RawHit> hits = ClientCursor.open(primary, resource, query, partition, RawHit.DECODER, name);
        TaskWriter writer = TaskWriter.open(standby, name, name)) {
      while (hits.hasNext()) {
        RawHit hit = hits.next();
        writer.add(hit.metadata().index(), new DocumentMetadata(hit.metadata().id(), hit.metadata().routing(), null),
            hit.source());
        bytes += hit.source().length;
      }
      writer.flush();
      return new CopyTotals(writer.position(), bytes);
    }
  }
}
