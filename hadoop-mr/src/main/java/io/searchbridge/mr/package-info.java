/**
 * MapReduce input and output formats over the connector core.
 *
 * <p>Everything is configured with the job Configuration's {@code es.*} keys, as in ES-Hadoop:
 *
 * <pre>{@code
 * conf.set("es.nodes", "http://es1:9200");
 * conf.set("es.resource", "logs");          // or es.resource.read / es.resource.write
 * conf.set("es.query", "?q=level:error");   // reads only
 * conf.set("es.mapping.id", "id");          // writes: ids from a field, so retried tasks overwrite
 * job.setInputFormatClass(EsInputFormat.class);    // Text id -> MapWritable (or JSON Text with es.output.json)
 * job.setOutputFormatClass(EsOutputFormat.class);  // values: MapWritable (or JSON Text with es.input.json)
 * }</pre>
 *
 * <p>Counters are in the group {@link io.searchbridge.mr.EsCounter}. The old API lives in {@link
 * io.searchbridge.mr.mapred} as thin adapters over the same {@link io.searchbridge.mr.PartitionReader}
 * and {@link io.searchbridge.mr.DocumentWriter}.
 */
package io.searchbridge.mr;
