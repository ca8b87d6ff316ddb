#!/usr/bin/env bash
# Start a PostgreSQL server for the `postgres` tests and benchmarks on a Debian machine
# (installing it from apt if needed) and print the URL of a database this user may
# create databases from. Used by .ci/run; safe to run again (an online server is kept).
set -euo pipefail
SUDO=""
AS_POSTGRES="runuser -u postgres --"
if [ "$(id -u)" != 0 ]; then
    SUDO=sudo
    AS_POSTGRES="sudo -u postgres"
fi
if ! command -v pg_lsclusters >/dev/null 2>&1; then
    $SUDO apt-get update -q >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        postgresql postgresql-contrib >&2
fi
read -r version cluster _ status _ < <(pg_lsclusters --no-header | head -1)
if [ -z "${version:-}" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    cluster=main
    $SUDO pg_createcluster "$version" "$cluster" >&2
    status=down
fi
if [ "$status" != online ]; then
    $SUDO pg_ctlcluster "$version" "$cluster" start >&2
fi
me=$(id -un)
$AS_POSTGRES psql -q -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$me'" | grep -q 1 \
    || $AS_POSTGRES createuser --superuser "$me" >&2
echo "postgresql://$me@/postgres?host=/var/run/postgresql"
