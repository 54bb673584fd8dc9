#!/usr/bin/env bash
# The private Stegvis stack for development and tests: MariaDB (unix socket
# only), the stegvis worker pool and nginx, all under one directory VAR.
#
#   devstack.sh start VAR PORT BIN   start what is not running yet (idempotent)
#   devstack.sh stop VAR             stop exactly what start started
#   devstack.sh db-stop|db-start VAR stop/start only MariaDB (for tests)
#
# Nothing here touches the system-wide MariaDB or nginx.
# STEGVIS_DB_EXTERNAL=1: MariaDB is not ours to start or stop; a server is
# already answering at VAR/run/mysqld.sock (make check-ha's cluster node).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# mariadbd and nginx live in /usr/sbin, which a normal user's PATH lacks.
PATH=$PATH:/usr/sbin:/sbin
cmd=${1:-}
VAR=${2:-}
[ -n "$cmd" ] && [ -n "$VAR" ] || { echo "usage: $0 start|stop VAR [PORT BIN]" >&2; exit 2; }

say() { printf 'stegvis: %s\n' "$*"; }
die() { printf 'stegvis: %s\n' "$*" >&2; exit 1; }

# 1 if the pid in file $1 is a live process.
alive() { local pid; pid=$(cat "$1" 2> /dev/null) && [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null; }

# Send SIGTERM to the pid in $1 and wait up to $2 seconds for it to go;
# then SIGKILL its whole process group (each daemon here leads its own,
# through setsid), so no worker is left behind.
stop_pid() {
	local f=$1 secs=${2:-30} pid
	alive "$f" || { rm -f "$f"; return 0; }
	pid=$(cat "$f" 2> /dev/null) || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq $((secs * 10))); do
		kill -0 "$pid" 2>/dev/null || { rm -f "$f"; return 0; }
		sleep 0.1
	done
	kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
	rm -f "$f"
}

admin_sql() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" "$@"; }

start_mariadb() {
	local rootopt=()
	if [ -n "${STEGVIS_DB_EXTERNAL:-}" ]; then
		admin_sql -e 'SELECT 1' > /dev/null 2>&1 \
			|| die "STEGVIS_DB_EXTERNAL: nothing answers at $VAR/run/mysqld.sock"
		return 0
	fi
	[ "$(id -u)" -eq 0 ] && rootopt=(--user=root)
	if [ ! -d "$VAR/mysql/mysql" ]; then
		say "initialising MariaDB in $VAR/mysql"
		mariadb-install-db --no-defaults "${rootopt[@]}" --datadir="$VAR/mysql" \
			--auth-root-authentication-method=socket \
			--auth-root-socket-user="$(id -un)" --skip-test-db \
			> "$VAR/log/mariadb-install.log" 2>&1 \
			|| die "mariadb-install-db failed, see $VAR/log/mariadb-install.log"
	fi
	if ! alive "$VAR/run/mysqld.pid"; then
		# --skip-networking: no TCP port at all, only the unix socket.
		setsid mariadbd --no-defaults "${rootopt[@]}" --datadir="$VAR/mysql" \
			--socket="$VAR/run/mysqld.sock" --pid-file="$VAR/run/mysqld.pid" \
			--skip-networking --log-error="$VAR/log/mariadb.log" \
			--tmpdir="$VAR/tmp" \
			--innodb-buffer-pool-size=256M --character-set-server=utf8mb4 \
			--collation-server=utf8mb4_swedish_ci --max-connections=200 \
			< /dev/null > /dev/null 2>&1 &
	fi
	for _ in $(seq 300); do
		admin_sql -e 'SELECT 1' > /dev/null 2>&1 && return 0
		sleep 0.1
	done
	die "MariaDB did not start, see $VAR/log/mariadb.log"
}

