#!/usr/bin/env bash
# Gatehouse load benchmark (docs/performance.md). Drives a RUNNING local suite with wrk (Debian package `wrk`) and
# prints, as Markdown ready to paste into docs/performance.md, the whole "Results" section: the machine facts, one
# table row per scenario and connection count (requests/s, p50, p99, non-2xx), the resident memory of each service
# after the load, and the signing bound. Progress goes to stderr, the Markdown to stdout.
#
#   GATEHOUSE_TOKENS_AUTHORIZATION_CODE_LIFETIME=10m ./gatehouse run      # in another terminal
#   bench/run.sh | tee /tmp/results.md                                   # every scenario, 20 s each, 16 and 64 conn
#   DURATION=2s CONNECTIONS=4 SINGLE_USE_COUNT=200 bench/run.sh          # smoke test
#   bench/run.sh discovery jwks                                          # some scenarios only
#
# Scenarios: discovery, jwks, client_credentials, introspection, userinfo, code_exchange, refresh (the load), then
# signing (signatures/s of the JDK and of Amazon Corretto Crypto Provider: the bound of token issuance). The memory
# table is printed after the load scenarios in any case. userinfo, code_exchange and refresh drive the browser side of
# the code flow with bench/lib/UserFlow.java (login, consent, codes); code_exchange and refresh use each code or
# refresh token once, pre-generated for each connection count (SINGLE_USE_COUNT of them), and stop early when they run
# out. Every loop is bounded (DURATION per wrk run, PREPARE_TIMEOUT for the preparations); targets must be localhost.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v java >/dev/null || { echo "java is missing (JDK 17)" >&2; exit 2; }

