# A full disk (issue 18, item 3): MariaDB really runs out of room, not a
# faked errno. This test starts a stack of its own whose MariaDB keeps every
# table in one system tablespace of fixed size (no autoextend), fills it,
# and then sends a create form and an edit form: each gets the Swedish 503
# that keeps what was typed (shown, and "Skicka igen" with every field),
# nothing of either is written, and the log names the cause once per
# failure. Then room is freed and "Skicka igen" succeeds, once.
. "$(dirname "$0")/lib.sh"

PATH=$PATH:/usr/sbin:/sbin
FV=$(mktemp -d /tmp/stegvis-full.XXXXXX)
at_exit "bash '$ROOT/conf/devstack.sh' stop '$FV' > /dev/null 2>&1; rm -rf '$FV'"
# A fixed-size tablespace for everything: 40 MB holds the schema and the
# demo data with room to spare, and a filler table takes the rest.
SMALL=(--innodb-file-per-table=0 --innodb-data-file-path=ibdata1:40M
	--innodb-undo-tablespaces=0 --innodb-log-file-size=16M)
rootopt=()
[ "$(id -u)" -eq 0 ] && rootopt=(--user=root)

# The small MariaDB first, under the pid file devstack.sh looks for: its
# start then finds it running and builds the stack on it as usual.
install_small_db() {
	mkdir -p "$FV"/{run,log,mysql,nginx,tmp} && chmod 700 "$FV" &&
		mariadb-install-db --no-defaults "${rootopt[@]}" "${SMALL[@]}" \
			--datadir="$FV/mysql" --auth-root-authentication-method=socket \
			--auth-root-socket-user="$(id -un)" --skip-test-db \
			> "$FV/log/mariadb-install.log" 2>&1
}
# start_small_db [EXTRA OPTION…]: mariadbd as devstack.sh starts it, with
# the small tablespace.
start_small_db() {
	setsid mariadbd --no-defaults "${rootopt[@]}" "${SMALL[@]}" "$@" --datadir="$FV/mysql" \
		--socket="$FV/run/mysqld.sock" --pid-file="$FV/run/mysqld.pid" \
		--skip-networking --log-error="$FV/log/mariadb.log" --tmpdir="$FV/tmp" \
		--innodb-buffer-pool-size=32M --character-set-server=utf8mb4 \
		--collation-server=utf8mb4_swedish_ci < /dev/null > /dev/null 2>&1 &
	wait_for 30 db_up
}
db_up() {
	mariadb --no-defaults -S "$FV/run/mysqld.sock" -u "$(id -un)" -e "SELECT 1" > /dev/null 2>&1
}
. "$ROOT/tests/harness/ports.sh"
FPORT=$(free_port)
# From here on every helper of lib.sh talks to this test's own stack.
BASE=http://127.0.0.1:$FPORT
VAR=$FV
LOG=$FV/log/stegvis.log
check "a MariaDB with a 40 MB tablespace starts" eval 'install_small_db && start_small_db'
STEGVIS_EXTRA_CONF=$'workers = 2\nstrict_views = yes' \
	bash "$ROOT/conf/devstack.sh" start "$FV" "$FPORT" "$BIN" > "$FV/log/start.out" 2>&1
started=$?
check "a stack starts on it" test "$started" -eq 0
[ "$started" -eq 0 ] || tail -n 20 "$FV/log/start.out" | sed 's/^/# /'

