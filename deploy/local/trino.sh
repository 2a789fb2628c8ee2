#!/usr/bin/env bash
# A single-node Trino on 127.0.0.1 for text2data's engine tests and benchmarks (docs/adr/1901-distributed-engine-trino.md).
#   deploy/local/trino.sh start     fetch trino-server once, write the config, start it (or reuse a running one),
#                                   wait until it accepts queries; prints the JDBC URL and the start time
#                                   (one start at a time per port: a concurrent start waits, then reuses it)
#   deploy/local/trino.sh stop      stop it
#   deploy/local/trino.sh status    "running" (exit 0) or "stopped" (exit 1)
#   deploy/local/trino.sh url       the JDBC URL of the memory catalog's demo schema
# Exit codes of start: 0 running, 3 cannot run here (no Java 24+, trino-server cannot be fetched), 1 it failed.
#
# Bounded: one JVM (-Xmx TRINO_XMX), queries limited to TRINO_QUERY_MEMORY, the memory catalog to
# TRINO_MEMORY_DATA per node, start waits at most TRINO_START_TIMEOUT seconds. Loopback only: the server
# binds 127.0.0.1. Only the plugins the tests need (memory, postgresql and the geospatial types it uses) are unpacked: Trino loads every
# directory under plugin/, and the other 50 take most of the start time.
#
# Settings (environment):
#   TRINO_PORT            HTTP port on 127.0.0.1 (default 18480)
#   TRINO_JAVA_HOME       a Java 24+ JDK (default /usr/lib/jvm/temurin-25-jdk-amd64; Trino 476 needs 24+)
#   TRINO_CACHE           where the server archive, the unpacked install and the run directory live
#                         (default ~/.cache/carmutual/trino; nothing of it belongs in the repository)
#   TRINO_XMX             heap (default 2G)
#   TRINO_QUERY_MEMORY    query.max-memory and per node (default 1GB; keep it under ~70% of the heap)
#   TRINO_MEMORY_DATA     memory catalog's memory.max-data-per-node (default 512MB)
#   TRINO_POSTGRES_URL    the postgresql catalog's database (default jdbc:postgresql://127.0.0.1:5432/t2d_trino_source)
#   TRINO_POSTGRES_USER   its user (default postgres)
#   TRINO_POSTGRES_PASSWORD  its password, if any (read by the server from its environment, never written to a file)
#   TRINO_START_TIMEOUT   seconds to wait for the server to accept queries (default 300)
#   TRINO_MVN_ARGS        extra Maven arguments for the one-time download (e.g. -Dmaven.repo.local=...)
set -euo pipefail

version=476
port="${TRINO_PORT:-18480}"
java_home="${TRINO_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cache="${TRINO_CACHE:-$HOME/.cache/carmutual/trino}"
xmx="${TRINO_XMX:-2G}"
query_memory="${TRINO_QUERY_MEMORY:-1GB}"
memory_data="${TRINO_MEMORY_DATA:-512MB}"
pg_url="${TRINO_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/t2d_trino_source}"
pg_user="${TRINO_POSTGRES_USER:-postgres}"
start_timeout="${TRINO_START_TIMEOUT:-300}"
plugins=(memory postgresql geospatial)  # postgresql needs the Geometry type of geospatial

archive="$cache/trino-server-$version.tar.gz"
install="$cache/trino-server-$version-$(IFS=-; echo "${plugins[*]}")"
run="$cache/run-$port"
aot="$install.aot"
info="http://127.0.0.1:$port/v1/info"

say() { echo "trino: $*" >&2; }

launcher() {
  JAVA_HOME="$java_home" PATH="$java_home/bin:$PATH" "$install/bin/launcher" \
    --etc-dir "$run/etc" --data-dir "$run/data" "$@"
}

# The server answers /v1/info with "starting":false once it accepts queries.
ready() {
  curl -fsS --max-time 2 "$info" 2>/dev/null | grep -q '"starting":false'
}

running() {
  [ -x "$install/bin/launcher" ] && [ -d "$run/etc" ] && launcher status >/dev/null 2>&1
}

java_major() {
  local v
  v="$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  echo "${v%%.*}"
}

check_java() {
  local v
  if [ ! -x "$java_home/bin/java" ]; then
    say "no Java at $java_home (Trino $version needs Java 24+; set TRINO_JAVA_HOME)"
    exit 3
  fi
  v="$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  if [ "${v%%.*}" -lt 24 ] 2>/dev/null; then
    say "Java at $java_home is $v; Trino $version needs 24+ (set TRINO_JAVA_HOME)"
    exit 3
  fi
}

