#!/usr/bin/env bash
# tests/bench/php.sh start|stop VAR [CHILDREN]: the PHP-FPM reference page
# of `make bench` (tests/bench/index.php) on a running private stack
# (conf/devstack.sh). start writes a php-fpm pool of CHILDREN static
# children on the unix socket $VAR/run/php-fpm.sock, with the app's
# database account in its environment, and starts php-fpm. The nginx
# location that reaches it is $VAR/bench-php.nginx (written by start too),
# which the bench passes to devstack.sh as STEGVIS_NGINX_INCLUDE, so that
# only the bench's stack has it: GET /_bench/php.
# stop ends exactly the php-fpm that start started.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cmd=${1:?start|stop}
VAR=${2:?VAR}
CHILDREN=${3:-$((2 * $(nproc)))}
PIDF="$VAR/run/php-fpm.pid"

case "$cmd" in
nginx)
	# The location only (before the stack starts): the include file.
	mkdir -p "$VAR"
	cat > "$VAR/bench-php.nginx" <<NGINX
# make bench only (tests/bench/php.sh): the PHP-FPM reference page.
location = /_bench/php {
	include /etc/nginx/fastcgi_params;
	fastcgi_param SCRIPT_FILENAME $ROOT/tests/bench/index.php;
	fastcgi_pass unix:$VAR/run/php-fpm.sock;
}
NGINX
	;;
start)
	fpm=$(command -v php-fpm || ls /usr/sbin/php-fpm* 2> /dev/null | head -n 1 || true)
	[ -x "$fpm" ] || { echo "no php-fpm: sh conf/deps.sh php" >&2; exit 1; }
	user_lines=""
	asroot=()
	if [ "$(id -u)" -eq 0 ]; then
		# As root, as the dev stack's nginx: one user for the whole stack.
		user_lines=$'user = root\ngroup = root'
		asroot=(-R)
	fi
	cat > "$VAR/php-fpm.conf" <<CONF
[global]
pid = $PIDF
error_log = $VAR/log/php-fpm.log
daemonize = yes

[bench]
$user_lines
listen = $VAR/run/php-fpm.sock
pm = static
pm.max_children = $CHILDREN
; As many requests per child as it likes (no recycling), as stegvis.
pm.max_requests = 0
clear_env = yes
env[STEGVIS_DB_SOCKET] = $VAR/run/mysqld.sock
env[STEGVIS_DB_USER] = stegvis
env[STEGVIS_DB_PASS] = $(cat "$VAR/db.pass")
php_admin_value[display_errors] = stderr
php_admin_value[opcache.enable] = 1
CONF
	chmod 600 "$VAR/php-fpm.conf"
	"$fpm" "${asroot[@]}" -y "$VAR/php-fpm.conf" -p "$VAR" > /dev/null 2>&1 \
		|| { echo "php-fpm did not start, see $VAR/log/php-fpm.log" >&2; exit 1; }
	for _ in $(seq 100); do
		[ -S "$VAR/run/php-fpm.sock" ] && exit 0
		sleep 0.1
	done
	echo "php-fpm did not start, see $VAR/log/php-fpm.log" >&2
	exit 1
	;;
stop)
	pid=$(cat "$PIDF" 2> /dev/null) || exit 0
	[ -n "$pid" ] || exit 0
	kill -TERM "$pid" 2> /dev/null || { rm -f "$PIDF"; exit 0; }
	for _ in $(seq 50); do
		kill -0 "$pid" 2> /dev/null || { rm -f "$PIDF"; exit 0; }
		sleep 0.1
	done
	kill -KILL "$pid" 2> /dev/null || true
	rm -f "$PIDF"
	;;
*)
	echo "usage: $0 nginx|start|stop VAR [CHILDREN]" >&2
	exit 2
	;;
esac
