package io.searchbridge.core.write;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An overwrite of an alias without an empty window: the job writes a new index made like the one
 * behind the alias, and only its commit moves the aliases over and deletes the old index, in one
 * atomic {@code _aliases} request. Until then readers of the alias see the previous data, and a
 * job that fails leaves it as it was (its new index is deleted).
 */
public final class AliasSwap {

  private static final Logger LOG = LoggerFactory.getLogger(AliasSwap.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private final String alias;
  private final IndexDefinition previous;
  private final String index;

  private AliasSwap(String alias, IndexDefinition previous, String index) {
    this.alias = alias;
    this.previous = previous;
    this.index = index;
  }

  /** Creates the new index when {@code target} is an alias of one index; empty for a concrete or missing index. */
  public static Optional<AliasSwap> begin(EsClient client, String target) {
    if (!client.indexExists(target)) {
      return Optional.empty();
    }
    IndexDefinition previous = IndexDefinition.of(client, target);
    if (previous.name().equals(target)) {
      return Optional.empty();
    }
    String index = target + "-" + STAMP.format(Instant.now()) + "-" + Integer.toString(
        ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    client.createIndex(index, previous.creationBody(false).toString());
    LOG.info("overwrite of alias [{}]: writing the new index [{}]; [{}] stays readable until the job commits", target,
        index, previous.name());
    return Optional.of(new AliasSwap(target, previous, index));
  }

  /** The index the job writes to. */
  public String index() {
    return index;
  }

  /** Points every alias of the previous index at the new one and deletes the previous index, atomically. */
  public void commit(EsClient client) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode actions = body.putArray("actions");
    previous.aliases().fields().forEachRemaining(entry -> {
      ObjectNode add = actions.addObject().putObject("add");
      add.put("index", index).put("alias", entry.getKey());
      add.setAll((ObjectNode) entry.getValue());
    });
    actions.addObject().putObject("remove_index").put("index", previous.name());
    client.updateAliases(body.toString());
    LOG.info("overwrite of alias [{}]: now on [{}]; the previous index [{}] is deleted", alias, index, previous.name());
  }

  /** Deletes the new index; the alias never left the previous one. */
  public void abort(EsClient client) {
    try {
      client.deleteIndex(index);
    } catch (EsRequestException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
    LOG.info("overwrite of alias [{}] aborted: the new index [{}] is deleted, [{}] is untouched", alias, index,
        previous.name());
  }
}
