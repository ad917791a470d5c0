package io.searchbridge.spark.sql;

import java.util.Set;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/** What a task wrote: its document count and the indexes it touched (refreshed once by the job). */
record EsWriterCommit(long documents, Set<String> indexes) implements WriterCommitMessage {}
