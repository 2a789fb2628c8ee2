#!/usr/bin/env bash
# The memory and overload check of issue 16, against the suite as deploy/local/run.sh starts it
# (the same JVM options: -Xmx200m each), on loopback only, with a bounded load
# (deploy/local/HardeningLoad.java): one claim with 20 photos of about 6 MB, 16 requests for its
# photos at once, 200 text2data asks at once (none may fail other than 503 with Retry-After), then
# every service's /health. Exits non-zero when any of that fails.
#
#   deploy/local/hardening-load.sh           against a suite already started by deploy/local/run.sh
#   deploy/local/hardening-load.sh --start   starts its own suite with run.sh (ports 28081-28084,
#                                             data in deploy/local/.run/hardening-*), then stops it
#
# Settings (environment): LOCAL_PORT_BASE (8080; the running suite's, as for run.sh), SUITE_API_KEYS
# (else the key run.sh generated in deploy/local/.run/local-api-key), HARDENING_PHOTOS (20),
# HARDENING_PHOTO_GETS (16), HARDENING_ASKS (200).
# Not part of `deploy/local/bench.sh --smoke all`: it needs the four services running (minutes to start).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

start=false
if [ "${1:-}" = "--start" ]; then start=true; shift; fi
[ $# -eq 0 ] || { echo "usage: deploy/local/hardening-load.sh [--start]" >&2; exit 2; }

suite_pid=""
if $start; then
  export LOCAL_PORT_BASE=28080
  export LOCAL_RUN_DIR="$root/deploy/local/.run/hardening-$(date -u +%Y%m%d%H%M%S)"
  mkdir -p "$LOCAL_RUN_DIR"
  echo "hardening: starting the suite with deploy/local/run.sh (ports 28081-28084, $LOCAL_RUN_DIR)"
  setsid deploy/local/run.sh > "$LOCAL_RUN_DIR/run.log" 2>&1 &
  suite_pid=$!
  stop_suite() {
    # run.sh stops its services on TERM; its process group is ours alone (setsid)
    kill -TERM -- "-$suite_pid" 2>/dev/null || true
    wait "$suite_pid" 2>/dev/null || true
  }
  trap stop_suite EXIT INT TERM
fi

base="${LOCAL_PORT_BASE:-8080}"
declare -A ports=([vin-matching]=$((base + 1)) [claims-agent]=$((base + 2)) [text2data]=$((base + 3)) [phone-agent]=$((base + 4)))

for s in vin-matching claims-agent text2data phone-agent; do
  up=false
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:${ports[$s]}/health" >/dev/null 2>&1; then up=true; break; fi
    if [ -n "$suite_pid" ] && ! kill -0 "$suite_pid" 2>/dev/null; then break; fi
    sleep 0.25
  done
  $up || { echo "hardening: $s is not answering on 127.0.0.1:${ports[$s]} (start the suite: deploy/local/run.sh)" >&2; exit 2; }
done

if [ -n "${SUITE_API_KEYS:-}" ]; then
  key="${SUITE_API_KEYS#*:}"; key="${key%%,*}"
elif [ -s deploy/local/.run/local-api-key ]; then
  key="$(cat deploy/local/.run/local-api-key)"
else
  echo "hardening: no API key (set SUITE_API_KEYS or start the suite with deploy/local/run.sh once)" >&2
  exit 2
fi

echo "hardening: JVM options of the services: ${SUITE_JAVA_OPTS:--Xms64m -Xmx200m -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=48m} (run.sh)"
java -Xmx512m deploy/local/HardeningLoad.java "http://127.0.0.1:${ports[claims-agent]}" "http://127.0.0.1:${ports[text2data]}" "$key" \
  "http://127.0.0.1:${ports[vin-matching]}" "http://127.0.0.1:${ports[claims-agent]}" "http://127.0.0.1:${ports[text2data]}" \
  "http://127.0.0.1:${ports[phone-agent]}"
