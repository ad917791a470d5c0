#!/usr/bin/env bash
# Runs the mirror application (io.searchbridge.mirror.MirrorApp) locally, in Spark local[2].
#   scripts/mirror.sh mirror [--once] [--primary URL] [--standby URL] es.mirror.indexes=... [es.key=value ...]
#   scripts/mirror.sh verify [--repair] [--primary URL] [--standby URL] es.mirror.indexes=... [es.key=value ...]
#   scripts/mirror.sh stop-clusters      stops the local instances this script started
# Without --primary/--standby it starts (or reuses) two local instances with scripts/es.sh,
# named "primary" and "standby", and leaves them running for the next command.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -ge 1 ]] || usage
mode=$1
shift
case "$mode" in
  mirror|verify) ;;
  stop-clusters)
    bash scripts/es.sh stop --name primary
    bash scripts/es.sh stop --name standby
    exit 0 ;;
  *) usage ;;
esac

primary="" standby="" args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --primary) primary=$2; shift 2 ;;
    --standby) standby=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
[[ -n $primary ]] || primary=$(bash scripts/es.sh start --name primary | tail -n 1)
[[ -n $standby ]] || standby=$(bash scripts/es.sh start --name standby | tail -n 1)
echo "mirror.sh: primary $primary, standby $standby" >&2

echo "Building the mirror (the first run downloads dependencies)..." >&2
mvn -B -q -Dstyle.color=never -pl mirror -am package -DskipTests

exec bash scripts/spark-java.sh \
  -Dspark.master='local[2]' -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
  -Dspark.ui.enabled=false \
  -cp "mirror/target/classes:$(cat mirror/target/classpath.txt)" \
  io.searchbridge.mirror.MirrorApp "$mode" "es.nodes=$primary" "es.nodes.discovery=false" \
  "es.mirror.standby.nodes=$standby" ${args[@]+"${args[@]}"}
