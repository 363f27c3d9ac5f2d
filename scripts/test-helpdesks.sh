#!/usr/bin/env bash
# npm run test:helpdesks: installs (apt, the first time) and starts Request Tracker 5 and Redmine 5 on
# 127.0.0.1 with throwaway SQLite data, builds the extension, runs test/e2e/helpdesk-*.e2e.ts against
# them, then stops the servers whatever happened. Needs Debian 12, root (apt) and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
H=test/helpdesks
own_dir=${HELPDESKS_DIR:-}
export HELPDESKS_DIR=${HELPDESKS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/mayday-helpdesks.XXXXXX")}
export RT_PORT=${RT_PORT:-8182} RM_PORT=${RM_PORT:-3101}

fail() { echo "test:helpdesks: $*" >&2; exit 1; }
step() { echo; echo "== $* ($(( $(date +%s) - started )) s)"; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

[ "$(id -u)" = 0 ] || fail "needs root: it installs and runs the request-tracker5 and redmine packages."
command -v apt-get > /dev/null || fail "needs apt-get: the helpdesks come from Debian 12's packages."

missing=()
for pkg in curl request-tracker5 rt5-db-sqlite rt5-standalone redmine redmine-sqlite thin; do installed "$pkg" || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing ${missing[*]}"
  apt-get update -qq || fail "apt-get update failed: check the network and /etc/apt/sources.list."
  installed curl || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl > /dev/null
  $H/rt.sh install > "$HELPDESKS_DIR/rt-install.log" 2>&1 || { tail -n 30 "$HELPDESKS_DIR/rt-install.log"; fail "could not install Request Tracker (log: $HELPDESKS_DIR/rt-install.log)"; }
  $H/redmine.sh install > "$HELPDESKS_DIR/redmine-install.log" 2>&1 || { tail -n 30 "$HELPDESKS_DIR/redmine-install.log"; fail "could not install Redmine (log: $HELPDESKS_DIR/redmine-install.log)"; }
fi

status=1
stop() {
  $H/rt.sh stop || true
  $H/redmine.sh stop || true
  # Throwaway data goes once the run passed; after a failure it stays for its logs.
  if [ $status -eq 0 ] && [ -z "$own_dir" ]; then rm -rf "$HELPDESKS_DIR"; rm -f /var/lib/redmine/mayday-ci; fi
}
trap stop EXIT

step "Fresh RT and Redmine instances under $HELPDESKS_DIR"
$H/rt.sh setup & rt_setup=$!
$H/redmine.sh setup & redmine_setup=$!
wait $rt_setup || fail "Request Tracker setup failed (see above)."
wait $redmine_setup || fail "Redmine setup failed (see above)."

step "Starting RT on :$RT_PORT and Redmine on :$RM_PORT"
$H/rt.sh start
$H/redmine.sh start

step "E2E against the real helpdesks"
status=0
MAYDAY_HELPDESKS=1 \
MAYDAY_RT_URL=http://127.0.0.1:$RT_PORT MAYDAY_RT_TOKEN=$(cat "$HELPDESKS_DIR/rt/token") \
MAYDAY_REDMINE_URL=http://127.0.0.1:$RM_PORT MAYDAY_REDMINE_KEY=$(cat "$HELPDESKS_DIR/redmine/api_key") \
  npx vitest run --config vitest.e2e.config.ts || status=$?

if [ $status -ne 0 ]; then
  echo "Server logs: $HELPDESKS_DIR/rt/log/rt.log, $HELPDESKS_DIR/rt/server.out, $HELPDESKS_DIR/redmine/log/production.log"
fi
step "test:helpdesks $([ $status -eq 0 ] && echo passed || echo FAILED)"
exit $status
