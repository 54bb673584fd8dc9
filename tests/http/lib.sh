# tests/http/lib.sh: helpers for HTTP tests against the running private stack.
# Sourced by tests/http/test_*.sh; BASE, VAR, BIN and ROOT come from tests/run.sh.
# The helpers live here and only here: a test script holds test cases.
#
# TAP: every check prints one "ok - …" or "not ok - …" line, and the last
# line of every test script is done_testing, which prints the plan "1..N".
# A script that stops before its end (an exit, set -u, a crash) prints no
# plan, and tests/run.sh counts that as a failure (tests/harness/).
# Clean-up: at_exit CMD, never a trap of the script's own (it would replace
# this file's, which removes the temporary files).
: "${BASE:?}" "${VAR:?}" "${BIN:?}" "${ROOT:?}"
LIB_TMP=$(mktemp -d)
BODY=$LIB_TMP/body
HEAD=$LIB_TMP/head
: > "$BODY"
: > "$HEAD"
# One line per check, in a file so that checks run in a subshell count.
TAP_COUNT=$LIB_TMP/tap-count
: > "$TAP_COUNT"
TAP_DONE=
AT_EXIT=()
JARS=()

ok() {
	echo "ok - $*"
	echo >> "$TAP_COUNT"
}
not_ok() {
	echo "not ok - $*"
	echo >> "$TAP_COUNT"
}
# done_testing: the plan, as the script's last line.
done_testing() {
	TAP_DONE=1
	echo "1..$(wc -l < "$TAP_COUNT")"
}
# at_exit CMD: run CMD (eval) when the script exits, in the order given.
at_exit() { AT_EXIT+=("$1"); }
lib_exit() {
	local rc=$? c
	for c in "${AT_EXIT[@]}"; do eval "$c"; done
	rm -rf "$LIB_TMP" "${JARS[@]}"
	[ -n "$TAP_DONE" ] || echo "# ${0##*/} stopped before done_testing (status $rc): no plan"
}
trap lib_exit EXIT

check() { # DESC then a command: ok when it succeeds
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# fetch [curl args…]: status code to stdout; body in $BODY, headers in $HEAD.
fetch() {
	curl -sS -o "$BODY" -D "$HEAD" -w '%{http_code}' --max-time 20 "$@" 2> /dev/null
}

# expect_status DESC WANT [curl args…]
expect_status() {
	local desc=$1 want=$2 got
	shift 2
	got=$(fetch "$@")
	if [ "$got" = "$want" ]; then ok "$desc"; else not_ok "$desc (got $got, want $want)"; fi
}

# expect_inbox DESC JAR: every page of JAR's inbox (/inkorg, then each
# "Nästa" link: ten referrals a page, oldest first) as one $BODY, so a
# check finds a referral wherever it is, or that it is on none; ok when
# every page answers 200. INBOX_PAGES: how many pages it read.
expect_inbox() {
	local desc=$1 jar=$2 all got next bad=""
	all=$(mktemp "$LIB_TMP/inbox.XXXXXX")
	got=$(fetch -b "$jar" "$BASE/inkorg")
	[ "$got" = 200 ] || bad="$bad $got"
	cat "$BODY" > "$all"
	INBOX_PAGES=1
	for _ in $(seq 1 1000); do
		next=$(grep -o 'href="[^"]*" rel="next"' "$BODY" | sed 's/^href="//; s/" rel="next"$//; s/&amp;/\&/g')
		[ -n "$next" ] || break
		got=$(fetch -b "$jar" "$BASE$next")
		[ "$got" = 200 ] || bad="$bad $got"
		cat "$BODY" >> "$all"
		INBOX_PAGES=$((INBOX_PAGES + 1))
	done
	cp "$all" "$BODY"
	if [ -z "$bad" ]; then ok "$desc"; else not_ok "$desc (got$bad, want 200)"; fi
}

body_has() { grep -qF -- "$1" "$BODY"; }
header_has() { grep -qiF -- "$1" "$HEAD"; }
# expect_body DESC TEXT: the last fetched body contains TEXT
expect_body() { check "$1" body_has "$2"; }
expect_header() { check "$1" header_has "$2"; }

# raw_get_status HEADER: GET / with one extra header line over a plain
# socket (for headers curl will not send); prints the response status.
raw_get_status() {
	local port=${BASE##*:}
	exec 3<> "/dev/tcp/127.0.0.1/${port%%/*}" || return 1
	printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s\r\n\r\n' "$1" >&3 2> /dev/null
	head -n 1 <&3 | cut -d' ' -f2
	exec 3<&-
}

# The pids of the current stegvis workers, sorted, space-separated.
worker_pids() {
	pgrep -P "$(cat "$VAR/run/stegvis.pid")" | sort -n | tr '\n' ' '
}

# wait_for SECONDS COMMAND…: retry until the command succeeds.
wait_for() {
	local secs=$1
	shift
	for _ in $(seq $((secs * 10))); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}

# SQL as the database administrator (unix_socket authentication).
sql_admin() {
	mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N stegvis -e "$1"
}
# SQL as the application's own account (what a compromised worker could do).
sql_app() {
	mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u stegvis \
		-p"$(cat "$VAR/db.pass")" -N stegvis -e "$1" 2>&1
}

# new_jar: a fresh cookie jar file (removed at exit).
new_jar() { mktemp "$LIB_TMP/jar.XXXXXX"; }

# The value of the hidden csrf field in the last fetched body.
form_csrf() { grep -o 'name="csrf" value="[0-9a-f]*' "$BODY" | head -n 1 | sed 's/.*value="//'; }

# login JAR USER [PASSWORD]: log in; prints the status of the POST.
login() {
	local jar=$1 user=$2 pass=${3:-stegvis-demo} csrf
	fetch -b "$jar" -c "$jar" "$BASE/logga-in" > /dev/null
	csrf=$(form_csrf)
	fetch -b "$jar" -c "$jar" --data-urlencode "csrf=$csrf" \
		--data-urlencode "anvandarnamn=$user" --data-urlencode "losenord=$pass" \
		"$BASE/logga-in"
}

# log_in VAR USER: a fresh jar, in variable VAR, where USER has logged in
# with the demo password; the login is a check ("USER logs in", 303).
log_in() {
	local j
	j=$(new_jar)
	printf -v "$1" '%s' "$j"
	eq "$2 logs in" "$(login "$j" "$2")" 303
}
# session VAR USER: the same without the check.
session() {
	local j
	j=$(new_jar)
	printf -v "$1" '%s' "$j"
	login "$j" "$2" > /dev/null
}

# post JAR PATH [curl data args…]: POST with the CSRF token of the session
# (taken from /start); prints the status.
post() {
	local jar=$1 path=$2 csrf
	shift 2
	fetch -b "$jar" -c "$jar" "$BASE/start" > /dev/null
	csrf=$(form_csrf)
	fetch -b "$jar" -c "$jar" --data-urlencode "csrf=$csrf" "$@" "$BASE$path"
}

# The session cookie's value in a jar.
jar_session() { awk '$6 == "stegvis_session" { print $7 }' "$1"; }

# --- Reading answers and the database.

# q SQL: sql_admin, short.
q() { sql_admin "$1"; }
# eq DESC GOT WANT: ok when GOT is WANT.
eq() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', want '$3')"; fi; }
# body_lacks TEXT: the last fetched body does not contain TEXT.
body_lacks() { ! grep -qF -- "$1" "$BODY"; }
# No personnummer of anyone in the last body (ÅÅÅÅMMDD-NNNN or twelve
# digits in a row, not inside a hex token such as a CSRF value).
body_has_no_pnr() { ! grep -qE '(^|[^0-9a-f])(19|20)[0-9]{6}-?[0-9]{4}([^0-9a-f]|$)' "$BODY"; }
# location: the Location header of the last answer.
location() { tr -d '\r' < "$HEAD" | sed -n -E 's/^[Ll]ocation: *//p'; }
# loc_id: the referral id in the last Location header (/ansokningar/ID?…).
loc_id() { tr -d '\r' < "$HEAD" | sed -n -E 's#^[Ll]ocation: /ansokningar/([0-9]+)\?.*#\1#p'; }
# hidden NAME: the value of the first field NAME (name="NAME" value="…",
# a hidden input) in the last fetched body.
hidden() { grep -o "name=\"$1\" value=\"[^\"]*\"" "$BODY" | head -n 1 | sed 's/.*value="//; s/"$//'; }
# hidden_on JAR PATH NAME: the same on the page PATH, fetched with JAR.
hidden_on() {
	fetch -b "$1" -c "$1" "$BASE$2" > /dev/null
	hidden "$3"
}
# form_hidden ACTION NAME: the hidden field NAME of the form that posts to
# ACTION, in the last fetched body.
form_hidden() {
	FA=$1 FN=$2 perl -0777 -ne '
		if (/<form[^>]*action="\Q$ENV{FA}\E"[^>]*>(.*?)<\/form>/s) {
			my $f = $1; print $1 if $f =~ /name="\Q$ENV{FN}\E" value="([^"]*)"/;
		}' "$BODY"
}
# input_value NAME: the value of the first input NAME with a type.
input_value() { grep -o "name=\"$1\" type=\"[a-z]*\" value=\"[^\"]*\"" "$BODY" | head -n 1 | sed 's/.*value="//; s/"$//'; }
# page_version NAME: the number in the first field NAME (name="NAME"
# value="N") of the last body.
page_version() { grep -o "name=\"$1\" value=\"[0-9]*" "$BODY" | head -n 1 | sed 's/.*value="//'; }
# secret: the shown-once secret (password or token) in the last body.
secret() { grep -o '<p class="secret"><code>[^<]*' "$BODY" | sed 's/.*<code>//'; }
# audits WHERE: the number of access-log rows matching WHERE.
audits() { q "SELECT COUNT(*) FROM audit_log WHERE $1"; }
refs() { q "SELECT COUNT(*) FROM referral"; }
persons() { q "SELECT COUNT(*) FROM person"; }
# part_version ID: a participation's version.
part_version() { q "SELECT version FROM participation WHERE id = $1"; }
# hist TYPE ID FIELD: the change-history row of a record's field, as
# "OLD|NEW|STAFF_ID".
hist() { q "SELECT CONCAT_WS('|', IFNULL(old_value, ''), new_value, staff_id) FROM change_history WHERE record_type = '$1' AND record_id = $2 AND field = '$3'"; }
# quiet CMD…: CMD with its output dropped.
quiet() { "$@" > /dev/null 2>&1; }

