#!/usr/bin/env bash
# pg-local.sh — a throwaway, loopback-only PostgreSQL 15 for tests and `serve`.
#
#   pg-local.sh start   DIR PORT   initdb if needed, start on 127.0.0.1:PORT, create database `hms`
#   pg-local.sh stop    DIR [MODE] stop the server (MODE fast, the default, or immediate: a crash, for fault
#                                  tests); no-op if not running
#   pg-local.sh status  DIR        exit 0 and print the port if running, exit 3 if not
#   pg-local.sh destroy DIR        stop, then delete the cluster's data
#
# Connection string for Npgsql after `start`:
#   Host=127.0.0.1;Port=PORT;Username=postgres;Database=hms
#
# Facts the script relies on (see README.md beside it):
#  * PostgreSQL refuses to run as root, so every server-side command runs as the
#    `postgres` OS user (via `runuser -u postgres --` when we are root).
#  * DIR is the data directory (PGDATA) and is chowned to postgres, mode 0700.
#    postgres must be able to traverse every parent of DIR. We never change the
#    permissions of DIR's parents. If a parent blocks postgres (e.g. /root is 0700,
#    or a 0700 `mktemp -d` folder), the data directory is placed instead in
#    /var/lib/postgresql/hms-pg-local/<hash of DIR's real path> (postgres' own home)
#    and DIR gets a one-line pointer file `.pg-local-pgdata` naming it.
#  * Auth is `trust`, which is safe only because the server listens on 127.0.0.1
#    and on a unix socket in a postgres-owned 0700 directory: nothing off-host can
#    connect. Never point this at a shared machine's public interface.
#  * The script is idempotent: `start` on a running cluster only checks the port
#    and that database `hms` exists.
set -euo pipefail

PG_VERSION_MAJOR=15
PG_BIN="${PG_BIN:-/usr/lib/postgresql/${PG_VERSION_MAJOR}/bin}"
SHADOW_ROOT=/var/lib/postgresql/hms-pg-local
POINTER_FILE=.pg-local-pgdata
DB_NAME=hms
READY_TIMEOUT_SECONDS=60

die() { echo "pg-local: $*" >&2; exit 1; }
log() { echo "pg-local: $*" >&2; }

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# Run a command as the postgres OS user.
as_pg() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    elif [[ "$(id -un)" == postgres ]]; then
        "$@"
    else
        die "run as root (or as the postgres user)"
    fi
}

