#!/usr/bin/env bash
# Runs java for a local Spark application: loopback only, with the module openings Spark needs on
# Java 17 (spark-submit adds them itself). Arguments go to java unchanged: [-D...] -cp CP MainClass args,
# or --print-options alone.
set -euo pipefail
# Otherwise Spark binds to the machine's external interface.
export SPARK_LOCAL_IP=127.0.0.1
opts=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED)
# --print-options: the flags alone, one a line, for JVMs this script does not start (JMH's forks).
if [[ ${1:-} == --print-options ]]; then
  printf '%s\n' "${opts[@]}"
  exit 0
fi
exec java "${opts[@]}" "$@"
