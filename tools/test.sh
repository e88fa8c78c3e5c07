#!/usr/bin/env bash
# Runs every test of ERP Connect on a fresh machine of this kind:
#   1. installs what such a machine lacks (Debian packages; we are root there),
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

# Free ports for the test server: the first offset at which none of WildFly's ports is taken.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
offset=""
for candidate in 100 200 300 400 500 600 700 800 900; do
    busy=0
    for base in 8080 8443 9990 9993 8009 4712 4713; do
        if port_taken $((base + candidate)); then busy=1; break; fi
    done
    if [ $busy -eq 0 ]; then offset=$candidate; break; fi
done
if [ -z "$offset" ]; then
    echo "No free port range for the test server (tried offsets 100..900)." >&2
    exit 1
fi
PORTS=(-Dit.port.offset="$offset" -Dit.port.http=$((8080 + offset)) -Dit.port.mgmt=$((9990 + offset)))
echo "Test server ports: http $((8080 + offset)), management $((9990 + offset))"

start=$(date +%s)
echo "== unit tests, formatting, integration suite on H2 =="
mvn -B -ntp clean verify "${PORTS[@]}"
echo "== integration suite on PostgreSQL =="
mvn -B -ntp verify -Ppostgresql "${PORTS[@]}"
echo "All tests passed in $(( $(date +%s) - start )) s."
