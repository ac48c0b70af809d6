#!/usr/bin/env bash
# Starts and stops a throwaway PostgreSQL server for the integration tests, without Docker.
#
#   scripts/postgres.sh start   prints ONE line on stdout, an Npgsql connection string
#   scripts/postgres.sh stop    stops that server and deletes its data dir
#
# The port is $AP_PG_PORT (default 55432), or the next free one if that is taken.
# Everything else goes to stderr, so `conn=$(scripts/postgres.sh start)` captures only
# the connection string. The server's data dir is remembered in $AP_PG_STATE_FILE
# (default ${TMPDIR:-/tmp}/accountplaybooks-pg.dir) so that `stop` can find it.
set -euo pipefail

state_file=${AP_PG_STATE_FILE:-${TMPDIR:-/tmp}/accountplaybooks-pg.dir}
default_port=${AP_PG_PORT:-55432}

log() { echo "postgres.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

conn_string() {
  # Auth is 'trust', so the password is never checked; Npgsql just wants one present.
  echo "Host=127.0.0.1;Port=$1;Username=postgres;Password=postgres;Database=postgres"
}

# Prints the directory holding initdb, pg_ctl and postgres. Debian keeps them off PATH
# in /usr/lib/postgresql/VERSION/bin; 15 (what Debian 12 ships) is preferred.
find_pg_bin() {
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [[ -x $d/initdb && -x $d/pg_ctl ]]; then echo "$d"; return 0; fi
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    # Resolve symlinks such as /usr/local/bin/initdb so pg_isready etc. sit beside it.
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  return 1
}

# A fresh machine (CI) has only the client, if that: install the server from Debian.
install_pg() {
  [[ $EUID -eq 0 ]] || die "PostgreSQL server binaries not found; run 'apt-get install postgresql' as root"
  log "PostgreSQL server binaries not found; installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends postgresql >&2
}

# initdb and pg_ctl refuse to run as root, so as root they run as the 'postgres' user
# (from cwd /, which that user can always read).
as_pg() {
  if [[ $EUID -ne 0 ]]; then
    "$@"
  elif command -v runuser >/dev/null; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
  fi
}

# True if something already accepts connections on 127.0.0.1:PORT.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints the data dir named in the state file if its server is up.
running_dir() {
  local dir
  [[ -f $state_file ]] || return 1
  dir=$(<"$state_file")
  [[ -n $dir && -f $dir/postmaster.pid ]] || return 1
  as_pg "$bin/pg_ctl" status -D "$dir" >/dev/null 2>&1 || return 1
  echo "$dir"
}

start() {
  local dir port tried=0 locale_opt=--no-locale

  # Already running (e.g. a second `start`): hand out the same server again.
  if dir=$(running_dir); then
    port=$(sed -n 4p "$dir/postmaster.pid") # line 4 of postmaster.pid is the port
    log "already running on port $port (data dir $dir)"
    conn_string "$port"
    return 0
  fi
  # A state file left by a crashed run: clean up its leftovers first.
  [[ -f $state_file ]] && stop

  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    log "creating the system user 'postgres' to own the data dir"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi

  dir=$(mktemp -d "${TMPDIR:-/tmp}/accountplaybooks-pg.XXXXXX")
  if [[ $EUID -eq 0 ]]; then
    chown postgres: "$dir"
    # A $TMPDIR under /root is unreachable for 'postgres': fall back to /tmp.
    if ! as_pg test -w "$dir"; then
      rm -rf -- "$dir"
      dir=$(mktemp -d /tmp/accountplaybooks-pg.XXXXXX)
      chown postgres: "$dir"
    fi
  fi
  # Written before anything can fail, so `stop` (test.sh's trap) always cleans up.
  echo "$dir" >"$state_file"

  # C.UTF-8 gives Unicode-aware lower()/upper() with byte-order collation and exists on
  # any Debian; without it, fall back to plain C (still UTF8-encoded).
  if locale -a 2>/dev/null | grep -iE '^c\.utf-?8$' >/dev/null; then locale_opt=--locale=C.UTF-8; fi

  local out
  if ! out=$(as_pg "$bin/initdb" -D "$dir" -A trust -U postgres --encoding=UTF8 "$locale_opt" --no-sync 2>&1); then
    echo "$out" >&2
    die "initdb failed"
  fi

  # fsync and friends off: the data is thrown away, so durability only costs time.
  # The socket goes into the data dir so nothing is needed in /var/run/postgresql.
  for ((port = default_port; port < default_port + 100; port++)); do
    if port_busy "$port"; then
      log "port $port is busy; trying the next one"
      continue
    fi
    if as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >&2; then
      break
    fi
    # Most likely another process grabbed the port meanwhile; give up after 3 failures.
    tail -n 5 "$dir/server.log" >&2 || true
    ((++tried < 3)) || die "could not start PostgreSQL (log: $dir/server.log)"
  done
  ((port < default_port + 100)) || die "no free port in $default_port..$((default_port + 99))"

  local i
  for ((i = 0; i < 30; i++)); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$port (data dir $dir)"
      conn_string "$port"
      return 0
    fi
    sleep 1
  done
  die "PostgreSQL on port $port did not become ready (log: $dir/server.log)"
}

stop() {
  local dir pid
  if [[ ! -f $state_file ]]; then
    log "no server recorded in $state_file; nothing to stop"
    return 0
  fi
  dir=$(<"$state_file")
  # Only ever delete a dir this script made.
  if [[ $dir == */accountplaybooks-pg.* && -d $dir ]]; then
    if [[ -f $dir/postmaster.pid ]]; then
      pid=$(head -n 1 "$dir/postmaster.pid")
      # 'immediate': no checkpoint, since the data is deleted right after.
      if ! as_pg "$bin/pg_ctl" -D "$dir" -m immediate -w stop >&2; then
        log "pg_ctl stop failed; sending SIGQUIT to postmaster $pid"
        kill -QUIT "$pid" 2>/dev/null || true
      fi
    fi
    rm -rf -- "$dir"
    log "removed $dir"
  fi
  rm -f -- "$state_file"
}

case ${1:-} in
  start)
    bin=$(find_pg_bin) || { install_pg && bin=$(find_pg_bin); } || die "no initdb/pg_ctl even after installing"
    start
    ;;
  stop)
    bin=$(find_pg_bin) || bin=/nonexistent # nothing installed means nothing is running
    stop
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
