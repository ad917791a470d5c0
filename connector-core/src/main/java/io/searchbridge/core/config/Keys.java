package io.searchbridge.core.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single registry of every key, its default and its doc line. Names and defaults follow
 * ES-Hadoop so users switch by changing only the format name; the README table is rendered from
 * here by {@link SettingsDocs}.
 */
public final class Keys {

  // Declared before the constants: each constant registers itself while the class initialises.
  private static final Map<String, Setting<?>> BY_KEY = new LinkedHashMap<>();

  // --- Cluster and connection
  public static final Setting<List<String>> NODES = add(Setting.list("es.nodes", "localhost",
      "Comma-separated nodes to connect to: host, host:port or http(s)://host:port."));
  public static final Setting<Integer> PORT = add(Setting.integer("es.port", 9200, 1, 65535,
      "Port for nodes listed without one."));
  public static final Setting<String> NODES_PATH_PREFIX = add(Setting.string("es.nodes.path.prefix", "",
      "Path prepended to every request, for clusters behind a proxy (e.g. /es)."));
  public static final Setting<Boolean> NODES_DISCOVERY = add(Setting.bool("es.nodes.discovery", true,
      "Discover the other cluster nodes from the listed ones."));
  public static final Setting<Boolean> NODES_WAN_ONLY = add(Setting.bool("es.nodes.wan.only", false,
      "Use only the listed nodes (cloud, proxies, WAN); turns off discovery and node locality."));
  public static final Setting<Boolean> NODES_DATA_ONLY = add(Setting.bool("es.nodes.data.only", true,
      "Route requests only to data nodes when discovery is on."));

  // --- Resources and query
  public static final Setting<Optional<String>> RESOURCE = add(Setting.optionalString("es.resource",
      "Index, alias or pattern to read from and write to."));
  public static final Setting<Optional<String>> RESOURCE_READ = add(Setting.optionalString("es.resource.read",
      "Index, alias or pattern to read from; overrides es.resource for reads."));
  public static final Setting<Optional<String>> RESOURCE_WRITE = add(Setting.optionalString("es.resource.write",
      "Index to write to, may contain {field} patterns; overrides es.resource for writes."));
  public static final Setting<Optional<String>> QUERY = add(Setting.optionalString("es.query",
      "Query applied to reads: a URI query (?q=...), query DSL JSON, or @path to a file holding either."));

  // --- Authentication and headers
  public static final Setting<Optional<String>> NET_HTTP_AUTH_USER = add(Setting.optionalString(
      "es.net.http.auth.user", "User name for HTTP basic authentication."));
  public static final Setting<Optional<String>> NET_HTTP_AUTH_PASS = add(Setting.secret(
      "es.net.http.auth.pass", "Password for HTTP basic authentication."));
  public static final Setting<Optional<String>> NET_HTTP_AUTH_APIKEY = add(Setting.secret(
      "es.net.http.auth.apikey", "API key credential: the base64 encoding of id:key, as returned in 'encoded'."));
  public static final Setting<Optional<String>> NET_HTTP_AUTH_TOKEN = add(Setting.secret(
      "es.net.http.auth.token", "Bearer token sent as Authorization: Bearer <token>."));
  public static final Setting<Optional<String>> NET_HTTP_AUTH_PASS_FILE = add(Setting.secretFile(NET_HTTP_AUTH_PASS));
  public static final Setting<Optional<String>> NET_HTTP_AUTH_APIKEY_FILE = add(Setting.secretFile(NET_HTTP_AUTH_APIKEY));
  public static final Setting<Optional<String>> NET_HTTP_AUTH_TOKEN_FILE = add(Setting.secretFile(NET_HTTP_AUTH_TOKEN));
  public static final Setting<Boolean> NET_HTTP_AUTH_ALLOW_PLAINTEXT = add(Setting.bool(
      "es.net.http.auth.allow.plaintext", false, "Send credentials (es.net.http.auth.*, an Authorization header)"
          + " over plain http; off by default, so they only travel over TLS."));
  public static final Setting<String> NET_HTTP_HEADER = add(Setting.secretPrefix("es.net.http.header.",
      "Extra HTTP header sent with every request, e.g. es.net.http.header.X-Opaque-Id; values are masked;"
          + " es.net.http.header.<name>.file reads the value from a file."));

