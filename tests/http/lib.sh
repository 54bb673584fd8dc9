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
	local n s
	while :; do
		s=$(printf '%03d' $((RANDOM % 898 + 100)))
		n="$1$s$(luhn "${1:2:6}$s")"
		[ "$(sql_admin "SELECT COUNT(*) FROM person WHERE personnummer = '$n'")" = 0 ] && break
	done
	echo "$n"
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

# --- Consent fixtures (sql/0008_consent.sql), written straight to the database.

# give_waiver REFERRAL_ID [ORG_ID] [DISCLOSE 0|1]: an aktiv secrecy waiver
# (the current Swedish text, signed on paper, valid from two days ago for a
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
	    CURDATE() - INTERVAL 2 DAY, CURDATE() + INTERVAL 1 YEAR, 'papper', 'Test Testsson',
	    CURDATE() - INTERVAL 2 DAY, r.remittent_id, UTC_TIMESTAMP()
	  FROM referral r JOIN consent_text t ON t.kind = 'sekretess' AND t.language = 'sv'
	    AND t.is_current = 1 WHERE r.id = $ref;
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
	local h
	h=$(printf '%s' "$(tablet_token "$1")" | b2sum -l 256 | cut -d' ' -f1)
	sql_admin "SELECT csrf_token FROM tablet_session WHERE token_hash = UNHEX('$h')"
}

# tpost JAR PATH [curl data args…]: POST as the tablet, with its CSRF token;
# prints the status.
tpost() {
	local jar=$1 path=$2 csrf
	shift 2
	csrf=$(tablet_csrf "$jar")
	tfetch "$jar" --data-urlencode "csrf=$csrf" "$@" "$BASE$path"
}
