#!/usr/bin/env bash
# Starts the suite on its embedded defaults: H2 file databases under ./data/, the local LLM
# provider, no network, no API key needed from outside.
#   deploy/local/run.sh            all four services, stopped together with Ctrl-C
#   deploy/local/run.sh SERVICE    one service in the foreground
# Builds first when a jar is missing or older than its sources (`mvn install -DskipTests`, so that
# the modules' own commands, `mvn -o -pl <module> ...`, find the shared library afterwards).
# Secrets of the local run are generated once into deploy/local/.run/ (never printed to logs):
#   local-api-key     the key for the pages' sign-in and for curl (client "local")
#   demo-api-key      the key deploy/local/demo.sh uses (client "demo", so its runs are told apart)
#   twilio-auth-token phone-agent's webhook signing key (TWILIO_AUTH_TOKEN), which demo.sh signs with
#   claims-agent-key, phone-agent-key  the services' own keys for calling vin-matching and claims-agent
# The first client of SUITE_API_KEYS ("local") is the admin (SUITE_ADMIN_CLIENTS) that may change
# configuration; the bundled evaluation sets are loaded (SUITE_EVAL_LOAD_BUNDLED_SETS=true).
# Set SUITE_API_KEYS / TWILIO_AUTH_TOKEN yourself to use other values.
# LOCAL_PORT_BASE (default 8080) moves the ports to base+1..base+4; LOCAL_RUN_DIR (default: the
# repository root) is where the services keep ./data/ and run.sh the logs (a second suite beside
# yours, as deploy/src/test/.../LocalDemoEndToEndTest starts one).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

services=(vin-matching claims-agent text2data phone-agent)
port_base="${LOCAL_PORT_BASE:-8080}"
declare -A ports=([vin-matching]=$((port_base + 1)) [claims-agent]=$((port_base + 2)) [text2data]=$((port_base + 3)) [phone-agent]=$((port_base + 4)))

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
  echo "Building the suite (mvn -B -q -DskipTests install)..."
  mvn -B -q -DskipTests install
fi

