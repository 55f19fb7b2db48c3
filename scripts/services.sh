#!/usr/bin/env bash
# Installs (when missing) and starts CareFlows' services on loopback: PostgreSQL, RabbitMQ, the
# maildev SMTP sink and a Dovecot IMAP mailbox (for customers' replies). Safe to run any number of times: what is installed is not installed again,
# what runs is not started again. The names and passwords match appsettings.json and docker-compose.yml.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$here/.tools"          # git-ignored: the SMTP sink's npm install and the services' logs
mkdir -p "$tools"

PG_USER=careflows PG_PASSWORD=careflows PG_DB=careflows PG_EXTRA_DBS="careflows_tests careflows_bench"
RABBIT_USER=careflows RABBIT_PASSWORD=careflows RABBIT_EXTRA_VHOSTS="careflows-tests careflows-bench"
SMTP_PORT=${CAREFLOWS_SMTP_PORT:-1025} SMTP_WEB_PORT=${CAREFLOWS_SMTP_WEB_PORT:-1080}
IMAP_PORT=${CAREFLOWS_IMAP_PORT:-1143} IMAP_USERS="careflows careflows-tests"  IMAP_PASSWORD=careflows

log() { printf '[services] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

wait_for() { # wait_for <what> <seconds> <command...>
  local what=$1 deadline=$(( $(date +%s) + $2 )); shift 2
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then log "$what did not answer in time"; return 1; fi
    sleep 0.5
  done
  log "$what is up"
}

install_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  command -v rabbitmq-server >/dev/null || missing+=(rabbitmq-server)
  [ -x /usr/sbin/dovecot ] && [ -e /usr/lib/dovecot/imap ] || missing+=(dovecot-imapd)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    # Debian starts services from postinst when it can; we start them ourselves below.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_postgres() {
  local version; version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    as_root pg_ctlcluster "$version" main start || true
  fi
  wait_for PostgreSQL 60 pg_isready -h 127.0.0.1 -p 5432
  local psql=(as_root runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAX)
  if [ "$("${psql[@]}" -c "select 1 from pg_roles where rolname='$PG_USER'")" != 1 ]; then
    "${psql[@]}" -c "create role $PG_USER login createdb password '$PG_PASSWORD'"
  fi
  local db
  for db in "$PG_DB" $PG_EXTRA_DBS; do   # the tests and the benchmark get databases of their own
    if [ "$("${psql[@]}" -c "select 1 from pg_database where datname='$db'")" != 1 ]; then
      "${psql[@]}" -c "create database $db owner $PG_USER"
    fi
  done
}

# Everything RabbitMQ opens listens on loopback only: AMQP, the management UI, Erlang distribution and epmd. To
# reach it from elsewhere on purpose, change the addresses in /etc/rabbitmq/careflows.conf and below.
rabbit_env=(RABBITMQ_CONFIG_FILE=/etc/rabbitmq/careflows.conf RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_DIST_PORT=25672
  ERL_EPMD_ADDRESS=127.0.0.1 "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}")
# Every RabbitMQ command line tool is an Erlang node too, and the first one to run starts epmd if none runs: it must
# start it on loopback as well, or "is it up?" would open epmd on every interface before the server starts.
rabbit() { as_root env ERL_EPMD_ADDRESS=127.0.0.1 "$@"; }

listens_beyond_loopback() { # port: is anything listening on it on an address other than loopback?
  command -v ss >/dev/null || return 1
  ss -Hltn "sport = :$1" | awk '{print $4}' | grep -qvE '^(127\.[0-9.]+|\[::1\]):'
}

start_rabbitmq() {
  as_root mkdir -p /etc/rabbitmq
  printf '%s\n' '# Written by CareFlows scripts/services.sh: loopback only.' 'listeners.tcp.default = 127.0.0.1:5672' \
    'management.tcp.ip = 127.0.0.1' 'management.tcp.port = 15672' | as_root tee /etc/rabbitmq/careflows.conf >/dev/null
  if rabbit rabbitmq-diagnostics -q ping >/dev/null 2>&1 && { listens_beyond_loopback 5672 || listens_beyond_loopback 15672; }; then
    log "RabbitMQ listens beyond loopback (started by something else); restarting it on 127.0.0.1"
    rabbit rabbitmqctl -q stop >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do epmd -names 2>/dev/null | grep -q '^name rabbit ' || break; sleep 0.5; done
  fi
  if listens_beyond_loopback 4369 && ! rabbit rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
    epmd -kill >/dev/null 2>&1 || true   # an epmd on every interface, left by an earlier start; ours binds loopback
  fi
  if ! rabbit rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
    as_root env "${rabbit_env[@]}" rabbitmq-server -detached >/dev/null 2>&1 || true
  fi
  wait_for RabbitMQ 120 rabbit rabbitmq-diagnostics -q ping
  rabbit rabbitmq-plugins -q enable rabbitmq_management >/dev/null 2>&1 || true
  if ! rabbit rabbitmqctl -q list_users | grep -q "^$RABBIT_USER\b"; then
    rabbit rabbitmqctl -q add_user "$RABBIT_USER" "$RABBIT_PASSWORD" >/dev/null
    rabbit rabbitmqctl -q set_user_tags "$RABBIT_USER" administrator >/dev/null
    rabbit rabbitmqctl -q set_permissions -p / "$RABBIT_USER" '.*' '.*' '.*' >/dev/null
  fi
  local vhost
  for vhost in $RABBIT_EXTRA_VHOSTS; do   # and vhosts of their own
    if ! rabbit rabbitmqctl -q list_vhosts | grep -qx "$vhost"; then
      rabbit rabbitmqctl -q add_vhost "$vhost" >/dev/null
    fi
    rabbit rabbitmqctl -q set_permissions -p "$vhost" "$RABBIT_USER" '.*' '.*' '.*' >/dev/null
  done
}

