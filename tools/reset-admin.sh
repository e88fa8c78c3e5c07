#!/usr/bin/env bash
# The operator's way back in when the administrator is locked out or its password is lost:
# gives 'admin' a new password, activates it with the role admin and clears its lockouts.
#
#   tools/reset-admin.sh <data-dir>
#
# Run it as the server's user on the server's machine: it needs write access to the data
# directory (ERPCONNECT_DATA_DIR, which holds the keys as well). The new password is read from
# ERPCONNECT_ADMIN_PASSWORD, or asked for twice on the terminal; it must meet the password policy.
# A running server applies the request within five seconds (this script waits for the outcome),
# a stopped one at its next start. The request file is deleted as soon as it is read.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 <data-dir>" >&2
    exit 2
fi
DATA_DIR=$(cd "$1" && pwd)
[ -f "$DATA_DIR/erpconnect-keys.cs" ] || { echo "$DATA_DIR is not an ERP Connect data directory" >&2; exit 1; }

password=${ERPCONNECT_ADMIN_PASSWORD:-}
if [ -z "$password" ]; then
    read -r -s -p "New password for admin: " password; echo
    read -r -s -p "Repeat it: " again; echo
    [ "$password" = "$again" ] || { echo "the two entries differ" >&2; exit 1; }
fi

rm -f "$DATA_DIR/admin-reset.result"
tmp=$(mktemp "$DATA_DIR/.admin-reset.XXXXXX")
chmod 600 "$tmp"
printf '%s\n' "$password" >"$tmp"
mv "$tmp" "$DATA_DIR/admin-reset.request"

for _ in $(seq 1 30); do
    if [ -f "$DATA_DIR/admin-reset.result" ]; then
        outcome=$(cat "$DATA_DIR/admin-reset.result")
        rm -f "$DATA_DIR/admin-reset.result"
        if [ "$outcome" = "ok" ]; then
            echo "admin reset: new password set, account active with the role admin, lockouts cleared"
            exit 0
        fi
        echo "admin reset $outcome" >&2
        exit 1
    fi
    sleep 1
done
echo "no running server picked the request up; it is applied at the next start ($DATA_DIR/admin-reset.request)"