# TODAY: the date in Sweden, as the app counts days (after 23:00 UTC in
# winter it is already tomorrow there); day N: the date N days from TODAY
# (ÅÅÅÅ-MM-DD; N may be < 0). SQL in the tests uses DATE('$TODAY'), never
# CURDATE(), which is the UTC date in the test client.
TODAY=$(TZ=Europe/Stockholm date +%F)
day() { date -d "$TODAY $1 days" +%F; }
# se_time "ÅÅÅÅ-MM-DD HH:MM[:SS]": a UTC time from the database as the pages
# show it, in Swedish time (the same shape).
se_time() {
	local f='%F %H:%M'
	[ ${#1} -eq 19 ] && f='%F %H:%M:%S'
	TZ=Europe/Stockholm date -d "$1 UTC" "+$f"
}
# A signature as the tablet's pad sends it.
SIG="M 10 10 L 20 20 L 30 25 L 40 30 L 50 35 M 60 60 L 70 70"

# --- Demo rows by name. Tests never write a demo row's id: they look it
# up by what a person would call it. Each prints the id, or nothing (and a
# line on stderr) when the name does not find exactly one row.

# lookup_one WHAT SQL: the one value SQL selects.
lookup_one() {
	local got n=0
	got=$(q "$2")
	[ -z "$got" ] || n=$(wc -l <<< "$got")
	if [ "$n" -ne 1 ]; then
		echo "# no single $1 ($n rows)" >&2
		return 1
	fi
	echo "$got"
}
# staff_id_of USERNAME
staff_id_of() { lookup_one "staff $1" "SELECT id FROM staff WHERE username = '$1'"; }
# org_of USERNAME: the organisation (or unit) a staff member belongs to.
org_of() { lookup_one "organisation of $1" "SELECT organisation_id FROM staff WHERE username = '$1'"; }
# org_id_of NAME [PARENT]: an organisation by name; a unit by its name
# and its parent's (units of different members share names). A name that
# the seeds' förbund has (the demo's first: the second has its own
# Försäkringskassan) is the seeds' förbund's.
SEEDS_FORBUND="(SELECT id FROM forbund WHERE short_name = 'SOFTLEG')"
org_id_of() {
	if [ $# -gt 1 ]; then
		lookup_one "organisation $2/$1" "SELECT o.id FROM organisation o JOIN organisation p
			ON p.id = o.parent_id WHERE o.name = '$1' AND p.name = '$2'"
	else
		lookup_one "organisation $1" "SELECT id FROM organisation o WHERE name = '$1' AND parent_id IS NULL
			AND (forbund_id = $SEEDS_FORBUND OR NOT EXISTS (SELECT 1 FROM organisation s
			WHERE s.name = '$1' AND s.parent_id IS NULL AND s.forbund_id = $SEEDS_FORBUND))"
	fi
}
# insats_id_of NAME: an insats by its short name (or its full name).
insats_id_of() {
	lookup_one "insats $1" "SELECT id FROM insats WHERE short_name = '$1'
		UNION SELECT id FROM insats WHERE name = '$1'"
}
# demo_insats_ids: the ids of the seeds' insatser (sql/demo.sql), not the
# ones tests add, comma-separated.
demo_insats_ids() {
	local n
	for n in "Friska Vindar 2.0" "Hälsa för Alla" "Trampolinen TH" "Trampolinen LE" \
		"Arbetsförmåga LE" "Case Manager" "Praktikplatssamordnare"; do
		insats_id_of "$n"
	done | paste -sd,
}
# forbund_id_of SHORT_NAME
forbund_id_of() { lookup_one "förbund $1" "SELECT id FROM forbund WHERE short_name = '$1'"; }

# --- A förbund of the test's own (issue 20). Which förbund are active
# decides the plain address's public page and sus-export's default, so a
# test leaves the active ones as it found them (tests/run.sh checks that
# after every test): each förbund a test makes is switched off at exit.

# mk_forbund VAR SHORT [HOST]: an active förbund "Samordningsförbundet
# SHORT", short name SHORT, public host name HOST (default none), with its
# office, the organisation "Förbundskansliet SHORT" (office_of); sets VAR
# to its id (empty when it was not made). Off again at exit
# (forbund_off_at_exit). Not in $(…): the subshell's at_exit would be lost.
mk_forbund() {
	local id
	q "INSERT INTO forbund (name, short_name, municipalities, public_host)
		VALUES ('Samordningsförbundet $2', '$2', 'Testby', NULLIF('${3:-}', ''))"
	id=$(forbund_id_of "$2")
	printf -v "$1" '%s' "$id"
	[ -n "$id" ] || return 1
	forbund_off_at_exit "$id"
	q "INSERT INTO organisation (forbund_id, kind, name) VALUES ($id, 'other', 'Förbundskansliet $2')"
}
# office_of ID: the office of förbund ID, whether mk_forbund or `stegvis
# forbund-add` made it.
office_of() {
	lookup_one "office of förbund $1" "SELECT id FROM organisation WHERE forbund_id = $1
		AND parent_id IS NULL AND name LIKE 'Förbundskansliet%'"
}
# forbund_off ID: förbund ID inactive, and its insatser and accounts
# (nothing of it on a public page, nobody of it to log in).
forbund_off() {
	q "UPDATE insats SET active = 0 WHERE forbund_id = $1;
		UPDATE staff SET active = 0 WHERE forbund_id = $1;
		UPDATE forbund SET active = 0 WHERE id = $1"
}
# forbund_off_at_exit ID: forbund_off ID when the script exits, however it
# does (for a förbund made by other means than mk_forbund).
forbund_off_at_exit() { [ -z "$1" ] || at_exit "forbund_off $1 > /dev/null 2>&1"; }
# participation_id_of "FIRST LAST": the newest participation of the
# person of that name, as the insats recorded it.
participation_id_of() {
	lookup_one "participation of $1" "SELECT MAX(participation_id) FROM participation_person
		WHERE CONCAT(first_name, ' ', last_name) = '$1' HAVING COUNT(*) > 0"
}
# referral_id_of "FIRST LAST": the newest referral for the person of that
# name, as the remittent recorded it.
referral_id_of() {
	lookup_one "referral of $1" "SELECT MAX(referral_id) FROM referral_person
		WHERE CONCAT(first_name, ' ', last_name) = '$1' HAVING COUNT(*) > 0"
}

# by_name PATH: PATH with every {KIND:NAME} replaced by that demo row's
# id: {staff:USERNAME}, {org_of:USERNAME} (the staff member's
# organisation), {insats:SLUG}, {consent_text:KIND:LANGUAGE:VERSION} (of
# the förbund whose short name is BY_NAME_FORBUND, by default the first
# förbund: each förbund has its own texts, sql/0073).
by_name() {
	local p=$1 tok kind name id k l v
	while [[ $p =~ \{([a-z_]+):([^}]*)\} ]]; do
		tok=${BASH_REMATCH[0]} kind=${BASH_REMATCH[1]} name=${BASH_REMATCH[2]}
		case $kind in
		staff) id=$(staff_id_of "$name") ;;
		org_of) id=$(org_of "$name") ;;
		insats) id=$(lookup_one "insats $name" "SELECT id FROM insats WHERE slug = '$name'") ;;
		consent_text)
			IFS=: read -r k l v <<< "$name"
			id=$(lookup_one "consent text $name" "SELECT t.id FROM consent_text t
				JOIN forbund f ON f.id = t.forbund_id AND f.id = COALESCE(
				  (SELECT id FROM forbund WHERE short_name = '${BY_NAME_FORBUND:-}'),
				  (SELECT MIN(id) FROM forbund))
				WHERE t.kind = '$k' AND t.language = '$l' AND t.version = $v")
			;;
		*) id= ;;
		esac
		p=${p/"$tok"/${id:-unknown}}
	done
	echo "$p"
}

