package io.searchbridge.it.spark

import io.searchbridge.it.support.{RestCalls, SharedElasticsearch, SharedSpark}
import io.searchbridge.spark._
import org.scalatest.funsuite.AnyFunSuite
import org.scalatest.matchers.should.Matchers

case class Trip(id: String, city: String, km: Double, tags: Seq[String], stop: Option[String])

/** ES-Hadoop's Scala RDD API, `import io.searchbridge.spark._`, against the real server. */
class RddScalaApiIT extends AnyFunSuite with Matchers {

  private lazy val server = SharedElasticsearch.get()
  private lazy val rest = new RestCalls(server)
  private lazy val sc = SharedSpark.session().sparkContext
  private def cfg(extra: (String, String)*) = Map("es.nodes" -> server.url()) ++ extra

  test("case classes and maps written with saveToEs come back from esRDD") {
    val index = server.uniqueIndex("trips")
    val trips = (1 to 200).map(i => Trip(s"t$i", if (i % 2 == 0) "Oslo" else "Lima", i * 1.5, Seq("a", s"n$i"),
      if (i % 10 == 0) None else Some(s"stop $i")))
    sc.makeRDD(trips, 4).saveToEs(index, cfg("es.mapping.id" -> "id"))
    sc.makeRDD(Seq(Map("id" -> "m1", "city" -> "Perth", "km" -> 2.5)), 1).saveToEs(index, cfg("es.mapping.id" -> "id"))

    rest.count(index) shouldBe 201
    val docs = sc.esRDD(index, cfg()).collect().toMap
    docs should have size 201
    docs("t10")("city") shouldBe "Oslo"
    docs("t10")("km") shouldBe 15.0
    docs("t10")("tags") shouldBe Vector("a", "n10")
    // None inside a document is written as JSON null, as given
    docs("t10")("stop") shouldBe (null: AnyRef)
    docs("t3")("stop") shouldBe "stop 3"
    docs("m1")("city") shouldBe "Perth"
  }

  test("esRDD takes a query, one partition per shard, and esJsonRDD returns the source as JSON") {
    val index = server.uniqueIndex("queried")
    rest.put("/" + index, """{"settings":{"number_of_shards":2,"number_of_replicas":0}}""")
    sc.makeRDD((1 to 50).map(i => Map("n" -> i, "even" -> (i % 2 == 0))), 2).saveToEs(index, cfg())

    val evens = sc.esRDD(index, "?q=even:true", cfg())
    evens.getNumPartitions shouldBe 2
    evens.count() shouldBe 25
    val json = sc.esJsonRDD(index, """{"query":{"term":{"n":7}}}""", cfg()).collect()
    json.map(_._2) shouldBe Array("""{"n":7,"even":false}""")
  }

  test("saveJsonToEs and saveToEsWithMeta use the ids they are given") {
    val index = server.uniqueIndex("meta")
    sc.makeRDD(Seq("""{"id":"j1","v":1}""", """{"id":"j2","v":2}"""), 1).saveJsonToEs(index, cfg("es.mapping.id" -> "id"))
    sc.makeRDD(Seq(("k1", Map("v" -> 3)), (Map("id" -> "k2", "routing" -> "r9"), Map("v" -> 4))), 1).saveToEsWithMeta(index, cfg())

    rest.get(s"/$index/_doc/j2").path("_source").path("v").asInt() shouldBe 2
    rest.get(s"/$index/_doc/k1").path("_source").path("v").asInt() shouldBe 3
    rest.get(s"/$index/_doc/k2?routing=r9").path("_routing").asText() shouldBe "r9"
    rest.count(index) shouldBe 4
  }

  test("documents are routed to indexes by a field pattern") {
    val prefix = server.uniqueIndex("logs")
    sc.makeRDD(Seq(Map("service" -> "api", "m" -> 1), Map("service" -> "web", "m" -> 2), Map("service" -> "api", "m" -> 3)), 2)
      .saveToEs(prefix + "-{service}", cfg())
    rest.count(prefix + "-api") shouldBe 2
    rest.count(prefix + "-web") shouldBe 1
  }
}
