package io.searchbridge.hive;

import java.util.Map;
import org.apache.hadoop.hive.ql.metadata.DefaultStorageHandler;
import org.apache.hadoop.hive.ql.metadata.HiveStoragePredicateHandler;
import org.apache.hadoop.hive.ql.plan.ExprNodeDesc;
import org.apache.hadoop.hive.ql.plan.ExprNodeGenericFuncDesc;
import org.apache.hadoop.hive.ql.plan.TableDesc;
import org.apache.hadoop.hive.serde2.AbstractSerDe;
import org.apache.hadoop.hive.serde2.Deserializer;
import org.apache.hadoop.mapred.InputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.OutputFormat;

/**
 * Hive tables backed by an Elasticsearch index:
 *
 * <pre>{@code
 * CREATE EXTERNAL TABLE people (id STRING, name STRING, age INT)
 * STORED BY 'io.searchbridge.hive.EsStorageHandler'
 * TBLPROPERTIES ('es.resource' = 'people', 'es.nodes' = 'http://es1:9200', 'es.mapping.id' = 'id');
 * }</pre>
 *
 * <p>The table's {@code es.*} properties reach the jobs that read and write it. WHERE clauses are
 * pushed to Elasticsearch as a filter ({@link PredicateTranslator}); Hive still evaluates the
 * whole predicate on the rows read, so the filter only has to keep every matching document.
 */
public class EsStorageHandler extends DefaultStorageHandler implements HiveStoragePredicateHandler {

  @Override
  public Class<? extends InputFormat> getInputFormatClass() {
    return EsHiveInputFormat.class;
  }

  @Override
  public Class<? extends OutputFormat> getOutputFormatClass() {
    return EsHiveOutputFormat.class;
  }

  @Override
  public Class<? extends AbstractSerDe> getSerDeClass() {
    return EsSerDe.class;
  }

  @Override
  public void configureInputJobProperties(TableDesc table, Map<String, String> jobProperties) {
    jobProperties.putAll(TableSettings.esProperties(table.getProperties()));
  }

  @Override
  public void configureOutputJobProperties(TableDesc table, Map<String, String> jobProperties) {
    jobProperties.putAll(TableSettings.esProperties(table.getProperties()));
  }

  /**
   * Offers the whole predicate to the input format, which translates what it safely can once it
   * knows the index mapping, and keeps the whole predicate as the residual Hive evaluates.
   */
  @Override
  public DecomposedPredicate decomposePredicate(JobConf job, Deserializer deserializer, ExprNodeDesc predicate) {
    if (!(predicate instanceof ExprNodeGenericFuncDesc call)) {
      return null;
    }
    DecomposedPredicate decomposed = new DecomposedPredicate();
    decomposed.pushedPredicate = call;
    decomposed.residualPredicate = (ExprNodeGenericFuncDesc) call.clone();
    return decomposed;
  }
}
