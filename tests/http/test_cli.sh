# The command line: template checks and start-up refusals.
. "$(dirname "$0")/lib.sh"

out=$(mktemp)
check "shipped views compile" "$BIN" check-views "$ROOT/views"

d=$(mktemp -d)
cp -r "$ROOT/views/." "$d/"
printf 'line one\n{{#list}}\n{{/other}}\n' > "$d/index.html"
"$BIN" check-views "$d" > "$out" 2>&1
rc=$?
check "a broken template is refused" test "$rc" -ne 0
check "the error names file and line" grep -q "index.html:3" "$out"

# serve with broken views stops at start, with file and line, binding nothing.
cat > "$d/stegvis.conf" <<CONF
socket = $d/s.sock
views = $d
db_socket = $VAR/run/mysqld.sock
db_password_file = $VAR/db.pass
CONF
timeout 10 "$BIN" serve -c "$d/stegvis.conf" > "$out" 2>&1
rc=$?
check "serve refuses to start with a broken template" test "$rc" -eq 1
check "serve names file and line" grep -q "index.html:3" "$out"
check "serve bound no socket" test ! -e "$d/s.sock"

printf 'no_such_key = 1\n' > "$d/bad.conf"
timeout 10 "$BIN" serve -c "$d/bad.conf" > "$out" 2>&1
check "serve refuses an unknown conf key" test $? -eq 1
check "the conf error names file and line" grep -q "bad.conf:1" "$out"

# Migrations are recorded and applied once: a second run applies nothing.
"$BIN" migrate --socket "$VAR/run/mysqld.sock" > "$out" 2>&1
check "migrate again applies nothing" grep -q "0 applied now" "$out"
"$BIN" demo-load --socket "$VAR/run/mysqld.sock" > "$out" 2>&1
check "demo data loads again (idempotent)" test $? -eq 0
n=$(mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N stegvis \
	-e "SELECT COUNT(*) FROM insats WHERE name = 'Friska Vindar 2.0'")
check "demo data is not duplicated" test "$n" = "1"

# The app's database account has data rights only.
n=$(mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u stegvis -p"$(cat "$VAR/db.pass")" \
	stegvis -e "CREATE TABLE x (i INT)" 2>&1)
check "the app account cannot create tables" grep -q "denied" <<< "$n"
rm -rf "$d" "$out"
