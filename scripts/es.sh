#!/usr/bin/env bash
# Starts and stops throw-away local Elasticsearch nodes for integration tests and the demo.
#
#   scripts/es.sh start  [--name NAME] [--nodes N] [--secure] [--heap 1g] [-E key=value ...]
#   scripts/es.sh stop   [--name NAME] | --all   a cluster's name stops all its nodes; --all every instance here
#   scripts/es.sh kill   [--name NAME]     SIGKILL, no shutdown: a node that crashes (data kept for resume)
#   scripts/es.sh resume [--name NAME]     start a stopped instance again: same port, data and settings
#   scripts/es.sh status [--name NAME]     exit 0 if running, 3 if not
#   scripts/es.sh url    [--name NAME]     exit 0 if running, 3 if not
#
# State for clients lives in target/es/NAME/: url, pid, home, and with --secure also
# user, password, ca.pem, truststore.p12, truststore.password (secrets are mode 0600).
# --nodes N (N > 1) starts a cluster of N master-eligible data nodes NAME-1 .. NAME-N, each an
# instance of its own (kill, resume, stop by its name); target/es/NAME/ then holds `members` (their
# names, one a line) and `url` (the first node's).
# Every start begins with an empty data directory: instances are disposable. Only resume keeps the data,
# so that fault tests can stop a node in the middle of a write and bring the same node back.
set -euo pipefail

ES_VERSION=8.19.21
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
ES_USER=searchbridge
HTTP_PORT_MIN=19200
HTTP_PORT_MAX=19999
# Outside the HTTP range and below Linux's ephemeral ports, so outgoing connections never take them.
TRANSPORT_PORT_MIN=29300
TRANSPORT_PORT_MAX=29999
TRANSPORT_PORTS=$TRANSPORT_PORT_MIN-$TRANSPORT_PORT_MAX
START_TIMEOUT_S=120
STOP_TIMEOUT_S=30

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST_PARENT="$REPO/target/elasticsearch-dist"
# Shared by all checkouts when running as root: CI checkouts sit in mode-700 dirs the ES user cannot enter.
ROOT_BASE=/tmp/searchbridge-es

die() { echo "es.sh: $*" >&2; exit 1; }

