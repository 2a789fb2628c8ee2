#!/usr/bin/env bash
# Runs one benchmark of docs/benchmarks.md, building what it needs first (the module and the shared
# library it depends on, from this checkout: nothing has to be installed beforehand).
#   deploy/local/bench.sh list                   the benchmarks, with what each measures
#   deploy/local/bench.sh NAME [ARGS...]         one benchmark, with the parameters docs/benchmarks.md quotes
#   deploy/local/bench.sh --smoke NAME           the same command with a tiny load: proves it still runs
#   deploy/local/bench.sh --smoke all            every benchmark but scale in smoke mode (CI runs this; a few minutes)
# Results are printed at the end (JUnit benchmarks: their BENCH lines from target/surefire-reports).
# Settings (environment): BENCH_MVN_ARGS (extra Maven arguments, e.g. -o once ~/.m2 holds every
# plugin), BENCH_JAVA_OPTS (JVM options of the main-class benchmarks), BENCH_INSTALLED=true (build
# only the benchmark's module and take the shared library `mvn install` put in ~/.m2: CI sets it
# right after its install, which saves rebuilding shared for every benchmark).
# A benchmark measures this machine: run it when nothing else is building (uptime).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

smoke=false
if [ "${1:-}" = "--smoke" ]; then smoke=true; shift; fi
name="${1:-}"
[ $# -gt 0 ] && shift

# name | module | kind (main: a class with main(); junit: a test class enabled by a property) | class | what it measures
catalog() {
  cat <<'EOF'
gateway|shared|main|com.carmutual.shared.gateway.GatewayOverheadBenchmark|LLM gateway overhead against a loopback fake provider (args: calls/s seconds-per-phase)
gateway-stream|shared|main|com.carmutual.shared.gateway.StreamingOverheadBenchmark|what LlmGateway.stream adds to the first streamed token, loopback fake SSE server (args: calls warm-up-calls)
llmops|shared|main|com.carmutual.shared.llmops.LlmOpsOverheadBenchmark|what storing runs, versions and annotation reply add (args: iterations)
shadow|shared|main|com.carmutual.shared.llmops.shadow.ShadowOverheadBenchmark|what a challenger in shadow at sampleRate 1.0 adds to the champion's latency (args: calls)
vin|vin-matching|main|com.carmutual.vin.bench.VinBenchmark|vPIC load, decode and match latency, 1,100 VINs over HTTP
claims|claims-agent|junit|com.carmutual.claims.bench.ClaimsBenchmark|intake of claims with 10 large photos over HTTP; estimate pipeline in process
text2data|text2data|junit|com.carmutual.text2data.bench.ParseCompileBenchmark|parse + compile per question, offline
text2data-postgres|text2data|junit|com.carmutual.text2data.bench.PostgresEventsBenchmark|compiled event queries on PostgreSQL with scaled app events (needs 127.0.0.1:5432)
text2data-engines|text2data|junit|com.carmutual.text2data.bench.EnginesEventsBenchmark|event questions + dev questions on each engine with scaled app events (args: -Devents= -Dengines=duckdb,postgres,trino)
phone|phone-agent|junit|com.carmutual.phone.bench.PhoneLoadBenchmark|signed webhook turn latency with many calls open
phone-relay|phone-agent|junit|com.carmutual.phone.relay.RelayLatencyBenchmark|ConversationRelay WebSocket: prompt to first text token with many calls open
scale|deploy|script|deploy/local/scale-test.sh|two instances per service on PostgreSQL, a kill and a restart under load
EOF
}

usage() {
  echo "usage: deploy/local/bench.sh [--smoke] NAME [ARGS...] | --smoke all | list" >&2
  echo "benchmarks: $(catalog | cut -d'|' -f1 | tr '\n' ' ')" >&2
  exit 2
}

mvn_args=(-B ${BENCH_MVN_ARGS:-})
also_make=(-am)
declare -A classpath_built=()
[ "${BENCH_INSTALLED:-false}" = true ] && also_make=()

postgres_up() {
  command -v pg_isready >/dev/null 2>&1 && pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null
}

# A main() in a module's test sources: compile the module and what it needs, write its test
# classpath, run the class.
run_main() {
  local module="$1" class="$2"; shift 2
  if [ -z "${classpath_built[$module]:-}" ]; then
    echo "bench: building $module and its test classpath"
    rm -f "$module/target/bench.cp"
    mvn "${mvn_args[@]}" -q -pl "$module" ${also_make[@]+"${also_make[@]}"} test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp || return 1
    classpath_built[$module]=1  # once per run: '--smoke all' runs several benchmarks of one module
  fi
  local cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.cp")"
  echo "bench: java $class ${main_args[*]}"
  # shellcheck disable=SC2086
  java ${BENCH_JAVA_OPTS:--Xmx512m} -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener -cp "$cp" "$class" "${main_args[@]}"
}

# A JUnit class (fully qualified, optionally #method) that only runs when its property is set:
# surefire runs just that class.
run_junit() {
  local module="$1" fqcn="$2"; shift 2
  local class="${fqcn##*.}"
  local out="$module/target/surefire-reports/${fqcn%%#*}-output.txt"
  local report="$module/target/surefire-reports/TEST-${fqcn%%#*}.xml"
  rm -f "$out" "$report"
  echo "bench: mvn -pl $module -am test -Dtest=$class $*"
  mvn "${mvn_args[@]}" -pl "$module" ${also_make[@]+"${also_make[@]}"} test -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false "$@" \
    | grep -E '^\[ERROR\]|Tests run:|BUILD' || true
  if [ ! -f "$report" ] || grep -qE '<(failure|error)[ >]' "$report" || ! grep -q '<testcase' "$report"; then
    echo "bench: $class did not run green; see $module/target/surefire-reports/" >&2
    return 1
  fi
  if grep -q '<skipped' "$report"; then
    echo "bench: $class was skipped (its enabling property is missing)" >&2
    return 1
  fi
  echo "bench: results ($out)"
  # the benchmark's own lines, without log and logback status lines
  [ -f "$out" ] && grep -v -E '^\s*$|^[0-9:.,]+ \|-(INFO|WARN)|^[0-9:. ]+\[[^]]+\] (INFO|DEBUG)' "$out" | tail -n 40
  return 0
}

# True when a service jar is missing or older than the sources it is built from (as in run.sh).
jars_outdated() {
  local s
  for s in vin-matching claims-agent text2data phone-agent; do
    local jar="$s/target/$s.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$s/src" shared/src pom.xml "$s/pom.xml" shared/pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
      return 0
    fi
  done
  return 1
}

# The databases PostgresEventsBenchmark made (it keeps them for inspection).
bench_databases() {
  psql -q -t -A -h 127.0.0.1 -U "${SUITE_TEST_POSTGRES_USER:-postgres}" -d postgres \
    -c "select datname from pg_database where datname like 't2d_bench%' order by 1" 2>/dev/null | sort || true
}


run_one() {
  local name="$1"; shift
  local line; line="$(catalog | grep "^$name|" || true)"
  [ -n "$line" ] || usage
  local module kind class
  IFS='|' read -r _ module kind class _ <<<"$line"
  main_args=("$@")
  case "$name" in
    gateway)
      if $smoke; then main_args=(50 1); fi
      run_main "$module" "$class" ;;
    gateway-stream)
      if $smoke; then main_args=(100 50); fi
      run_main "$module" "$class" ;;
    llmops)
      if $smoke; then main_args=(30); fi
      run_main "$module" "$class" ;;
    shadow)
      if $smoke; then main_args=(300); fi
      run_main "$module" "$class" ;;
    vin)
      # No smaller setting exists; the whole run takes about a minute.
      run_main "$module" "$class" ;;
    claims)
      if $smoke; then
        # The in-process pipeline only: the intake half sends 35 requests of 25 MB.
        run_junit "$module" "$class#estimatePipelineWithoutTheModelStep" -Dclaims.bench=true "$@"
      else
        run_junit "$module" "$class" -Dclaims.bench=true "$@"
      fi ;;
    text2data)
      run_junit "$module" "$class" -Dbenchmark=true "$@" ;;
    text2data-postgres)
      if ! postgres_up; then
        echo "bench: $name needs PostgreSQL on 127.0.0.1:5432 (set SUITE_TEST_POSTGRES_* as for the tests); skipped"
        $smoke && return 0 || return 1
      fi
      if $smoke; then
        # The demo's 148k events, no copies; the database it makes is dropped afterwards.
        local before; before="$(bench_databases)"
        local status=0
        run_junit "$module" "$class" -Dbenchmark=true -Devents=1 "$@" || status=1
        for db in $(comm -13 <(echo "$before") <(bench_databases)); do
          psql -q -h 127.0.0.1 -U "${SUITE_TEST_POSTGRES_USER:-postgres}" -d postgres -c "drop database if exists \"$db\" with (force)" || true
        done
        return $status
      else
        run_junit "$module" "$class" -Dbenchmark=true -Devents=10000000 "$@"
      fi ;;
    text2data-engines)
      if ! postgres_up; then
        echo "bench: $name needs PostgreSQL on 127.0.0.1:5432 (set SUITE_TEST_POSTGRES_* as for the tests); skipped"
        $smoke && return 0 || return 1
      fi
      if $smoke; then
        # the demo's events, no copies, DuckDB and PostgreSQL (Trino's start is for full runs and the parity test)
        run_junit "$module" "$class" -Dbenchmark=true -Devents=1 -Druns=1 -Dengines=duckdb,postgres "$@"
      else
        # Trino's memory catalog holds the scaled copy: give the server room (the script restarts it)
        TRINO_XMX="${TRINO_XMX:-8G}" TRINO_QUERY_MEMORY="${TRINO_QUERY_MEMORY:-4GB}" TRINO_MEMORY_DATA="${TRINO_MEMORY_DATA:-4GB}" \
          run_junit "$module" "$class" -Dbenchmark=true -Devents=10000000 "$@"
      fi ;;
    phone-relay)
      if $smoke; then
        run_junit "$module" "$class" -Dbench=true -Dbench.calls=5 -Dbench.seconds=2 "$@"
      else
        run_junit "$module" "$class" -Dbench=true -Dbench.calls=100 -Dbench.seconds=30 "$@"
      fi ;;
    phone)
      if $smoke; then
        run_junit "$module" "$class" -Dbench=true -Dbench.calls=10 -Dbench.rate=20 -Dbench.seconds=2 "$@"
      else
        run_junit "$module" "$class" -Dbench=true -Dbench.calls=500 -Dbench.rate=100 -Dbench.seconds=30 "$@"
      fi ;;
    scale)
      if ! postgres_up; then
        echo "bench: $name needs PostgreSQL on 127.0.0.1:5432; skipped"
        $smoke && return 0 || return 1
      fi
      if jars_outdated; then
        echo "bench: building the service jars"
        mvn "${mvn_args[@]}" -q -DskipTests package || return 1
      fi
      if $smoke; then
        SCALE_VIN_REQUESTS=30 SCALE_CLAIMS=9 SCALE_ASKS=3 deploy/local/scale-test.sh "$@"
      else
        deploy/local/scale-test.sh "$@"
      fi ;;
    *) usage ;;
  esac
}

case "$name" in
  "" ) usage ;;
  catalog)
    catalog ;;
  list)
    catalog | awk -F'|' '{printf "  %-19s %-13s %s\n", $1, $2, $5}' ;;
  all)
    $smoke || { echo "bench: 'all' runs only in smoke mode (--smoke all): full runs are for a quiet machine, one at a time" >&2; exit 2; }
    failed=()
    for n in $(catalog | cut -d'|' -f1); do
      if [ "$n" = scale ]; then
        # Eight JVMs starting at once take minutes even on a quiet machine: too long for every CI run.
        echo "=== scale: not part of 'all' (starts eight services); run: deploy/local/bench.sh --smoke scale"
        continue
      fi
      echo "=== bench --smoke $n"
      started=$(date +%s)
      if run_one "$n"; then
        echo "=== $n: ok ($(( $(date +%s) - started )) s)"
      else
        echo "=== $n: FAILED ($(( $(date +%s) - started )) s)"
        failed+=("$n")
      fi
    done
    if [ ${#failed[@]} -gt 0 ]; then
      echo "bench: smoke failed for: ${failed[*]}" >&2
      exit 1
    fi
    echo "bench: every benchmark ran in smoke mode" ;;
  *)
    run_one "$name" "$@" ;;
esac
