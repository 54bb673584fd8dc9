# make install: the tree a Debian admin expects, a kept conf, units that
# verify, an nginx site that passes nginx -t, and one request served by the
# installed binary from the installed tree (through that site, over TLS).
# Its own database (stegvis_install) in the check MariaDB, migrated by the
# installed binary: the shared stack's database is not touched.
. "$(dirname "$0")/lib.sh"

d=$(mktemp -d)
R=$d/root # DESTDIR
S=$R/usr/share/stegvis
DB=stegvis_install
mkdir -p "$d/log" "$d/nginx" "$d/sus"
at_exit "[ -s '$d/nginx.pid' ] && kill \$(cat '$d/nginx.pid') 2> /dev/null"
at_exit "[ -s '$d/stegvis.pid' ] && kill \$(cat '$d/stegvis.pid') 2> /dev/null; sleep 0.5"
at_exit "drop_scratch_db $DB"
at_exit "rm -rf '$d'"

install_into() { make -C "$ROOT" --no-print-directory install DESTDIR="$R" PREFIX=/usr; }

# --- the tree -----------------------------------------------------------
check "make install DESTDIR=… PREFIX=/usr succeeds" quiet install_into
check "the binary is in PREFIX/bin, executable, the one built" \
	bash -c "[ -x '$R/usr/bin/stegvis' ] && cmp -s '$R/usr/bin/stegvis' '$BIN'"
for f in views/layout.html views/partials/chart.html views/static/stegvis.css \
	views/static/errors/503.html conf/sus-export-1.xsd conf/sus-export-2.xsd conf/questionnaire.xsd \
	conf/questionnaires/livskvalitet.xml sql/0001_organisations_insatser.sql \
	nginx-site.conf; do
	check "share has $f" test -s "$S/$f"
done
eq "every migration is installed" "$(ls "$S"/sql | wc -l)" \
	"$(ls "$ROOT"/sql/[0-9][0-9][0-9][0-9]_*.sql | wc -l)"
check "demo data (sql/demo.sql, known passwords) is not installed" test ! -e "$S/sql/demo.sql"
check "the conf is in /etc/stegvis" test -s "$R/etc/stegvis/stegvis.conf"
check "the conf points at the share directory" \
	grep -qx 'views = /usr/share/stegvis/views' "$R/etc/stegvis/stegvis.conf"
check "and at the SUS schema there" grep -qx \
	'sus_schema = /usr/share/stegvis/conf/sus-export-2.xsd' "$R/etc/stegvis/stegvis.conf"
units=0
for u in "$ROOT"/conf/stegvis*.service "$ROOT"/conf/stegvis*.timer; do
	[ -e "$u" ] || continue
	units=$((units + 1))
	check "unit ${u##*/} is installed" test -s "$R/usr/lib/systemd/system/${u##*/}"
done
check "the service runs the installed binary with the installed conf" grep -qx \
	'ExecStart=/usr/bin/stegvis serve -c /etc/stegvis/stegvis.conf' \
	"$R/usr/lib/systemd/system/stegvis.service"
check "no /usr/local path is left in the units or the site (PREFIX=/usr)" \
	bash -c "! grep -rh /usr/local '$R/usr/lib/systemd/system' '$S/nginx-site.conf' | grep -qv '^[[:space:]]*#'"

hour() { sed -n -E 's/^OnCalendar=\*-\*-\* ([0-9]{2}):([0-9]{2}).*/\1\2/p' "$R/usr/lib/systemd/system/$1"; }
check "gallring runs before the backup (timers $(hour stegvis-gallring.timer) < $(hour stegvis-backup.timer))" \
	test "$(hour stegvis-gallring.timer)" -lt "$(hour stegvis-backup.timer)"
check "the backup is ordered after gallring when both start at once" \
	grep -qE '^After=.*stegvis-gallring\.service' "$R/usr/lib/systemd/system/stegvis-backup.service"

# --- a second install keeps an edited conf -------------------------------
quiet install_into
check "a reinstall over an unedited conf leaves no .dist" test ! -e "$R/etc/stegvis/stegvis.conf.dist"
sed -i 's/^workers = 0$/workers = 3/' "$R/etc/stegvis/stegvis.conf"
install_into > "$d/install2.log" 2>&1
check "a reinstall keeps the admin's edit" grep -qx 'workers = 3' "$R/etc/stegvis/stegvis.conf"
check "and puts the new default beside it" grep -qx 'workers = 0' "$R/etc/stegvis/stegvis.conf.dist"
check "and says so" grep -q 'kept your edited' "$d/install2.log"