# Once per machine: the server archive from Maven Central (821 MB), then only the plugins we need unpacked.
fetch() {
  mkdir -p "$cache"
  if [ ! -f "$archive" ]; then
    say "downloading io.trino:trino-server:$version:tar.gz into $cache (once)"
    # shellcheck disable=SC2086
    if ! mvn -B -q ${TRINO_MVN_ARGS:-} org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="io.trino:trino-server:$version:tar.gz" -DoutputDirectory="$cache" >&2; then
      say "cannot fetch io.trino:trino-server:$version:tar.gz (offline?)"
      rm -f "$archive"
      exit 3
    fi
  fi
  if [ ! -x "$install/bin/launcher" ]; then
    say "unpacking $(basename "$archive") with plugins ${plugins[*]}"
    local tmp="$install.partial"
    rm -rf "$tmp" && mkdir -p "$tmp"
    # the archive hard-links jars shared between plugins, so unpack it whole and delete what we skip
    tar xzf "$archive" -C "$tmp" --strip-components=1
    local dir
    for dir in "$tmp"/plugin/*/; do
      [[ " ${plugins[*]} " == *" $(basename "$dir") "* ]] || rm -rf "$dir"
    done
    rm -rf "$tmp"/bin/darwin-* "$tmp"/bin/linux-arm64 "$tmp"/bin/linux-ppc64le
    rm -rf "$install" && mv "$tmp" "$install"
  fi
}

write_config() {
  local etc="$1"
  mkdir -p "$etc/catalog"
  cat >"$etc/node.properties" <<EOF
node.environment=carmutual_local
node.id=carmutual-local-$port
node.data-dir=$run/data
node.bind-ip=127.0.0.1
node.internal-address=127.0.0.1
EOF
  cat >"$etc/config.properties" <<EOF
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$port
discovery.uri=http://127.0.0.1:$port
query.max-memory=$query_memory
query.max-memory-per-node=$query_memory
query.max-execution-time=10m
EOF
  cat >"$etc/jvm.config" <<EOF
-server
-Xmx$xmx
-XX:+UseG1GC
-XX:+ExplicitGCInvokesConcurrent
-XX:+ExitOnOutOfMemoryError
-XX:-OmitStackTraceInFastThrow
-XX:ReservedCodeCacheSize=256M
-XX:+EnableDynamicAgentLoading
-Djdk.attach.allowAttachSelf=true
-Djdk.nio.maxCachedBufferSize=2000000
-Dfile.encoding=UTF-8
EOF
  # Java 25's ahead-of-time cache (JEP 483/514): the first run records the classes it loads and links,
  # written when that server stops; later starts map them instead of loading them again.
  if [ "$(java_major)" -ge 25 ]; then
    if [ -s "$aot" ]; then echo "-XX:AOTCache=$aot" >>"$etc/jvm.config"; else echo "-XX:AOTCacheOutput=$aot" >>"$etc/jvm.config"; fi
  fi
  cat >"$etc/log.properties" <<EOF
io.trino=WARN
io.airlift=WARN
EOF
  cat >"$etc/catalog/memory.properties" <<EOF
connector.name=memory
memory.max-data-per-node=$memory_data
# a scan waiting for the join's dynamic filter costs ~2 s per query on a busy 2-core machine, more than it saves here
memory.enable-lazy-dynamic-filtering=false
EOF
  cat >"$etc/catalog/postgresql.properties" <<EOF
connector.name=postgresql
connection-url=$pg_url
connection-user=$pg_user
EOF
  if [ -n "${TRINO_POSTGRES_PASSWORD:-}" ]; then
    echo 'connection-password=${ENV:TRINO_POSTGRES_PASSWORD}' >>"$etc/catalog/postgresql.properties"
  fi
}

start() {
  check_java
  mkdir -p "$cache"
  # one start at a time per port (CI starts the server in the background while the tests that need it
  # may ask for it too): a second caller waits here, then finds it running and reuses it
  exec 9>"$cache/start-$port.lock"
  if ! flock -w "$start_timeout" 9; then
    say "another start on port $port still holds $cache/start-$port.lock after ${start_timeout}s"
    exit 1
  fi
  fetch
  local fresh="$run/etc.next"
  rm -rf "$fresh"
  write_config "$fresh"
  if running; then
    if diff -rq "$fresh" "$run/etc" >/dev/null 2>&1 && ready; then
      rm -rf "$fresh"
      say "already running on 127.0.0.1:$port"
      echo "jdbc:trino://127.0.0.1:$port/memory/demo"
      return 0
    fi
    say "running with another configuration: restarting"
    launcher stop >/dev/null || true
  elif curl -s --max-time 2 -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
    say "port $port is taken by another process (set TRINO_PORT)"
    rm -rf "$fresh"
    exit 1
  fi
  rm -rf "$run/etc" && mv "$fresh" "$run/etc"
  mkdir -p "$run/data"
  local t0; t0=$(date +%s%N)
  # 9>&-: the server must not inherit the start lock, or it would hold it as long as it runs
  launcher start >/dev/null 9>&-
  local deadline=$(( $(date +%s) + start_timeout ))
  until ready; do
    if ! launcher status >/dev/null 2>&1; then
      say "the server stopped while starting; last lines of $run/data/var/log/server.log:"
      tail -n 30 "$run/data/var/log/server.log" >&2 || true
      exit 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      say "not ready after ${start_timeout}s; stopping it (log: $run/data/var/log/server.log)"
      launcher stop >/dev/null || true
      exit 1
    fi
    sleep 0.5
  done
  local pid cpu=""
  pid="$(cat "$run/data/var/run/launcher.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] && cpu=", $(awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$pid/stat") s of CPU"
  say "started in $(( ($(date +%s%N) - t0) / 1000000 )) ms$cpu on 127.0.0.1:$port (heap $xmx, plugins ${plugins[*]}, load average $(cut -d' ' -f1 /proc/loadavg))"
  echo "jdbc:trino://127.0.0.1:$port/memory/demo"
}

stop() {
  if running; then
    launcher stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running && ready; then echo running; else echo stopped; exit 1; fi ;;
  url) echo "jdbc:trino://127.0.0.1:$port/memory/demo" ;;
  *) echo "usage: deploy/local/trino.sh start|stop|status|url" >&2; exit 2 ;;
esac
