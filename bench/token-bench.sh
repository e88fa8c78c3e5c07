#!/usr/bin/env bash
# Benchmark (not a test): tokens/s and latency of the OAuth endpoints of the built server.
#
#   bench/token-bench.sh [--no-build]
#
# Starts its own WildFly (own base and data directories, free ports), creates a user and an
# application through the admin API, then drives with wrk on loopback HTTP (wrk pinned to CPU 1):
#   1. client-credentials tokens: warm-up, then concurrency 1, 8 and 32; every request is a fresh
#      token (a new ES256 signature); the same with private_key_jwt client assertions (one per
#      request, pre-signed by bench/BenchProofs.java) beside the client_secret_basic figure;
#   2. refresh-token grants with rotation at concurrency 8 and 32: one chain per connection, every
#      request spends a refresh token that was never sent before (bench/refresh.lua);
#   3. introspection at concurrency 8 and 32 over a pool of distinct access tokens (bench/introspect.lua).
# Before each measured level a settle run at that level's concurrency (not counted, on its own
# tokens) lets the JIT compile what only that concurrency exercises (queueing, the shared commit
# of rotations); without it the compiler threads take up to half a core during the measurement.
# Non-200 answers and socket errors are counted, also in warm-up and settle runs, and any error
# voids the run.
# Also prints the single-thread cost of RS256, ES256 and EdDSA (bench/SignatureBench.java).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WARMUP_SECONDS=${WARMUP_SECONDS:-120}
WARMUP_CONCURRENCY=${WARMUP_CONCURRENCY:-4}
DURATION_SECONDS=${DURATION_SECONDS:-20}
CONCURRENCY_LEVELS=${CONCURRENCY_LEVELS:-"1 8 32"}
GRANT_CONCURRENCY_LEVELS=${GRANT_CONCURRENCY_LEVELS:-"8 32"}
SETTLE_SECONDS=${SETTLE_SECONDS:-20}
INTROSPECTION_TOKENS=${INTROSPECTION_TOKENS:-20000}

if ! command -v wrk >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [ "${1:-}" != "--no-build" ]; then
    mvn -q -B -ntp -DskipTests -Dspotless.skip package
fi

echo "== signature algorithms (single thread) =="
java -cp "$(ls "$HOME"/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.83/bcprov-jdk18on-1.83.jar)" \
    "$ROOT/bench/SignatureBench.java"

. "$ROOT/bench/bench-server.sh"
start_bench_server

void=0
# One wrk run: $1 concurrency, $2 seconds, $3 script, $4 path. Sets RESULT (the script's counts
# and percentiles); errors void the whole run, and the function then returns 1.
run_wrk() {
    local out
    out=$(taskset -c 1 wrk -t1 -c"$1" -d"${2}s" --timeout 10s -s "$ROOT/bench/$3" "$URL$4")
    RESULT=$(echo "$out" | grep '^RESULT' | sed 's/^RESULT //')
    if ! echo "$RESULT" | grep -q ' errors=0$'; then
        void=1
        return 1
    fi
}

# A run that is not counted (warm-up, settle): $1 label, then as run_wrk.
uncounted() {
    local label=$1
    shift
    if ! run_wrk "$@"; then
        echo "$label (not counted) had errors: $RESULT" >&2
    fi
}

# Optional profile of the server during one measured run (analysis only, not part of a reported
# run): BENCH_JFR=<file> BENCH_JFR_RUN=<client-credentials-32|refresh-8|introspection-32|...>.
profile() {
    if [ -n "${BENCH_JFR:-}" ] && [ "$1" = "${BENCH_JFR_RUN:-client-credentials-32}" ]; then
        jcmd "$(pgrep -P "$SERVER_PID" java)" JFR.start duration="${DURATION_SECONDS}s" filename="$BENCH_JFR" \
            settings="${BENCH_JFR_SETTINGS:-default}" >/dev/null
    fi
}

bench_user '{"tblAddresses":["read"]}'
bench_application '{"name":"Benchmark","user":"bench","scopes":["graphql","offline_access"],"redirectUris":["https://bench.example.com/cb"]}'

