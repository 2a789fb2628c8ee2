#!/usr/bin/env bash
# Starts the suite on its embedded defaults: H2 file databases under ./data/, the local LLM
# provider, no network, no API key needed from outside.
#   deploy/local/run.sh            all four services, stopped together with Ctrl-C
#   deploy/local/run.sh SERVICE    one service in the foreground
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

services=(vin-matching claims-agent text2data phone-agent)
declare -A ports=([vin-matching]=8081 [claims-agent]=8082 [text2data]=8083 [phone-agent]=8084)

if [ $# -gt 0 ]; then
  case " ${services[*]} " in
    *" $1 "*) ;;
    *) echo "unknown service '$1'; one of: ${services[*]}" >&2; exit 2 ;;
  esac
fi

needs_build=false
for s in "${services[@]}"; do
  jar="$s/target/$s.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$s/src" shared/src pom.xml "$s/pom.xml" shared/pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  echo "Building the suite (mvn -B -q -DskipTests package)..."
  mvn -B -q -DskipTests package
fi

mkdir -p data deploy/local/.run
if [ -z "${SUITE_API_KEYS:-}" ]; then
  keyfile=deploy/local/.run/local-api-key
  if [ ! -s "$keyfile" ]; then
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$keyfile"
  fi
  export SUITE_API_KEYS="local:$(cat "$keyfile")"
fi
key="${SUITE_API_KEYS#*:}"; key="${key%%,*}"

# Small services: a bounded heap keeps each one well under 300 MB resident.
java_opts=(${SUITE_JAVA_OPTS:--Xms64m -Xmx200m -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=48m})
export VIN_MATCHING_URL="${VIN_MATCHING_URL:-http://127.0.0.1:8081}"
export CLAIMS_AGENT_URL="${CLAIMS_AGENT_URL:-http://127.0.0.1:8082}"

if [ $# -gt 0 ]; then
  s="$1"
  echo "Starting $s on port ${ports[$s]} (API key: $key)"
  exec env MICRONAUT_SERVER_PORT="${MICRONAUT_SERVER_PORT:-${ports[$s]}}" java "${java_opts[@]}" -jar "$s/target/$s.jar"
fi

pids=()
stop() {
  echo; echo "Stopping the suite..."
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

for s in "${services[@]}"; do
  MICRONAUT_SERVER_PORT="${ports[$s]}" java "${java_opts[@]}" -jar "$s/target/$s.jar" \
    > "deploy/local/.run/$s.log" 2>&1 &
  pids+=($!)
done

for s in "${services[@]}"; do
  port="${ports[$s]}"
  ok=false
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then ok=true; break; fi
    sleep 0.25
  done
  if $ok; then
    echo "  $s  http://127.0.0.1:$port   (API docs: http://127.0.0.1:$port/swagger-ui/index.html)"
  else
    echo "  $s did not become healthy; see deploy/local/.run/$s.log" >&2
  fi
done
echo
echo "API key: $key    (send it as: Authorization: Bearer $key)"
echo "Logs in deploy/local/.run/. Press Ctrl-C to stop all four."
wait