# --- systemd units --------------------------------------------------------
if command -v systemd-analyze > /dev/null 2>&1; then
	# verify wants the binary on its path: point the copies into DESTDIR.
	mkdir -p "$d/units"
	for u in "$R"/usr/lib/systemd/system/stegvis*; do
		sed "s|/usr/bin/stegvis|$R/usr/bin/stegvis|g" "$u" > "$d/units/${u##*/}"
	done
	# It exits 0 on unknown keys and bad values too: any output fails.
	out=$(cd "$d/units" && systemd-analyze verify ./stegvis* 2>&1)
	rc=$?
	check "systemd-analyze verify: the $units unit(s) are clean${out:+: $out}" \
		test -z "$out" -a "$rc" -eq 0
else
	ok "systemd-analyze verify # SKIP systemd-analyze not installed"
fi

# --- the nginx site, with a throw-away self-signed certificate ------------
PATH=$PATH:/usr/sbin:/sbin
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
	-keyout "$d/key.pem" -out "$d/cert.pem" -days 2 -subj /CN=localhost > /dev/null 2>&1
p1=$(free_port)
p2=$(free_port)
while [ "$p2" = "$p1" ]; do p2=$(free_port); done
# site VARIANT: the installed example with this test's paths and ports.
site() {
	sed -e "s|/etc/ssl/stegvis/fullchain.pem|$d/cert.pem|" \
		-e "s|/etc/ssl/stegvis/privkey.pem|$d/key.pem|" \
		-e "s|/usr/share/stegvis|$S|g" -e "s|/run/stegvis/stegvis.sock|$d/stegvis.sock|" \
		-e "s|/var/log/nginx/|$d/log/|g" -e '/listen \[::\]/d' \
		-e "s|listen 443 |listen 127.0.0.1:$p1 |" -e "s|listen 80;|listen 127.0.0.1:$p2;|" \
		"$S/nginx-site.conf" > "$d/site.conf"
	if [ "$1" = sso ]; then
		sed -i -e '/# no SSO$/d' -e 's/^\([[:space:]]*\)#SSO /\1/' "$d/site.conf"
	fi
	cat > "$d/nginx.conf" <<NGINX
$([ "$(id -u)" -eq 0 ] && echo "user root;")
worker_processes 1;
pid $d/nginx.pid;
error_log $d/log/nginx-error.log warn;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	client_body_temp_path $d/nginx/body;
	fastcgi_temp_path $d/nginx/fastcgi;
	proxy_temp_path $d/nginx/proxy;
	uwsgi_temp_path $d/nginx/uwsgi;
	scgi_temp_path $d/nginx/scgi;
	include $d/site.conf;
}
NGINX
}
nginx_t() { nginx -q -t -p "$d/nginx" -c "$d/nginx.conf" -e "$d/log/nginx-error.log"; }
site sso
check "nginx -t accepts the site with the SSO lines turned on" quiet nginx_t
check "the SSO variant sets the param from the auth proxy only" \
	grep -q 'fastcgi_param STEGVIS_SSO_USER \$stegvis_sso_user;' "$d/site.conf"
site plain
check "nginx -t accepts the site as shipped" quiet nginx_t

# --- the installed binary migrates and serves -----------------------------
sql_admin "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci"
# The installed conf, pointed at this DESTDIR and the check MariaDB.
sed -e "s|/usr/share/stegvis|$S|g" -e "s|^socket = .*|socket = $d/stegvis.sock|" \
	-e "s|^db_socket = .*|db_socket = $VAR/run/mysqld.sock|" -e "s|^db_name = .*|db_name = $DB|" \
	-e "s|^db_password_file = .*|db_password_file = $VAR/db.pass|" \
	-e "s|^workers = .*|workers = 1|" -e "s|^sus_export_dir = .*|sus_export_dir = $d/sus|" \
	-e "s|^base_url = .*|base_url = https://127.0.0.1:$p1|" \
	"$R/etc/stegvis/stegvis.conf" > "$d/stegvis.conf"
