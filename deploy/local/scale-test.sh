#!/usr/bin/env bash
# Scale-out and fault test on one machine, loopback only:
#   two instances of each service on different ports sharing one PostgreSQL (fresh databases,
#   created here and dropped at the end), a bounded load spread over both instances of each
#   (deploy/local/ScaleLoad.java), claims-agent's second instance killed with SIGKILL after the
#   first third of the load and restarted after the second. Reports requests sent, answered,
#   failed, lost and duplicated; exits non-zero when a claim was lost or filed twice, a phone
#   turn answered twice or a call record is incomplete.
#
#   flock /tmp/suite-shared.lock mvn -B -q -o -DskipTests package   # the jars, first
#   deploy/local/scale-test.sh
#
# Settings (environment): SCALE_PG_HOST (127.0.0.1), SCALE_PG_PORT (5432), SCALE_PG_USER
# (postgres), PGPASSWORD, SCALE_VIN_REQUESTS (300), SCALE_CLAIMS (90), SCALE_ASKS (30), SCALE_THREADS (8),
# SUITE_DATA_DIR (../shared/data beside the repository, else the modules' copies), SCALE_KEEP_DB=1 keeps the databases.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

services=(vin-matching claims-agent text2data phone-agent)
declare -A short=([vin-matching]=vin [claims-agent]=claims [text2data]=text2data [phone-agent]=phone)
declare -A port_a=([vin-matching]=18081 [claims-agent]=18082 [text2data]=18083 [phone-agent]=18084)
declare -A port_b=([vin-matching]=18181 [claims-agent]=18182 [text2data]=18183 [phone-agent]=18184)

pg_host="${SCALE_PG_HOST:-127.0.0.1}"
pg_port="${SCALE_PG_PORT:-5432}"
pg_user="${SCALE_PG_USER:-postgres}"
run="scale$(date -u +%H%M%S)"
dir="deploy/local/.run/$run"
mkdir -p "$dir"
# The labelled dev data: ../shared/data beside the repository when it is there, else the copies
# the modules ship (a fresh clone has only those).
data_dir="${SUITE_DATA_DIR:-$root/../shared/data}"
if [ -z "${SUITE_DATA_DIR:-}" ] && [ ! -f "$data_dir/vin/catalog-gold-dev.csv" ]; then
  data_dir="$root/$dir/data"
  mkdir -p "$data_dir"/{vin,claims,phone,text2data}
  cp vin-matching/src/test/resources/vin/catalog-gold-dev.csv "$data_dir/vin/"
  cp claims-agent/src/test/resources/claims/reports-dev.jsonl "$data_dir/claims/"
  cp phone-agent/src/main/resources/eval/phone.extract/dev.jsonl "$data_dir/phone/conversations-dev.jsonl"
  cp text2data/src/test/resources/text2data/questions-dev.jsonl "$data_dir/text2data/"
fi

for s in "${services[@]}"; do
  if [ ! -f "$s/target/$s.jar" ]; then
    echo "missing $s/target/$s.jar; build first: mvn -B -q -DskipTests package" >&2
    exit 2
  fi
done
for f in vin/catalog-gold-dev.csv claims/reports-dev.jsonl phone/conversations-dev.jsonl text2data/questions-dev.jsonl; do
  [ -f "$data_dir/$f" ] || { echo "missing $data_dir/$f (set SUITE_DATA_DIR)" >&2; exit 2; }
done
command -v psql >/dev/null || { echo "psql is needed to create the databases" >&2; exit 2; }
psql_do() { psql -v ON_ERROR_STOP=1 -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "$1"; }
psql_do "select 1" >/dev/null || { echo "PostgreSQL not reachable at $pg_host:$pg_port" >&2; exit 2; }

api_key="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
twilio_token="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
public_base="https://phone.scale.test"
java_opts="${SUITE_JAVA_OPTS:--Xms64m -Xmx200m -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=48m}"

for s in "${services[@]}"; do
  psql_do "create database ${run}_${short[$s]}"
done