# fill: the filler table takes every free page (root's own database, not
# the application's). free_room: more room, as an operator would give it.
# Not by emptying the filler: in a full InnoDB system tablespace even
# TRUNCATE, DROP TABLE and DELETE fail with "table is full" (they need
# undo and dictionary pages), so MariaDB is restarted with a second data
# file; the workers reconnect by themselves.
fill() {
	sql_admin "CREATE DATABASE IF NOT EXISTS filler; CREATE TABLE IF NOT EXISTS
		filler.f (id INT AUTO_INCREMENT PRIMARY KEY, b LONGBLOB) ENGINE=InnoDB"
	local sz
	for sz in 1048576 65536 4096; do
		for _ in $(seq 100); do
			sql_admin "INSERT INTO filler.f (b) VALUES (REPEAT('x', $sz))" \
				> /dev/null 2>&1 || break
		done
	done
	! sql_admin "INSERT INTO filler.f (b) VALUES (REPEAT('x', 100))" > /dev/null 2>&1
}
free_room() {
	bash "$ROOT/conf/devstack.sh" db-stop "$FV" &&
		start_small_db --innodb-data-file-path='ibdata1:40M;ibdata2:16M'
}
# resend: "Skicka igen" as a browser sends it: the hidden fields of the
# 503 page, posted to its form's action; prints the status.
resend() {
	local action args=() name value form
	form=$(sed -n '/<form method="post" action="[^"]*" class="inline resend">/,/<\/form>/p' "$BODY")
	action=$(grep -o 'action="[^"]*"' <<< "$form" | head -n 1 | sed 's/action="//; s/"$//')
	while IFS=$'\t' read -r name value; do
		args+=(--data-urlencode "$name=$value")
	done < <(grep -o '<input type="hidden" name="[^"]*" value="[^"]*">' <<< "$form" |
		sed -E 's/.*name="([^"]*)" value="([^"]*)">/\1\t\2/' |
		sed -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&amp;/\&/g')
	[ -n "$action" ] || return 1
	fetch -b "$1" -c "$1" -H "Origin: $BASE" "${args[@]}" "$BASE$action"
}
refs_with() { q "SELECT COUNT(*) FROM referral WHERE background = '$1'"; }
out_of_space() { grep -c 'database out of space' "$LOG"; }

INSATS=$(q "SELECT MIN(id) FROM insats WHERE active = 1")
log_in J remittent.fk
fetch -b "$J" -c "$J" "$BASE/ansokningar/ny" > /dev/null
CSRF=$(form_csrf)
PNR=$(dash "$(pnr 19800101)")
# A draft to edit later, made while there is room.
eq "a draft is saved while there is room" "$(fetch -b "$J" -c "$J" -H "Origin: $BASE" \
	--data-urlencode "csrf=$CSRF" --data-urlencode "personnummer=$PNR" \
	--data-urlencode "fornamn=Rum$$" --data-urlencode "efternamn=Finns" \
	--data "insats=$INSATS" --data-urlencode "bakgrund=Före $$" --data "atgard=spara" \
	"$BASE/ansokningar/ny")" 303
R=$(loc_id)
fetch -b "$J" -c "$J" "$BASE/ansokningar/$R/andra" > /dev/null
VERSION=$(hidden version)
check "its edit form has a version" test -n "$VERSION"
# A second draft, edited to fill the tables an edit writes (below).
PNR2=$(dash "$(pnr 19800101)")
eq "a second draft is saved while there is room" "$(fetch -b "$J" -c "$J" -H "Origin: $BASE" \
	--data-urlencode "csrf=$CSRF" --data-urlencode "personnummer=$PNR2" \
	--data-urlencode "fornamn=Fyllare$$" --data-urlencode "efternamn=Finns" \
	--data "insats=$INSATS" --data-urlencode "bakgrund=f0" --data "atgard=spara" \
	"$BASE/ansokningar/ny")" 303
R2=$(loc_id)
fetch -b "$J" -c "$J" "$BASE/ansokningar/$R2/andra" > /dev/null
VERSION2=$(hidden version)
# An edit writes the referral's guard row (sql/0065): the first one adds
# it, later ones change it in place. Both drafts have theirs already, so
# the checked edit writes no row the filling edits did not.
q "INSERT INTO referral_guard (referral_id, seq) VALUES ($R, 1), ($R2, 1)"

check "the tablespace fills up" fill
# The filler leaves the application's own tables whatever room their pages
# still hold (a fresh clone's run had room for one more draft). Drafts
# through the application use it up, as a disk filling in use would,
# until a write needs a page the tablespace no longer has.
# until_full PRINT_ARGS: post what `PRINT_ARGS N` prints (curl arguments,
# the URL last) for N = 1, 2, … until the answer is 503 (full: 0) or
# anything but a 303 (1), at most 300 times.
until_full() {
	local i code args
	for i in $(seq 300); do
		mapfile -t args < <("$1" "$i")
		code=$(fetch -b "$J" -c "$J" -H "Origin: $BASE" --data-urlencode "csrf=$CSRF" "${args[@]}")
		[ "$code" = 503 ] && return 0
		[ "$code" = 303 ] || return 1
	done
	return 1
}
LONG=$(printf 'x%.0s' $(seq 1500))
draft_args() {
	printf '%s\n' --data-urlencode "personnummer=$(dash "$(pnr 19810101)")" \
		--data-urlencode "fornamn=Fyll$1" --data-urlencode "efternamn=Disksson" \
		--data "insats=$INSATS" --data-urlencode "bakgrund=$LONG" --data "atgard=spara" \
		"$BASE/ansokningar/ny"
}
check "the application's own tables fill up too" until_full draft_args
# An edit writes its history and audit rows into their own tables' pages:
# edits of the second draft, each with rows no larger than the checked
# edit's, use that room up too. The version goes up by one a save.
edit_args() {
	printf '%s\n' --data "version=$((VERSION2 + $1 - 1))" --data-urlencode "personnummer=$PNR2" \
		--data-urlencode "fornamn=Fyllare$$" --data-urlencode "efternamn=Finns" \
		--data "insats=$INSATS" --data-urlencode "bakgrund=f$1" --data "atgard=spara" \
		"$BASE/ansokningar/$R2/andra"
}
check "... and the tables an edit writes" until_full edit_args
before=$(out_of_space)

# --- A create form on a full disk: 503, what was typed kept, nothing written.
T1="Full disk $$ – åäö & <b>"
P1=$(pnr 19800101)
got=$(fetch -b "$J" -c "$J" -H "Origin: $BASE" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "personnummer=$(dash "$P1")" \
	--data-urlencode "fornamn=Full$$" --data-urlencode "efternamn=Disksson" \
	--data "insats=$INSATS" --data-urlencode "bakgrund=$T1" --data "atgard=spara" \
	"$BASE/ansokningar/ny")
eq "a create form on a full disk is a 503" "$got" 503
expect_body "the page is Swedish" "Tjänsten är tillfälligt otillgänglig"
expect_body "it says it is temporary" "tillfälligt fel"
expect_body "it shows what was typed (escaped)" "Full disk $$ – åäö &amp; &lt;b&gt;"
expect_body "it offers to send it again" '<form method="post" action="/ansokningar/ny" class="inline resend">'
expect_body "with every field" '<input type="hidden" name="bakgrund" value="Full disk'
expect_body "and the form's token" "<input type=\"hidden\" name=\"csrf\" value=\"$CSRF\">"
expect_header "Retry-After" "Retry-After:"
cp "$BODY" "$FV/create-503.html"
eq "nothing of it was written" "$(refs_with "$T1")" 0
eq "no person row either" "$(q "SELECT COUNT(*) FROM person WHERE personnummer = '$P1'")" 0

# --- An edit form on a full disk: the same, and the draft is unchanged.
T2="Ändrad på full disk $$"
got=$(fetch -b "$J" -c "$J" -H "Origin: $BASE" --data-urlencode "csrf=$CSRF" \
	--data "version=$VERSION" --data-urlencode "personnummer=$PNR" \
	--data-urlencode "fornamn=Rum$$" --data-urlencode "efternamn=Finns" \
	--data "insats=$INSATS" --data-urlencode "bakgrund=$T2" --data "atgard=spara" \
	"$BASE/ansokningar/$R/andra")
eq "an edit form on a full disk is a 503" "$got" 503
expect_body "it shows what was typed" "$T2"
expect_body "it offers to send it again" "<form method=\"post\" action=\"/ansokningar/$R/andra\" class=\"inline resend\">"
cp "$BODY" "$FV/edit-503.html"
eq "the draft is unchanged" "$(q "SELECT CONCAT(background, ' ', version) FROM referral WHERE id = ${R:-0}")" \
	"Före $$ $VERSION"

# --- The log: an error naming the cause, no 500, no bug.
check "the log names the cause as an error" \
	grep -q "error req=.*database out of space (statement, error 1114): The table '.*' is full" "$LOG"
check "once per failure, not per retry (2 failures, at most 2 lines)" \
	test $(($(out_of_space) - before)) -ge 1 -a $(($(out_of_space) - before)) -le 2
check "no 500 in the log" bash -c "! grep -q -- '-> 500' '$LOG'"

# --- Room again: "Skicka igen" succeeds, once.
check "room is added (MariaDB restarted with a second data file)" free_room
cp "$FV/create-503.html" "$BODY"
eq "Skicka igen on the create form, with room again: 303" "$(resend "$J")" 303
eq "the application exists once" "$(refs_with "$T1")" 1
cp "$FV/edit-503.html" "$BODY"
eq "Skicka igen on the edit form: 303" "$(resend "$J")" 303
eq "the draft has the new text, one version on" \
	"$(q "SELECT CONCAT(background, ' ', version) FROM referral WHERE id = ${R:-0}")" "$T2 $((VERSION + 1))"
cp "$FV/edit-503.html" "$BODY"
got=$(resend "$J")
check "the edit sent a third time is refused as stale, not applied twice ($got)" test "$got" != 303 -a "$got" != 500
eq "still one version on" "$(q "SELECT version FROM referral WHERE id = ${R:-0}")" "$((VERSION + 1))"
check "no bug in this stack's log" bash -c "! grep -q 'BUG: ' '$LOG'"
done_testing