  // --- Secrets from a keystore (ES-Hadoop's elasticsearch-hadoop-keystore format)
  public static final Setting<Optional<String>> KEYSTORE_LOCATION = add(Setting.optionalString("es.keystore.location",
      "Keystore (path or file: URL) whose secret entries, named by setting (e.g. es.net.http.auth.pass), override"
          + " those settings; ES-Hadoop's elasticsearch-hadoop-keystore writes this format."));
  public static final Setting<Optional<String>> KEYSTORE_PASS = add(Setting.secret("es.keystore.pass",
      "Password of es.keystore.location; unset means ES-Hadoop's fixed keystore password."));
  public static final Setting<Optional<String>> KEYSTORE_PASS_FILE = add(Setting.secretFile(KEYSTORE_PASS));
  public static final Setting<String> KEYSTORE_TYPE = add(Setting.string("es.keystore.type", "PKCS12",
      "Format of es.keystore.location: PKCS12 or JCEKS (JKS cannot hold secret entries)."));

  // --- TLS
  public static final Setting<Boolean> NET_SSL = add(Setting.bool("es.net.ssl", false,
      "Connect over HTTPS: es.nodes entries without a scheme get https; an https:// entry turns TLS on by itself."));
  public static final Setting<Optional<String>> NET_SSL_TRUSTSTORE_LOCATION = add(Setting.optionalString(
      "es.net.ssl.truststore.location", "Trust store file (path or URL) holding the CA certificates to trust."));
  public static final Setting<Optional<String>> NET_SSL_TRUSTSTORE_PASS = add(Setting.secret(
      "es.net.ssl.truststore.pass", "Password of the trust store."));
  public static final Setting<Optional<String>> NET_SSL_TRUSTSTORE_PASS_FILE = add(Setting.secretFile(
      NET_SSL_TRUSTSTORE_PASS));
  public static final Setting<String> NET_SSL_TRUSTSTORE_TYPE = add(Setting.string(
      "es.net.ssl.truststore.type", "PKCS12", "Trust store format, e.g. PKCS12 or JKS."));
  public static final Setting<Optional<String>> NET_SSL_KEYSTORE_LOCATION = add(Setting.optionalString(
      "es.net.ssl.keystore.location", "Key store file (path or URL) with the client certificate for mutual TLS."));
  public static final Setting<Optional<String>> NET_SSL_KEYSTORE_PASS = add(Setting.secret(
      "es.net.ssl.keystore.pass", "Password of the key store."));
  public static final Setting<Optional<String>> NET_SSL_KEYSTORE_PASS_FILE = add(Setting.secretFile(
      NET_SSL_KEYSTORE_PASS));
  public static final Setting<String> NET_SSL_KEYSTORE_TYPE = add(Setting.string(
      "es.net.ssl.keystore.type", "PKCS12", "Key store format, e.g. PKCS12 or JKS."));
  public static final Setting<Optional<String>> NET_SSL_CA_LOCATION = add(Setting.optionalString(
      "es.net.ssl.ca.location", "PEM file with the CA certificate(s) to trust, instead of a trust store."));
  public static final Setting<Boolean> NET_SSL_HOSTNAME_VERIFICATION = add(Setting.bool(
      "es.net.ssl.hostname.verification", true, "Check that the server certificate matches the host name."));

  // --- HTTP behaviour
  public static final Setting<Duration> HTTP_TIMEOUT = add(Setting.duration("es.http.timeout", "1m",
      "Connect and socket timeout of each HTTP request."));
  public static final Setting<Integer> HTTP_RETRIES = add(Setting.integer("es.http.retries", 3, 0,
      "Retries of a failed control request (connection errors, 429, 502, 503, 504), trying another node when possible."));
  public static final Setting<Duration> HTTP_RETRY_WAIT = add(Setting.duration("es.http.retry.wait",
      "500ms", "Base wait of the exponential backoff between control request retries."));
  public static final Setting<Boolean> HTTP_COMPRESSION = add(Setting.bool("es.http.compression", false,
      "Gzip request bodies and accept gzip responses."));

