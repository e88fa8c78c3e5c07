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
# both roles on one machine: the ERP installation and the vendor cloud it registers with (DESIGN §9)
export ERPCONNECT_ROLES=${ERPCONNECT_ROLES:-erp,cloud}

if [ "${1:-}" != "--no-build" ]; then
    mvn -q -B -DskipTests -Dspotless.skip package
fi
mkdir -p "$ERPCONNECT_DATA_DIR"
"$ROOT/wildfly-config/configure.sh" "$JBOSS_HOME" "$BASE_DIR" "$ERPCONNECT_DATA_DIR" \
    "$ROOT/ear/target/jdbc/postgresql.jar"

# In dev mode the ERP side calls the cloud on this very server ("Testen" of "microtech Cloud"
# access credentials), whose certificate is the self-signed one: a trust store of the JDK's CAs
# plus that certificate, for this server's outgoing HTTPS only.
TRUST_OPTS=""
if [ "$ERPCONNECT_MODE" = "dev" ]; then
    TRUST="$ERPCONNECT_DATA_DIR/tls/dev-truststore.p12"
    if [ ! -f "$TRUST" ]; then
        JAVA_BIN=$(readlink -f "$(command -v java)")
        CACERTS="$(dirname "$(dirname "$JAVA_BIN")")/lib/security/cacerts"
        keytool -importkeystore -noprompt -srckeystore "$CACERTS" -srcstorepass changeit \
            -destkeystore "$TRUST" -deststoretype PKCS12 -deststorepass changeit >/dev/null 2>&1
        keytool -exportcert -rfc -alias server -keystore "$ERPCONNECT_DATA_DIR/tls/erpconnect-tls.p12" \
            -storepass "${ERPCONNECT_TLS_KEYSTORE_PASSWORD:-changeit}" 2>/dev/null |
            keytool -importcert -noprompt -alias erpconnect-dev -keystore "$TRUST" -storepass changeit >/dev/null
    fi
    TRUST_OPTS="-Djavax.net.ssl.trustStore=$TRUST -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword=changeit"
fi

# Deploy through the deployment scanner: nothing is registered in standalone.xml.
rm -f "$BASE_DIR"/deployments/erpconnect.ear*
cp "$ROOT/ear/target/erpconnect.ear" "$BASE_DIR/deployments/"

LAUNCH_JBOSS_IN_BACKGROUND=1 "$JBOSS_HOME/bin/standalone.sh" \
    -Djboss.server.base.dir="$BASE_DIR" \
    -Djboss.server.data.dir="$ERPCONNECT_DATA_DIR" \
    -Djboss.socket.binding.port-offset="$PORT_OFFSET" \
    $TRUST_OPTS \
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
echo "  Vendor cloud:    $ERPCONNECT_PUBLIC_URL/cloud/login.xhtml   (customer number, user, password)"
if [ -f "$ERPCONNECT_DATA_DIR/initial-vendor-password.txt" ]; then
    echo "  Invite a customer as 'vendor' (password in $ERPCONNECT_DATA_DIR/initial-vendor-password.txt):"
    echo "    POST $ERPCONNECT_PUBLIC_URL/cloud/api/vendor/invitations (see README, \"Try the vendor cloud\")"
fi
echo "  The TLS certificate is self-signed (curl -k, or trust $ERPCONNECT_DATA_DIR/tls/erpconnect-tls.p12)."
echo "Press Ctrl-C to stop."
wait "$SERVER_PID"