export AUTHORIZE_URL=${AUTHORIZE_URL:-http://localhost:8081}
export TOKEN_URL=${TOKEN_URL:-http://localhost:8082}
USERINFO_URL=${USERINFO_URL:-http://localhost:8083}
DISCOVERY_URL=${DISCOVERY_URL:-http://localhost:8084}
CLIENT_ID=${CLIENT_ID:-demo-service}                         # client_credentials client (client_secret_post)
CLIENT_SECRET=${CLIENT_SECRET:-demo-service-secret-local-only}
export RP_CLIENT_ID=${RP_CLIENT_ID:-demo-rp}                  # code flow client (client_secret_basic)
export RP_CLIENT_SECRET=${RP_CLIENT_SECRET:-demo-rp-secret-local-only}
export RP_REDIRECT_URI=${RP_REDIRECT_URI:-http://localhost:9090/callback}
export PREPARE_TIMEOUT=${PREPARE_TIMEOUT:-300}                # seconds, per preparation (login, codes, tokens)
THREADS=${THREADS:-2}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-"16 64"}
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}
WARMUP=${WARMUP:-5s}                                          # unmeasured run before each scenario; 0 to skip
WARMUP_COUNT=${WARMUP_COUNT:-1000}                            # credentials for the warm-up of the single-use ones
SINGLE_USE_COUNT=${SINGLE_USE_COUNT:-15000}                  # codes / refresh tokens per connection count
SIGN_SECONDS=${SIGN_SECONDS:-3}
GATEHOUSE_LOGS=${GATEHOUSE_LOGS:-$ROOT/.gatehouse/logs}
RESULTS_DIR=${RESULTS_DIR:-$BENCH/results}                   # raw wrk output (*.raw, ignored by git)
LOAD_SCENARIOS=(discovery jwks client_credentials introspection userinfo code_exchange refresh)
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=("${LOAD_SCENARIOS[@]}" signing)

log() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 2; }

for url in "$AUTHORIZE_URL" "$TOKEN_URL" "$USERINFO_URL" "$DISCOVERY_URL" "$RP_REDIRECT_URI"; do
  [[ $url =~ ^https?://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]+)?(/|$) ]] || die "only localhost targets: $url"
done
for s in "${SCENARIOS[@]}"; do
  [[ " ${LOAD_SCENARIOS[*]} signing " == *" $s "* ]] || die "unknown scenario $s (${LOAD_SCENARIOS[*]} signing)"
done
for url in "$AUTHORIZE_URL" "$TOKEN_URL" "$USERINFO_URL" "$DISCOVERY_URL"; do
  curl -fsS -m 5 -o /dev/null "$url/q/health/ready" \
    || die "not ready: $url (start the suite: GATEHOUSE_TOKENS_AUTHORIZATION_CODE_LIFETIME=10m ./gatehouse run)"
done
mkdir -p "$RESULTS_DIR"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------------------------------------------------- helpers

# PID of the process listening on a local port (ss from iproute2; root, or the user that started the suite).
pid_of_port() {
  ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true
}

# Header of a JWT as JSON.
jwt_header() {
  local h=${1%%.*}
  h=$(tr '_-' '/+' <<<"$h")
  while [ $(( ${#h} % 4 )) -ne 0 ]; do h="$h="; done
  base64 -d <<<"$h" 2>/dev/null || true
}

json_member() { # json name
  sed -nE "s/.*\"$2\"[[:space:]]*:[[:space:]]*\"([^\"]+)\".*/\1/p" <<<"$1"
}

client_credentials_token() {
  local body
  body=$(curl -fsS -m 10 -d "grant_type=client_credentials&client_id=$CLIENT_ID&client_secret=$CLIENT_SECRET" "$TOKEN_URL/token") \
    || die "client_credentials token request failed at $TOKEN_URL/token"
  json_member "$body" access_token
}

user_flow() {
  java "$BENCH/lib/UserFlow.java" "$@"
}

# wrk latency ("850.00us", "41.24ms", "1.20s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.1f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.0f", v * 1000 }
    else printf "?" }'
}

NOTES=()

# One wrk run, its output on stdout and in RESULTS_DIR: duration name connections url [script [script args...]]
run_wrk() {
  local duration=$1 name=$2 c=$3 url=$4 script=${5:-}
  shift $(( $# < 5 ? $# : 5 ))
  local t=$(( THREADS < c ? THREADS : c ))
  local raw="$RESULTS_DIR/$STAMP-$(tr -c 'A-Za-z0-9_.\n-' '_' <<<"$name" | tr -s '_')-c$c.raw" out
  local cmd=(wrk -t"$t" -c"$c" -d"$duration" --timeout "$WRK_TIMEOUT" --latency)
  [ -z "$script" ] || cmd+=(-s "$script")
  cmd+=("$url")
  [ $# -eq 0 ] || cmd+=(-- "$@")
  out=$("${cmd[@]}" 2>"$WORK/wrk.err") || { cat "$WORK/wrk.err" >&2; die "wrk failed for $name"; }
  if [ -s "$WORK/wrk.err" ]; then sed 's/^/bench:   /' "$WORK/wrk.err" | head -5 >&2; fi
  printf '%s\n' "${cmd[*]}" "$out" >"$raw"
  printf '%s\n' "$out"
}

# A run whose numbers are thrown away, so the JIT has compiled the scenario's code before it is measured.
warm_up() { # name connections url [script [script args...]]
  [ "$WARMUP" != 0 ] && [ "$WARMUP" != 0s ] || return 0   # still called: scenario() fetches tokens in this mode
  log "$1: warming up for $WARMUP at $2 connections"
  local name="$1 (warm-up)"
  shift
  run_wrk "$WARMUP" "$name" "$@" >/dev/null
}

# One measured wrk run and its table row: name connections url [script [script args...]]
measure() {
  local name=$1 c=$2
  log "$name, $c connections, $DURATION"
  local out
  out=$(run_wrk "$DURATION" "$@")
  local rps p50 p99 non2xx requests sockerr single
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
  requests=$(awk '/ requests in / {print $1}' <<<"$out")
  sockerr=$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' <<<"$out")
  single=$(grep '^SINGLE_USE ' <<<"$out" || true)
  if [ -n "$single" ]; then
    # wrk divides by the whole -d even when the credentials ran out earlier: use the script's own clock.
    local used available seconds exhausted
    used=$(sed -E 's/.* used=([0-9]+).*/\1/' <<<"$single")
    available=$(sed -E 's/.* available=([0-9]+).*/\1/' <<<"$single")
    seconds=$(sed -E 's/.* seconds=([0-9.]+).*/\1/' <<<"$single")
    exhausted=$(sed -E 's/.* exhausted=([a-z]+).*/\1/' <<<"$single")
    rps=$(sed -E 's/.* rate=([0-9.]+).*/\1/' <<<"$single" | awk '{printf "%.0f", $1}')
    if [ "$exhausted" = yes ]; then
      NOTES+=("$name at $c connections used all $available pre-generated credentials in $seconds s; req/s is over that time.")
      if awk -v s="$seconds" 'BEGIN { exit !(s < 5) }'; then
        NOTES+=("$name at $c connections ran for less than 5 s: raise SINGLE_USE_COUNT for a steadier figure.")
      fi
    else
      NOTES+=("$name at $c connections used $used of $available pre-generated credentials in $seconds s.")
    fi
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$c" "${rps:-?}" "$p50" "$p99" "${non2xx:-0}" \
    "${requests:-?}" "${sockerr:-0}"
}

# ---------------------------------------------------------------------------------------------------------- facts

token_pid=$(pid_of_port "${TOKEN_URL##*:}")
service_java=java
jdk="unknown"
jvm_opts="unknown"
if [ -n "$token_pid" ] && [ -r "/proc/$token_pid/cmdline" ]; then
  service_java=$(readlink "/proc/$token_pid/exe" || echo java)
  jdk=$("$service_java" -version 2>&1 | sed -n 2p)
  jvm_opts=$(tr '\0' ' ' <"/proc/$token_pid/cmdline" | sed -E 's#^[^ ]+ ##; s# -jar .*##')
fi
provider=$(grep -h "signature provider:" "$GATEHOUSE_LOGS/token-service.log" 2>/dev/null | tail -1 | sed 's/.*signature provider: //')
provider=${provider:-"unknown (no 'signature provider' line in $GATEHOUSE_LOGS/token-service.log)"}
cc_token=$(client_credentials_token)
[ -n "$cc_token" ] || die "no access token from the client_credentials grant"
at_alg=$(json_member "$(jwt_header "$cc_token")" alg)
at_alg=${at_alg:-unknown}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cores=$(nproc)

cat <<EOF
## Results

Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bench/run.sh\` (wrk $(wrk -v 2>&1 | awk 'NR==1 {print $2}'), $THREADS threads, $DURATION per row, connections: $CONNECTIONS).

### Machine

- CPU: $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $cores cores available ($(grep -c '^processor' /proc/cpuinfo) logical CPUs)
- Memory: $(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo); kernel $(uname -r)
- JDK (services): $jdk
- JVM options (token-service): \`$jvm_opts\`
- Signature provider: $provider; access tokens signed with $at_alg
- Suite started with: ${SUITE_ENV:-"(not given: set SUITE_ENV to the GATEHOUSE_* variables the suite was started with)"}; database: ${DATABASE:-"embedded PostgreSQL of ./gatehouse run (fsync on)"}
- Gatehouse: $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown); load average before the run: $load_before
EOF
if awk -v l="${load_before%% *}" -v c="$cores" 'BEGIN { exit !(l > 0.25 * c) }'; then
  echo "- WARNING: the machine was not quiet (load average ${load_before%% *} on $cores cores): these numbers are not comparable."
fi

# ---------------------------------------------------------------------------------------------------------- load

wants() { [[ " ${SCENARIOS[*]} " == *" $1 "* ]]; }
any_load=false
for s in "${LOAD_SCENARIOS[@]}"; do if wants "$s"; then any_load=true; fi; done

if $any_load; then
  cat <<EOF

### Throughput and latency

| scenario | conn | req/s | p50 ms | p99 ms | non-2xx | requests | socket errors |
|---|---:|---:|---:|---:|---:|---:|---:|
EOF
fi

BASIC="Basic $(printf '%s:%s' "$RP_CLIENT_ID" "$RP_CLIENT_SECRET" | base64 -w0)"
REDIRECT_ENC=$(printf '%s' "$RP_REDIRECT_URI" | sed 's/%/%25/g; s/:/%3A/g; s#/#%2F#g; s/?/%3F/g; s/&/%26/g; s/=/%3D/g')

# One scenario at one connection count; mode is warm_up or measure.
scenario() { # mode scenario connections
  local mode=$1 s=$2 c=$3 count=$SINGLE_USE_COUNT
  [ "$mode" = measure ] || count=$WARMUP_COUNT
  local no_warm_up=false
  if [ "$mode" = warm_up ] && { [ "$WARMUP" = 0 ] || [ "$WARMUP" = 0s ]; }; then no_warm_up=true; fi
  case $s in
    discovery)
      $mode discovery "$c" "$DISCOVERY_URL/.well-known/openid-configuration" ;;
    jwks)
      $mode jwks "$c" "$DISCOVERY_URL/jwks" ;;
    client_credentials)
      BODY="grant_type=client_credentials&client_id=$CLIENT_ID&client_secret=$CLIENT_SECRET" \
        $mode "client_credentials ($at_alg)" "$c" "$TOKEN_URL/token" "$BENCH/lua/post-form.lua" ;;
    introspection)
      # A fresh token for each scenario: access tokens live 10 minutes by default.
      [ "$mode" = measure ] || introspected=$(client_credentials_token)
      BODY="token=$introspected&client_id=$CLIENT_ID&client_secret=$CLIENT_SECRET" \
        $mode introspection "$c" "$TOKEN_URL/introspect" "$BENCH/lua/post-form.lua" ;;
    userinfo)
      if [ "$mode" != measure ]; then
        user_token=${USERINFO_TOKEN:-}
        if [ -z "$user_token" ]; then
          log "userinfo: logging in as ${BENCH_USER:-alice} for a user access token"
          user_token=$(user_flow access-token) || die "the login flow failed (see above)"
        fi
      fi
      BEARER="$user_token" $mode userinfo "$c" "$USERINFO_URL/userinfo" "$BENCH/lua/bearer.lua" ;;
    code_exchange)
      $no_warm_up && return 0
      # Generated just before the run, so they are used well within the code lifetime.
      log "code_exchange: generating $count authorization codes"
      user_flow codes "$count" "$WORK/codes" || die "could not generate codes (see above)"
      BODY_TEMPLATE="grant_type=authorization_code&code={token}&redirect_uri=$REDIRECT_ENC" AUTHORIZATION="$BASIC" \
        $mode code_exchange "$c" "$TOKEN_URL/token" "$BENCH/lua/single-use.lua" "$WORK/codes" "$(( THREADS < c ? THREADS : c ))" ;;
    refresh)
      $no_warm_up && return 0
      log "refresh: generating $count refresh tokens (a code flow and a code exchange each)"
      user_flow refresh-tokens "$count" "$WORK/refresh" || die "could not generate refresh tokens (see above)"
      BODY_TEMPLATE="grant_type=refresh_token&refresh_token={token}" AUTHORIZATION="$BASIC" \
        $mode refresh "$c" "$TOKEN_URL/token" "$BENCH/lua/single-use.lua" "$WORK/refresh" "$(( THREADS < c ? THREADS : c ))" ;;
  esac
}

for s in "${LOAD_SCENARIOS[@]}"; do
  wants "$s" || continue
  busiest=0
  for c in $CONNECTIONS; do if [ "$c" -gt "$busiest" ]; then busiest=$c; fi; done
  scenario warm_up "$s" "$busiest"   # also fetches the scenario's tokens, when WARMUP=0 too
  for c in $CONNECTIONS; do
    scenario measure "$s" "$c"
  done
done

if [ ${#NOTES[@]} -gt 0 ]; then
  echo
  for n in "${NOTES[@]}"; do echo "- $n"; done
fi

# ---------------------------------------------------------------------------------------------------------- memory

cat <<EOF

### Memory after the load

| service | port | pid | RSS MB | peak RSS MB |
|---|---:|---:|---:|---:|
EOF
for entry in "authorize-service $AUTHORIZE_URL" "token-service $TOKEN_URL" "userinfo-service $USERINFO_URL" \
             "discovery-service $DISCOVERY_URL"; do
  name=${entry%% *}
  port=${entry##*:}
  pid=$(pid_of_port "$port")
  if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
    rss=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
    hwm=$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
    echo "| $name | $port | $pid | $rss | $hwm |"
  else
    echo "| $name | $port | ? | ? | ? |"
  fi
done

# ---------------------------------------------------------------------------------------------------------- signing

if wants signing; then
  accp=""
  for jar in "$ROOT"/token-service/target/quarkus-app/lib/main/*AmazonCorrettoCryptoProvider*-linux-*.jar \
             "$HOME"/.m2/repository/software/amazon/cryptools/AmazonCorrettoCryptoProvider/*/AmazonCorrettoCryptoProvider-*-linux-*.jar; do
    if [ -f "$jar" ]; then accp=$jar; break; fi
  done
  log "signing: $SIGN_SECONDS s per row${accp:+ (with $(basename "$accp"))}"
  rows=$("$service_java" ${accp:+-cp "$accp"} "$BENCH/lib/SignatureFloor.java" "$SIGN_SECONDS" 2> >(sed 's/^/bench:   /' >&2)) \
    || die "the signing measurement failed"
  cat <<EOF

### Signing bound

Signatures per second on this machine (2048-bit RSA, P-256; one thread, then one thread per core).

| provider | alg | threads | signatures/s | per thread |
|---|---|---:|---:|---:|
$rows
EOF
  # The bound of each grant with the provider in use: every core signing and nothing else (HTTP, database, wrk).
  name=$provider
  [[ $name == AmazonCorrettoCryptoProvider* ]] || name=JDK
  all=$(awk -F'|' -v c="$cores" '{gsub(/ /, "")} $4 == c {print}' <<<"$rows")
  rate_of() { awk -F'|' -v p="$1" -v a="$2" '{gsub(/[ ,]/, "")} $2 == p && $3 == a {print $5; exit}' <<<"$all"; }
  at_rate=$(rate_of "$name" "$at_alg")
  rs_rate=$(rate_of "$name" RS256)
  if [ -n "$at_rate" ] && [ -n "$rs_rate" ]; then
    awk -v at="$at_rate" -v rs="$rs_rate" -v alg="$at_alg" -v p="$name" 'BEGIN {
      printf "\nBound with %s on all cores, if signing were the only work: client_credentials (one %s signature) <= %.0f/s; ", p, alg, at
      printf "code exchange and refresh (an %s access token and an RS256 ID token) <= %.0f/s.\n", alg, 1 / (1 / at + 1 / rs) }'
  fi
fi
log "done; raw wrk output in $RESULTS_DIR/$STAMP-*.raw"
