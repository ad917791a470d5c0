#!/usr/bin/env bash
# The main job: builds the project, starts a local Elasticsearch (scripts/es.sh), runs a local
# Spark job that writes a sample data set through the connector and queries it back, prints a
# report, and stops the server.
#   scripts/demo.sh [documents]      (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-200000}

echo "Building (the first run downloads dependencies)..." >&2
mvn -B -q -Dstyle.color=never -pl demo -am package -DskipTests

trap 'bash scripts/es.sh stop --name demo >/dev/null' EXIT
url=$(bash scripts/es.sh start --name demo | tail -n 1)

# Loopback only: otherwise Spark binds to the machine's external interface.
export SPARK_LOCAL_IP=127.0.0.1
# Spark on Java 17 needs these module openings (spark-submit adds them itself).
java -XX:+IgnoreUnrecognizedVMOptions \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED \
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -cp "demo/target/classes:$(cat demo/target/classpath.txt)" \
  io.searchbridge.demo.DemoJob "$url" "$documents"
