package io.searchbridge.spark

import io.searchbridge.core.config.Settings
import io.searchbridge.core.plan.PartitionSpec
import io.searchbridge.spark.rdd.RddReads
import org.apache.spark.{Partition, SparkContext, TaskContext}
import org.apache.spark.rdd.RDD

import scala.collection.JavaConverters._
import scala.reflect.ClassTag

/** One core partition as a Spark RDD partition. */
private[spark] final case class EsRDDPartition(index: Int, spec: PartitionSpec) extends Partition

/**
 * An RDD over an index: one partition per core partition, each computed by a cursor that its task
 * closes when it completes, fails or is killed. All logic is in [[RddReads]].
 */
private[spark] final class EsRDD[T: ClassTag](sc: SparkContext, settings: Settings, decoder: RddReads.Decoder[T])
    extends RDD[T](sc, Nil) {

  override protected def getPartitions: Array[Partition] =
    RddReads.plan(settings).asScala.zipWithIndex.map { case (spec, i) => EsRDDPartition(i, spec): Partition }.toArray

  override protected def getPreferredLocations(split: Partition): Seq[String] =
    split.asInstanceOf[EsRDDPartition].spec.preferredHosts().asScala.filter(_.nonEmpty).distinct.toSeq

  override def compute(split: Partition, context: TaskContext): Iterator[T] = {
    val partition = split.asInstanceOf[EsRDDPartition]
    val opaqueId = s"searchbridge/${sc.applicationId}/stage-${context.stageId()}/task-${context.taskAttemptId()}"
    val cursor = RddReads.open(settings, partition.spec, decoder, opaqueId)
    context.addTaskCompletionListener[Unit](_ => cursor.close())
    cursor.asScala
  }
}