# --- Accounts and sessions by user name: as USER logs in with a
# jar of USER's own ($(jar USER)); apost and aget then act as USER.

# jar USER: USER's cookie jar.
jar() { echo "$LIB_TMP/jar-$1"; }
# as USER [PASSWORD]: a fresh session for USER (demo password by
# default); prints the status of the login POST (303 when it worked;
# Location in $HEAD).
as() {
	local j csrf
	j=$(jar "$1")
	rm -f "$j"
	fetch -b "$j" -c "$j" "$BASE/logga-in" > /dev/null
	csrf=$(form_csrf)
	fetch -b "$j" -c "$j" --data-urlencode "csrf=$csrf" --data-urlencode "anvandarnamn=$1" \
		--data-urlencode "losenord=${2:-stegvis-demo}" "$BASE/logga-in"
}
# csrf_of USER [PAGE]: the session's CSRF token, read from a page's forms
# (default /start).
csrf_of() {
	fetch -b "$(jar "$1")" "$BASE${2:-/start}" > /dev/null
	form_csrf
}
# apost USER PATH [curl data args…]: POST as USER with a valid CSRF token;
# prints the status.
apost() {
	local u=$1 path=$2 csrf
	shift 2
	csrf=$(csrf_of "$u")
	fetch -b "$(jar "$u")" -c "$(jar "$u")" --data-urlencode "csrf=$csrf" "$@" "$BASE$path"
}
# aget USER PATH: GET as USER; prints the status.
aget() { fetch -b "$(jar "$1")" "$BASE$2"; }