# The database, the application's own account (data rights only: no DDL) and
# its password in a file the conf points to.
create_database() {
	if [ ! -s "$VAR/db.pass" ]; then
		(umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$VAR/db.pass")
	fi
	admin_sql <<SQL
CREATE DATABASE IF NOT EXISTS stegvis CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci;
CREATE USER IF NOT EXISTS 'stegvis'@'localhost' IDENTIFIED BY '$(cat "$VAR/db.pass")';
ALTER USER 'stegvis'@'localhost' IDENTIFIED BY '$(cat "$VAR/db.pass")';
SQL
}

# The stack's own backup key (an age identity: it encrypts and decrypts),
# so `stegvis backup -c $VAR/stegvis.conf` and `stegvis restore` work as
# they are. Made once, 0600, inside $VAR (never in git: /var/ is ignored).
make_backup_key() {
	[ -s "$VAR/backup.key" ] && return 0
	command -v age-keygen > /dev/null 2>&1 || {
		say "no age-keygen: backups need a key, see README \"Säkerhetskopior\""
		return 0
	}
	(umask 077 && age-keygen -o "$VAR/backup.key" 2> /dev/null) \
		|| die "age-keygen failed"
	chmod 600 "$VAR/backup.key"
}

write_conf() {
	cat > "$VAR/stegvis.conf" <<CONF
# Written by conf/devstack.sh for the private stack; see conf/stegvis.conf.
socket = $VAR/run/stegvis.sock
db_socket = $VAR/run/mysqld.sock
db_password_file = $VAR/db.pass
views = $ROOT/views
base_url = http://127.0.0.1:$PORT
secure_cookies = 0
sus_export_dir = $VAR/sus
backup_dir = $VAR/backup
backup_key_file = $VAR/backup.key
CONF
	# Tests tune the pool (workers, max_requests) through the environment.
	[ -n "${STEGVIS_EXTRA_CONF:-}" ] && printf '%s\n' "$STEGVIS_EXTRA_CONF" >> "$VAR/stegvis.conf"
	return 0
}

start_stegvis() {
	if alive "$VAR/run/stegvis.pid"; then
		# A rebuilt binary must be the one serving: restart, do not reuse.
		stop_pid "$VAR/run/stegvis.pid" 40
	fi
	# The subshell execs the server: nothing lingers holding our stdout.
	(cd "$ROOT" && exec setsid "$BIN" serve -c "$VAR/stegvis.conf" \
		--pid-file "$VAR/run/stegvis.pid") < /dev/null >> "$VAR/log/stegvis.log" 2>&1 &
	# Up to 30 s: a loaded machine (two test runs side by side) can take
	# more than 10 s to start the workers and answer.
	for _ in $(seq 300); do
		[ -S "$VAR/run/stegvis.sock" ] && alive "$VAR/run/stegvis.pid" && return 0
		sleep 0.1
	done
	die "stegvis did not start, see $VAR/log/stegvis.log"
}

start_nginx() {
	local user_line=""
	# As root nginx would switch its workers to nobody, who cannot reach
	# the private socket; keep the dev stack under one user.
	[ "$(id -u)" -eq 0 ] && user_line="user root;"
	sed -e "s|@VAR@|$VAR|g" -e "s|@PORT@|$PORT|g" -e "s|@ROOT@|$ROOT|g" \
		-e "s|@USER_LINE@|$user_line|g" "$ROOT/conf/nginx.conf.in" > "$VAR/nginx.conf"
	# An extra file of server-block directives for this stack only (make
	# bench: the PHP-FPM reference page's location), included after
	# server_name; absolute path.
	if [ -n "${STEGVIS_NGINX_INCLUDE:-}" ]; then
		sed -i "s|^\([[:space:]]*server_name localhost;\)$|\1\n\t\tinclude $STEGVIS_NGINX_INCLUDE;|" "$VAR/nginx.conf"
	fi
	if alive "$VAR/run/nginx.pid"; then
		nginx -q -p "$VAR/nginx" -c "$VAR/nginx.conf" -e "$VAR/log/nginx-error.log" -s reload
	else
		nginx -q -p "$VAR/nginx" -c "$VAR/nginx.conf" -e "$VAR/log/nginx-error.log" \
			|| die "nginx did not start, see $VAR/log/nginx-error.log"
	fi
	for _ in $(seq 300); do
		curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && return 0
		sleep 0.1
	done
	die "http://127.0.0.1:$PORT/ does not answer, see $VAR/log/"
}

case "$cmd" in
start)
	PORT=${3:?port}
	BIN=${4:?binary}
	[ -x "$BIN" ] || die "no binary at $BIN: run make first"
	mkdir -p "$VAR"/{run,log,mysql,nginx,tmp}
	chmod 700 "$VAR"
	start_mariadb
	create_database
	(cd "$ROOT" && "$BIN" migrate --socket "$VAR/run/mysqld.sock" --admin-user "$(id -un)") \
		|| die "migrations failed"
	(cd "$ROOT" && "$BIN" demo-load --socket "$VAR/run/mysqld.sock" --admin-user "$(id -un)") \
		|| die "loading demo data failed"
	# STEGVIS_DEMO_AS_OF pins the day the demo people are made as of
	# (tests/run.sh does, so that the data is the same on every day).
	(cd "$ROOT" && "$BIN" demo-participants --socket "$VAR/run/mysqld.sock" --admin-user "$(id -un)" \
		${STEGVIS_DEMO_AS_OF:+--as-of "$STEGVIS_DEMO_AS_OF"}) \
		|| die "generating demo participants failed"
	make_backup_key
	write_conf
	# Questionnaire definitions (the shipped examples) and answered demo
	# questionnaires, through the app's own account: see README.
	(cd "$ROOT" && for f in SOFTLEG EXEMPEL; do "$BIN" questionnaire-import -c "$VAR/stegvis.conf" --forbund "$f" conf/questionnaires/*.xml || exit 1; done) \
		> "$VAR/log/questionnaire-import.log" 2>&1 \
		|| die "loading the questionnaires failed, see $VAR/log/questionnaire-import.log"
	(cd "$ROOT" && "$BIN" demo-questionnaires -c "$VAR/stegvis.conf") \
		|| die "generating demo questionnaires failed"
	start_stegvis
	start_nginx
	cat <<MSG

Stegvis is running at http://127.0.0.1:$PORT/
  logs: $VAR/log/   stop: make stop
  demo logins (password stegvis-demo):
    admin            admin
    remittent.fk     remittent, Försäkringskassan
    remittent.soc    remittent, Trollhättan ekonomiskt bistånd
    personal.fv      insatspersonal, Friska Vindar 2.0
    personal.tramp   insatspersonal, Trampolinen Trollhättan + Lilla Edet
    personal.cm      insatspersonal, Case Manager Grästorp (running: a live inbox)
    forbund          förbundschef (aggregates only)
    sus-job          integration account (token, no password)
  a second, invented förbund (Exempelbygden), its start page at
  http://exempelbygden.stegvis.localhost:$PORT/ :
    admin.exempel, remittent.exempel, personal.exempel (Steg framåt),
    forbund.exempel, sus-job.exempel
MSG
	;;
db-stop)
	stop_pid "$VAR/run/mysqld.pid" 60
	;;
db-start)
	start_mariadb
	;;
stop)
	[ -d "$VAR" ] || exit 0
	if alive "$VAR/run/nginx.pid"; then
		nginx -q -p "$VAR/nginx" -c "$VAR/nginx.conf" -e "$VAR/log/nginx-error.log" -s quit || true
		for _ in $(seq 100); do alive "$VAR/run/nginx.pid" || break; sleep 0.1; done
	fi
	stop_pid "$VAR/run/nginx.pid" 5
	stop_pid "$VAR/run/stegvis.pid" 40
	stop_pid "$VAR/run/mysqld.pid" 60
	;;
*)
	echo "usage: $0 start|stop VAR [PORT BIN]" >&2
	exit 2
	;;
esac
