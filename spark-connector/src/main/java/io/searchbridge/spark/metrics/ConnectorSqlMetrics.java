package io.searchbridge.spark.metrics;

import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.metrics.ConnectorMetrics.Latency;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The connector's metrics that reads and writes report to Spark, one public class each (Spark
 * creates them by class name), and the task values that go with them.
 */
public final class ConnectorSqlMetrics {

  public static final Counter[] READ = {Counter.DOCS_READ, Counter.BYTES_READ, Counter.SEARCH_REQUESTS,
      Counter.SEARCH_PAGES, Counter.REQUEST_RETRIES, Counter.NODE_FAILURES, Counter.DOCS_HANDLED,
      Counter.DOCS_DROPPED, Counter.DOCS_DEAD_LETTERED};
  public static final Counter[] WRITE = {Counter.DOCS_WRITTEN, Counter.BYTES_WRITTEN, Counter.BULK_REQUESTS,
      Counter.DOCS_RETRIED, Counter.DOCS_REJECTED, Counter.DOCS_FAILED, Counter.REQUEST_RETRIES,
      Counter.NODE_FAILURES, Counter.DOCS_HANDLED, Counter.DOCS_DROPPED, Counter.DOCS_DEAD_LETTERED};
  /** The percentiles every latency is reported at. */
  public static final int[] PERCENTILES = {50, 95, 99};

  private ConnectorSqlMetrics() {}

  public static CustomMetric[] read() {
    return new CustomMetric[] {new DocsRead(), new BytesRead(), new SearchRequests(), new SearchPages(),
        new RequestRetries(), new NodeFailures(), new DocsHandled(), new DocsDropped(), new DocsDeadLettered(),
        new SearchLatencyP50(), new SearchLatencyP95(), new SearchLatencyP99()};
  }

  public static CustomMetric[] write() {
    return new CustomMetric[] {new DocsWritten(), new BytesWritten(), new BulkRequests(), new DocsRetried(),
        new DocsRejected(), new DocsFailed(), new RequestRetries(), new NodeFailures(), new DocsHandled(),
        new DocsDropped(), new DocsDeadLettered(), new BulkLatencyP50(), new BulkLatencyP95(), new BulkLatencyP99()};
  }

  /** What a reading task reports: its counters and its search latency percentiles. */
  public static CustomTaskMetric[] readTaskValues(ConnectorMetrics metrics) {
    return taskValues(metrics::get, READ, metrics, Latency.SEARCH);
  }

  /** What a writing task reports; {@code counters} may adjust the raw counters (documents still buffered). */
  public static CustomTaskMetric[] writeTaskValues(ToLongFunction<Counter> counters, ConnectorMetrics metrics) {
    return taskValues(counters, WRITE, metrics, Latency.BULK);
  }

  private static CustomTaskMetric[] taskValues(ToLongFunction<Counter> counters, Counter[] names,
      ConnectorMetrics metrics, Latency latency) {
    List<CustomTaskMetric> values = new ArrayList<>();
    for (Counter counter : names) {
      values.add(new TaskValue(CounterMetric.metricName(counter), counters.applyAsLong(counter)));
    }
    var histogram = metrics.latency(latency);
    for (int percentile : PERCENTILES) {
      values.add(new TaskValue(LatencyMetric.metricName(latency, percentile), histogram.percentileMicros(percentile)));
    }
    return values.toArray(CustomTaskMetric[]::new);
  }

  private record TaskValue(String name, long value) implements CustomTaskMetric {}

  public static final class DocsRead extends CounterMetric {
    public DocsRead() {
      super(Counter.DOCS_READ, "documents read from Elasticsearch");
    }
  }

  public static final class BytesRead extends CounterMetric {
    public BytesRead() {
      super(Counter.BYTES_READ, "bytes of search responses read");
    }
  }

  public static final class SearchRequests extends CounterMetric {
    public SearchRequests() {
      super(Counter.SEARCH_REQUESTS, "search requests sent (retries included)");
    }
  }

  public static final class SearchPages extends CounterMetric {
    public SearchPages() {
      super(Counter.SEARCH_PAGES, "pages of hits received");
    }
  }

  public static final class DocsWritten extends CounterMetric {
    public DocsWritten() {
      super(Counter.DOCS_WRITTEN, "documents written to Elasticsearch");
    }
  }

  public static final class BytesWritten extends CounterMetric {
    public BytesWritten() {
      super(Counter.BYTES_WRITTEN, "bytes of bulk requests sent");
    }
  }

  public static final class BulkRequests extends CounterMetric {
    public BulkRequests() {
      super(Counter.BULK_REQUESTS, "bulk requests");
    }
  }

  public static final class DocsRetried extends CounterMetric {
    public DocsRetried() {
      super(Counter.DOCS_RETRIED, "documents re-sent after a 429 rejection");
    }
  }

  public static final class DocsRejected extends CounterMetric {
    public DocsRejected() {
      super(Counter.DOCS_REJECTED, "bulk items rejected with 429 (cluster overloaded)");
    }
  }

  public static final class DocsFailed extends CounterMetric {
    public DocsFailed() {
      super(Counter.DOCS_FAILED, "documents Elasticsearch did not accept");
    }
  }

  public static final class RequestRetries extends CounterMetric {
    public RequestRetries() {
      super(Counter.REQUEST_RETRIES, "requests retried after 429/5xx or a lost connection");
    }
  }

  public static final class NodeFailures extends CounterMetric {
    public NodeFailures() {
      super(Counter.NODE_FAILURES, "requests a node failed to answer (failed over)");
    }
  }

  public static final class DocsHandled extends CounterMetric {
    public DocsHandled() {
      super(Counter.DOCS_HANDLED, "failed documents an error handler (log, custom) took");
    }
  }

  public static final class DocsDropped extends CounterMetric {
    public DocsDropped() {
      super(Counter.DOCS_DROPPED, "failed documents dropped (drop handler, DROPMALFORMED)");
    }
  }

  public static final class DocsDeadLettered extends CounterMetric {
    public DocsDeadLettered() {
      super(Counter.DOCS_DEAD_LETTERED, "failed documents stored in the dead-letter index");
    }
  }

  public static final class SearchLatencyP50 extends LatencyMetric {
    public SearchLatencyP50() {
      super(Latency.SEARCH, 50);
    }
  }

  public static final class SearchLatencyP95 extends LatencyMetric {
    public SearchLatencyP95() {
      super(Latency.SEARCH, 95);
    }
  }

  public static final class SearchLatencyP99 extends LatencyMetric {
    public SearchLatencyP99() {
      super(Latency.SEARCH, 99);
    }
  }

  public static final class BulkLatencyP50 extends LatencyMetric {
    public BulkLatencyP50() {
      super(Latency.BULK, 50);
    }
  }

  public static final class BulkLatencyP95 extends LatencyMetric {
    public BulkLatencyP95() {
      super(Latency.BULK, 95);
    }
  }

  public static final class BulkLatencyP99 extends LatencyMetric {
    public BulkLatencyP99() {
      super(Latency.BULK, 99);
    }
  }
}
