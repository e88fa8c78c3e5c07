#!/usr/bin/env bash
# Backs up ERP Connect: the database together with the credential store (master key and pepper),
# which belong together — a database without its keys cannot decrypt its secrets.
#
#   tools/backup.sh <data-dir> <backup.tar.gz>
#
# The archive holds erpconnect-keys.cs, the TLS key store (when present), a consistent dump of the
# database and a manifest. The database is chosen like configure.sh chooses it:
#   ERPCONNECT_DB=h2 (default)   the H2 file database in <data-dir>/h2, exported with H2's Script
#                                tool; the server must be stopped (the script refuses while the
#                                database is in use).
#   ERPCONNECT_DB=postgresql     pg_dump of the schema named in ERPCONNECT_DB_URL
#                                (…?currentSchema=<schema>, default public) with ERPCONNECT_DB_USER
#                                and ERPCONNECT_DB_PASSWORD; online, one consistent snapshot.
# Restore with tools/restore.sh. The archive contains the keys: store it like the keys themselves.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tools/db-env.sh"

if [ $# -ne 2 ]; then
    echo "usage: $0 <data-dir> <backup.tar.gz>" >&2
    exit 2
fi
DATA_DIR=$(cd "$1" && pwd)
OUT=$2
[ -f "$DATA_DIR/erpconnect-keys.cs" ] || { echo "no credential store in $DATA_DIR" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work" "$work.h2.log"' EXIT
chmod 700 "$work"
cp -p "$DATA_DIR/erpconnect-keys.cs" "$work/"
if [ -f "$DATA_DIR/tls/erpconnect-tls.p12" ]; then
    mkdir -p "$work/tls"
    cp -p "$DATA_DIR/tls/erpconnect-tls.p12" "$work/tls/"
fi

db=${ERPCONNECT_DB:-h2}
case "$db" in
    h2)
        [ -f "$DATA_DIR/h2/erpconnect.mv.db" ] || { echo "no H2 database in $DATA_DIR/h2" >&2; exit 1; }
        # IFEXISTS and FILE_LOCK: the export fails instead of waiting while a running server holds the file.
        if ! java -cp "$(h2_jar)" org.h2.tools.Script \
                -url "jdbc:h2:$DATA_DIR/h2/erpconnect;$H2_OPTIONS;IFEXISTS=TRUE;ACCESS_MODE_DATA=r" \
                -user sa -password sa -script "$work/database.sql" >"$work.h2.log" 2>&1; then
            echo "The H2 database could not be exported (stop the server first):" >&2
            sed -n 1,3p "$work.h2.log" >&2
            exit 1
        fi
        ;;
    postgresql)
        pg_connection
        PGPASSWORD="${ERPCONNECT_DB_PASSWORD:-}" pg_dump -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" \
            -n "$PG_SCHEMA" --no-owner --no-privileges -f "$work/database.sql"
        ;;
    *)
        echo "ERPCONNECT_DB must be h2 or postgresql" >&2
        exit 2
        ;;
esac

{
    echo "format=1"
    echo "database=$db"
    [ "$db" = postgresql ] && echo "schema=$PG_SCHEMA"
    echo "created=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$work/manifest.properties"
mkdir -p "$(dirname "$OUT")"
(umask 077 && tar -C "$work" -czf "$OUT" .)
echo "backup written to $OUT ($db database, credential store$([ -d "$work/tls" ] && echo ", TLS key store"))"
