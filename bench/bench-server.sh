# Sourced by the bench scripts: starts the built EAR on its own WildFly (own base and data
# directories, free ports, H2, dev mode, demo data), waits for the deployment, and stops that
# server (by its pid) when the script exits. Extra deployments: BENCH_EXTRA_DEPLOYMENTS (paths).
# BENCH_DB=postgresql runs it on the machine's PostgreSQL (database test, schema erpconnect_bench).
# Sets URL, PUBLIC_URL, ADMIN_PASSWORD, BASE_DIR, SERVER_PID.
# bench_user and bench_application then create the benchmark's user and its applications.

# The server's JVM options: a fixed heap, plus BENCH_JAVA_OPTS (e.g. another garbage collector);
# every benchmark prints them with its figures.
server_java_opts() {
    echo "-Xms512m -Xmx1g${BENCH_JAVA_OPTS:+ $BENCH_JAVA_OPTS}"
}

# What the benchmark server is, for the figures' header: version, JVM and its options, database,
# request worker and I/O threads (the defaults of wildfly-config/45-io.cli unless ERPCONNECT_WORKER_THREADS,
# ERPCONNECT_IO_THREADS).
server_facts() {
    echo "WildFly 39.0.1, $(java -version 2>&1 | head -1), JVM options '$(server_java_opts)', database ${BENCH_DB:-h2}, ${ERPCONNECT_WORKER_THREADS:-4} worker threads, ${ERPCONNECT_IO_THREADS:-2} I/O threads, unpinned on $(nproc) cores"
}

start_bench_server() {
    JBOSS_HOME="$ROOT/ear/target/server/wildfly-39.0.1.Final"
    BASE_DIR="$ROOT/ear/target/bench-base"
    DATA_DIR="$ROOT/ear/target/bench-data"
    . "$ROOT/tools/free-ports.sh"
    free_port_offset 500 600 700 800 900 1000
    local offset=$PORT_OFFSET
    local port=$((8080 + offset))
    URL="http://127.0.0.1:$port"
    # the browser part of the authorization-code flow must stay on the issuer's host (session cookie)
    PUBLIC_URL="http://localhost:$port"
    rm -rf "$BASE_DIR" "$DATA_DIR"
    if [ "${BENCH_DB:-h2}" = "postgresql" ]; then
        # the machine's PostgreSQL (127.0.0.1:5432, database test), in a schema of our own
        psql -h 127.0.0.1 -U postgres -d test -qc 'DROP SCHEMA IF EXISTS erpconnect_bench CASCADE; CREATE SCHEMA erpconnect_bench'
        export ERPCONNECT_DB=postgresql ERPCONNECT_DB_USER=postgres ERPCONNECT_DB_PASSWORD=postgres
        export ERPCONNECT_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=erpconnect_bench"
        "$ROOT/wildfly-config/configure.sh" "$JBOSS_HOME" "$BASE_DIR" "$DATA_DIR" "$ROOT/ear/target/jdbc/postgresql.jar" >/dev/null
    else
        "$ROOT/wildfly-config/configure.sh" "$JBOSS_HOME" "$BASE_DIR" "$DATA_DIR" >/dev/null
    fi
    cp "$ROOT/ear/target/erpconnect.ear" "$BASE_DIR/deployments/"
    for extra in ${BENCH_EXTRA_DEPLOYMENTS:-}; do
        cp "$extra" "$BASE_DIR/deployments/"
    done
    ADMIN_PASSWORD="Bench-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')!a"
    ERPCONNECT_MODE=dev ERPCONNECT_PUBLIC_URL="$PUBLIC_URL" ERPCONNECT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        ERPCONNECT_DEMO_DATA=true JAVA_OPTS="$(server_java_opts)" \
        LAUNCH_JBOSS_IN_BACKGROUND=1 "$JBOSS_HOME/bin/standalone.sh" -Djboss.server.base.dir="$BASE_DIR" \
        -Djboss.server.data.dir="$DATA_DIR" -Djboss.socket.binding.port-offset="$offset" -b 127.0.0.1 \
        -bmanagement 127.0.0.1 >"$BASE_DIR/console.log" 2>&1 &
    SERVER_PID=$!
    trap stop_bench_server EXIT
    for _ in $(seq 1 180); do
        [ -f "$BASE_DIR/deployments/erpconnect.ear.deployed" ] && break
        [ -f "$BASE_DIR/deployments/erpconnect.ear.failed" ] && { echo "deployment failed" >&2; exit 1; }
        sleep 1
    done
}

stop_bench_server() {
    pkill -TERM -P "$SERVER_PID" 2>/dev/null || true
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
}

# The user "bench" with GraphQL access and the given table rights (JSON object); sets ADMIN and
# USER_PASSWORD.
bench_user() {
    ADMIN="admin:$ADMIN_PASSWORD"
    USER_PASSWORD="Bench-User-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')!a"
    curl -sf -u "$ADMIN" -H 'Content-Type: application/json' "$URL/api/admin/users" \
        -d "{\"login\":\"bench\",\"displayName\":\"Benchmark\",\"password\":\"$USER_PASSWORD\",\"graphqlAccess\":true,\"permissions\":$1}" >/dev/null
}

# An application of the user "bench" from the given JSON body; sets CLIENT_ID, CLIENT_SECRET and
# (exported, for the wrk scripts) BENCH_BASIC_AUTH.
bench_application() {
    local app
    app=$(curl -sf -u "$ADMIN" -H 'Content-Type: application/json' "$URL/api/admin/applications" -d "$1")
    CLIENT_ID=$(echo "$app" | sed -E 's/.*"clientId":"([^"]+)".*/\1/')
    CLIENT_SECRET=$(echo "$app" | sed -E 's/.*"clientSecret":"([^"]+)".*/\1/')
    BENCH_BASIC_AUTH=$(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 -w0)
    export BENCH_BASIC_AUTH
}
