#!/usr/bin/env bash
# Load run (not a test): a bounded, mixed load on loopback for several minutes, to see that
# throughput, latency and memory hold — 0 errors, no growth of heap or RSS.
#
#   bench/load-bench.sh [--no-build]
#
# Starts its own WildFly (bench/bench-server.sh: own directories, free ports, H2 or BENCH_DB=postgresql),
# prepares a user and an application, then runs five wrk processes at the same time (each
# LOAD_CONCURRENCY connections, all pinned to CPU 1) for LOAD_SECONDS after a warm-up of
# WARMUP_SECONDS:
#   client credentials (bench/token.lua), refresh with rotation (bench/refresh.lua, one chain per
#   connection), introspection of INTROSPECTION_TOKENS distinct tokens (bench/introspect.lua),
#   GraphQL rowRead by key and GraphQL rowNew of an address (bench/graphql.lua, 20 tokens round robin).
# Heap after a full GC and RSS are taken before and after, heap in use and RSS every 30 s between.
# Every non-200 answer, GraphQL error or socket error counts; any error voids the run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
LOAD_SECONDS=${LOAD_SECONDS:-300}
LOAD_CONCURRENCY=${LOAD_CONCURRENCY:-4}
INTROSPECTION_TOKENS=${INTROSPECTION_TOKENS:-5000}

if ! command -v wrk >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [ "${1:-}" != "--no-build" ]; then
    mvn -q -B -ntp -DskipTests -Dspotless.skip package
fi
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Derpconnect.graphql.requests-per-second=1000000 -Derpconnect.graphql.burst=1000000"
. "$ROOT/bench/bench-server.sh"
start_bench_server
JVM_PID=$(pgrep -P "$SERVER_PID" java)

bench_user '{"tblAddresses":["read","create"]}'
bench_application '{"name":"Load","user":"bench","scopes":["graphql","graphql.write","offline_access"],"redirectUris":["https://bench.example.com/cb"],"accessTokenSeconds":3600}'

POOLS="$BASE_DIR/load-pools"
mkdir -p "$POOLS"
tokens() { java "$ROOT/bench/BenchTokens.java" "$1" "$PUBLIC_URL" "$CLIENT_ID" "$CLIENT_SECRET" bench "$USER_PASSWORD" "$2" "$3"; }
tokens access "$INTROSPECTION_TOKENS" "$POOLS/introspect"
tokens access 20 "$POOLS/graphql"
tokens refresh "$LOAD_CONCURRENCY" "$POOLS/refresh-warmup"
tokens refresh "$LOAD_CONCURRENCY" "$POOLS/refresh"

# one wrk process per workload; $1 label, $2 seconds, $3 token pool (or -), $4 script, $5 path, [$6 mode]
workload() {
    BENCH_TOKENS=$3 BENCH_MODE=${6:-} taskset -c 1 wrk -t1 -c"$LOAD_CONCURRENCY" -d"$2s" --timeout 10s \
        -s "$ROOT/bench/$4" "$URL$5"
}
mix() {
    local seconds=$1 out=$2 refresh_pool=$3 pids=()
    workload cc "$seconds" - token.lua /oauth2/token >"$out.cc" 2>&1 &
    pids+=($!)
    workload refresh "$seconds" "$refresh_pool" refresh.lua /oauth2/token >"$out.refresh" 2>&1 &
    pids+=($!)
    workload introspect "$seconds" "$POOLS/introspect" introspect.lua /oauth2/introspect >"$out.introspect" 2>&1 &
    pids+=($!)
    workload read "$seconds" "$POOLS/graphql" graphql.lua /graphql rowread >"$out.read" 2>&1 &
    pids+=($!)
    workload write "$seconds" "$POOLS/graphql" graphql.lua /graphql write >"$out.write" 2>&1 &
    pids+=($!)
    # only the wrk processes: the server started by bench-server.sh is a child of this shell too
    wait "${pids[@]}"
}
memory() { # heap in use (MB) and RSS (MB) of the server JVM
    local heap rss
    heap=$(jcmd "$JVM_PID" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); print int(v/1024)}}')
    rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$JVM_PID/status")
    echo "heap_used_mb=$heap rss_mb=$rss"
}
after_gc() { jcmd "$JVM_PID" GC.run >/dev/null; sleep 2; memory; }

echo "== mixed load =="
echo "server: $(server_facts)"
echo "load: 5 wrk processes (1 thread, $LOAD_CONCURRENCY connections each, pinned to CPU 1): client credentials, refresh with rotation ($LOAD_CONCURRENCY chains), introspection ($INTROSPECTION_TOKENS distinct tokens), GraphQL rowRead by key (200 keys), GraphQL rowNew (address) — 20 bearer tokens round robin"
echo "warm-up: ${WARMUP_SECONDS}s of the same mix (not counted)"
mix "$WARMUP_SECONDS" "$POOLS/warmup" "$POOLS/refresh-warmup"
echo "before (after a full GC): $(after_gc)"
(
    for i in $(seq 30 30 $((LOAD_SECONDS - 1))); do
        sleep 30
        echo "  t=${i}s $(memory)"
    done
) &
sampler=$!
mix "$LOAD_SECONDS" "$POOLS/run" "$POOLS/refresh"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
echo "after (after a full GC): $(after_gc)"
void=0
total=0
for w in cc refresh introspect read write; do
    result=$(grep '^RESULT' "$POOLS/run.$w" | sed 's/^RESULT //')
    echo "$w duration=${LOAD_SECONDS}s concurrency=$LOAD_CONCURRENCY $result"
    grep -q ' errors=0$' <<<"$result" || { void=1; grep -m1 'first failed' "$POOLS/run.$w" || true; }
    total=$((total + $(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")))
done
echo "total requests=$total per_s=$((total / LOAD_SECONDS))"
if [ $void -ne 0 ]; then
    echo "RUN VOID: there were errors" >&2
    exit 1
fi
