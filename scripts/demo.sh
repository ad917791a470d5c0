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

bash scripts/spark-java.sh \
  -cp "demo/target/classes:$(cat demo/target/classpath.txt)" \
  io.searchbridge.demo.DemoJob "$url" "$documents"
