#!/usr/bin/env bash
# Configures a WildFly 39 installation for ERP Connect, offline (embed-server), idempotently.
#
#   configure.sh <jboss-home> <server-base-dir> <data-dir> [<postgresql-driver.jar>]
#
# <server-base-dir> is a copy of <jboss-home>/standalone (created when missing), so that several
# configured servers (run, tests) can share one installation. <data-dir> becomes the server's
# jboss.server.data.dir: the H2 database, the credential store and the TLS key store live there
# and survive rebuilds. ERPCONNECT_DB=postgresql selects PostgreSQL instead of H2.
#
# ERPCONNECT_PROFILE=ha configures standalone-ha.xml instead (start the server with -c
# standalone-ha.xml) for a cluster node: JGroups over TCP with a static member list,
# ERPCONNECT_CLUSTER_MEMBERS=host:port,host:port,… (every node's JGroups TCP port, 7600 plus its
# port offset). Every node needs the same erpconnect-keys.cs: copy the first node's into the data
# directory of the others before configuring them (it is imported, never generated twice).
set -euo pipefail

if [ $# -lt 3 ]; then
    echo "usage: $0 <jboss-home> <server-base-dir> <data-dir> [<postgresql-driver.jar>]" >&2
    exit 2
fi
JBOSS_HOME=$(cd "$1" && pwd)
BASE_DIR=$2
DATA_DIR=$3
PG_JAR=${4:-}
SCRIPTS=$(cd "$(dirname "$0")" && pwd)

if [ ! -d "$BASE_DIR/configuration" ]; then
    mkdir -p "$BASE_DIR"
    cp -r "$JBOSS_HOME/standalone/configuration" "$BASE_DIR/"
    mkdir -p "$BASE_DIR/deployments"
fi
BASE_DIR=$(cd "$BASE_DIR" && pwd)
mkdir -p "$DATA_DIR"
chmod 700 "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)

# The PostgreSQL driver as a module, when a driver jar is given.
if [ -n "$PG_JAR" ]; then
    mkdir -p "$JBOSS_HOME/modules/org/postgresql/main"
    cp "$PG_JAR" "$JBOSS_HOME/modules/org/postgresql/main/postgresql.jar"
    cat > "$JBOSS_HOME/modules/org/postgresql/main/module.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<module xmlns="urn:jboss:module:1.9" name="org.postgresql">
    <resources>
        <resource-root path="postgresql.jar"/>
    </resources>
    <dependencies>
        <module name="java.sql"/>
        <module name="java.naming"/>
        <module name="java.logging"/>
        <module name="java.management"/>
        <module name="java.security.jgss"/>
        <module name="jakarta.transaction.api"/>
    </dependencies>
</module>
XML
fi

# A self-signed TLS key store for localhost, unless one is there (a real one, or from an earlier run).
if [ ! -f "$DATA_DIR/tls/erpconnect-tls.p12" ]; then
    mkdir -p "$DATA_DIR/tls"
    chmod 700 "$DATA_DIR/tls"
    keytool -genkeypair -alias server -keyalg EC -groupname secp256r1 -validity 825 \
        -dname "CN=localhost, O=ERP Connect (self-signed for development)" \
        -ext "SAN=dns:localhost,ip:127.0.0.1,ip:::1" \
        -storetype PKCS12 -keystore "$DATA_DIR/tls/erpconnect-tls.p12" \
        -storepass "${ERPCONNECT_TLS_KEYSTORE_PASSWORD:-changeit}" >/dev/null 2>&1
    chmod 600 "$DATA_DIR/tls/erpconnect-tls.p12"
fi

scripts=("$SCRIPTS"/[0-9][0-9]-*.cli)
if [ ! -f "$JBOSS_HOME/modules/org/postgresql/main/module.xml" ]; then
    scripts=("${scripts[@]/*15-postgresql-driver.cli/}")
    if [ "${ERPCONNECT_DB:-h2}" = "postgresql" ]; then
        echo "ERPCONNECT_DB=postgresql needs the PostgreSQL driver jar as 4th argument" >&2
        exit 2
    fi
fi

SERVER_CONFIG=standalone.xml
cluster_commands=()
if [ "${ERPCONNECT_PROFILE:-}" = "ha" ]; then
    SERVER_CONFIG=standalone-ha.xml
    IFS=',' read -r -a members <<<"${ERPCONNECT_CLUSTER_MEMBERS:?ERPCONNECT_PROFILE=ha needs ERPCONNECT_CLUSTER_MEMBERS=host:port,…}"
    bindings=()
    cluster_commands+=("if (outcome == success) of /subsystem=jgroups/stack=tcp/protocol=TCPPING:read-resource"
        "    /subsystem=jgroups/stack=tcp/protocol=TCPPING:remove"
        "end-if")
    # the member list is rewritten completely (idempotent; at most 32 members)
    for i in $(seq 1 32); do
        cluster_commands+=("if (outcome == success) of /socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=erpconnect-member-$i:read-resource"
            "    /socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=erpconnect-member-$i:remove"
            "end-if")
    done
    i=0
    for m in "${members[@]}"; do
        i=$((i + 1))
        host=${m%:*}
        port=${m##*:}
        cluster_commands+=("/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=erpconnect-member-$i:add(host=$host, port=$port)")
        bindings+=("erpconnect-member-$i")
    done
    list=$(IFS=,; echo "${bindings[*]}")
    cluster_commands+=("if (outcome == success) of /subsystem=jgroups/stack=tcp/protocol=MPING:read-resource"
        "    /subsystem=jgroups/stack=tcp/protocol=MPING:remove"
        "end-if"
        "/subsystem=jgroups/stack=tcp/protocol=TCPPING:add(add-index=0, socket-bindings=[$list])"
        "/subsystem=jgroups/channel=ee:write-attribute(name=stack, value=tcp)")
fi

batch_file=$(mktemp)
trap 'rm -f "$batch_file"' EXIT
{
    echo "embed-server --server-config=$SERVER_CONFIG --std-out=discard"
    for s in "${scripts[@]}"; do
        [ -n "$s" ] && cat "$s" && echo
    done
    for c in "${cluster_commands[@]}"; do
        echo "$c"
    done
    echo "stop-embedded-server"
} > "$batch_file"

JAVA_OPTS="-Djboss.server.base.dir=$BASE_DIR -Djboss.server.data.dir=$DATA_DIR -Djboss.server.log.dir=$BASE_DIR/configure-log" \
    "$JBOSS_HOME/bin/jboss-cli.sh" --file="$batch_file" >"$BASE_DIR/configure.log" 2>&1 || {
        echo "WildFly configuration failed, see $BASE_DIR/configure.log:" >&2
        tail -20 "$BASE_DIR/configure.log" >&2
        exit 1
    }
chmod 600 "$DATA_DIR/erpconnect-keys.cs" 2>/dev/null || true
# The embedded CLI does not rewrite logging.properties, the boot-time copy of the logging subsystem;
# without it the server logs its first lines to the console only and writes the file anew from
# standalone.xml, so that a changed log format (ERPCONNECT_LOG_FORMAT) holds from the first line.
rm -f "$BASE_DIR/configuration/logging.properties"
echo "configured $BASE_DIR ($SERVER_CONFIG, data: $DATA_DIR, database: ${ERPCONNECT_DB:-h2})"