# mk_account USER ORG_ID [ROLE] [NAME]: a staff account of its own (a
# test's, never a demo one) in organisation ORG_ID with ROLE (default
# remittent), called NAME (default "Test USER"), with the demo password,
# no change forced.
mk_account() {
	q "INSERT INTO staff (forbund_id, organisation_id, username, display_name, password_hash, must_change_password)
		SELECT (SELECT forbund_id FROM organisation WHERE id = $2), $2, '$1', '${4:-Test $1}', password_hash, 0
		FROM staff WHERE username = 'admin';
		INSERT INTO staff_role (staff_id, role) SELECT id, '${3:-remittent}' FROM staff WHERE username = '$1'"
}
# give_password USER: the demo password, no change forced (to log in as USER).
give_password() {
	q "UPDATE staff SET password_hash = (SELECT h FROM (SELECT password_hash h FROM staff WHERE username = 'admin') x),
		must_change_password = 0 WHERE username = '$1'"
}
roles_of() { q "SELECT COALESCE(GROUP_CONCAT(role ORDER BY role), '') FROM staff_role WHERE staff_id = $1"; }
insatser_of() { q "SELECT COALESCE(GROUP_CONCAT(insats_id ORDER BY insats_id), '') FROM staff_insats WHERE staff_id = $1"; }
# clear_failures: forget the failed logins from this machine (lockout).
clear_failures() { q "DELETE FROM login_failure WHERE remote_addr = '127.0.0.1'"; }
# new_api_token USER: a fresh bearer token for USER (only its hash is
# stored); prints the token.
new_api_token() {
	local token
	token=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
	q "UPDATE staff SET api_token_hash = UNHEX('$(printf '%s' "$token" | b2sum -l 256 | cut -d' ' -f1)')
		WHERE username = '$1'"
	echo "$token"
}
# totp BASE32: the TOTP code now (oathtool, not our code).
totp() { oathtool --totp -b "$1"; }
# sleep_to_next_step: wait for the next 30-second TOTP step.
sleep_to_next_step() { sleep $((31 - $(date +%s) % 30)); }
# end_everywhere USER: "Logga ut överallt" from another browser.
end_everywhere() {
	local other
	other=$(new_jar)
	login "$other" "$1" > /dev/null
	post "$other" /logga-ut-overallt > /dev/null
}
# set_cookie JAR NAME VALUE: put a cookie (back) into a curl jar.
set_cookie() {
	sed -i "/\t$2\t/d" "$1"
	printf '#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\t%s\t%s\n' "$2" "$3" >> "$1"
}
# stash_cookie JAR: the kept-form cookie in a jar.
stash_cookie() { awk '$6 == "stegvis_form" { print $7 }' "$1"; }

# --- Personnummer and form helpers shared by the referral tests.

# luhn NINE_DIGITS: the check digit over the ten-digit form (weights 2,1,...).
luhn() {
	local s=$1 sum=0 d i
	for i in 0 1 2 3 4 5 6 7 8; do
		d=${s:i:1}
		if [ $((i % 2)) -eq 0 ]; then
			d=$((d * 2))
			[ "$d" -gt 9 ] && d=$((d - 9))
		fi
		sum=$((sum + d))
	done
	echo $(((10 - sum % 10) % 10))
}

# pnr YYYYMMDD: a valid 12-digit personnummer on that date that no person
# row has yet (day + 60 gives a samordningsnummer).
pnr() {
	# A fixture may draw many numbers before it inserts any, and each call
	# runs in its own $(...) subshell: remember what this test has handed
	# out in a file, or two rows of one fixture can get the same number.
	local n s used="${VAR:-/tmp}/pnr-used.$$"
	while :; do
		s=$(printf '%03d' $((RANDOM % 898 + 100)))
		n="$1$s$(luhn "${1:2:6}$s")"
		grep -qx "$n" "$used" 2> /dev/null && continue
		[ "$(sql_admin "SELECT COUNT(*) FROM person WHERE personnummer = '$n'")" = 0 ] && break
	done
	echo "$n" >> "$used"
	echo "$n"
}

# new_pnr [FROM_YEAR [YEARS]]: a valid, unused personnummer on a random
# date in YEARS years from FROM_YEAR (default 1960, 40).
new_pnr() {
	local from=${1:-1960} span=${2:-40}
	pnr "$((from + RANDOM % span))$(printf '%02d%02d' $((1 + RANDOM % 12)) $((1 + RANDOM % 28)))"
}

# The insats's record of the person for the participation just inserted
# (LAST_INSERT_ID()), copied from its referral's as admission does
# (sql/0022). Append it to a fixture's INSERT INTO participation.
PART_PERSON_SQL="INSERT INTO participation_person (participation_id, first_name, last_name,
  gender, address, postal_code, city, phone, home_municipality, interpreter_needed,
  interpreter_language, protected_identity) SELECT p.id, rp.first_name, rp.last_name,
  rp.gender, rp.address, rp.postal_code, rp.city, rp.phone, rp.home_municipality,
  rp.interpreter_needed, rp.interpreter_language, rp.protected_identity
  FROM participation p JOIN referral_person rp ON rp.referral_id = p.referral_id
  WHERE p.id = LAST_INSERT_ID();"

# dash PNR12: as people write it, ÅÅÅÅMMDD-NNNN.
dash() { echo "${1:0:8}-${1:8:4}"; }

# build NAME [key=value|+key=value|key=]...: ARGS becomes curl --data-urlencode
# arguments from the key=value array NAME, each key=value replacing that key,
# each +key=value added, each key= dropping the key.
build() {
	local -n base=$1
	local kv o skip
	shift
	ARGS=()
	for kv in "${base[@]}"; do
		skip=0
		for o in "$@"; do [ "${o%%=*}" = "${kv%%=*}" ] && skip=1; done
		[ "$skip" = 1 ] || ARGS+=(--data-urlencode "$kv")
	done
	for o in "$@"; do
		case "$o" in
		+*) ARGS+=(--data-urlencode "${o#+}") ;;
		*=) ;;
		*) ARGS+=(--data-urlencode "$o") ;;
		esac
	done
}

# --- Referral fixtures, written straight to the database: from
# remittent.fk at Försäkringskassan to an insats given by id.
SQL_FK_STAFF="(SELECT id FROM staff WHERE username = 'remittent.fk')"
SQL_FK_ORG="(SELECT organisation_id FROM staff WHERE username = 'remittent.fk')"

# fixture_referral INSATS FIRST LAST [PNR] [STATUS] [DAYS_AGO]: a person
# (PNR, default a fresh one born 1986-07-07) and a referral to INSATS in
# STATUS (default inskickad), submitted DAYS_AGO days ago (default 0), for
# FIRST LAST, a woman, as the remittent recorded her; prints its id.
fixture_referral() {
	local pn=${4:-$(pnr 19860707)}
	q "INSERT INTO person (personnummer, id_kind, birth_year)
	     VALUES ('$pn', 'personnummer', ${pn:0:4});
	   INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at)
	     VALUES (LAST_INSERT_ID(), $1, $SQL_FK_STAFF, $SQL_FK_ORG, '${5:-inskickad}',
	     UTC_TIMESTAMP() - INTERVAL ${6:-0} DAY);
	   SET @ref = LAST_INSERT_ID();
	   INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@ref, '$2', '$3', 'kvinna');
	   SELECT @ref;"
}
# new_referral_bare INSATS FIRST LAST GENDER PNR DAYS_AGO: a submitted
# referral with background, needs and goals, and an address in
# Trollhättan; prints its id.
new_referral_bare() {
	q "INSERT INTO person (personnummer, id_kind, birth_year)
	     VALUES ('$5', 'personnummer', ${5:0:4});
	   INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at,
	     background, needs, own_goals)
	     VALUES (LAST_INSERT_ID(), $1, $SQL_FK_STAFF, $SQL_FK_ORG, 'inskickad', UTC_TIMESTAMP() - INTERVAL $6 DAY,
	     'Bakgrund $3', 'Behov av stöd $3', 'Mål $3');
	   SET @ref = LAST_INSERT_ID();
	   INSERT INTO referral_person (referral_id, first_name, last_name, gender, address, city) VALUES (@ref, '$2', '$3', '$4', 'Storgatan 1', 'Trollhättan');
	   SELECT @ref;"
}
# new_referral …: the same with a secrecy waiver covering FK (give_waiver:
# every decision needs one); prints its id.
new_referral() {
	local id
	id=$(new_referral_bare "$@")
	give_waiver "$id" > /dev/null
	echo "$id"
}

