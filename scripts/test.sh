#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and integration tests against a real Elasticsearch (failsafe).
set -euo pipefail
cd "$(dirname "$0")/.."
# The test JVM stops its servers on exit; this also covers a JVM that was killed.
trap 'bash scripts/es.sh stop --name it >/dev/null 2>&1; bash scripts/es.sh stop --name it-secure >/dev/null 2>&1; bash scripts/es.sh stop --name it-faults >/dev/null 2>&1' EXIT
mvn -B -Dstyle.color=never verify "$@"
