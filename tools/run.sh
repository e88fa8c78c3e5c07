#!/usr/bin/env bash
# Builds ERP Connect and runs it on WildFly in dev mode with the embedded H2 database.
#
#   tools/run.sh            build, configure, start; Ctrl-C stops the server
#   tools/run.sh --no-build start with what the last build produced
#
# Data (H2 database, credential store, TLS key store, the first admin's password file) lives in
# ERPCONNECT_DATA_DIR, by default data/ at the project root: it survives `mvn clean`.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WILDFLY_VERSION=39.0.1.Final
JBOSS_HOME="$ROOT/ear/target/server/wildfly-$WILDFLY_VERSION"
BASE_DIR="$ROOT/ear/target/run-base"

export ERPCONNECT_MODE=${ERPCONNECT_MODE:-dev}
export ERPCONNECT_DATA_DIR=${ERPCONNECT_DATA_DIR:-$ROOT/data}
export ERPCONNECT_DEMO_DATA=${ERPCONNECT_DEMO_DATA:-true}
PORT_OFFSET=${ERPCONNECT_PORT_OFFSET:-0}
export ERPCONNECT_PUBLIC_URL=${ERPCONNECT_PUBLIC_URL:-https://localhost:$((8443 + PORT_OFFSET))}

if [ "${1:-}" != "--no-build" ]; then
    mvn -q -B -DskipTests -Dspotless.skip package
fi
mkdir -p "$ERPCONNECT_DATA_DIR"
"$ROOT/wildfly-config/configure.sh" "$JBOSS_HOME" "$BASE_DIR" "$ERPCONNECT_DATA_DIR" \
    "$ROOT/ear/target/jdbc/postgresql.jar"

# Deploy through the deployment scanner: nothing is registered in standalone.xml.
rm -f "$BASE_DIR"/deployments/erpconnect.ear*
cp "$ROOT/ear/target/erpconnect.ear" "$BASE_DIR/deployments/"

LAUNCH_JBOSS_IN_BACKGROUND=1 "$JBOSS_HOME/bin/standalone.sh" \
    -Djboss.server.base.dir="$BASE_DIR" \
    -Djboss.server.data.dir="$ERPCONNECT_DATA_DIR" \
    -Djboss.socket.binding.port-offset="$PORT_OFFSET" \
    -b 127.0.0.1 >"$BASE_DIR/console.log" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; exit 0' INT TERM

echo "Starting WildFly (pid $SERVER_PID, log: $BASE_DIR/log/server.log) ..."
for _ in $(seq 1 180); do
    if [ -f "$BASE_DIR/deployments/erpconnect.ear.deployed" ]; then
        break
    fi
    if [ -f "$BASE_DIR/deployments/erpconnect.ear.failed" ] || ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "ERP Connect failed to start; see $BASE_DIR/log/server.log" >&2
        kill "$SERVER_PID" 2>/dev/null || true
        exit 1
    fi
    sleep 1
done

PASSWORD_FILE="$ERPCONNECT_DATA_DIR/initial-admin-password.txt"
echo
echo "ERP Connect is running: $ERPCONNECT_PUBLIC_URL (mode $ERPCONNECT_MODE, data in $ERPCONNECT_DATA_DIR)"
echo "  Admin REST API:  $ERPCONNECT_PUBLIC_URL/api/admin/users   (HTTP Basic)"
echo "  GraphQL:         $ERPCONNECT_PUBLIC_URL/graphql           (bearer token from /oauth2/token)"
if [ -n "${ERPCONNECT_ADMIN_PASSWORD:-}" ]; then
    echo "  Log in as 'admin' with the password from ERPCONNECT_ADMIN_PASSWORD."
elif [ -f "$PASSWORD_FILE" ]; then
    echo "  Log in as 'admin'; the generated password is in $PASSWORD_FILE"
else
    echo "  Log in as 'admin' with the password you set at the first start."
fi
echo "  The TLS certificate is self-signed (curl -k, or trust $ERPCONNECT_DATA_DIR/tls/erpconnect-tls.p12)."
echo "Press Ctrl-C to stop."
wait "$SERVER_PID"