# --- Consent fixtures (sql/0008_consent.sql), written straight to the database.

# give_waiver REFERRAL_ID [ORG_ID] [DISCLOSE 0|1]: an aktiv secrecy waiver
# (its förbund's current Swedish text, signed on paper, valid from two days ago for a
# year) naming ORG_ID (default: the referral's organisation) and the
# referral's insats as parties, obtain and (unless DISCLOSE is 0) disclose,
# with its 'givet' event. Prints the consent id.
give_waiver() {
	local ref=$1 org=${2:-} disclose=${3:-1}
	[ -n "$org" ] || org="(SELECT organisation_id FROM referral WHERE id = $ref)"
	sql_admin "INSERT INTO consent (referral_id, kind, state, answer, text_id, language,
	    direction_obtain, direction_disclose, purpose, valid_from, valid_until, signed_how,
	    signer_name, paper_date, taken_by, signed_at)
	  SELECT r.id, 'sekretess', 'aktiv', 'ja', t.id, 'sv', 1, $disclose, 'Testets syfte',
	    DATE('$TODAY') - INTERVAL 2 DAY, DATE('$TODAY') + INTERVAL 1 YEAR, 'papper', 'Test Testsson',
	    DATE('$TODAY') - INTERVAL 2 DAY, r.remittent_id, UTC_TIMESTAMP()
	  FROM referral r JOIN insats i ON i.id = r.insats_id
	  JOIN consent_text t ON t.forbund_id = i.forbund_id AND t.kind = 'sekretess'
	    AND t.language = 'sv' AND t.is_current = 1 WHERE r.id = $ref;
	  SET @c = LAST_INSERT_ID();
	  INSERT INTO consent_party (consent_id, organisation_id, insats_id) VALUES (@c, $org, NULL);
	  INSERT INTO consent_party (consent_id, organisation_id, insats_id)
	    SELECT @c, NULL, insats_id FROM referral WHERE id = $ref;
	  INSERT INTO consent_consent_category (consent_id, category_code) VALUES (@c, 'arbete'), (@c, 'planering');
	  INSERT INTO consent_event (consent_id, at, event, staff_id, how)
	    SELECT @c, UTC_TIMESTAMP(3), 'givet', taken_by, 'papper' FROM consent WHERE id = @c;
	  UPDATE consent_text SET used = 1 WHERE id = (SELECT text_id FROM consent WHERE id = @c);
	  SELECT @c;"
}

# add_party CONSENT_ID ORG_ID: one more organisation named by a waiver.
add_party() {
	sql_admin "INSERT INTO consent_party (consent_id, organisation_id, insats_id) VALUES ($1, $2, NULL)"
}

# revoke_waiver CONSENT_ID: the whole waiver revoked, with its event.
revoke_waiver() {
	sql_admin "UPDATE consent SET state = 'aterkallad', ended_at = UTC_TIMESTAMP(), version = version + 1
	    WHERE id = $1 AND state = 'aktiv';
	  UPDATE consent_party SET state = 'aterkallad', revoked_at = UTC_TIMESTAMP()
	    WHERE consent_id = $1 AND state = 'aktiv';
	  INSERT INTO consent_event (consent_id, at, event, staff_id, how, reason)
	    SELECT id, UTC_TIMESTAMP(3), 'aterkallat', taken_by, 'muntligt', 'Testet' FROM consent WHERE id = $1"
}

# revoke_party CONSENT_ID ORG_ID: one organisation's party revoked; the
# waiver stays aktiv for the others.
revoke_party() {
	sql_admin "UPDATE consent_party SET state = 'aterkallad', revoked_at = UTC_TIMESTAMP()
	    WHERE consent_id = $1 AND organisation_id = $2 AND state = 'aktiv';
	  UPDATE consent SET version = version + 1 WHERE id = $1;
	  INSERT INTO consent_event (consent_id, at, event, party_id, staff_id, how, reason)
	    SELECT c.id, UTC_TIMESTAMP(3), 'andrat', p.id, c.taken_by, 'skriftligt', 'Testet'
	    FROM consent c JOIN consent_party p ON p.consent_id = c.id AND p.organisation_id = $2
	    WHERE c.id = $1"
}

