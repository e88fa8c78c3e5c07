#!/usr/bin/env bash
# Runs every test of ERP Connect on a fresh machine of this kind:
#   1. installs what such a machine lacks (Debian packages, Chromium for the browser tests; we are
#      root there),
#   2. unit tests, the formatter check and the integration suite on H2 (one managed WildFly),
#   3. the integration suite again on the PostgreSQL server at 127.0.0.1:5432 (database test).
# .ci/run calls exactly this script.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

need_packages=()
command -v psql >/dev/null 2>&1 || need_packages+=(postgresql-client)
command -v mvn >/dev/null 2>&1 || need_packages+=(maven)
command -v keytool >/dev/null 2>&1 || need_packages+=(openjdk-17-jdk-headless)
# the browser tests drive Debian's headless Chromium through its ChromeDriver
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
[ -x /usr/bin/chromedriver ] || need_packages+=(chromium-driver)
if [ ${#need_packages[@]} -gt 0 ]; then
    echo "Installing: ${need_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need_packages[@]}"
fi

if ! psql -h 127.0.0.1 -U postgres -d test -Atc 'select 1' >/dev/null 2>&1; then
    echo "PostgreSQL is not reachable at 127.0.0.1:5432 (database test, user postgres)." >&2
    exit 1
fi

# Free ports for the test server.
. "$ROOT/tools/free-ports.sh"
free_port_offset 100 200 300 400 500 600 700 800 900
offset=$PORT_OFFSET
PORTS=(-Dit.port.offset="$offset" -Dit.port.http=$((8080 + offset)) -Dit.port.mgmt=$((9990 + offset))
    -Dit.port.dbproxy=$((15432 + offset)) -Dit.port.smtp=$((12525 + offset)) -Dit.port.amazon=$((13525 + offset))
    -Dit.port.cloudproxy=$((13625 + offset))
    -Dit.cluster.offset.a=$((1000 + offset)) -Dit.cluster.http.a=$((9080 + offset)) -Dit.cluster.mgmt.a=$((10990 + offset))
    -Dit.cluster.jgroups.a=$((8600 + offset)) -Dit.cluster.offset.b=$((1100 + offset)) -Dit.cluster.http.b=$((9180 + offset))
    -Dit.cluster.mgmt.b=$((11090 + offset)) -Dit.cluster.jgroups.b=$((8700 + offset)))
echo "Test server ports: http $((8080 + offset)), management $((9990 + offset))"

start=$(date +%s)
echo "== unit tests, formatting, integration suite on H2 =="
mvn -B -ntp clean verify "${PORTS[@]}"
echo "== integration suite on PostgreSQL =="
mvn -B -ntp verify -Ppostgresql "${PORTS[@]}"
echo "All tests passed in $(( $(date +%s) - start )) s."
