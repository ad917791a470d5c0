package io.searchbridge.spark.metrics;

import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import org.apache.spark.sql.connector.metric.CustomMetric;

/** The connector's counters that reads and writes report to Spark, one public class each. */
public final class ConnectorSqlMetrics {

  public static final Counter[] READ = {Counter.DOCS_READ, Counter.BYTES_READ, Counter.SEARCH_REQUESTS,
      Counter.REQUEST_RETRIES, Counter.NODE_FAILURES, Counter.DOCS_HANDLED, Counter.DOCS_DROPPED,
      Counter.DOCS_DEAD_LETTERED};
  public static final Counter[] WRITE = {Counter.DOCS_WRITTEN, Counter.BYTES_WRITTEN, Counter.BULK_REQUESTS,
      Counter.DOCS_RETRIED, Counter.DOCS_FAILED, Counter.REQUEST_RETRIES, Counter.NODE_FAILURES,
      Counter.DOCS_HANDLED, Counter.DOCS_DROPPED, Counter.DOCS_DEAD_LETTERED};

  private ConnectorSqlMetrics() {}

  public static CustomMetric[] read() {
    return new CustomMetric[] {new DocsRead(), new BytesRead(), new SearchRequests(), new RequestRetries(),
        new NodeFailures(), new DocsHandled(), new DocsDropped(), new DocsDeadLettered()};
  }

  public static CustomMetric[] write() {
    return new CustomMetric[] {new DocsWritten(), new BytesWritten(), new BulkRequests(), new DocsRetried(),
        new DocsFailed(), new RequestRetries(), new NodeFailures(), new DocsHandled(), new DocsDropped(),
        new DocsDeadLettered()};
  }

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
      super(Counter.SEARCH_REQUESTS, "search requests (pages)");
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
}