  // --- Reading
  public static final Setting<Integer> SCROLL_SIZE = add(Setting.integer("es.scroll.size", 1000, 1, 10000,
      "Documents fetched per search page."));
  public static final Setting<Duration> SCROLL_KEEPALIVE = add(Setting.duration("es.scroll.keepalive",
      "5m", "How long the cluster keeps a point-in-time alive between two pages (the name is ES-Hadoop's)."));
  public static final Setting<Long> SCROLL_LIMIT = add(Setting.longValue("es.scroll.limit", -1, -1,
      "Maximum documents read per partition; -1 reads all."));
  public static final Setting<Optional<Long>> INPUT_MAX_DOCS_PER_PARTITION = add(Setting.optionalLong(
      "es.input.max.docs.per.partition", 1, "Split a shard into slices of at most this many documents."));
  public static final Setting<PartitionStrategy> READ_PARTITION_STRATEGY = add(Setting.enumValue(
      "es.read.partition.strategy", PartitionStrategy.POINT_IN_TIME, PartitionStrategy::configName,
      "How reads are split: pit (slices of one point-in-time opened at planning) or shard (one partition per shard,"
          + " each reading a point-in-time of that shard its task opens and closes)."));
  public static final Setting<Boolean> READ_METADATA = add(Setting.bool("es.read.metadata", false,
      "Add document metadata (_id, _index, ...) to each row."));
  public static final Setting<String> READ_METADATA_FIELD = add(Setting.string("es.read.metadata.field",
      "_metadata", "Name of the field holding the metadata when es.read.metadata is on."));
  public static final Setting<Boolean> READ_METADATA_VERSION = add(Setting.bool("es.read.metadata.version",
      false, "Include the document _version in the metadata."));
  public static final Setting<List<String>> READ_FIELD_INCLUDE = add(Setting.list("es.read.field.include", "",
      "Fields to read (comma-separated, wildcards allowed); empty reads all."));
  public static final Setting<List<String>> READ_FIELD_EXCLUDE = add(Setting.list("es.read.field.exclude", "",
      "Fields to leave out of reads (comma-separated, wildcards allowed)."));
  public static final Setting<List<String>> READ_FIELD_AS_ARRAY_INCLUDE = add(Setting.list(
      "es.read.field.as.array.include", "", "Fields to read as arrays, optionally with depth (field:2)."));
  public static final Setting<List<String>> READ_FIELD_AS_ARRAY_EXCLUDE = add(Setting.list(
      "es.read.field.as.array.exclude", "", "Fields never to read as arrays."));
  public static final Setting<Integer> READ_FIELD_AS_ARRAY_SAMPLE = add(Setting.integer(
      "es.read.field.as.array.sample", 0, 0, "Documents sampled to detect array fields; 0 turns sampling off."));
  public static final Setting<Boolean> READ_UNMAPPED_FIELDS_IGNORE = add(Setting.bool(
      "es.read.unmapped.fields.ignore", true, "Skip fields present in documents but absent from the mapping."));
  public static final Setting<Boolean> INDEX_READ_MISSING_AS_EMPTY = add(Setting.bool(
      "es.index.read.missing.as.empty", false, "Read a missing index as empty instead of failing."));
  public static final Setting<Boolean> INDEX_READ_ALLOW_RED_STATUS = add(Setting.bool(
      "es.index.read.allow.red.status", false, "Read an index whose health is red, skipping unavailable shards."));
  public static final Setting<Boolean> FIELD_READ_EMPTY_AS_NULL = add(Setting.bool("es.field.read.empty.as.null",
      true, "Read empty strings as null."));
  public static final Setting<String> FIELD_READ_VALIDATE_PRESENCE = add(Setting.oneOf(
      "es.field.read.validate.presence", "warn", List.of("ignore", "warn", "strict"),
      "What to do when a requested field is missing from the mapping: ignore, warn or strict (fail)."));

