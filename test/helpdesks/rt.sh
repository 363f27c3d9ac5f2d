#!/bin/bash
# Request Tracker 5 (Debian 12 packages) on 127.0.0.1 with a throwaway SQLite database.
# Adapted from the team's tested recipe (shared/recipes/helpdesks/rt.sh).
# usage: rt.sh install | setup | start | stop      (setup writes $RUN/token: an API token for root)
set -euo pipefail
RT_PORT=${RT_PORT:-8182}
RUN=${RT_RUN:-${HELPDESKS_DIR:-${TMPDIR:-/tmp}/mayday-helpdesks}/rt}
BASE=http://127.0.0.1:$RT_PORT
PKGS=(request-tracker5 rt5-db-sqlite rt5-standalone)
. "$(dirname "$0")/common.sh"

install_rt() {
  installed "${PKGS[@]}" && { echo "rt: already installed"; return 0; }
  no_daemons_from_apt
  debconf-set-selections <<'EOF'
request-tracker5 request-tracker5/rtname string rt.example.test
request-tracker5 request-tracker5/organization string example.test
request-tracker5 request-tracker5/correspondaddress string rt@example.test
request-tracker5 request-tracker5/commentaddress string rt-comment@example.test
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1:8181
request-tracker5 request-tracker5/webpath string /rt
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/initial-root-password password rt-root-pass
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
exim4-config exim4/dc_eximconfig_configtype select local delivery only; not on a network
exim4-config exim4/dc_local_interfaces string 127.0.0.1 ; ::1
exim4-config exim4/mailname string example.test
exim4-config exim4/use_split_config boolean false
EOF
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${PKGS[@]}"
}

setup_rt() {   # fresh config dir, SQLite DB and API token under $RUN; nothing in /etc changes
  rm -rf "$RUN"; mkdir -p "$RUN/conf.d" "$RUN/log"
  cat > "$RUN/conf.d/99-ci.pm" <<EOF
Set(\$rtname, 'rt.example.test');
Set(\$Organization, 'example.test');
Set(\$CorrespondAddress, 'rt@example.test');
Set(\$CommentAddress, 'rt-comment@example.test');
Set(\$Timezone, 'UTC');
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$RUN/rtdb');
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $RT_PORT);
Set(\$WebPath, '');
Set(\$WebBaseURL, 'http://127.0.0.1:$RT_PORT');
Set(\$MailCommand, 'mbox');        # no MTA: autoreplies go to an mbox file
Set(\$LogToSyslog, undef);         # containers have no syslog: log to a file we can show
Set(\$LogToSTDERR, 'warning');
Set(\$LogToFile, 'info');
Set(\$LogDir, '$RUN/log');
Set(\$LogToFileNamed, 'rt.log');
1;
EOF
  echo ci-root-pass > "$RUN/rootpw"
  RT_SITE_CONFIG_DIR=$RUN/conf.d rt-setup-database-5 --action init \
      --root-password-file "$RUN/rootpw" > "$RUN/setup.log" 2>&1 \
    || { echo "rt: database setup failed:"; cat "$RUN/setup.log"; exit 1; }
  RT_SITE_CONFIG_DIR=$RUN/conf.d perl -I/usr/share/request-tracker5/lib -MRT -e '
    RT::LoadConfig(); RT::Init(); my $u = RT::User->new(RT->SystemUser); $u->Load("root") or die "no root user\n";
    my ($id, $msg, $auth) = RT::AuthToken->new(RT::CurrentUser->new($u))->Create(Owner => $u->id, Description => "mayday-ci");
    die "$msg\n" unless $id; print $auth' > "$RUN/token" 2>> "$RUN/setup.log" \
    || { echo "rt: could not create an API token:"; cat "$RUN/setup.log"; exit 1; }
}

start_rt() {
  if curl -s -o /dev/null "$BASE/"; then echo "rt: something already listens on port $RT_PORT; stop it or set RT_PORT"; exit 1; fi
  RT_SITE_CONFIG_DIR=$RUN/conf.d nohup /usr/share/request-tracker5/libexec/rt-server \
      --host 127.0.0.1 --port "$RT_PORT" --max-workers 2 > "$RUN/server.out" 2>&1 < /dev/null &
  echo $! > "$RUN/rt-server.pid"
  wait_up rt "$BASE/REST/2.0/" "$RUN/rt-server.pid" "$RUN/server.out"
}

# TERM, never INT: RT's INT handler chowns /var/lib/request-tracker5.
stop_rt() { stop_pid "$RUN/rt-server.pid"; }

case "${1:-}" in
  install) install_rt ;; setup) setup_rt ;; start) start_rt ;; stop) stop_rt ;;
  *) echo "usage: $0 install|setup|start|stop"; exit 2 ;;
esac
