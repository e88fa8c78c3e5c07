# Sourced by tools/backup.sh and tools/restore.sh: where H2 is and how the PostgreSQL URL reads.
WILDFLY_VERSION=39.0.1.Final
JBOSS_HOME=${JBOSS_HOME:-$ROOT/ear/target/server/wildfly-$WILDFLY_VERSION}
# The options of the datasource in wildfly-config/10-datasource.cli that shape the stored data.
H2_OPTIONS="MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

h2_jar() {
    local jar
    jar=$(ls "$JBOSS_HOME"/modules/system/layers/base/com/h2database/h2/main/h2-*.jar 2>/dev/null | head -1)
    [ -n "$jar" ] || { echo "no H2 jar under $JBOSS_HOME (build first, or set JBOSS_HOME)" >&2; exit 1; }
    echo "$jar"
}

# Splits ERPCONNECT_DB_URL (jdbc:postgresql://host[:port]/db[?currentSchema=s]) for psql/pg_dump.
pg_connection() {
    local url=${ERPCONNECT_DB_URL:?ERPCONNECT_DB_URL is not set}
    local rest=${url#jdbc:postgresql://}
    local hostport=${rest%%/*}
    local dbq=${rest#*/}
    PG_HOST=${hostport%%:*}
    PG_PORT=5432
    [ "$hostport" != "$PG_HOST" ] && PG_PORT=${hostport#*:}
    PG_DB=${dbq%%\?*}
    PG_SCHEMA=public
    case "$dbq" in
        *currentSchema=*) PG_SCHEMA=${dbq#*currentSchema=}; PG_SCHEMA=${PG_SCHEMA%%&*} ;;
    esac
    PG_USER=${ERPCONNECT_DB_USER:-erpconnect}
}
