#!/usr/bin/env bash
# Benchmarks (not tests); method and results in docs/benchmarks.md. Builds the benchmarks module, then either
#   scripts/bench.sh [--docs N] [--heap 2g] [--no-official] [--no-sweep]
#       end-to-end: starts a local Elasticsearch (scripts/es.sh, instance "bench"), warms it with one raw write
#       of N documents, runs our connector and then the official one, each once in a fresh JVM (Spark local[2]:
#       a cold pass, then a warm pass), then the raw client with the request sizes its sweep found best; prints
#       the cold and warm tables, writes them to benchmarks/target/bench-results.md, stops the server.
#       Default N 1,000,000. --no-official and --no-sweep make a quick run.
#   scripts/bench.sh --jmh [JMH options]      the JMH micro-benchmarks of the row codecs (default: -t 1, throughput)
set -euo pipefail
cd "$(dirname "$0")/.."

docs=1000000
heap=2g
official=true
sweep=true
jmh=false
jmh_args=()
while [[ $# -gt 0 ]]; do
  if [[ $jmh == true ]]; then jmh_args+=("$1"); shift; continue; fi
  case $1 in
    --docs) docs=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --no-official) official=false; shift ;;
    --no-sweep) sweep=false; shift ;;
    --jmh) jmh=true; shift ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

echo "Building (the first run downloads dependencies)..." >&2
mvn -B -q -Dstyle.color=never -pl benchmarks -am package -DskipTests
target=benchmarks/target
# Three classpaths: ours (classpath.txt), Spark alone (raw client, proxy, report) and the official connector on
# Spark alone, so that neither connector ever sees the other.
ours_cp="$target/classes:$(cat $target/classpath.txt)"
spark_cp="$target/classes:$(cat $target/spark-classpath.txt)"
official_cp="$spark_cp:$(cat $target/official-classpath.txt)"

if [[ $jmh == true ]]; then
  [[ ${#jmh_args[@]} -gt 0 ]] || jmh_args=(-t 1 -bm thrpt -tu s -f 1 -wi 3 -w 2s -i 5 -r 2s)
  mapfile -t jvm_opts < <(bash scripts/spark-java.sh --print-options)
  # JMH forks its own JVMs with the same classpath and flags.
  exec bash scripts/spark-java.sh -cp "$ours_cp" org.openjdk.jmh.Main -jvmArgsAppend "${jvm_opts[*]}" "${jmh_args[@]}"
fi

out=$target/bench
log=$target/bench.log
rm -rf "$out" && mkdir -p "$out"
: >"$log"
proxy_pid=
cleanup() {
  [[ -n $proxy_pid ]] && kill "$proxy_pid" 2>/dev/null
  bash scripts/es.sh stop --name bench >/dev/null
}
trap cleanup EXIT
url=$(bash scripts/es.sh start --name bench --heap "$heap" | tail -n 1)
ticks=$(getconf CLK_TCK)
# Every JVM reads the server's CPU time from /proc/<pid>/stat around each phase.
props=(-Dbench.server.pid="$(cat target/es/bench/pid)" -Dbench.clock.ticks="$ticks")
echo "Elasticsearch at $url; progress, Spark and connector logs go to $log" >&2
started=$SECONDS

echo "warming the server: one raw write of $docs documents into a throw-away index..." >&2
# The raw client keeps its pre-serialised bulk bodies in memory: about 350 bytes per document.
java -Xmx4g "${props[@]}" -cp "$spark_cp" io.searchbridge.bench.RawMain warm-up "$url" "$docs" "$out/warm-up.tsv" >>"$log" 2>&1

# The connectors get the same heap, the driver's in local mode.
echo "our connector: a fresh JVM, cold then warm pass..." >&2
bash scripts/spark-java.sh -Xmx2g "${props[@]}" -cp "$ours_cp" io.searchbridge.bench.ConnectorMain \
  searchbridge "$url" "$url" "$docs" "$out/searchbridge.tsv" >>"$log" 2>&1

results=("$out/raw.tsv" "$out/searchbridge.tsv")
if [[ $official == true ]]; then
  echo "official connector: a fresh JVM behind the version proxy, cold then warm pass..." >&2
  java -cp "$target/classes" io.searchbridge.bench.VersionProxy "$url" "$out/proxy.port" >>"$log" 2>&1 &
  proxy_pid=$!
  for ((i = 0; i < 100; i++)); do [[ -s $out/proxy.port ]] && break; sleep 0.2; done
  [[ -s $out/proxy.port ]] || { echo "bench.sh: the version proxy did not start; see $log" >&2; exit 1; }
  bash scripts/spark-java.sh -Xmx2g "${props[@]}" -cp "$official_cp" io.searchbridge.bench.ConnectorMain \
    official "$url" "http://127.0.0.1:$(cat "$out/proxy.port")" "$docs" "$out/official.tsv" >>"$log" 2>&1
  # utime + stime of the proxy, which no column counts.
  proxy_cpu=$(awk -v t="$ticks" '{ sub(/.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "/proc/$proxy_pid/stat")
  printf 'fact\tproxy.cpu\t%s\n' "$proxy_cpu" >>"$out/official.tsv"
  kill "$proxy_pid" && proxy_pid=
  results+=("$out/official.tsv")
fi

echo "raw client: $([[ $sweep == true ]] && echo "sweep for the best request sizes, then ")every phase..." >&2
java -Xmx4g "${props[@]}" -cp "$spark_cp" io.searchbridge.bench.RawMain measure "$url" "$docs" "$out/raw.tsv" \
  $([[ $sweep == true ]] || echo --no-sweep) >>"$log" 2>&1

java -cp "$spark_cp" io.searchbridge.bench.ReportMain "$target/bench-results.md" "$out/warm-up.tsv" "${results[@]}"
echo "done in $((SECONDS - started)) s after the server started" >&2
