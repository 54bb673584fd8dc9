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

# Demo participants: a realistic spread, and generated once.
check "hundreds of demo participations" test "$(q "SELECT COUNT(*) FROM participation")" -ge 300
check "both genders among them" test "$(q "SELECT COUNT(DISTINCT pe.gender) FROM participation p JOIN participation_person pe ON pe.participation_id = p.id")" -ge 2
check "referrals in every status" test \
	"$(q "SELECT COUNT(DISTINCT status) FROM referral WHERE status IN ('utkast','inskickad','vantelista','antagen','avradd','aterford')")" = 6
session cm personal.cm
expect_inbox "the running insats's staff member opens the inbox" "$cm"
check "and finds new applications waiting there" test \
	"$(grep -c 'href="/inkorg/[0-9]' "$BODY")" -ge 4
check "current and ended participations" test \
	"$(q "SELECT COUNT(DISTINCT status) FROM participation WHERE status IN ('inskriven','avslutad')")" = 2
check "every demo insats with places has participants" test \
	"$(q "SELECT COUNT(*) FROM insats i WHERE i.active = 1 AND i.direction = 'individ' AND i.places > 0 AND i.id IN ($(demo_insats_ids)) AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.insats_id = i.id)")" = 0
check "dates stay inside each insats's period" test \
	"$(q "SELECT COUNT(*) FROM participation p JOIN insats i ON i.id = p.insats_id WHERE p.end_date > COALESCE(i.period_end, DATE('$TODAY'))")" = 0
n=$(q "SELECT COUNT(*) FROM person")
"$BIN" demo-participants --socket "$VAR/run/mysqld.sock" > "$out" 2>&1
check "generating again adds nobody" test "$(q "SELECT COUNT(*) FROM person")" = "$n"
check "an impossible --as-of day is refused" bash -c \
	"! '$BIN' demo-participants --socket '$VAR/run/mysqld.sock' --as-of 2026-13-01 --force > /dev/null 2>&1"
check "and adds nobody" test "$(q "SELECT COUNT(*) FROM person")" = "$n"
rm -rf "$d" "$out"
done_testing
