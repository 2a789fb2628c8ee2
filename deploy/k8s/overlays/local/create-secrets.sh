#!/usr/bin/env bash
# Creates the Secrets the manifests reference, with random values, in a local kind/minikube
# cluster (namespace carmutual). Production creates the same names and keys from its secret store.
# Provider keys and the Twilio token are taken from the environment when set, else left empty
# (the services then use the local provider and refuse Twilio webhooks).
set -euo pipefail
ns=carmutual
rand() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
apply() { kubectl -n "$ns" create secret "$@" --dry-run=client -o yaml | kubectl apply -f -; }

kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"
ops_key="$(rand)"; scrape_key="$(rand)"; claims_key="$(rand)"; phone_key="$(rand)"
# Every service accepts the same clients; claims-agent and phone-agent call downstream with their own key.
apply generic suite-api-keys \
  --from-literal=SUITE_API_KEYS="ops:$ops_key,prometheus:$scrape_key,claims-agent:$claims_key,phone-agent:$phone_key"
apply generic service-keys --from-literal=claims-agent="$claims_key" --from-literal=phone-agent="$phone_key"
apply generic prometheus-scrape-key --from-literal=key="$scrape_key"
apply generic llm-providers --from-literal=OPENAI_API_KEY="${OPENAI_API_KEY:-}" --from-literal=ANTHROPIC_API_KEY="${ANTHROPIC_API_KEY:-}"
apply generic twilio --from-literal=TWILIO_AUTH_TOKEN="${TWILIO_AUTH_TOKEN:-}" \
  --from-literal=TWILIO_ACCOUNT_SID="${TWILIO_ACCOUNT_SID:-}"
for s in vin-matching claims-agent text2data phone-agent; do
  apply generic "$s-db" --type=kubernetes.io/basic-auth \
    --from-literal=username="${s//-/_}" --from-literal=password="$(rand)"
done
echo "API key for client 'ops': $ops_key"