ensure_binaries() {
    if [[ -x "$PG_BIN/pg_ctl" && -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_isready" && -x "$PG_BIN/psql" ]]; then
        return
    fi
    [[ "$(id -u)" == 0 ]] || die "PostgreSQL binaries missing in $PG_BIN and not root to install them"
    log "installing PostgreSQL (apt-get install -y postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y postgresql >&2 || { apt-get update >&2 && apt-get install -y postgresql >&2; }
    [[ -x "$PG_BIN/pg_ctl" ]] || die "PostgreSQL ${PG_VERSION_MAJOR} binaries still missing in $PG_BIN after install"
}

# Can the postgres user search (traverse) directory $1?
pg_can_traverse() {
    as_pg test -x "$1" 2>/dev/null
}

# Resolve DIR to the real data directory; prints it. Creates nothing unless $2 == create.
resolve_pgdata() {
    local dir="$1" mode="${2:-}"
    if [[ "$mode" == create ]]; then
        mkdir -p "$dir"
    fi
    [[ -d "$dir" ]] || die "no such directory: $dir"
    dir="$(realpath "$dir")"

    if [[ -f "$dir/$POINTER_FILE" ]]; then
        cat "$dir/$POINTER_FILE"
        return
    fi
    if [[ -f "$dir/PG_VERSION" ]] || pg_can_traverse "$(dirname "$dir")"; then
        echo "$dir"
        return
    fi
    # A parent blocks postgres: keep the data in postgres' home instead.
    local key shadow
    key="$(printf '%s' "$dir" | sha256sum | cut -c1-16)"
    shadow="$SHADOW_ROOT/$key"
    if [[ "$mode" == create ]]; then
        [[ -z "$(ls -A "$dir")" ]] || die "$dir is not empty and is not a PostgreSQL data directory"
        mkdir -p "$SHADOW_ROOT"
        chown postgres:postgres "$SHADOW_ROOT"
        chmod 0700 "$SHADOW_ROOT"
        printf '%s\n' "$shadow" > "$dir/$POINTER_FILE"
        log "postgres cannot reach $dir; data directory is $shadow (recorded in $dir/$POINTER_FILE)"
    fi
    echo "$shadow"
}

# Directory for the unix socket: inside the data directory unless that path would
# exceed the kernel's 107-byte limit for socket paths.
socket_dir_for() {
    local pgdata="$1" candidate
    candidate="$pgdata/run"
    if (( ${#candidate} + 20 > 107 )); then
        candidate="/tmp/hms-pg-local-$(printf '%s' "$pgdata" | sha256sum | cut -c1-12)"
    fi
    echo "$candidate"
}

running_port() {
    # postmaster.pid line 4 is the port; only meaningful while the server runs.
    local pgdata="$1"
    if as_pg "$PG_BIN/pg_ctl" status -D "$pgdata" >/dev/null 2>&1; then
        sed -n 4p "$pgdata/postmaster.pid"
        return 0
    fi
    return 1
}

wait_ready() {
    local port="$1" deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
    until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U postgres; do
        (( SECONDS < deadline )) || die "server on port $port not ready after ${READY_TIMEOUT_SECONDS}s"
        sleep 0.2
    done
}

psql_pg() {
    local port="$1"; shift
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

cmd_start() {
    [[ $# == 2 ]] || usage
    local dir="$1" port="$2"
    [[ "$port" =~ ^[0-9]+$ ]] && (( port > 0 && port < 65536 )) || die "bad port: $port"
    ensure_binaries

    local pgdata
    pgdata="$(resolve_pgdata "$dir" create)"
    mkdir -p "$pgdata"
    chown postgres:postgres "$pgdata"
    chmod 0700 "$pgdata"

    if [[ ! -f "$pgdata/PG_VERSION" ]]; then
        [[ -z "$(ls -A "$pgdata")" ]] || die "$pgdata is not empty and is not a PostgreSQL data directory"
        log "initdb $pgdata"
        as_pg "$PG_BIN/initdb" -D "$pgdata" -U postgres --auth=trust \
            --encoding=UTF8 --locale=C.UTF-8 >/dev/null
        # Loopback and the private socket only; trust is fine under that constraint.
        as_pg tee "$pgdata/pg_hba.conf" >/dev/null <<'EOF'
# pg-local.sh: throwaway cluster, loopback + private unix socket only.
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
EOF
    fi

    local current
    if current="$(running_port "$pgdata")"; then
        [[ "$current" == "$port" ]] || die "already running on port $current (asked for $port); stop it first"
        log "already running on port $port"
    else
        local sockdir
        sockdir="$(socket_dir_for "$pgdata")"
        mkdir -p "$sockdir"
        chown postgres:postgres "$sockdir"
        chmod 0700 "$sockdir"
        log "starting on 127.0.0.1:$port (data $pgdata)"
        as_pg "$PG_BIN/pg_ctl" start -D "$pgdata" -w -t "$READY_TIMEOUT_SECONDS" \
            -l "$pgdata/server.log" \
            -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$sockdir'" >/dev/null \
            || { tail -n 30 "$pgdata/server.log" >&2 || true; die "pg_ctl start failed"; }
    fi

    wait_ready "$port"
    if [[ "$(psql_pg "$port" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]]; then
        log "creating database $DB_NAME"
        psql_pg "$port" -d postgres -c "CREATE DATABASE $DB_NAME"
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$DB_NAME"
}

cmd_stop() {
    [[ $# == 1 || $# == 2 ]] || usage
    local mode="${2:-fast}"
    [[ "$mode" == fast || "$mode" == immediate ]] || die "bad stop mode: $mode (fast or immediate)"
    [[ -d "$1" ]] || { log "no such directory: $1 (nothing to stop)"; return 0; }
    local pgdata
    pgdata="$(resolve_pgdata "$1")"
    if [[ -f "$pgdata/postmaster.pid" ]] && running_port "$pgdata" >/dev/null; then
        as_pg "$PG_BIN/pg_ctl" stop -D "$pgdata" -m "$mode" -w -t "$READY_TIMEOUT_SECONDS" >/dev/null
        log "stopped ($pgdata)"
    else
        log "not running ($pgdata)"
    fi
}

cmd_status() {
    [[ $# == 1 ]] || usage
    [[ -d "$1" ]] || { echo "stopped"; return 3; }
    local pgdata port
    pgdata="$(resolve_pgdata "$1")"
    if [[ -f "$pgdata/PG_VERSION" ]] && port="$(running_port "$pgdata")"; then
        echo "running port=$port pgdata=$pgdata"
        return 0
    fi
    echo "stopped pgdata=$pgdata"
    return 3
}

cmd_destroy() {
    [[ $# == 1 ]] || usage
    [[ -d "$1" ]] || return 0
    cmd_stop "$1"
    local dir pgdata
    dir="$(realpath "$1")"
    pgdata="$(resolve_pgdata "$dir")"
    if [[ "$pgdata" != "$dir" ]]; then
        case "$pgdata" in
            "$SHADOW_ROOT"/*) rm -rf -- "$pgdata" ;;
            *) die "refusing to delete unexpected data directory $pgdata" ;;
        esac
    fi
    local sockdir
    sockdir="$(socket_dir_for "$pgdata")"
    case "$sockdir" in
        /tmp/hms-pg-local-*) rm -rf -- "$sockdir" ;;
    esac
    find "$dir" -mindepth 1 -delete
    log "destroyed $dir"
}

main() {
    [[ $# -ge 1 ]] || usage
    local sub="$1"; shift
    case "$sub" in
        start)   cmd_start "$@" ;;
        stop)    cmd_stop "$@" ;;
        status)  cmd_status "$@" ;;
        destroy) cmd_destroy "$@" ;;
        *)       usage ;;
    esac
}

main "$@"
