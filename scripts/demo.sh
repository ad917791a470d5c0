#!/usr/bin/env bash
# The main job: builds the project, starts a local Elasticsearch (scripts/es.sh), writes a sample
# data set and reads it back through the connector, prints a report, and stops the server.
#   scripts/demo.sh [documents]      (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-200000}

echo "Building (first run downloads dependencies)..." >&2
mvn -B -q -Dstyle.color=never -pl demo -am package -DskipTests

trap 'bash scripts/es.sh stop --name demo >/dev/null' EXIT
url=$(bash scripts/es.sh start --name demo | tail -n 1)

java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "demo/target/classes:$(cat demo/target/classpath.txt)" \
  io.searchbridge.demo.DemoJob "$url" "$documents"