# The tokens are real: one of them reads the demo address through GraphQL.
TOKEN=$(curl -sf -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials "$URL/oauth2/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$URL/graphql" \
    -d '{"query":"{ tblAddresses { rowRead(kf1AdrNr: {string: \"10000\"}) { fldAdrNr } } }"}' | grep -q '"10000"'

echo "== client-credentials token endpoint: client_secret_basic, and private_key_jwt (RFC 7523) =="
# wrk cannot sign: before each private_key_jwt run bench/BenchProofs.java makes one ES256 client
# assertion per request (a jti of its own, exp 60 s ahead) for an application whose only credential
# is a registered P-256 key; an assertion must be used within 60 s of being made, so those runs last
# at most 30 s. The two methods alternate at each level after both warm-ups.
ASSERTIONS=${ASSERTIONS:-120000}
ASSERTION_SECONDS=$(( DURATION_SECONDS < 30 ? DURATION_SECONDS : 30 ))
ASSERTION_WARMUP_SECONDS=$(( ${ASSERTION_WARMUP_SECONDS:-30} < 30 ? ${ASSERTION_WARMUP_SECONDS:-30} : 30 ))
BCPROV=$(ls "$HOME"/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.83/bcprov-jdk18on-1.83.jar)
export BENCH_BODIES="$BASE_DIR/bench-assertions"
ADMIN_BASIC="Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64 -w0)"
assertions() {
    java -cp "$BCPROV" "$ROOT/bench/BenchProofs.java" assertion "$URL" "$PUBLIC_URL" "$ADMIN_BASIC" bench "$ASSERTIONS" "$BENCH_BODIES"
}
echo "target: POST $URL/oauth2/token (loopback HTTP), algorithm ES256 (BouncyCastle signer); private_key_jwt: ES256 assertions (BouncyCastle verifier, each jti recorded once), $ASSERTIONS made before each run"
echo "server: $(server_facts); wrk: 1 thread pinned to CPU 1"
echo "warm-up: ${WARMUP_SECONDS}s client_secret_basic, then ${ASSERTION_WARMUP_SECONDS}s private_key_jwt, at concurrency $WARMUP_CONCURRENCY (not counted); before each level ${SETTLE_SECONDS}s at that level (not counted)"
uncounted warm-up "$WARMUP_CONCURRENCY" "$WARMUP_SECONDS" token.lua /oauth2/token
assertions
uncounted "private_key_jwt warm-up" "$WARMUP_CONCURRENCY" "$ASSERTION_WARMUP_SECONDS" assertion.lua /oauth2/token
for c in $CONCURRENCY_LEVELS; do
    uncounted "settle at $c" "$c" "$SETTLE_SECONDS" token.lua /oauth2/token
    profile "client-credentials-$c"
    run_wrk "$c" "$DURATION_SECONDS" token.lua /oauth2/token || true
    echo "concurrency=$c duration=${DURATION_SECONDS}s $RESULT"
    secret_rate=$(echo "$RESULT" | sed -E 's/.* tokens_per_s=([0-9]+) .*/\1/')
    assertions
    run_wrk "$c" "$ASSERTION_SECONDS" assertion.lua /oauth2/token || true
    echo "private_key_jwt concurrency=$c duration=${ASSERTION_SECONDS}s $RESULT"
    rate=$(echo "$RESULT" | sed -E 's/.* tokens_per_s=([0-9]+) .*/\1/')
    echo "private_key_jwt/client_secret_basic at concurrency $c: $(( 100 * rate / (secret_rate > 0 ? secret_rate : 1) )) % of the secret-based throughput"
done

echo "== refresh-token grant (rotation) =="
echo "target: POST $URL/oauth2/token grant_type=refresh_token (client_secret_basic); each answer carries a new ES256 access token and a new refresh token"
POOL="$BASE_DIR/bench-tokens"
export BENCH_TOKENS="$POOL"
java "$ROOT/bench/BenchTokens.java" refresh "$PUBLIC_URL" "$CLIENT_ID" "$CLIENT_SECRET" bench "$USER_PASSWORD" "$WARMUP_CONCURRENCY" "$POOL"
echo "warm-up: ${WARMUP_SECONDS}s at concurrency $WARMUP_CONCURRENCY on chains of their own (not counted); before each level ${SETTLE_SECONDS}s at that level on chains of their own (not counted)"
uncounted warm-up "$WARMUP_CONCURRENCY" "$WARMUP_SECONDS" refresh.lua /oauth2/token
for c in $GRANT_CONCURRENCY_LEVELS; do
    # fresh chains for the settle run and again for the measured run (one login and a remembered
    # consent, then one PKCE code grant per chain), so the pool holds only tokens never sent
    java "$ROOT/bench/BenchTokens.java" refresh "$PUBLIC_URL" "$CLIENT_ID" "$CLIENT_SECRET" bench "$USER_PASSWORD" "$c" "$POOL"
    uncounted "settle at $c" "$c" "$SETTLE_SECONDS" refresh.lua /oauth2/token
    java "$ROOT/bench/BenchTokens.java" refresh "$PUBLIC_URL" "$CLIENT_ID" "$CLIENT_SECRET" bench "$USER_PASSWORD" "$c" "$POOL"
    profile "refresh-$c"
    run_wrk "$c" "$DURATION_SECONDS" refresh.lua /oauth2/token || true
    echo "concurrency=$c duration=${DURATION_SECONDS}s chains=$c $RESULT"
done

echo "== token introspection (RFC 7662) =="
echo "target: POST $URL/oauth2/introspect (client_secret_basic), $INTROSPECTION_TOKENS distinct access tokens round robin"
java "$ROOT/bench/BenchTokens.java" access "$URL" "$CLIENT_ID" "$CLIENT_SECRET" bench "$USER_PASSWORD" "$INTROSPECTION_TOKENS" "$POOL"
echo "warm-up: ${WARMUP_SECONDS}s at concurrency $WARMUP_CONCURRENCY (not counted); before each level ${SETTLE_SECONDS}s at that level (not counted)"
uncounted warm-up "$WARMUP_CONCURRENCY" "$WARMUP_SECONDS" introspect.lua /oauth2/introspect
for c in $GRANT_CONCURRENCY_LEVELS; do
    uncounted "settle at $c" "$c" "$SETTLE_SECONDS" introspect.lua /oauth2/introspect
    profile "introspection-$c"
    run_wrk "$c" "$DURATION_SECONDS" introspect.lua /oauth2/introspect || true
    echo "concurrency=$c duration=${DURATION_SECONDS}s tokens=$INTROSPECTION_TOKENS $RESULT"
done
if [ $void -ne 0 ]; then
    echo "RUN VOID: there were errors" >&2
    exit 1
fi
