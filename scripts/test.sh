#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and integration tests against a real Elasticsearch (failsafe).
set -euo pipefail
cd "$(dirname "$0")/.."
# The test JVM stops its servers on exit; this also covers a JVM that was killed. Only the instances
# tests start (it-cluster stops all its nodes), so a developer's own instance keeps running.
trap 'for name in it it-secure it-faults it-cluster it-mirror-standby; do bash scripts/es.sh stop --name "$name" >/dev/null 2>&1 || true; done' EXIT
mvn -B -Dstyle.color=never verify "$@"
