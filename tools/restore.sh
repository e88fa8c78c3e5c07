#!/usr/bin/env bash
# Restores a backup of tools/backup.sh onto a fresh server: into an empty data directory and, for
# PostgreSQL, into a database in which the schema does not exist yet.
#
#   tools/restore.sh <backup.tar.gz> <data-dir>
#
# Then configure the server with that data directory (wildfly-config/configure.sh keeps the restored
# keys) and start it. The database kind must match the backup's (ERPCONNECT_DB, and for PostgreSQL
# ERPCONNECT_DB_URL/_USER/_PASSWORD naming the target). Nothing is overwritten: the script refuses a
# data directory that already holds a credential store or an H2 database, or an existing schema.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tools/db-env.sh"

if [ $# -ne 2 ]; then
    echo "usage: $0 <backup.tar.gz> <data-dir>" >&2
    exit 2
fi
ARCHIVE=$1
mkdir -p "$2"
chmod 700 "$2"
DATA_DIR=$(cd "$2" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work" "$work.h2.log"' EXIT
chmod 700 "$work"
tar -C "$work" -xzf "$ARCHIVE"
[ -f "$work/manifest.properties" ] && [ -f "$work/erpconnect-keys.cs" ] && [ -f "$work/database.sql" ] || {
    echo "$ARCHIVE is not a backup of tools/backup.sh" >&2
    exit 1
}
db=$(sed -n 's/^database=//p' "$work/manifest.properties")
if [ "$db" != "${ERPCONNECT_DB:-h2}" ]; then
    echo "the backup holds a $db database; set ERPCONNECT_DB=$db (and its connection) to restore it" >&2
    exit 1
fi
if [ -e "$DATA_DIR/erpconnect-keys.cs" ] || [ -e "$DATA_DIR/h2/erpconnect.mv.db" ]; then
    echo "$DATA_DIR already holds a credential store or a database; restore into an empty data directory" >&2
    exit 1
fi

case "$db" in
    h2)
        mkdir -p "$DATA_DIR/h2"
        if ! java -cp "$(h2_jar)" org.h2.tools.RunScript \
                -url "jdbc:h2:$DATA_DIR/h2/erpconnect;$H2_OPTIONS" -user sa -password sa \
                -script "$work/database.sql" >"$work.h2.log" 2>&1; then
            echo "The H2 database could not be restored:" >&2
            sed -n 1,3p "$work.h2.log" >&2
            rm -rf "$DATA_DIR/h2"
            exit 1
        fi
        ;;
    postgresql)
        pg_connection
        schema=$(sed -n 's/^schema=//p' "$work/manifest.properties")
        if [ "$schema" != "$PG_SCHEMA" ]; then
            echo "the backup holds schema $schema; ERPCONNECT_DB_URL names $PG_SCHEMA" >&2
            exit 1
        fi
        exists=$(PGPASSWORD="${ERPCONNECT_DB_PASSWORD:-}" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
            -d "$PG_DB" -Atc "select count(*) from information_schema.tables where table_schema = '$PG_SCHEMA'")
        if [ "$exists" != "0" ]; then
            echo "schema $PG_SCHEMA in $PG_DB already has tables; restore into a fresh one" >&2
            exit 1
        fi
        PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="${ERPCONNECT_DB_PASSWORD:-}" \
            psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -q -c "DROP SCHEMA IF EXISTS \"$PG_SCHEMA\"" -f "$work/database.sql" >/dev/null
        ;;
esac

cp -p "$work/erpconnect-keys.cs" "$DATA_DIR/"
chmod 600 "$DATA_DIR/erpconnect-keys.cs"
if [ -f "$work/tls/erpconnect-tls.p12" ]; then
    mkdir -p "$DATA_DIR/tls"
    chmod 700 "$DATA_DIR/tls"
    cp -p "$work/tls/erpconnect-tls.p12" "$DATA_DIR/tls/"
fi
echo "restored $(sed -n 's/^created=//p' "$work/manifest.properties") backup ($db) into $DATA_DIR"
