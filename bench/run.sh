#!/usr/bin/env bash
# Gatehouse load benchmark: drives a RUNNING suite (start it with `./gatehouse run`) with wrk (Debian package
# `wrk`) and prints requests/s and p50/p99 latency per scenario at 16 and 64 connections.
#
#   bench/run.sh                     # all scenarios, 20 s each, against the local default ports
#   DURATION=10s CONNECTIONS="64" bench/run.sh discovery jwks
#
# Scenarios: discovery, jwks, client_credentials, introspection, userinfo (needs USERINFO_TOKEN, an access
# token from a user flow, because userinfo requires a user and the openid scope).
# Every request loop is bounded by DURATION; traffic goes only to localhost.
set -euo pipefail
cd "$(dirname "$0")"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

ISSUER=${ISSUER:-http://localhost:8084}
TOKEN_URL=${TOKEN_URL:-http://localhost:8082}
USERINFO_URL=${USERINFO_URL:-http://localhost:8083}
CLIENT_ID=${CLIENT_ID:-demo-service}
CLIENT_SECRET=${CLIENT_SECRET:-demo-service-secret-local-only}
THREADS=${THREADS:-2}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-"16 64"}
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(discovery jwks client_credentials introspection userinfo)

for url in "$ISSUER/q/health/ready" "$TOKEN_URL/q/health/ready"; do
  curl -fsS -o /dev/null "$url" || { echo "not ready: $url (start the suite with ./gatehouse run)" >&2; exit 2; }
done

token() {
  curl -fsS -d "grant_type=client_credentials&client_id=$CLIENT_ID&client_secret=$CLIENT_SECRET" "$TOKEN_URL/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

run() { # name url [lua-script] [env...]
  local name=$1 url=$2 script=${3:-}
  for c in $CONNECTIONS; do
    local out
    if [ -n "$script" ]; then
      out=$(wrk -t"$THREADS" -c"$c" -d"$DURATION" --latency -s "$script" "$url")
    else
      out=$(wrk -t"$THREADS" -c"$c" -d"$DURATION" --latency "$url")
    fi
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    printf "| %-20s | %3s | %10s | %9s | %9s | %s |\n" "$name" "$c" "$rps" "$p50" "$p99" "${errors:-0}"
  done
}

echo "| scenario             | conn |      req/s |       p50 |       p99 | non-2xx |"
echo "|----------------------|------|------------|-----------|-----------|---------|"
for s in "${SCENARIOS[@]}"; do
  case $s in
    discovery) run discovery "$ISSUER/.well-known/openid-configuration" ;;
    jwks) run jwks "$ISSUER/jwks" ;;
    client_credentials)
      BODY="grant_type=client_credentials&client_id=$CLIENT_ID&client_secret=$CLIENT_SECRET" \
        run client_credentials "$TOKEN_URL/token" lua/post-form.lua ;;
    introspection)
      BODY="token=$(token)&client_id=$CLIENT_ID&client_secret=$CLIENT_SECRET" \
        run introspection "$TOKEN_URL/introspect" lua/post-form.lua ;;
    userinfo)
      if [ -z "${USERINFO_TOKEN:-}" ]; then echo "| userinfo             | skipped: set USERINFO_TOKEN |"; continue; fi
      BEARER="$USERINFO_TOKEN" run userinfo "$USERINFO_URL/userinfo" lua/bearer.lua ;;
    *) echo "unknown scenario $s" >&2; exit 2 ;;
  esac
done