work="${LOCAL_RUN_DIR:-$root}"
logs="$work/deploy/local/.run"
[ -n "${LOCAL_RUN_DIR:-}" ] && logs="$work/logs"
mkdir -p "$work/data" "$logs" deploy/local/.run
# A random secret, made once and kept in deploy/local/.run/<name> (readable by this user only).
secret() {
  local file="deploy/local/.run/$1"
  if [ ! -s "$file" ]; then
    (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$file")
  fi
  cat "$file"
}
if [ -z "${SUITE_API_KEYS:-}" ]; then
  export SUITE_API_KEYS="local:$(secret local-api-key),demo:$(secret demo-api-key)"
fi
# Services call each other with their own keys (never one of the keys they accept).
if [ -z "${CLAIMS_VIN_MATCHING_API_KEY:-}" ]; then
  export CLAIMS_VIN_MATCHING_API_KEY="$(secret claims-agent-key)"
  export SUITE_API_KEYS="$SUITE_API_KEYS,claims-agent:$CLAIMS_VIN_MATCHING_API_KEY"
fi
if [ -z "${PHONE_CLAIMS_API_KEY:-}" ]; then
  export PHONE_CLAIMS_API_KEY="$(secret phone-agent-key)"
  export SUITE_API_KEYS="$SUITE_API_KEYS,phone-agent:$PHONE_CLAIMS_API_KEY"
fi
# The printed (first) client may change configuration; the local run loads the bundled evaluation sets.
export SUITE_ADMIN_CLIENTS="${SUITE_ADMIN_CLIENTS:-${SUITE_API_KEYS%%:*}}"
export SUITE_EVAL_LOAD_BUNDLED_SETS="${SUITE_EVAL_LOAD_BUNDLED_SETS:-true}"
export TWILIO_AUTH_TOKEN="${TWILIO_AUTH_TOKEN:-$(secret twilio-auth-token)}"
export PHONE_PUBLIC_BASE_URL="${PHONE_PUBLIC_BASE_URL:-http://127.0.0.1:${ports[phone-agent]}}"
key="${SUITE_API_KEYS#*:}"; key="${key%%,*}"
# The suite view (/ui/llmops/suite.html on any service) reads every service with this key.
peer_urls=""
for s in "${services[@]}"; do peer_urls="${peer_urls:+$peer_urls,}$s=http://127.0.0.1:${ports[$s]}"; done
export SUITE_LLMOPS_PEER_URLS="${SUITE_LLMOPS_PEER_URLS:-$peer_urls}"
export SUITE_LLMOPS_CLIENT_KEY="${SUITE_LLMOPS_CLIENT_KEY:-$key}"

# What a person opens in a browser, per service.
pages() {
  local s="$1" base="http://127.0.0.1:$2"
  echo "  $s"
  echo "      page            $base/ui/"
  echo "      API document    $base/swagger-ui/index.html   ($base/swagger/$s.yml)"
  echo "      LLM operations  $base/ui/llmops/   (whole suite: $base/ui/llmops/suite.html)"
}

# Small services: a bounded heap keeps each one well under 300 MB resident.
java_opts=(${SUITE_JAVA_OPTS:--Xms64m -Xmx200m -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=48m})
export VIN_MATCHING_URL="${VIN_MATCHING_URL:-http://127.0.0.1:${ports[vin-matching]}}"
export CLAIMS_AGENT_URL="${CLAIMS_AGENT_URL:-http://127.0.0.1:${ports[claims-agent]}}"

# Class-data sharing (docs/adr/1902-class-data-sharing-archive-per-build.md): once per build, a
# training run of each service (start, one /health request through its server, stop; in a scratch
# directory, on a free port) records the classes it loads into <service>/target/<service>.jsa; every
# start after that maps them instead of loading them from the jar, the first start included (text2data:
# 4.1 s to healthy instead of 6.5 s). SUITE_CDS=false starts without; a failed training run only warns.
cds_opts() {
  local s="$1"
  local jar="$root/$s/target/$s.jar" jsa="$root/$s/target/$s.jsa"
  if [ "${SUITE_CDS:-true}" = true ] && [ -s "$jsa" ] && [ ! "$jar" -nt "$jsa" ]; then
    echo "-XX:SharedArchiveFile=$jsa"
  fi
}
train_cds() {
  local s="$1"
  local jar="$root/$s/target/$s.jar" jsa="$root/$s/target/$s.jsa"
  { [ "${SUITE_CDS:-true}" = true ] && { [ ! -s "$jsa" ] || [ "$jar" -nt "$jsa" ]; }; } || return 0
  local scratch; scratch="$(mktemp -d)"
  rm -f "$jsa"
  if (cd "$scratch" && env MICRONAUT_SERVER_PORT=-1 java "${java_opts[@]}" -XX:ArchiveClassesAtExit="$jsa" \
      -Dsuite.training-run=true -jar "$jar") > "$logs/$s-training.log" 2>&1 && [ -s "$jsa" ]; then
    touch "$jsa"
  else
    rm -f "$jsa"
    echo "  $s: no class-data archive (training run failed, see $logs/$s-training.log); it starts without" >&2
  fi
  rm -rf "$scratch"
}
to_train=("${services[@]}")
[ $# -gt 0 ] && to_train=("$1")
outdated=()
for s in "${to_train[@]}"; do
  if [ "${SUITE_CDS:-true}" = true ] && [ -z "$(cds_opts "$s")" ]; then outdated+=("$s"); fi
done
if [ ${#outdated[@]} -gt 0 ]; then
  echo "Recording class-data archives for ${outdated[*]} (once per build)..."
  for s in "${outdated[@]}"; do train_cds "$s" & done
  wait
fi

if [ $# -gt 0 ]; then
  s="$1"
  echo "Starting $s on port ${ports[$s]}"
  pages "$s" "${MICRONAUT_SERVER_PORT:-${ports[$s]}}"
  echo "  API key (paste it into the page's sign-in; curl: -H 'Authorization: Bearer <key>'): $key"
  cd "$work"
  exec env MICRONAUT_SERVER_PORT="${MICRONAUT_SERVER_PORT:-${ports[$s]}}" java "${java_opts[@]}" $(cds_opts "$s") -jar "$root/$s/target/$s.jar"
fi

for s in "${services[@]}"; do
  if curl -fs "http://127.0.0.1:${ports[$s]}/health" >/dev/null 2>&1; then
    echo "port ${ports[$s]} answers already (is a suite running? LOCAL_PORT_BASE picks other ports)" >&2
    exit 1
  fi
done

pids=()
stop() {
  echo; echo "Stopping the suite..."
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

for s in "${services[@]}"; do
  (cd "$work" && exec env MICRONAUT_SERVER_PORT="${ports[$s]}" java "${java_opts[@]}" $(cds_opts "$s") -jar "$root/$s/target/$s.jar") \
    > "$logs/$s.log" 2>&1 &
  pids+=($!)
done

for s in "${services[@]}"; do
  port="${ports[$s]}"
  ok=false
  # up to three minutes each on a busy machine (text2data builds its embedded warehouse in seconds at every start)
  for _ in $(seq 1 720); do
    if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then ok=true; break; fi
    sleep 0.25
  done
  if $ok; then
    pages "$s" "$port"
  else
    echo "  $s did not become healthy; see $logs/$s.log" >&2
  fi
done
echo
echo "API key: $key"
echo "  paste it into any page's sign-in; with curl: -H \"Authorization: Bearer $key\""
echo "Pages are empty on a new database: deploy/local/demo.sh (in another terminal) fills them."
echo "Logs in $logs/. Press Ctrl-C to stop all four."
wait