# From /, so nothing can come from the checkout.
check "the installed stegvis migrates from the share directory" \
	bash -c "cd / && '$R/usr/bin/stegvis' migrate -c '$d/stegvis.conf' > '$d/log/migrate.log' 2>&1"
check "every migration was applied" grep -q 'schema up to date' "$d/log/migrate.log"
# Demo data (not installed) from the checkout, into this database.
sed "s|^views = .*|views = $ROOT/views|" "$d/stegvis.conf" > "$d/src.conf"
quiet "$BIN" demo-load -c "$d/src.conf"

# Progress: on a terminal (script gives a pty), and never without one.
TERM=xterm script -qec "cd / && '$R/usr/bin/stegvis' demo-participants -c '$d/stegvis.conf' --count 30" \
	/dev/null > "$d/tty.out" 2>&1
check "demo-participants shows progress on a terminal" grep -q 'demo-participants: 30 av 30' "$d/tty.out"
(cd / && "$R/usr/bin/stegvis" demo-participants -c "$d/stegvis.conf" --count 30 --force \
	> /dev/null 2> "$d/notty.err")
check "and writes nothing to stderr without one (cron)" test ! -s "$d/notty.err"
TERM=xterm script -qec "cd / && '$R/usr/bin/stegvis' sus-export -c '$d/stegvis.conf' --forbund SOFTLEG" \
	/dev/null > "$d/tty.out" 2>&1
check "sus-export shows progress on a terminal" grep -q 'sus-export: deltaganden: [0-9]' "$d/tty.out"
check "and its file is written" bash -c "ls '$d'/sus/sus-batch-*.xml > /dev/null 2>&1"
(cd / && "$R/usr/bin/stegvis" sus-export -c "$d/stegvis.conf" --forbund SOFTLEG --since 0 > /dev/null 2> "$d/notty.err")
check "sus-export writes nothing to stderr without a terminal" test ! -s "$d/notty.err"

(cd / && exec setsid "$R/usr/bin/stegvis" serve -c "$d/stegvis.conf" --pid-file "$d/stegvis.pid") \
	< /dev/null >> "$d/log/stegvis.log" 2>&1 &
wait_for 10 test -S "$d/stegvis.sock"
nginx -q -p "$d/nginx" -c "$d/nginx.conf" -e "$d/log/nginx-error.log"
wait_for 10 test -s "$d/nginx.pid"
H=https://127.0.0.1:$p1
expect_status "the installed tree serves the start page over TLS" 200 -k "$H/"
expect_body "rendered from the installed views and the database" "Friska Vindar 2.0"
expect_header "with HSTS" "Strict-Transport-Security: max-age=63072000"
expect_header "and the app's own security headers" "Content-Security-Policy:"
expect_status "a static file from the installed share" 200 -k "$H/static/stegvis.css"
expect_header "with HSTS on static files too" "Strict-Transport-Security:"
expect_header "and nosniff" "X-Content-Type-Options: nosniff"
expect_status "plain HTTP is only a redirect" 301 "http://127.0.0.1:$p2/start?x=1"
expect_header "to HTTPS" "Location: https://stegvis.example.se/start?x=1"
# Several förbund: a name under the main one is served and redirected to
# as itself, without editing the site; a name not ours goes to the main one.
expect_status "a förbund's name under the main one: a redirect" 301 -H "Host: exempel.stegvis.example.se" "http://127.0.0.1:$p2/start"
expect_header "... to the same name over HTTPS" "Location: https://exempel.stegvis.example.se/start"
expect_status "a name not ours: a redirect" 301 -H "Host: evil.example" "http://127.0.0.1:$p2/start"
expect_header "... to the main name" "Location: https://stegvis.example.se/start"
expect_status "a förbund's name over TLS: served" 200 -k --resolve "exempel.stegvis.example.se:$p1:127.0.0.1" "https://exempel.stegvis.example.se:$p1/static/stegvis.css"
check "a TLS 1.2 cipher without AEAD (CBC) is refused" bash -c \
	"! curl -sk --tls-max 1.2 --ciphers ECDHE-ECDSA-AES128-SHA -o /dev/null '$H/' 2> /dev/null"
expect_status "an AEAD one is taken" 200 -k --tls-max 1.2 --ciphers ECDHE-ECDSA-AES128-GCM-SHA256 "$H/"
check "the installed server logged no errors" bash -c "! grep -E '\] error |BUG: ' '$d/log/stegvis.log'"

done_testing