  // --- Mapping of written documents
  public static final Setting<Optional<String>> MAPPING_ID = add(Setting.optionalString("es.mapping.id",
      "Document field holding the document _id."));
  public static final Setting<String> MAPPING_ID_GENERATE = add(Setting.oneOf("es.mapping.id.generate", "none",
      List.of("none", "content"), "Ids for index and create writes of documents without es.mapping.id: none (Elasticsearch"
          + " assigns them; a write re-sent after a lost answer or a task re-run adds copies) or content (a hash of the"
          + " document's JSON, so re-sent documents replace themselves; identical documents become one)."));
  public static final Setting<Optional<String>> MAPPING_ROUTING = add(Setting.optionalString(
      "es.mapping.routing", "Document field holding the routing value."));
  public static final Setting<Optional<String>> MAPPING_VERSION = add(Setting.optionalString(
      "es.mapping.version", "Document field holding the external version."));
  public static final Setting<Optional<String>> MAPPING_VERSION_TYPE = add(Setting.optionalString(
      "es.mapping.version.type", "Version type used with es.mapping.version, e.g. external or external_gte."));
  public static final Setting<Optional<String>> MAPPING_JOIN = add(Setting.optionalString("es.mapping.join",
      "Document field of type join; its parent sets the routing."));
  public static final Setting<List<String>> MAPPING_INCLUDE = add(Setting.list("es.mapping.include", "",
      "Document fields to write (comma-separated, wildcards allowed); empty writes all."));
  public static final Setting<List<String>> MAPPING_EXCLUDE = add(Setting.list("es.mapping.exclude", "",
      "Document fields to leave out of writes, e.g. those used only for _id or routing."));
  public static final Setting<List<String>> MAPPING_NAMES = add(Setting.list("es.mapping.names", "",
      "Hive: table columns stored under other field names, as column:field pairs (comma-separated; dotted fields reach into objects)."));
  public static final Setting<Boolean> MAPPING_DATE_RICH = add(Setting.bool("es.mapping.date.rich", true,
      "Read date fields as dates/timestamps rather than strings or numbers."));

