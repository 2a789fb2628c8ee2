#!/usr/bin/env bash
# Fills a running local suite (deploy/local/run.sh, in another terminal) with content, so that every
# page shows something: claims with photos and photo flags, phone calls of each script in English
# and Chinese with transcripts, a dozen questions to text2data in both languages, VIN matches, and
# one LLM-operations experiment per service. Loopback only. Safe to run again: nothing is filed,
# called, asked or evaluated twice (deploy/local/Demo.java says how).
#   deploy/local/demo.sh
# Keys: those run.sh made in deploy/local/.run/ (demo-api-key, twilio-auth-token), or DEMO_API_KEY,
# TWILIO_AUTH_TOKEN and PHONE_PUBLIC_BASE_URL when the suite was started with your own.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
run_dir=deploy/local/.run

if [ -z "${DEMO_API_KEY:-}" ]; then
  [ -s "$run_dir/demo-api-key" ] || { echo "demo: no $run_dir/demo-api-key; start the suite with deploy/local/run.sh first, or set DEMO_API_KEY" >&2; exit 2; }
  DEMO_API_KEY="$(cat "$run_dir/demo-api-key")"
fi
if [ -z "${TWILIO_AUTH_TOKEN:-}" ]; then
  [ -s "$run_dir/twilio-auth-token" ] || { echo "demo: no $run_dir/twilio-auth-token; start the suite with deploy/local/run.sh first, or set TWILIO_AUTH_TOKEN" >&2; exit 2; }
  TWILIO_AUTH_TOKEN="$(cat "$run_dir/twilio-auth-token")"
fi
export DEMO_API_KEY TWILIO_AUTH_TOKEN
export PHONE_PUBLIC_BASE_URL="${PHONE_PUBLIC_BASE_URL:-http://127.0.0.1:8084}"
exec java -Djava.awt.headless=true deploy/local/Demo.java "$@"
