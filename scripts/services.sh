#!/usr/bin/env bash
# Starts local Redis (127.0.0.1:6379) and PostgreSQL (127.0.0.1:5432) when they are not running,
# installing them first on Debian when missing. The test suite needs both; development needs
# them only when REDIS_URL or a postgres DATABASE_URL is set.
#   bash scripts/services.sh [redis] [postgres]      (both when none is named)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

wanted="${*:-redis postgres}"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  for _ in $(seq 1 50); do
    port_open "$1" && return 0
    sleep 0.2
  done
  return 1
}

if [[ " $wanted " == *" redis "* ]] && ! port_open 6379; then
  apt_install redis-server redis-server
  say "starting Redis on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no >/dev/null
  wait_port 6379 || fail "Redis did not start on 127.0.0.1:6379"
fi

if [[ " $wanted " == *" postgres "* ]] && ! port_open 5432; then
  fresh=0
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt_install pg_ctlcluster postgresql
    fresh=1
  fi
  version="$(ls /etc/postgresql | sort -n | tail -1)"
  [[ -n "$version" ]] || fail "PostgreSQL is installed but has no cluster in /etc/postgresql"
  if [[ "$fresh" == 1 ]]; then
    # A machine we just set up is a test machine: the suite connects as postgres without a password.
    hba="/etc/postgresql/$version/main/pg_hba.conf"
    as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
  fi
  say "starting PostgreSQL $version on 127.0.0.1:5432"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
    fail "could not start PostgreSQL: run 'sudo pg_ctlcluster $version main start'"
  wait_port 5432 || fail "PostgreSQL did not start on 127.0.0.1:5432"
fi
