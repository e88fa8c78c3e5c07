#!/usr/bin/env bash
# Benchmark (not a test): the ERP GraphQL API of the built server against a raw-SQL baseline.
#
#   bench/graphql-bench.sh [--no-build]
#
# Builds the bench-only baseline WAR (bench/baseline, never part of the product), starts its own
# WildFly with the EAR and that WAR on H2 with the demo company, creates 20 applications (20
# bearer tokens, used round robin), and drives with wrk on loopback (wrk pinned to CPU 1):
#   1. rowRead by key (keys 10000..10199 round robin) vs. the same row from one SQL statement, and
#      with DPoP-bound tokens and a fresh proof per request (RFC 9449) vs. the bearer figure;
#   2. a 100-row conRead page with lnkPostalAddresses (start keys 10000..10099) vs. the same rows
#      from one hand-written SQL join;
# each after a warm-up (120 s by default: on 2 cores the JIT compiler needs that long for the
# GraphQL engine; with 30 s rowRead measured 4x slower), at concurrency 8 and 32. Non-200 answers or answers with "errors" count
# as errors, and any error voids the run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WARMUP_SECONDS=${WARMUP_SECONDS:-120}
WARMUP_CONCURRENCY=${WARMUP_CONCURRENCY:-4}
DURATION_SECONDS=${DURATION_SECONDS:-20}
CONCURRENCY_LEVELS=${CONCURRENCY_LEVELS:-"8 32"}
APPLICATIONS=${APPLICATIONS:-20}

if ! command -v wrk >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [ "${1:-}" != "--no-build" ]; then
    mvn -q -B -ntp -DskipTests -Dspotless.skip package
fi

# the bench-only baseline WAR, compiled against the Jakarta EE API
WORK="$ROOT/ear/target/bench-baseline"
rm -rf "$WORK" && mkdir -p "$WORK/WEB-INF/classes"
API=$(ls "$HOME"/.m2/repository/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar)
javac --release 17 -cp "$API" -d "$WORK/WEB-INF/classes" "$ROOT/bench/baseline/BaselineServlet.java"
(cd "$WORK" && jar cf "$ROOT/ear/target/bench-baseline.war" WEB-INF)

. "$ROOT/bench/bench-server.sh"
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Derpconnect.graphql.requests-per-second=1000000 -Derpconnect.graphql.burst=1000000"
BENCH_EXTRA_DEPLOYMENTS="$ROOT/ear/target/bench-baseline.war" start_bench_server
for _ in $(seq 1 60); do
    [ -f "$BASE_DIR/deployments/bench-baseline.war.deployed" ] && break
    sleep 1
done

bench_user '{"tblAddresses":["read"],"tblPostalAddresses":["read"]}'
TOKENS="$BASE_DIR/graphql-tokens"
APPS="$BASE_DIR/graphql-apps"
: >"$TOKENS"
: >"$APPS"
for i in $(seq 1 "$APPLICATIONS"); do
    bench_application "{\"name\":\"Benchmark $i\",\"user\":\"bench\",\"scopes\":[\"graphql\"],\"accessTokenSeconds\":3600}"
    curl -sf -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials "$URL/oauth2/token" \
        | sed -E 's/.*"access_token":"([^"]+)".*/\1/' >>"$TOKENS"
    echo >>"$TOKENS"
    echo "$CLIENT_ID $CLIENT_SECRET" >>"$APPS"
done
export BENCH_TOKENS="$TOKENS"

# the compared answers hold the same rows
GQL=$(curl -sf -H "Authorization: Bearer $(head -1 "$TOKENS")" -H 'Content-Type: application/json' "$URL/graphql" \
    -d '{"query":"{ tblAddresses { conRead(first: 100, kf1AdrNr: {from: {string: \"10042\"}}) { edges { node { fldAdrNr } } } } }"}' \
    | grep -o '"fldAdrNr":"[0-9]*"' | md5sum)
BASE=$(curl -sf "$URL/bench-baseline/page?from=10042" | grep -o '"fldAdrNr":"[0-9]*"' | md5sum)
[ "$GQL" = "$BASE" ] || { echo "GraphQL and baseline answer different rows" >&2; exit 1; }