pids=()
stop_all() {
  for f in "$dir"/*.pid; do
    [ -f "$f" ] || continue
    kill "$(cat "$f")" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [ "${SCALE_KEEP_DB:-0}" != 1 ]; then
    for s in "${services[@]}"; do psql_do "drop database if exists ${run}_${short[$s]} with (force)" 2>/dev/null || true; done
  fi
}
trap stop_all EXIT INT TERM

# Writes the command that starts one instance (so the load can restart it the same way).
# text2data gets its demo warehouse by explicit URL, one H2 file per instance (an H2 file is
# locked by one process; the yml default, a placeholder default containing colons, does not
# resolve to a JDBC URL).
write_starter() {
  local s="$1" which="$2" port="$3" peer_vin="$4" peer_claims="$5"
  cat > "$dir/start-$s-$which.sh" <<EOF
#!/usr/bin/env bash
# Starts $s ($which) and waits until it is healthy. Like a Kubernetes restart policy, an instance
# that exits before it is healthy is started again (three attempts); every restart is recorded.
cd "$root"
for attempt in 1 2 3; do
  env MICRONAUT_SERVER_PORT=$port \\
    DATASOURCES_DEFAULT_URL=jdbc:postgresql://$pg_host:$pg_port/${run}_${short[$s]} \\
    DATASOURCES_DEFAULT_USERNAME=$pg_user DATASOURCES_DEFAULT_PASSWORD="\${PGPASSWORD:-}" \\
    DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=8 \\
    SUITE_API_KEYS=scale:$api_key TWILIO_AUTH_TOKEN=$twilio_token PHONE_PUBLIC_BASE_URL=$public_base \\
    VIN_MATCHING_URL=$peer_vin CLAIMS_AGENT_URL=$peer_claims \\
    CLAIMS_VIN_MATCHING_API_KEY=$api_key PHONE_CLAIMS_API_KEY=$api_key CLAIMS_PHOTO_DIR="$root/$dir/claims-photos" \\
    java $java_opts -jar $s/target/$s.jar >> "$dir/$s-$which.log" 2>&1 &
  pid=\$!
  echo \$pid > "$dir/$s-$which.pid"
  started=\$(date +%s%N)
  for _ in \$(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
      echo "  $s-$which healthy after \$(( (\$(date +%s%N) - started) / 1000000 )) ms (attempt \$attempt)" | tee -a "$dir/startup.txt"
      exit 0
    fi
    kill -0 \$pid 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 \$pid 2>/dev/null; then
    echo "  $s-$which not healthy after 300 s; see $dir/$s-$which.log" | tee -a "$dir/startup.txt" >&2
    exit 1
  fi
  echo "  $s-$which exited before it was healthy (attempt \$attempt); see $dir/$s-$which.log" | tee -a "$dir/startup.txt"
done
exit 1
EOF
  chmod +x "$dir/start-$s-$which.sh"
}

for s in "${services[@]}"; do
  # Instance a talks to the a instances downstream, b to the b ones: killing claims-agent b
  # also cuts phone-agent b's way to file claims until it is back (it must retry, not lose).
  write_starter "$s" a "${port_a[$s]}" "http://127.0.0.1:${port_a[vin-matching]}" "http://127.0.0.1:${port_a[claims-agent]}"
  write_starter "$s" b "${port_b[$s]}" "http://127.0.0.1:${port_b[vin-matching]}" "http://127.0.0.1:${port_b[claims-agent]}"
done

echo "Starting two instances of each service at once (run $run)..."
started=$(date +%s%N)
for s in "${services[@]}"; do
  "$dir/start-$s-a.sh" &
  "$dir/start-$s-b.sh" &
done
wait
echo "  start-up finished after $(( ($(date +%s%N) - started) / 1000000 )) ms"

rss() { ps -o rss= -p "$(cat "$dir/$1.pid")" 2>/dev/null | awk '{printf "%d", $1/1024}'; }

cat > "$dir/load.properties" <<EOF
run=$run
apiKey=$api_key
twilioAuthToken=$twilio_token
phone.publicBaseUrl=$public_base
data=$data_dir
vin=http://127.0.0.1:${port_a[vin-matching]},http://127.0.0.1:${port_b[vin-matching]}
claims=http://127.0.0.1:${port_a[claims-agent]},http://127.0.0.1:${port_b[claims-agent]}
phone=http://127.0.0.1:${port_a[phone-agent]},http://127.0.0.1:${port_b[phone-agent]}
text2data=http://127.0.0.1:${port_a[text2data]},http://127.0.0.1:${port_b[text2data]}
asks=${SCALE_ASKS:-30}
vinRequests=${SCALE_VIN_REQUESTS:-300}
claims.count=${SCALE_CLAIMS:-90}
threads=${SCALE_THREADS:-8}
killCommand=kill -9 \$(cat $dir/claims-agent-b.pid) && echo '  killed claims-agent b (SIGKILL)'
restartCommand=$dir/start-claims-agent-b.sh && echo '  restarted claims-agent b, healthy'
EOF

set +e
java deploy/local/ScaleLoad.java "$dir/load.properties" | tee "$dir/report.txt"
result=${PIPESTATUS[0]}
set -e

# What PostgreSQL holds now: rows per table of each service's own schema (not the shared tables).
{
  echo
  echo "Rows in PostgreSQL after the run:"
  for s in "${services[@]}"; do
    psql -q -t -A -F ' ' -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "${run}_${short[$s]}" -c \
      "select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'flyway_schema_history' order by 1" |
      while read -r t; do
        n=$(psql -q -t -A -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "${run}_${short[$s]}" -c "select count(*) from \"$t\"")
        if [ "$n" != 0 ]; then echo "  $s.$t: $n"; fi
      done
  done
  echo "Start-up (the two instances of a service start together, on a fresh database):"
  cat "$dir/startup.txt"
  echo "Resident memory after the run (MB):"
  for s in "${services[@]}"; do echo "  $s a=$(rss "$s-a") b=$(rss "$s-b")"; done
} | tee -a "$dir/report.txt"
echo "Report: $dir/report.txt"
exit "$result"
