package io.searchbridge

import io.searchbridge.spark.rdd.{EsRDD, RddReads, RddWrites}
import org.apache.spark.SparkContext
import org.apache.spark.rdd.RDD

import java.util.Optional
import scala.collection.JavaConverters._
import scala.reflect.ClassTag

/**
 * `import io.searchbridge.spark._` gives ES-Hadoop's RDD API: `sc.esRDD`, `sc.esJsonRDD`,
 * `rdd.saveToEs`, `rdd.saveJsonToEs`, `pairRdd.saveToEsWithMeta`, with the same parameters.
 */
package object spark {

  implicit class SparkContextFunctions(val sc: SparkContext) extends AnyVal {

    /** Documents as (id, source) pairs; source values are Scala maps, sequences and scalars. */
    def esRDD(resource: String, query: String = "", cfg: Map[String, String] = Map.empty): RDD[(String, Map[String, AnyRef])] =
      new EsRDD(sc, RddReads.settings(sc, resource, queryOf(query), cfg.asJava), RddReads.ID_AND_MAP, implicitly[ClassTag[(String, java.util.Map[String, AnyRef])]])
        .map { case (id, source) => (id, ScalaValues.toScala(source)) }

    def esRDD(resource: String, cfg: Map[String, String]): RDD[(String, Map[String, AnyRef])] = esRDD(resource, "", cfg)

    /** Documents as (id, JSON source) pairs. */
    def esJsonRDD(resource: String, query: String = "", cfg: Map[String, String] = Map.empty): RDD[(String, String)] =
      new EsRDD(sc, RddReads.settings(sc, resource, queryOf(query), cfg.asJava), RddReads.ID_AND_JSON, implicitly[ClassTag[(String, String)]])

    def esJsonRDD(resource: String, cfg: Map[String, String]): RDD[(String, String)] = esJsonRDD(resource, "", cfg)
  }

  implicit class RDDFunctions[T](val rdd: RDD[T]) extends AnyVal {
    def saveToEs(resource: String, cfg: Map[String, String] = Map.empty): Unit = RddWrites.saveToEs(rdd, resource, cfg.asJava)
    def saveJsonToEs(resource: String, cfg: Map[String, String] = Map.empty): Unit =
      RddWrites.saveJsonToEs(rdd, resource, cfg.asJava)
  }

  implicit class PairRDDFunctions[K, V](val rdd: RDD[(K, V)]) extends AnyVal {
    /** Keys are the documents' ids, or their metadata (a map with id, routing and version, or a DocumentMetadata). */
    def saveToEsWithMeta(resource: String, cfg: Map[String, String] = Map.empty): Unit =
      RddWrites.saveToEsWithMeta(rdd, resource, cfg.asJava)
  }

  private def queryOf(query: String): Optional[String] = if (query.isEmpty) Optional.empty() else Optional.of(query)
}
