#!/usr/bin/env bash
# Benchmarks (not tests). Builds the benchmarks module, then either
#   scripts/bench.sh [--docs N] [--heap 2g]   end-to-end: starts a local Elasticsearch (scripts/es.sh, instance
#                                             "bench"), runs Spark local[2] through the connector and a raw
#                                             client against it, prints one markdown table and writes it to
#                                             benchmarks/target/bench-results.md, stops the server (default N 1,000,000)
#   scripts/bench.sh --jmh [JMH options]      the JMH micro-benchmarks of the row codecs (default: -t 1, throughput)
set -euo pipefail
cd "$(dirname "$0")/.."

docs=1000000
heap=2g
jmh=false
jmh_args=()
while [[ $# -gt 0 ]]; do
  if [[ $jmh == true ]]; then jmh_args+=("$1"); shift; continue; fi
  case $1 in
    --docs) docs=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --jmh) jmh=true; shift ;;
    -h | --help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

echo "Building (the first run downloads dependencies)..." >&2
mvn -B -q -Dstyle.color=never -pl benchmarks -am package -DskipTests
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

if [[ $jmh == true ]]; then
  [[ ${#jmh_args[@]} -gt 0 ]] || jmh_args=(-t 1 -bm thrpt -tu s -f 1 -wi 3 -w 2s -i 5 -r 2s)
  mapfile -t jvm_opts < <(bash scripts/spark-java.sh --print-options)
  # JMH forks its own JVMs with the same classpath and flags.
  exec bash scripts/spark-java.sh -cp "$classpath" org.openjdk.jmh.Main -jvmArgsAppend "${jvm_opts[*]}" "${jmh_args[@]}"
fi

trap 'bash scripts/es.sh stop --name bench >/dev/null' EXIT
url=$(bash scripts/es.sh start --name bench --heap "$heap" | tail -n 1)
log=benchmarks/target/bench.log
echo "Elasticsearch at $url; Spark and connector logs go to $log" >&2
# The raw client keeps the pre-serialised bulk bodies in memory: about 300 bytes per document.
bash scripts/spark-java.sh -Xmx6g -cp "$classpath" io.searchbridge.bench.BenchmarkMain "$url" "$docs" \
  benchmarks/target/bench-results.md 2>"$log"