# give_waiver_in REFERRAL LANGUAGE: give_waiver's waiver, in LANGUAGE's
# current text (its förbund's); prints its id.
give_waiver_in() {
	local c
	c=$(give_waiver "$1")
	q "UPDATE consent SET language = '$2', text_id = (SELECT t.id FROM consent_text t
	     JOIN insats i ON i.forbund_id = t.forbund_id JOIN referral r ON r.insats_id = i.id
	     WHERE r.id = $1 AND t.kind = 'sekretess' AND t.language = '$2' AND t.is_current = 1)
	   WHERE id = $c"
	echo "$c"
}
# give_sus_consent REFERRAL [ANSWER]: an aktiv SUS consent (default ja),
# on paper today, taken by remittent.fk; prints its id.
give_sus_consent() {
	q "INSERT INTO consent (referral_id, kind, state, answer, text_id, language, valid_from,
	     signed_how, paper_date, taken_by, signed_at)
	   SELECT $1, 'sus', 'aktiv', '${2:-ja}', t.id, 'sv', DATE('$TODAY'), 'papper', DATE('$TODAY'), $SQL_FK_STAFF,
	     UTC_TIMESTAMP() FROM referral r JOIN insats i ON i.id = r.insats_id
	     JOIN consent_text t ON t.forbund_id = i.forbund_id AND t.kind = 'sus'
	     AND t.language = 'sv' AND t.is_current = 1 WHERE r.id = $1;
	   SELECT LAST_INSERT_ID();"
}
# give_participation_sus_consent PARTICIPATION [ANSWER]: an aktiv SUS
# consent (default ja) on the participation's referral, on paper from its
# start, taken by personal.fv.
give_participation_sus_consent() {
	q "INSERT INTO consent (referral_id, kind, state, answer, text_id, language, valid_from,
		signed_how, paper_date, taken_by, signed_at)
		SELECT p.referral_id, 'sus', 'aktiv', '${2:-ja}',
		(SELECT t.id FROM consent_text t JOIN insats i ON i.forbund_id = t.forbund_id
		  WHERE i.id = p.insats_id AND t.kind = 'sus' AND t.language = 'sv' AND t.is_current = 1),
		'sv', p.start_date, 'papper', p.start_date, (SELECT id FROM staff WHERE username = 'personal.fv'),
		UTC_TIMESTAMP()
		FROM participation p WHERE p.id = $1"
}
# revoke_participation_sus_consent PARTICIPATION: the SUS consent of the
# participation's referral revoked orally, recorded by personal.fv.
revoke_participation_sus_consent() {
	q "UPDATE consent c JOIN participation p ON p.referral_id = c.referral_id
		SET c.state = 'aterkallad', c.ended_at = UTC_TIMESTAMP() WHERE p.id = $1 AND c.kind = 'sus';
		INSERT INTO consent_event (consent_id, at, event, staff_id, how)
		SELECT c.id, UTC_TIMESTAMP(3), 'aterkallat', (SELECT id FROM staff WHERE username = 'personal.fv'),
		'muntligt' FROM consent c
		JOIN participation p ON p.referral_id = c.referral_id WHERE p.id = $1 AND c.kind = 'sus'"
}
# consent_state ID: a consent's state.
consent_state() { q "SELECT state FROM consent WHERE id = $1"; }
# sus_counters [FORBUND]: the SUS export's last batch and last acknowledged,
# "N/M", of the förbund (default the demo's, sus-job's); "0/0" before its
# first export.
SUS_DEMO_FORBUND="(SELECT forbund_id FROM staff WHERE username = 'sus-job')"
sus_counters() { q "SELECT CONCAT(COALESCE(MAX(last_batch_no), 0), '/', COALESCE(MAX(last_acked_no), 0))
	FROM sus_state WHERE forbund_id = ${1:-$SUS_DEMO_FORBUND}"; }
sus_last_batch() { q "SELECT COALESCE(MAX(last_batch_no), 0) FROM sus_state WHERE forbund_id = ${1:-$SUS_DEMO_FORBUND}"; }
# xp FILE XPATH: the value of an XPath expression (namespace-blind).
xp() { xmllint --xpath "$2" "$1" 2> /dev/null; }
# pnr_of PARTICIPATION: the personnummer of its person.
pnr_of() { q "SELECT pe.personnummer FROM participation p JOIN person pe ON pe.id = p.person_id WHERE p.id = $1"; }

# --- The consent tablet (include/tablet.h).

# jar_prune JAR: drop from JAR the cookies the last answer deleted
# (Set-Cookie with Max-Age=0), as a browser does: curl 7.88 keeps such a
# cookie in the jar when others remain.
jar_prune() {
	local name
	for name in $(tr -d '\r' < "$HEAD" | sed -n 's/^[Ss]et-[Cc]ookie: \([a-z_]*\)=;.*Max-Age=0.*/\1/p'); do
		awk -v n="$name" '$6 != n' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
	done
}

# tfetch JAR [curl args…]: fetch with the jar, as a browser keeps it;
# prints the status.
tfetch() {
	local jar=$1 st
	shift
	st=$(fetch -b "$jar" -c "$jar" "$@")
	jar_prune "$jar"
	echo "$st"
}

# hand_over CONSENT [till] [USER]: a fresh browser where USER (default
# personal.cm) logs in and hands the tablet over for CONSENT, to sign
# (till=surfplatta, the default) or to revoke (till=aterkalla). Sets TJAR
# to the jar, now the tablet's, and HO_ST to the status of the handover.
hand_over() {
	local c=$1 till=${2:-surfplatta} user=${3:-personal.cm} csrf
	TJAR=$(new_jar)
	login "$TJAR" "$user" > /dev/null
	fetch -b "$TJAR" -c "$TJAR" "$BASE/samtycken/$c/$till" > /dev/null
	csrf=$(form_csrf)
	HO_ST=$(tfetch "$TJAR" --data-urlencode "csrf=$csrf" \
		--data-urlencode "till=$till" "$BASE/samtycken/$c/overlamna")
}

# tablet_token JAR: the tablet cookie in a jar (empty when there is none).
tablet_token() { awk '$6 == "stegvis_surfplatta" { print $7 }' "$1"; }

# tablet_csrf JAR: the CSRF token of the jar's tablet session.
tablet_csrf() {
	sql_admin "SELECT csrf_token FROM tablet_session WHERE token_hash = UNHEX('$(tablet_hash "$1")')"
}
# tablet_hash JAR: the hash the database keeps of the jar's tablet token.
tablet_hash() { printf '%s' "$(tablet_token "$1")" | b2sum -l 256 | cut -d' ' -f1; }
# tablet_alive HASH: 1 while the tablet session with that token hash lives.
tablet_alive() { q "SELECT COUNT(*) FROM tablet_session WHERE token_hash = UNHEX('$1')"; }
# locked DESC NAME: the last answer was the redirect to the lock screen,
# with nothing of anyone in it (not NAME, no personnummer), and the tablet
# cookie is gone.
locked() {
	check "$1: the lock screen" header_has "Location: /surfplatta"
	check "$1: no name in the answer" body_lacks "$2"
	check "$1: no personnummer in the answer" body_has_no_pnr
	check "$1: the tablet cookie is cleared" header_has "Set-Cookie: stegvis_surfplatta=;"
}
# texpect DESC WANT JAR URL [curl args…]: expect_status in JAR as a
# browser keeps it.
texpect() {
	local desc=$1 want=$2 jar=$3 got
	shift 3
	got=$(tfetch "$jar" "$@")
	if [ "$got" = "$want" ]; then ok "$desc"; else not_ok "$desc (got $got, want $want)"; fi
}

# tpost JAR PATH [curl data args…]: POST as the tablet, with its CSRF token;
# prints the status.
tpost() {
	local jar=$1 path=$2 csrf
	shift 2
	csrf=$(tablet_csrf "$jar")
	tfetch "$jar" --data-urlencode "csrf=$csrf" "$@" "$BASE$path"
}

# least_change_of READER TIMES WARM OK CURL_ARGS…: the least change of the
# global counter that the function READER prints, around one curl request
# with CURL_ARGS, over TIMES requests (after one unmeasured request when WARM
# is 1), less what two bare reads of the counter differ by (the counter's own
# cost); "?" when a request's status does not match the regex OK. The
# stack must be otherwise idle, as it is while a test script runs. One
# helper, so statements and rows read are measured the same way.
least_change_of() {
	local reader=$1 times=$2 warm=$3 ok=$4 base=999999999 least=999999999 a b code
	shift 4
	for _ in 1 2 3; do
		a=$($reader); b=$($reader)
		[ $((b - a)) -lt $base ] && base=$((b - a))
	done
	if [ "$warm" = 1 ]; then curl -sS -o /dev/null "$@"; fi
	for _ in $(seq "$times"); do
		a=$($reader)
		code=$(curl -sS -o /dev/null -w '%{http_code}' "$@")
		b=$($reader)
		[[ $code =~ ^($ok)$ ]] || { echo "?"; return; }
		[ $((b - a - base)) -lt $least ] && least=$((b - a - base))
	done
	echo "$least"
}

# questions_count, rows_read_count: MariaDB's global count of statements
# ('Questions') and of rows read (the sum of its Handler_read_* counters).
questions_count() { sql_admin "SHOW GLOBAL STATUS LIKE 'Questions'" | awk '{ print $2 }'; }
rows_read_count() {
	sql_admin "SELECT SUM(variable_value) FROM information_schema.global_status
		WHERE variable_name LIKE 'HANDLER_READ%'"
}

# statements_of JAR PATH: the least number of SQL statements one GET of PATH
# runs, over five requests after one to warm up; "?" when a request does
# not answer 200.
statements_of() { least_change_of questions_count 5 1 200 -b "$1" "$BASE$2"; }

# statements_of_post JAR PATH [curl args…]: as statements_of for a POST of
# PATH with the curl args (its form), sent three times; the least number;
# "?" when a POST answers neither 2xx nor 3xx. For a POST that does the
# same work each time it is sent.
statements_of_post() {
	local jar=$1 path=$2
	shift 2
	least_change_of questions_count 3 0 '[23][0-9][0-9]' -b "$jar" -c "$jar" "$@" "$BASE$path"
}

# tablet JAR: a tablet's lock screen (/surfplatta) in JAR; sets KC to its
# CSRF token.
tablet() {
	fetch -c "$1" -b "$1" "$BASE/surfplatta" > /dev/null
	KC=$(form_csrf)
}

# free_port: a TCP port for a listener (tests/harness/ports.sh).
. "$(dirname "${BASH_SOURCE[0]}")/../harness/ports.sh"

# drop_scratch_db NAME...: drop a test's own databases and the grants on
# them (DROP DATABASE leaves table, column and procedure grants behind).
drop_scratch_db() {
	local d
	for d in "$@"; do
		sql_admin "DROP DATABASE IF EXISTS \`$d\`;
		  DELETE FROM mysql.tables_priv WHERE Db = '$d';
		  DELETE FROM mysql.columns_priv WHERE Db = '$d';
		  DELETE FROM mysql.procs_priv WHERE Db = '$d';
		  DELETE FROM mysql.db WHERE Db = '$d';
		  FLUSH PRIVILEGES" > /dev/null 2>&1
	done
}

# --- A referral's state (issue 15, items 6 and 7).
# ref_version ID, ref_status ID: the referral's version and status.
ref_version() { q "SELECT version FROM referral WHERE id = $1"; }
ref_status() { q "SELECT status FROM referral WHERE id = $1"; }
# ref_hist_rows ID: the number of its change-history rows.
ref_hist_rows() { q "SELECT COUNT(*) FROM change_history WHERE record_type = 'referral' AND record_id = $1"; }

# --- The summary to the remittent (issue 15, item 2; app/summary.c).
# send_summary JAR PARTICIPATION [atgard]: the summary page's form as it
# stands (a new version or the draft), with every required part filled
# in, sent (or with atgard=spara saved) as JAR; prints the status.
send_summary() {
	local jar=$1 p=$2 action=${3:-skicka} v n k
	fetch -b "$jar" -c "$jar" "$BASE/deltagande/$p/sammanfattning" > /dev/null
	v=$(hidden version) n=$(hidden versionsnr) k=$(hidden nyckel)
	post "$jar" "/deltagande/$p/sammanfattning" --data-urlencode "atgard=$action" \
		--data-urlencode "version=$v" --data-urlencode "versionsnr=$n" --data-urlencode "nyckel=$k" \
		--data-urlencode "gjort=Samtal och arbetsträning" --data-urlencode "resultat=Arbetstränar" \
		--data-urlencode "egen_syn=Det har gått bra" --data-urlencode "nasta_steg=Arbetsträning" \
		--data-urlencode "vem=Remittenten bokar ett möte"
}

# stegvis_start: start the stack's stegvis again after a test stopped it,
# as conf/devstack.sh start does; waits until it listens.
stegvis_start() {
	(cd "$ROOT" && exec setsid "$BIN" serve -c "$VAR/stegvis.conf" \
		--pid-file "$VAR/run/stegvis.pid") < /dev/null >> "$VAR/log/stegvis.log" 2>&1 &
	wait_for 10 test -S "$VAR/run/stegvis.sock"
}

# rows_read_of JAR PATH: the rows MariaDB read for one GET of PATH with the
# session in JAR, as statements_of counts statements; "?" when a GET does
# not answer 200.
rows_read_of() { least_change_of rows_read_count 5 1 200 -b "$1" "$BASE$2"; }

# order_ok LABEL [SQL_FN]: what sql/0049, 0053 and 0063 keep equals what
# it is kept from: participation_order row for row as its view
# participation_order_src, insats_tally as the participations' counts,
# late_tally as late_tally_src's and referral_tally as the referrals'
# counts (rows of 0 allowed); four checks.
# SQL_FN runs SQL in the database to check (q, the stack's, unless given).
order_ok() {
	local f=${2:-q}
	eq "$1: participation_order as participation_order_src" "$($f "SELECT COUNT(*) FROM participation_order_src s
		LEFT JOIN participation_order o ON o.participation_id = s.participation_id
		WHERE NOT (o.insats_id <=> s.insats_id AND o.listed <=> s.listed AND o.status <=> s.status
		AND o.contact_id <=> s.contact_id AND o.gender <=> s.gender AND o.name_key <=> s.name_key
		AND o.end_late <=> s.end_late AND o.mid_late <=> s.mid_late AND o.sum_late <=> s.sum_late)")
		+ $($f "SELECT COUNT(*) FROM participation_order")" "0
		+ $($f "SELECT COUNT(*) FROM participation")"
	eq "$1: insats_tally as the participations" "$($f "SELECT COUNT(*) FROM (SELECT insats_id, status,
		gallrad_at IS NULL AS listed, COUNT(*) AS n FROM participation GROUP BY 1, 2, 3) c
		LEFT JOIN insats_tally t USING (insats_id, status, listed) WHERE NOT (t.n <=> c.n)")
		+ $($f "SELECT COUNT(*) FROM insats_tally WHERE n <> 0")" "0
		+ $($f "SELECT COUNT(*) FROM (SELECT 1 FROM participation GROUP BY insats_id, status, gallrad_at IS NULL) c")"
	eq "$1: late_tally as late_tally_src (sql/0053)" "$($f "SELECT COUNT(*) FROM (SELECT insats_id, listed,
		grain, bucket, kind, COUNT(*) AS n FROM late_tally_src GROUP BY 1, 2, 3, 4, 5) c
		LEFT JOIN late_tally t USING (insats_id, listed, grain, bucket, kind) WHERE NOT (t.n <=> c.n)")
		+ $($f "SELECT COUNT(*) FROM late_tally WHERE n <> 0")" "0
		+ $($f "SELECT COUNT(*) FROM (SELECT 1 FROM late_tally_src GROUP BY insats_id, listed, grain, bucket, kind) c")"
	eq "$1: referral_tally as the referrals (sql/0063)" "$($f "SELECT COUNT(*) FROM (SELECT insats_id, status,
		gallrad_at IS NULL AS listed, COUNT(*) AS n FROM referral GROUP BY 1, 2, 3) c
		LEFT JOIN referral_tally t USING (insats_id, status, listed) WHERE NOT (t.n <=> c.n)")
		+ $($f "SELECT COUNT(*) FROM referral_tally WHERE n <> 0")" "0
		+ $($f "SELECT COUNT(*) FROM (SELECT 1 FROM referral GROUP BY insats_id, status, gallrad_at IS NULL) c")"
}

# own_insats NAME SHORT SLUG USER: an insats of the test's own (a copy of
# Case Manager's host and förbund, 50 places) with one insats staff member
# USER, logged in; sets X (the insats's id), U (USER) and UID_ (USER's
# staff id). Left inactive at exit, so that it weighs on no report later
# in the run.
own_insats() {
	local name=$1 short=$2 slug=$3
	q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, period_start, places, active)
		SELECT forbund_id, host_organisation_id, '$name', '$short', '$slug', '2020-01-01', 50, 1
		FROM insats WHERE short_name = 'Case Manager'"
	X=$(lookup_one "insats $slug" "SELECT id FROM insats WHERE slug = '$slug'")
	U=$4
	mk_account "$U" "$(q "SELECT host_organisation_id FROM insats WHERE id = $X")" insatspersonal
	UID_=$(staff_id_of "$U")
	q "INSERT INTO staff_insats (staff_id, insats_id) VALUES ($UID_, $X)"
	at_exit "q \"DELETE FROM staff_insats WHERE insats_id = $X; UPDATE insats SET active = 0 WHERE id = $X\""
	eq "the insats's staff member logs in" "$(as "$U")" 303
}

