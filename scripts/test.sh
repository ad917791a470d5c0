#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and integration tests against a real Elasticsearch (failsafe).
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B verify "$@"
