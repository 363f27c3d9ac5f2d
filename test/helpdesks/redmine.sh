#!/bin/bash
# Redmine 5 (Debian 12 packages) on 127.0.0.1: a throwaway instance with its own SQLite database.
# Adapted from the team's tested recipe (shared/recipes/helpdesks/redmine.sh).
# usage: redmine.sh install | setup | start | stop   (setup writes $RUN/api_key, project "ci")
set -euo pipefail
RM_PORT=${RM_PORT:-3101}
INST=${RM_INSTANCE:-mayday-ci}
RUN=${RM_RUN:-${HELPDESKS_DIR:-${TMPDIR:-/tmp}/mayday-helpdesks}/redmine}
BASE=http://127.0.0.1:$RM_PORT
export REDMINE_INSTANCE=$INST RAILS_ENV=production
PKGS=(redmine redmine-sqlite thin)
. "$(dirname "$0")/common.sh"

install_rm() {
  installed "${PKGS[@]}" && { echo "redmine: already installed"; return 0; }
  no_daemons_from_apt
  debconf-set-selections <<'EOF'
redmine redmine/current-instances string default
redmine redmine/instances/default/dbconfig-install boolean true
redmine redmine/instances/default/database-type select sqlite3
redmine redmine/instances/default/default-language select en
EOF
  # thin: Redmine's Gemfile loads it only if installed; without it "rails server" fails with
  # 'Could not find server ""'.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${PKGS[@]}"
}

setup_rm() {   # Redmine.root is /var/lib/redmine/$INST: point it at $RUN
  rm -rf "$RUN"; rm -f "/var/lib/redmine/$INST"
  mkdir -p "$RUN/config" "$RUN/log" "$RUN/files" "$RUN/tmp" "$RUN/public/plugin_assets"
  ln -sfn "$RUN" "/var/lib/redmine/$INST"
  printf 'production:\n  adapter: sqlite3\n  database: %s/redmine.sqlite3\n  encoding: utf8\n' "$RUN" > "$RUN/config/database.yml"
  printf 'production:\n  email_delivery:\n    delivery_method: :test\n' > "$RUN/config/configuration.yml"
  ruby -rsecurerandom -e 'puts SecureRandom.hex(32)' > "$RUN/config/secret_key.txt"
  cat > "$RUN/setup.rb" <<'EOF'
Redmine::DefaultData::Loader.load('en') if Redmine::DefaultData::Loader.no_data?
Setting.rest_api_enabled = '1'
Setting.notified_events = []
admin = User.find_by_login!('admin')
Project.find_by_identifier('ci') ||
  Project.create!(name: 'CI', identifier: 'ci', is_public: false, tracker_ids: Tracker.pluck(:id))
File.write(File.join(ENV.fetch('RUN'), 'api_key'), admin.api_key)
EOF
  cd /usr/share/redmine
  # Two processes: migrating and loading default data in one rake run fails yet exits 0.
  SCHEMA=/dev/null bundle exec rake db:migrate > "$RUN/setup.log" 2>&1 \
    || { echo "redmine: migration failed:"; cat "$RUN/setup.log"; exit 1; }
  RUN=$RUN bundle exec rails runner "$RUN/setup.rb" >> "$RUN/setup.log" 2>&1 \
    || { echo "redmine: setup failed:"; cat "$RUN/setup.log"; exit 1; }
  [ -s "$RUN/api_key" ] || { echo "redmine: no API key was written:"; cat "$RUN/setup.log"; exit 1; }
}

start_rm() {
  if curl -s -o /dev/null "$BASE/"; then echo "redmine: something already listens on port $RM_PORT; stop it or set RM_PORT"; exit 1; fi
  cd /usr/share/redmine
  nohup bundle exec rails server -b 127.0.0.1 -p "$RM_PORT" -P "$RUN/server.pid" > "$RUN/server.out" 2>&1 < /dev/null &
  echo $! > "$RUN/redmine.pid"
  wait_up redmine "$BASE/" "$RUN/redmine.pid" "$RUN/server.out"
}

stop_rm() { stop_pid "$RUN/redmine.pid"; }

case "${1:-}" in
  install) install_rm ;; setup) setup_rm ;; start) start_rm ;; stop) stop_rm ;;
  *) echo "usage: $0 install|setup|start|stop"; exit 2 ;;
esac