  // --- Writing
  public static final Setting<WriteOperation> WRITE_OPERATION = add(Setting.enumValue("es.write.operation",
      WriteOperation.INDEX, WriteOperation::wireName, "Bulk action: index, create, update, upsert or delete."));
  public static final Setting<String> WRITE_OVERWRITE_STRATEGY = add(Setting.oneOf("es.write.overwrite.strategy",
      "swap", List.of("swap", "delete"), "How an overwrite replaces the data of an alias: swap (write a new index like"
          + " the one behind it and move the aliases over at job commit; readers keep the previous data until then, and"
          + " a failed job leaves it) or delete (delete and re-create the index first, as for a concrete index)."));
  public static final Setting<Integer> UPDATE_RETRY_ON_CONFLICT = add(Setting.integer(
      "es.update.retry.on.conflict", 0, 0, "Times Elasticsearch retries an update that hits a version conflict."));
  public static final Setting<Optional<String>> UPDATE_SCRIPT_INLINE = add(Setting.optionalString(
      "es.update.script.inline", "Inline script run by update and upsert."));
  public static final Setting<Optional<String>> UPDATE_SCRIPT_STORED = add(Setting.optionalString(
      "es.update.script.stored", "Id of a stored script run by update and upsert."));
  public static final Setting<Optional<String>> UPDATE_SCRIPT_LANG = add(Setting.optionalString(
      "es.update.script.lang", "Language of the update script, e.g. painless."));
  public static final Setting<Optional<String>> UPDATE_SCRIPT_PARAMS = add(Setting.optionalString(
      "es.update.script.params", "Script parameters taken from document fields: name:field or name:<constant>, comma-separated."));
  public static final Setting<Optional<String>> UPDATE_SCRIPT_PARAMS_JSON = add(Setting.optionalString(
      "es.update.script.params.json", "Script parameters as a constant JSON object."));
  public static final Setting<ByteSize> BATCH_SIZE_BYTES = add(Setting.byteSize("es.batch.size.bytes", "1mb",
      "Flush a bulk request once its body reaches this size (per task)."));
  public static final Setting<Integer> BATCH_SIZE_ENTRIES = add(Setting.integer("es.batch.size.entries", 1000,
      1, "Flush a bulk request once it holds this many documents (per task)."));
  public static final Setting<Boolean> BATCH_WRITE_REFRESH = add(Setting.bool("es.batch.write.refresh", true,
      "Refresh the index once a write job completes."));
  public static final Setting<Integer> BATCH_WRITE_RETRY_COUNT = add(Setting.retryCount(
      "es.batch.write.retry.count", 3, "Retries of documents rejected with 429; must be >= 0, as every loop is bounded."));
  public static final Setting<Duration> BATCH_WRITE_RETRY_WAIT = add(Setting.duration(
      "es.batch.write.retry.wait", "10s", "Base wait of the exponential backoff between bulk retries."));
  public static final Setting<Integer> BATCH_WRITE_RATE = add(Setting.integer("es.batch.write.rate", 0, 0,
      "Cap on documents sent per second by each task (a token bucket), for shared clusters; 0 means no cap."));
  public static final Setting<Boolean> BATCH_WRITE_ADAPTIVE = add(Setting.bool("es.batch.write.adaptive", true,
      "Shrink bulk requests when Elasticsearch answers 429 and grow them back to es.batch.size.* as it recovers."));
  public static final Setting<Boolean> INDEX_AUTO_CREATE = add(Setting.bool("es.index.auto.create", true,
      "Create the target index when it does not exist."));
  public static final Setting<Optional<String>> INGEST_PIPELINE = add(Setting.optionalString(
      "es.ingest.pipeline", "Ingest pipeline applied to written documents."));
  public static final Setting<Boolean> SPARK_DATAFRAME_WRITE_NULL = add(Setting.bool(
      "es.spark.dataframe.write.null", false, "Write null DataFrame values as JSON null instead of omitting them."));
  public static final Setting<Boolean> INPUT_JSON = add(Setting.bool("es.input.json", false,
      "Input records are JSON documents already; write them as they are."));
  public static final Setting<Boolean> OUTPUT_JSON = add(Setting.bool("es.output.json", false,
      "Return read documents as raw JSON strings."));

  // --- Error handlers
  public static final Setting<List<String>> WRITE_REST_ERROR_HANDLERS = add(Setting.list(
      "es.write.rest.error.handlers", "", "Handlers, in order, for documents Elasticsearch refuses in a bulk"
          + " response (after 429/503 retries): log, drop, es (dead-letter index), fail or a custom name; fail is always last."));
  public static final Setting<String> WRITE_REST_ERROR_HANDLER = add(Setting.secretPrefix(
      "es.write.rest.error.handler.", "Bulk error handler options, e.g. es.write.rest.error.handler.es.client.resource,"
          + " or a custom handler's class: es.write.rest.error.handler.<name>=<class>."));
  public static final Setting<List<String>> WRITE_DATA_ERROR_HANDLERS = add(Setting.list(
      "es.write.data.error.handlers", "", "Handlers, in order, for documents that cannot be encoded as JSON"
          + " (unencodable values, malformed JSON with es.input.json): log, drop, es, fail or a custom name."));
  public static final Setting<String> WRITE_DATA_ERROR_HANDLER = add(Setting.secretPrefix(
      "es.write.data.error.handler.", "Encoding error handler options or custom handler class, as for es.write.rest.error.handler."));
  public static final Setting<List<String>> READ_DATA_ERROR_HANDLERS = add(Setting.list(
      "es.read.data.error.handlers", "", "Handlers, in order, for hits whose _source cannot be decoded into a"
          + " record: log, drop, es, fail or a custom name."));
  public static final Setting<String> READ_DATA_ERROR_HANDLER = add(Setting.secretPrefix(
      "es.read.data.error.handler.", "Decoding error handler options or custom handler class, as for es.write.rest.error.handler."));

  // --- Spark SQL pushdown
  public static final Setting<Boolean> PUSHDOWN = add(Setting.bool("es.pushdown", true,
      "Translate Spark SQL filters into Elasticsearch queries."));
  public static final Setting<Boolean> PUSHDOWN_STRICT = add(Setting.bool("es.pushdown.strict", false,
      "Push filters as exact (term) queries instead of full-text matches."));