# own_stegvis DIR [CONF_LINES]: a stegvis of the test's own on the stack's
# database, spoken to over FastCGI at DIR/own.sock (DIR removed at exit):
# three workers never recycled during the test, so each keeps what it
# keeps (a page, a copy of the code lists) from one round to the next;
# CONF_LINES (keys not set here, e.g. sso_header_param) end its conf.
# Sets OWN (its master) and WORKERS (the workers' pids); stopped at exit.
own_stegvis() {
	local d=$1
	{
		cat <<CONF
socket = $d/own.sock
db_socket = $VAR/run/mysqld.sock
db_password_file = $VAR/db.pass
views = $ROOT/views
workers = 3
max_requests = 100000
strict_views = yes
secure_cookies = 0
CONF
		[ -z "${2:-}" ] || printf '%s\n' "$2"
	} > "$d/own.conf"
	(cd "$ROOT" && exec "$BIN" serve -c "$d/own.conf" --pid-file "$d/own.pid") \
		>> "$VAR/log/stegvis.log" 2>&1 &
	OWN=$!
	at_exit "kill $OWN 2> /dev/null; wait_for 10 bash -c '! kill -0 $OWN 2> /dev/null'; rm -rf '$d'"
	check "our own stegvis listens" wait_for 10 test -S "$d/own.sock"
	check "with three workers" wait_for 10 bash -c \
		"[ \$(pgrep -P $OWN | wc -l) = 3 ]"
	WORKERS=$(pgrep -P "$OWN" | sort -n | tr '\n' ' ')
	OWN_SOCK=$d/own.sock
	export OWN_SOCK ROOT
}