usage() {
  sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Runs a command as the unprivileged user when we are root (Elasticsearch refuses to run as root).
as_es_user() { "${as_es_prefix[@]}" "$@"; }

ensure_es_user() {
  is_root || return 0
  id -u "$ES_USER" >/dev/null 2>&1 && return 0
  # A concurrent start may create the user first; only fail if it still does not exist.
  useradd --system --user-group --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin "$ES_USER" 2>/dev/null || id -u "$ES_USER" >/dev/null 2>&1 ||
    die "could not create user '$ES_USER' with useradd"
}

find_java_home() {
  local candidate
  # The distribution has no bundled JDK; 17 is the version it was verified with here.
  for candidate in "${ES_JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 "${JAVA_HOME:-}"; do
    if [[ -n $candidate && -x $candidate/bin/java ]]; then echo "$candidate"; return; fi
  done
  candidate=$(command -v java) || die "no JDK found: set ES_JAVA_HOME or JAVA_HOME, or put java on PATH"
  candidate=$(readlink -f "$candidate")
  echo "${candidate%/bin/java}"
}

# Unpacks the distribution into target/ once; the temp dir + mv keeps a half-unpacked tree from being used.
ensure_dist() {
  local dist="$DIST_PARENT/elasticsearch-$ES_VERSION"
  if [[ ! -x $dist/bin/elasticsearch ]]; then
    local tmp="$DIST_PARENT.tmp.$$"
    rm -rf "$tmp"
    echo "es.sh: unpacking $ES_ARTIFACT into $DIST_PARENT" >&2
    # -N: run once for the parent, not once per module. overWriteReleases: otherwise a marker left in
    # target/ by an earlier unpack silently turns this into a no-op.
    (cd "$REPO" && mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
      -Dartifact="$ES_ARTIFACT" -DoutputDirectory="$tmp" -Dmdep.overWriteReleases=true -Dstyle.color=never >&2) ||
      die "mvn could not fetch/unpack $ES_ARTIFACT"
    [[ -x $tmp/elasticsearch-$ES_VERSION/bin/elasticsearch ]] ||
      die "unpacked $ES_ARTIFACT but found no elasticsearch-$ES_VERSION/bin/elasticsearch in $tmp"
    mkdir -p "$DIST_PARENT"
    mv -T "$tmp/elasticsearch-$ES_VERSION" "$dist" 2>/dev/null || true  # lost a race: the winner's copy is as good
    rm -rf "$tmp"
  fi
  if ! is_root; then echo "$dist"; return; fi

  # Root: copy the distribution where the unprivileged user can read it, read-only and root-owned.
  local shared="$ROOT_BASE/elasticsearch-$ES_VERSION"
  if [[ ! -x $shared/bin/elasticsearch ]]; then
    local tmp="$shared.tmp.$$"
    rm -rf "$tmp"
    cp -a "$dist" "$tmp"
    chown -R root:root "$tmp"
    chmod -R go+rX,go-w "$tmp"
    mv -T "$tmp" "$shared" 2>/dev/null || rm -rf "$tmp"
  fi
  echo "$shared"
}

prepare_root_base() {
  mkdir -p "$ROOT_BASE"
  # Binaries here run as $ES_USER; a directory planted by someone else must not be trusted.
  [[ $(stat -c %u "$ROOT_BASE") -eq 0 ]] || die "$ROOT_BASE exists but is not owned by root; remove it"
  chmod 755 "$ROOT_BASE"
}

# Per-checkout suffix so two clones (e.g. parallel CI jobs) never share instance dirs or start ports.
checkout_id() { printf '%s' "$REPO" | cksum | cut -d' ' -f1; }

instance_dir() {
  if is_root; then echo "$ROOT_BASE/$NAME-$(checkout_id)"; else echo "$STATE/node"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free port in $1-$2, starting at a place seeded by checkout and $3 (so instances rarely collide),
# skipping the ports listed in $4 (taken by nodes of the same cluster that have not bound them yet).
find_free_port() {
  local min=$1 max=$2 key=$3 taken=" ${4:-} "
  local span=$((max - min + 1))
  local seed offset port
  seed=$(printf '%s' "$REPO:$key" | cksum | cut -d' ' -f1)
  for ((offset = 0; offset < span; offset++)); do
    port=$((min + (seed + offset) % span))
    if [[ $taken != *" $port "* ]] && ! port_in_use "$port"; then echo "$port"; return; fi
  done
  die "no free port in $min-$max"
}

find_free_http_port() { find_free_port "$HTTP_PORT_MIN" "$HTTP_PORT_MAX" "$NAME"; }

# True while any thread of the process runs: the JVM's main thread exits (and its cmdline empties) before
# shutdown finishes, and a reaped-late zombie must count as gone.
process_running() {
  local stat
  for stat in /proc/"$1"/task/*/stat; do
    [[ -r $stat && $(sed 's/.*) //' "$stat" 2>/dev/null | cut -c1) != Z ]] && return 0
  done
  return 1
}

# Running and really an Elasticsearch JVM: guards against a recycled PID after a crash or reboot.
pid_alive() {
  local pid=$1
  [[ $pid =~ ^[0-9]+$ ]] && process_running "$pid" && grep -qa org.elasticsearch "/proc/$pid/cmdline" 2>/dev/null
}

recorded_pid() { [[ -f $STATE/pid ]] && cat "$STATE/pid" || true; }

# curl against the instance; credentials go through a config on stdin so they never show in `ps`.
es_curl() {
  local url
  url=$(cat "$STATE/url")
  local args=(-sS --max-time 10)
  if [[ -f $STATE/password ]]; then
    args+=(--cacert "$STATE/ca.pem" -K -)
    printf 'user = "%s:%s"\n' "$(cat "$STATE/user")" "$(cat "$STATE/password")" |
      curl "${args[@]}" "$url$1"
  else
    curl "${args[@]}" "$url$1" </dev/null
  fi
}

healthy() {
  [[ -f $STATE/url ]] || return 1
  es_curl "/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null |
    grep -Eq '"status":"(green|yellow)".*"timed_out":false|"timed_out":false.*"status":"(green|yellow)"'
}

write_secret() { (umask 077 && printf '%s' "$2" >"$1"); }

random_secret() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

# Self-signed CA + node certificate for HTTPS, made with keytool because the JDK is all we can rely on.
# Passwords reach keytool through the environment (-storepass:env) so they never show in `ps`.
make_certs() {
  local conf=$1 java_home=$2 work
  work=$(mktemp -d)
  (
    export SB_HTTP_PASS=$3 SB_TRUST_PASS=$4 SB_CA_PASS
    SB_CA_PASS=$(random_secret)
    kt() {
      local out
      out=$("$java_home/bin/keytool" -noprompt "$@" 2>&1) || { echo "$out" >&2; die "keytool $1 failed"; }
    }
    kt -genkeypair -alias ca -keyalg RSA -keysize 2048 -validity 3650 -dname "CN=Searchbridge test CA" -ext bc:c \
      -storetype PKCS12 -keystore "$work/ca.p12" -storepass:env SB_CA_PASS
    kt -exportcert -rfc -alias ca -keystore "$work/ca.p12" -storepass:env SB_CA_PASS -file "$work/ca.pem"
    kt -genkeypair -alias node -keyalg RSA -keysize 2048 -validity 3650 -dname "CN=localhost" \
      -storetype PKCS12 -keystore "$conf/http.p12" -storepass:env SB_HTTP_PASS
    kt -certreq -alias node -keystore "$conf/http.p12" -storepass:env SB_HTTP_PASS -file "$work/node.csr"
    kt -gencert -rfc -alias ca -keystore "$work/ca.p12" -storepass:env SB_CA_PASS -validity 3650 \
      -ext "SAN=ip:127.0.0.1,dns:localhost" -ext KU=digitalSignature,keyEncipherment -ext EKU=serverAuth \
      -infile "$work/node.csr" -outfile "$work/node.pem"
    # keytool only accepts the signed reply once the issuing CA is in the keystore.
    kt -importcert -alias ca -file "$work/ca.pem" -keystore "$conf/http.p12" -storepass:env SB_HTTP_PASS
    kt -importcert -alias node -file "$work/node.pem" -keystore "$conf/http.p12" -storepass:env SB_HTTP_PASS
    kt -importcert -alias ca -file "$work/ca.pem" -storetype PKCS12 \
      -keystore "$STATE/truststore.p12" -storepass:env SB_TRUST_PASS
    cp "$work/ca.pem" "$STATE/ca.pem"
  ) || { rm -rf "$work"; exit 1; }
  rm -rf "$work"
}

print_log_tail() {
  local log=$1
  if [[ -s $log ]]; then
    echo "es.sh: last lines of $log:" >&2
    tail -n 30 "$log" >&2
  else
    echo "es.sh: $log is empty or missing" >&2
  fi
}

kill_pid() {
  local pid=$1 waited=0
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  # Waits for the whole process, not just until "closed" is logged, so ports and data dir are free after.
  while process_running "$pid" && ((waited < STOP_TIMEOUT_S * 10)); do sleep 0.1; waited=$((waited + 1)); done
  if process_running "$pid"; then
    echo "es.sh: '$NAME' (pid $pid) ignored TERM for ${STOP_TIMEOUT_S}s, sending KILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    while process_running "$pid" && ((waited < (STOP_TIMEOUT_S + 5) * 10)); do sleep 0.1; waited=$((waited + 1)); done
  fi
}

# SIGKILL and wait until the process is gone: no shutdown, no flush, as when a machine dies.
kill_pid_now() {
  local pid=$1 waited=0
  pid_alive "$pid" || return 0
  kill -KILL "$pid" 2>/dev/null || true
  while process_running "$pid" && ((waited < STOP_TIMEOUT_S * 10)); do sleep 0.1; waited=$((waited + 1)); done
}

cmd_start() {
  if ((NODES > 1)); then start_cluster; return; fi
  if pid_alive "$(recorded_pid)"; then
    if healthy; then cat "$STATE/url"; return 0; fi
    echo "es.sh: '$NAME' is running but not healthy; restarting it" >&2
    cmd_stop >/dev/null
  fi

  prepare_runtime
  configure_instance "$(find_free_http_port)" "$TRANSPORT_PORTS" "discovery.type: single-node"
  launch "$(cat "$STATE/home")" "$JAVA_HOME_FOR_ES" "$DIST"
}

# Sets JAVA_HOME_FOR_ES and DIST, creating the user and unpacking the distribution if needed.
prepare_runtime() {
  ensure_es_user
  is_root && prepare_root_base
  JAVA_HOME_FOR_ES=$(find_java_home)
  DIST=$(ensure_dist)
  if is_root && ! as_es_user test -x "$JAVA_HOME_FOR_ES/bin/java"; then
    die "JDK $JAVA_HOME_FOR_ES is not usable by user '$ES_USER'; set ES_JAVA_HOME to a JDK outside root-only dirs"
  fi
}

# Writes a fresh instance NAME (empty data) listening on $1 (HTTP) and $2 (transport), with the
# discovery settings $3 (yml lines); launch runs it.
configure_instance() {
  local port=$1 transport=$2 discovery=$3
  local java_home=$JAVA_HOME_FOR_ES dist=$DIST home
  home=$(instance_dir)
  rm -rf "$home" "$STATE/user" "$STATE/password" "$STATE/ca.pem" "$STATE/truststore.p12" "$STATE/truststore.password"
  mkdir -p "$home/data" "$home/logs" "$home/tmp" "$STATE"
  cp -r "$dist/config" "$home/config"

  local scheme=http
  # Settings in the yml, not -E, so a user's -E for the same key overrides instead of clashing.
  # ingest.geoip.downloader.enabled is left out: this distribution has no ingest-geoip module,
  # and Elasticsearch refuses unknown settings.
  cat >"$home/config/elasticsearch.yml" <<EOF
cluster.name: searchbridge-$CLUSTER
node.name: $NAME
$discovery
network.host: 127.0.0.1
http.port: $port
transport.port: $transport
path.data: $home/data
path.logs: $home/logs
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF

  if [[ $SECURE == true ]]; then
    scheme=https
    local http_pass trust_pass password
    http_pass=$(random_secret)
    trust_pass=$(random_secret)
    password=$(random_secret)
    make_certs "$home/config" "$java_home" "$http_pass" "$trust_pass"
    cat >>"$home/config/elasticsearch.yml" <<EOF
xpack.security.enabled: true
xpack.security.http.ssl.enabled: true
xpack.security.http.ssl.keystore.path: http.p12
EOF
    is_root && chown -R "$ES_USER:" "$home"
    # One keystore call (each is a JVM start); -x reads the values from stdin, one per line, in name order.
    printf '%s\n%s\n' "$password" "$http_pass" |
      (cd "$home" && as_es_user env -u JAVA_HOME ES_JAVA_HOME="$java_home" ES_PATH_CONF="$home/config" \
        "$dist/bin/elasticsearch-keystore" add -f -x -s bootstrap.password xpack.security.http.ssl.keystore.secure_password) ||
      die "elasticsearch-keystore could not store bootstrap.password and the HTTP keystore password"
    printf 'elastic' >"$STATE/user"
    write_secret "$STATE/password" "$password"
    write_secret "$STATE/truststore.password" "$trust_pass"
  else
    echo "xpack.security.enabled: false" >>"$home/config/elasticsearch.yml"
  fi
  # 700: the config holds the keystore and the TLS key.
  is_root && chown -R "$ES_USER:" "$home"
  chmod 700 "$home"

  echo "$scheme://127.0.0.1:$port" >"$STATE/url"
  echo "$home" >"$STATE/home"
  # What resume needs to launch the same node again; -E values are not secret (secrets go to the keystore).
  { echo "$HEAP"; for e in "${EXTRA[@]}"; do echo "$e"; done; } >"$STATE/launch"
}

# Starts NODES master-eligible data nodes NAME-1 .. NAME-N that form one cluster. They must start
# together: none can elect a master alone, and each waits for health (a master) before returning.
start_cluster() {
  [[ $SECURE == false ]] || die "--secure is for single nodes only"
  local members=() i
  for ((i = 1; i <= NODES; i++)); do members+=("$NAME-$i"); done
  if [[ -f $STATE/members ]] && cluster_healthy; then cat "$STATE/url"; return 0; fi
  stop_members
  prepare_runtime

  local taken="" http=() transport=() seeds="" masters=""
  for ((i = 0; i < NODES; i++)); do
    http+=("$(find_free_port "$HTTP_PORT_MIN" "$HTTP_PORT_MAX" "${members[i]}" "$taken")")
    taken+=" ${http[i]}"
    transport+=("$(find_free_port "$TRANSPORT_PORT_MIN" "$TRANSPORT_PORT_MAX" "${members[i]}" "$taken")")
    taken+=" ${transport[i]}"
    seeds+="${seeds:+, }\"127.0.0.1:${transport[i]}\""
    masters+="${masters:+, }\"${members[i]}\""
  done
  local cluster=$NAME cluster_state=$STATE pids=() failed=0
  for ((i = 0; i < NODES; i++)); do
    (
      NAME=${members[i]} STATE="$REPO/target/es/${members[i]}" CLUSTER=$cluster
      # N JVMs starting at once share the cores: on two loaded cores a node took over 120 s.
      START_TIMEOUT_S=$((START_TIMEOUT_S * 2))
      lock
      configure_instance "${http[i]}" "${transport[i]}" \
        "discovery.seed_hosts: [$seeds]"$'\n'"cluster.initial_master_nodes: [$masters]"
      echo "$cluster" >"$STATE/cluster"
      launch "$(cat "$STATE/home")" "$JAVA_HOME_FOR_ES" "$DIST" >/dev/null
    ) &
    pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i" || failed=1; done
  printf '%s\n' "${members[@]}" >"$cluster_state/members"
  cp "$REPO/target/es/${members[0]}/url" "$cluster_state/url"
  if ((failed)) || ! wait_cluster_healthy; then
    stop_members
    die "cluster '$NAME' of $NODES nodes did not start"
  fi
  echo "es.sh: cluster '$NAME' of $NODES nodes is green" >&2
  cat "$STATE/url"
}

cluster_healthy() {
  [[ -f $STATE/url ]] || return 1
  es_curl "/_cluster/health?wait_for_nodes=$(wc -l <"$STATE/members")&wait_for_status=green&timeout=1s" 2>/dev/null |
    grep -q '"timed_out":false'
}

wait_cluster_healthy() {
  local started=$SECONDS
  until cluster_healthy; do
    ((SECONDS - started < START_TIMEOUT_S)) || return 1
    sleep 0.5
  done
}

# Runs a command for each node of the cluster NAME, in parallel (stopping a node takes seconds).
for_each_member() {
  [[ -f $STATE/members ]] || return 0
  local member pids=() status=0
  while read -r member; do
    (NAME=$member STATE="$REPO/target/es/$member"; lock; "$@") &
    pids+=($!)
  done <"$STATE/members"
  for member in "${pids[@]}"; do wait "$member" || status=1; done
  return $status
}

stop_members() { for_each_member cmd_stop >/dev/null; }

# Runs the node in $home (already configured) and waits until it is healthy.
launch() {
  local home=$1 java_home=$2 dist=$3
  rm -f "$STATE/pid"
  local started=$SECONDS
  local es=(env -u JAVA_HOME ES_JAVA_HOME="$java_home" ES_PATH_CONF="$home/config" ES_TMPDIR="$home/tmp"
    ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP ${ES_JAVA_OPTS:-}" "$dist/bin/elasticsearch" -d -p "$home/es.pid")
  local e
  for e in "${EXTRA[@]}"; do es+=(-E "$e"); done
  local url
  url=$(cat "$STATE/url")
  # -d returns once the node has started (or failed); timeout guards against a node that hangs before that.
  # Its console output (the whole startup log) goes to a file, shown only on failure (-q is refused with -d).
  if ! (cd "$home" && timeout "$START_TIMEOUT_S" "${as_es_prefix[@]}" "${es[@]}" </dev/null >"$home/logs/console.out" 2>&1 9>&-); then
    echo "es.sh: elasticsearch '$NAME' failed to start at $url" >&2
    [[ -f $home/es.pid ]] && kill_pid "$(cat "$home/es.pid")"
    # Errors raised before logging is set up (bad settings, keystore) only reach the console.
    print_log_tail "$home/logs/console.out"
    exit 1
  fi
  cp "$home/es.pid" "$STATE/pid"

  while ! healthy; do
    if ! pid_alive "$(recorded_pid)" || ((SECONDS - started > START_TIMEOUT_S)); then
      echo "es.sh: elasticsearch '$NAME' did not become healthy at $url within ${START_TIMEOUT_S}s" >&2
      kill_pid "$(recorded_pid)"
      rm -f "$STATE/pid"
      print_log_tail "$home/logs/searchbridge-$CLUSTER.log"
      exit 1
    fi
    sleep 0.5
  done
  echo "es.sh: '$NAME' healthy after $((SECONDS - started))s (home $home)" >&2
  echo "$url"
}

cmd_resume() {
  if pid_alive "$(recorded_pid)"; then cat "$STATE/url"; return 0; fi
  [[ -f $STATE/launch && -f $STATE/home && -f $STATE/url ]] || die "'$NAME' was never started here; use start"
  local home
  home=$(cat "$STATE/home")
  [[ -d $home/data ]] || die "'$NAME' has no data directory $home/data any more; use start"
  { read -r HEAP; mapfile -t EXTRA; } <"$STATE/launch"
  [[ -f $STATE/cluster ]] && CLUSTER=$(cat "$STATE/cluster")
  launch "$home" "$(find_java_home)" "$(ensure_dist)"
}

cmd_stop() {
  if [[ -f $STATE/members ]]; then
    stop_members || die "could not stop every node of cluster '$NAME'"
    echo "es.sh: cluster '$NAME' stopped"
    return 0
  fi
  local pid
  pid=$(recorded_pid)
  if [[ -z $pid ]]; then echo "es.sh: '$NAME' is not running"; return 0; fi
  kill_pid "$pid"
  process_running "$pid" && die "could not stop '$NAME' (pid $pid)"
  rm -f "$STATE/pid"
  echo "es.sh: '$NAME' stopped"
}

# Every instance of this checkout that has a pid recorded: what a killed test JVM may leave behind.
stop_all() {
  local dir pids=() status=0
  for dir in "$REPO"/target/es/*/; do
    [[ -f $dir/pid ]] || continue
    (NAME=$(basename "$dir") STATE=${dir%/}; lock; cmd_stop) &
    pids+=($!)
  done
  for dir in "${pids[@]}"; do wait "$dir" || status=1; done
  return $status
}

cmd_kill() {
  local pid
  pid=$(recorded_pid)
  pid_alive "$pid" || die "'$NAME' is not running"
  kill_pid_now "$pid"
  process_running "$pid" && die "could not kill '$NAME' (pid $pid)"
  rm -f "$STATE/pid"
  echo "es.sh: '$NAME' killed (pid $pid)"
}

cmd_status() {
  local url=""
  if [[ -f $STATE/members ]]; then
    cluster_healthy && { echo "running $(cat "$STATE/url")"; return 0; }
    echo "not green (nodes: $(tr '\n' ' ' <"$STATE/members"))"
    return 3
  fi
  [[ -f $STATE/url ]] && url=$(cat "$STATE/url")
  if pid_alive "$(recorded_pid)" && healthy; then
    echo "running $url"
  elif pid_alive "$(recorded_pid)"; then
    echo "unhealthy $url (pid $(recorded_pid))"
    return 3
  else
    echo "stopped${url:+ (last url $url)}"
    return 3
  fi
}

cmd_url() {
  [[ -f $STATE/members ]] && { cat "$STATE/url"; return 0; }
  pid_alive "$(recorded_pid)" || { echo "es.sh: '$NAME' is not running" >&2; return 3; }
  cat "$STATE/url"
}

[[ $# -ge 1 ]] || usage
COMMAND=$1
shift
NAME=default
SECURE=false
HEAP=1g
NODES=1
ALL=false
EXTRA=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --name) [[ $# -ge 2 ]] || usage; NAME=$2; shift 2 ;;
    --secure) SECURE=true; shift ;;
    --nodes) [[ $# -ge 2 && $2 =~ ^[1-9]$ ]] || usage; NODES=$2; shift 2 ;;
    --all) ALL=true; shift ;;
    --heap) [[ $# -ge 2 ]] || usage; HEAP=$2; shift 2 ;;
    -E) [[ $# -ge 2 ]] || usage; EXTRA+=("$2"); shift 2 ;;
    -E*) EXTRA+=("${1#-E}"); shift ;;
    -h | --help) usage ;;
    *) echo "es.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
# The name becomes part of paths and the cluster name.
[[ $NAME =~ ^[a-z0-9][a-z0-9_-]*$ ]] || die "--name must match [a-z0-9][a-z0-9_-]*, got '$NAME'"
STATE="$REPO/target/es/$NAME"
CLUSTER=$NAME
as_es_prefix=()
is_root && as_es_prefix=(runuser -u "$ES_USER" --)

# Serialises start/stop of one NAME (e.g. two test JVMs, or a test run and a developer), which would
# otherwise wipe each other's instance dir. Released on exit; the node itself never holds fd 9.
lock() {
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  flock -w $((START_TIMEOUT_S * 3)) 9 || die "timed out waiting for another es.sh on '$NAME' ($STATE/.lock)"
}

case $COMMAND in
  start) lock; cmd_start ;;
  resume) lock; cmd_resume ;;
  stop) if [[ $ALL == true ]]; then stop_all; else lock; cmd_stop; fi ;;
  kill) lock; cmd_kill ;;
  status) cmd_status ;;
  url) cmd_url ;;
  *) echo "es.sh: unknown command '$COMMAND'" >&2; usage ;;
esac