  // --- Observability
  public static final Setting<Duration> PROGRESS_INTERVAL = add(Setting.duration("es.progress.interval", "10s",
      "How often a long read or write task logs its progress (documents, rate) at INFO; 0 turns it off."));
  public static final Setting<Boolean> LOG_DOCUMENTS = add(Setting.bool("es.log.documents", true,
      "Show document contents in connector logs, the log error handler's lines and monitoring events; false leaves"
          + " them out (ids, positions and error types stay)."));
  public static final Setting<String> MONITORING_INDEX = add(Setting.string("es.monitoring.index", "spark-monitoring",
      "Index the Spark monitoring listener (EsMonitoringListener) writes application, job, stage and task events to."));
  public static final Setting<Boolean> MONITORING_TEMPLATE = add(Setting.bool("es.monitoring.template", true,
      "Install the monitoring index template (mappings for the events) when the listener starts."));
  public static final Setting<Boolean> MONITORING_TASKS = add(Setting.bool("es.monitoring.tasks", true,
      "Ship one document per finished task (turn off for jobs with millions of tasks; stages and jobs still ship)."));
  public static final Setting<Integer> MONITORING_QUEUE_SIZE = add(Setting.integer("es.monitoring.queue.size", 10000, 1,
      "Events the listener holds in memory while the sink is slow; beyond it events are dropped and counted."));
  public static final Setting<Duration> MONITORING_CLOSE_TIMEOUT = add(Setting.duration("es.monitoring.close.timeout",
      "10s", "How long the listener waits at application end to ship the events still queued."));

  // --- Mirroring (io.searchbridge.mirror.MirrorApp)
  public static final Setting<List<String>> MIRROR_INDEXES = add(Setting.list("es.mirror.indexes", "",
      "Indexes or patterns (comma-separated) the mirror copies from the primary (es.nodes) to the standby."));
  public static final Setting<Duration> MIRROR_INTERVAL = add(Setting.duration("es.mirror.interval", "30s",
      "Pause between the end of one incremental mirror round and the start of the next."));
  public static final Setting<Optional<String>> MIRROR_MARKER_FIELD = add(Setting.optionalString(
      "es.mirror.marker.field", "Date or numeric field writers set on every change (e.g. updated_at); rounds copy"
          + " documents whose value is >= the cursor. Unset: every round copies the whole index."));
  public static final Setting<Long> MIRROR_MARKER_OVERLAP = add(Setting.longValue("es.mirror.marker.overlap", 5000,
      0, "How far below the cursor a round starts, in the marker's units (milliseconds for dates), to catch"
          + " documents that became visible late (refresh interval, clock skew)."));
  public static final Setting<String> MIRROR_STATE_INDEX = add(Setting.string("es.mirror.state.index",
      ".searchbridge-mirror-state", "Index on the standby holding one cursor document per mirrored index."));
  public static final Setting<String> MIRROR_STANDBY = add(Setting.secretPrefix("es.mirror.standby.",
      "Connection settings of the standby: es.mirror.standby.X overrides es.X (e.g. es.mirror.standby.nodes);"
          + " every other es.* setting is shared with the primary."));

  private static final List<Setting<?>> ALL = List.copyOf(BY_KEY.values());

  private Keys() {}

  /** Every setting, in documentation order. */
  public static List<Setting<?>> all() {
    return ALL;
  }

  /** The setting governing {@code key}, including any key under a registered prefix. */
  public static Optional<Setting<?>> find(String key) {
    Setting<?> exact = BY_KEY.get(key);
    if (exact != null) {
      return Optional.of(exact);
    }
    return ALL.stream().filter(setting -> setting.isPrefix() && setting.governs(key)).findFirst();
  }

  private static <T> Setting<T> add(Setting<T> setting) {
    if (BY_KEY.putIfAbsent(setting.key(), setting) != null) {
      throw new IllegalStateException("Setting registered twice: " + setting.key());
    }
    return setting;
  }
}
