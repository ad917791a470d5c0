package io.searchbridge.spark

import scala.collection.JavaConverters._

/** Source maps as Scala collections, the types ES-Hadoop's esRDD returned. */
private[spark] object ScalaValues {

  def toScala(source: java.util.Map[String, AnyRef]): Map[String, AnyRef] =
    source.asScala.iterator.map { case (key, value) => key -> convert(value) }.toMap

  private def convert(value: AnyRef): AnyRef = value match {
    case map: java.util.Map[_, _] => toScala(map.asInstanceOf[java.util.Map[String, AnyRef]])
    case list: java.util.List[_] => list.asScala.map(item => convert(item.asInstanceOf[AnyRef])).toVector
    case other => other
  }
}
