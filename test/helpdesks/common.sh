# Shared by rt.sh and redmine.sh (sourced): package checks, waiting for a server, stopping it.

installed() { for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || return 1; done; }

# Never start daemons from maintainer scripts (Docker images ship this file; other machines may not).
no_daemons_from_apt() {
  [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; }
}

# wait_up NAME URL PIDFILE LOG: until URL answers, failing with the log if the process dies first.
wait_up() {
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "$2" && { echo "$1: up on $2"; return 0; }
    kill -0 "$(cat "$3")" 2>/dev/null || { echo "$1: the server exited:"; cat "$4"; exit 1; }
    sleep 0.2
  done
  echo "$1: no answer on $2 after 60 s:"; tail -n 40 "$4"; exit 1
}

# stop_pid PIDFILE: SIGTERM, then wait up to 10 s for the process to go.
stop_pid() {
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$1"
}