# own_root OUT: an anonymous GET / straight to own_stegvis's workers; the
# raw CGI answer (headers, blank line, body) into OUT. An OWN_FETCH.
own_root() {
	env -i REQUEST_METHOD=GET DOCUMENT_URI=/ QUERY_STRING= REMOTE_ADDR=127.0.0.1 \
		REQUEST_ID=own-root bash "$ROOT/tests/http/fcgi_call.sh" "$OWN_SOCK" > "$1"
}
export -f own_root

# written PID: the bytes worker PID has written so far (its answers go
# through write()); mark, then served: the workers of own_stegvis that
# wrote anything since mark, one pid a line.
written() { awk '$1 == "wchar:" { print $2 }' "/proc/$1/io" 2> /dev/null || echo 0; }
declare -A OWN_BEFORE
mark() { for w in $WORKERS; do OWN_BEFORE[$w]=$(written "$w"); done; }
served() {
	for w in $WORKERS; do
		[ "$(written "$w")" -gt "${OWN_BEFORE[$w]:-0}" ] && echo "$w"
	done
	return 0
}

# Rounds against own_stegvis's workers, for a test that sets N (requests
# a round) and OWN_FETCH (an exported function: FETCH OUT writes one raw
# answer to OUT), with TMPD exported.
# round NAME: N calls of OWN_FETCH three at a time (so every worker gets
# some); the answers in $TMPD/NAME/, the workers that served in
# $TMPD/NAME.workers. Prints how many answers were not 200.
round() {
	rm -rf "${TMPD:?}/$1"
	mkdir -p "$TMPD/$1"
	mark
	seq "$N" | xargs -P 3 -I{} bash -c "$OWN_FETCH '$TMPD/$1/{}'"
	served > "$TMPD/$1.workers"
	grep -L '^Status: 200' "$TMPD/$1"/* | wc -l
	for f in $(grep -L '^Status: 200' "$TMPD/$1"/*); do
		echo "# $1: not a 200: $(head -c 200 "$f" | tr '\r\n' '  ')" >&2
	done
}
# with NAME TEXT: how many answers of round NAME contain TEXT.
with() { grep -lF -- "$2" "$TMPD/$1"/* | wc -l; }
# both A B: how many workers served in rounds A and B.
both() { sort "$TMPD/$1.workers" "$TMPD/$2.workers" | uniq -d | wc -l; }

# change NAME OLD NEW COMMAND…: a round in which every answer shows OLD
# and none NEW, then COMMAND, then a round in which every answer shows NEW
# and none OLD, all three workers serving in both. An empty OLD or NEW is
# not looked for.
change() {
	local name=$1 old=$2 new=$3
	shift 3
	eq "$name: before, every answer is 200" "$(round "$name-before")" 0
	[ -z "$old" ] || eq "$name: before, every answer shows '$old'" "$(with "$name-before" "$old")" "$N"
	[ -z "$new" ] || eq "$name: before, no answer shows '$new'" "$(with "$name-before" "$new")" 0
	"$@"
	eq "$name: after, every answer is 200" "$(round "$name-after")" 0
	[ -z "$new" ] || eq "$name: after, every answer shows '$new'" "$(with "$name-after" "$new")" "$N"
	[ -z "$old" ] || eq "$name: after, no answer shows '$old'" "$(with "$name-after" "$old")" 0
	eq "$name: all three workers served before and after the change" \
		"$(both "$name-before" "$name-after")" 3
}