echo "== ERP GraphQL API vs. raw SQL =="
echo "server: $(server_facts); wrk: 1 thread pinned to CPU 1"
echo "graphql: $APPLICATIONS bearer tokens (ES256) round robin; baseline: bench-only servlet, same datasource, no authentication"
void=0
declare -A RATE
measure() {
    local mode=$1 path=$2 c=$3 seconds=$4
    out=$(BENCH_MODE=$mode taskset -c 1 wrk -t1 -c"$c" -d"${seconds}s" --timeout 10s \
        -s "$ROOT/bench/graphql.lua" "$URL$path")
    result=$(echo "$out" | grep '^RESULT' | sed 's/^RESULT //')
    echo "$mode concurrency=$c duration=${seconds}s $result"
    RATE[$mode-$c]=$(echo "$result" | sed -E 's/.* per_s=([0-9]+) .*/\1/')
    if ! echo "$result" | grep -q ' errors=0$'; then
        void=1
    fi
}
run() {
    local mode=$1 path=$2 label=$3
    echo "-- $label"
    echo "warm-up: ${WARMUP_SECONDS}s at concurrency $WARMUP_CONCURRENCY (not counted)"
    BENCH_MODE=$mode taskset -c 1 wrk -t1 -c"$WARMUP_CONCURRENCY" -d"${WARMUP_SECONDS}s" --timeout 10s \
        -s "$ROOT/bench/graphql.lua" "$URL$path" >/dev/null
    for c in $CONCURRENCY_LEVELS; do
        measure "$mode" "$path" "$c" "$DURATION_SECONDS"
    done
}
# DPoP (RFC 9449): wrk cannot sign, so before each run bench/BenchProofs.java makes one ES256 proof
# per request (POST /graphql, the server's nonce, ath of the token, a jti of its own) for the
# applications' DPoP-bound tokens (a key per application); a proof is accepted for 60 s after it
# was made, so these runs last at most 30 s
DPOP_PROOFS=${DPOP_PROOFS:-150000}
DPOP_WARMUP_SECONDS=${DPOP_WARMUP_SECONDS:-30}
DPOP_SECONDS=$(( DURATION_SECONDS < 30 ? DURATION_SECONDS : 30 ))
BCPROV=$(ls "$HOME"/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.83/bcprov-jdk18on-1.83.jar)
export BENCH_PROOFS="$BASE_DIR/graphql-proofs"
dpop_proofs() {
    java -cp "$BCPROV" "$ROOT/bench/BenchProofs.java" dpop "$URL" "$PUBLIC_URL" "$APPS" "$DPOP_PROOFS" "$BENCH_PROOFS"
}
# bearer and DPoP alternate at each level after both warm-ups, so that neither profits from a JIT
# that had more time
run_rowread_bearer_and_dpop() {
    echo "-- rowRead by key (200 keys round robin): bearer tokens, and DPoP-bound tokens ($APPLICATIONS applications, a key each) with a fresh ES256 proof per request ($DPOP_PROOFS made before each DPoP run)"
    echo "warm-up: ${WARMUP_SECONDS}s bearer, then ${DPOP_WARMUP_SECONDS}s DPoP, at concurrency $WARMUP_CONCURRENCY (not counted)"
    BENCH_MODE=rowread taskset -c 1 wrk -t1 -c"$WARMUP_CONCURRENCY" -d"${WARMUP_SECONDS}s" --timeout 10s \
        -s "$ROOT/bench/graphql.lua" "$URL/graphql" >/dev/null
    dpop_proofs
    # a warm-up whose proofs ran out (or any other error) voids the run too
    warm=$(BENCH_MODE=dpop-rowread taskset -c 1 wrk -t1 -c"$WARMUP_CONCURRENCY" -d"${DPOP_WARMUP_SECONDS}s" --timeout 10s \
        -s "$ROOT/bench/graphql.lua" "$URL/graphql" | grep '^RESULT' || true)
    if ! echo "$warm" | grep -q ' errors=0$'; then
        echo "DPoP warm-up (not counted) had errors: $warm" >&2
        void=1
    fi
    for c in $CONCURRENCY_LEVELS; do
        measure rowread /graphql "$c" "$DURATION_SECONDS"
        dpop_proofs
        measure dpop-rowread /graphql "$c" "$DPOP_SECONDS"
        echo "dpop-rowread/rowread at concurrency $c: $(( 100 * ${RATE[dpop-rowread-$c]:-0} / ${RATE[rowread-$c]:-1} )) % of the bearer throughput"
    done
}
run_rowread_bearer_and_dpop
run base-rowread /bench-baseline/address "baseline: the same row by one SQL statement"
run page /graphql "conRead(first: 100) with lnkPostalAddresses (100 start keys round robin)"
run base-page /bench-baseline/page "baseline: the same 100 rows and postal addresses by one SQL join"
if [ $void -ne 0 ]; then
    echo "RUN VOID: there were errors" >&2
    exit 1
fi