start_smtp_sink() {
  if listens_beyond_loopback "$SMTP_WEB_PORT" && pgrep -f "maildev.*--web $SMTP_WEB_PORT" >/dev/null; then
    log "maildev's web UI listens beyond loopback (an older start); restarting it on 127.0.0.1"
    pkill -f "maildev.*--web $SMTP_WEB_PORT" || true
    sleep 1
  fi
  # A sink already answering (from another checkout, say) is used as it is: nothing to install or start.
  if ! curl -sf "http://127.0.0.1:$SMTP_WEB_PORT/api/healthz" >/dev/null 2>&1; then
    if [ ! -x "$tools/node_modules/.bin/maildev" ]; then
      log "installing maildev into $tools"
      (cd "$tools" && npm install --silent --no-audit --no-fund maildev@3.0.0 >/dev/null)
    fi
    nohup "$tools/node_modules/.bin/maildev" --smtp "$SMTP_PORT" --web "$SMTP_WEB_PORT" --ip 127.0.0.1 --web-ip 127.0.0.1 \
      </dev/null >"$tools/maildev.log" 2>&1 &
  fi
  wait_for "SMTP sink (maildev)" 60 curl -sf "http://127.0.0.1:$SMTP_WEB_PORT/api/healthz"
}

# Dovecot as a private instance with its own configuration (not the package's /etc/dovecot/dovecot.conf): IMAP only,
# on 127.0.0.1:$IMAP_PORT, plain login (loopback only), Maildir mailboxes under /var/lib/careflows/mail. One mailbox
# per user in IMAP_USERS: "careflows" for ./run.sh, "careflows-tests" for the tests.
DOVECOT_CONF=/etc/dovecot/careflows.conf
start_imap() {
  as_root mkdir -p /var/lib/careflows/mail /var/lib/careflows/dovecot-run
  local users="" user
  for user in $IMAP_USERS; do users+="$user:{PLAIN}$IMAP_PASSWORD::::::"$'\n'; done
  printf '%s' "$users" | as_root tee /var/lib/careflows/imap-users >/dev/null
  as_root chown -R dovecot:dovecot /var/lib/careflows/mail
  as_root tee "$DOVECOT_CONF" >/dev/null <<CONF
# Written by CareFlows' scripts/services.sh: a private Dovecot for development and tests, on loopback only.
protocols = imap
listen = 127.0.0.1
base_dir = /var/lib/careflows/dovecot-run
log_path = $tools/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:/var/lib/careflows/mail/%n
mail_uid = dovecot
mail_gid = dovecot
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n /var/lib/careflows/imap-users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=/var/lib/careflows/mail/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
  if pgrep -f "dovecot -c $DOVECOT_CONF" >/dev/null; then
    as_root doveadm -c "$DOVECOT_CONF" reload >/dev/null 2>&1 || true
  else
    # Its own stdio detached: a daemon holding the caller's pipe open would keep "services.sh | tail" waiting for ever.
    as_root /usr/sbin/dovecot -c "$DOVECOT_CONF" </dev/null >/dev/null 2>&1
  fi
  wait_for "IMAP mailbox (Dovecot)" 30 bash -c "exec 3<>/dev/tcp/127.0.0.1/$IMAP_PORT && head -c 4 <&3 | grep -q '^\\* OK'"
}

install_packages
start_postgres
start_rabbitmq
start_smtp_sink
start_imap
log "PostgreSQL 127.0.0.1:5432 (db $PG_DB)  RabbitMQ 127.0.0.1:5672 (UI http://127.0.0.1:15672)  SMTP 127.0.0.1:$SMTP_PORT (UI http://127.0.0.1:$SMTP_WEB_PORT)  IMAP 127.0.0.1:$IMAP_PORT (user careflows)"
