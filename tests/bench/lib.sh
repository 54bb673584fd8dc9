# shellcheck shell=bash
# tests/bench/lib.sh: helpers of `make bench` (tests/bench.sh) and
# tests/bench_statements.sh; sourced, with VAR (a running private stack,
# conf/devstack.sh), BASE (its http://127.0.0.1:PORT) and JARS (a
# directory for cookie jars) set. A benchmark's helpers, not a test's:
# nothing here asserts.

# sqla SQL: run SQL as the database administrator (socket auth), no
# column names.
sqla() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N stegvis -e "$1"; }

# bench_csrf FILE: the first CSRF token of a page.
bench_csrf() { grep -o 'name="csrf" value="[0-9a-f]*' "$1" | head -n 1 | sed 's/.*value="//'; }

# bench_login USER: a fresh session of USER (password stegvis-demo) in
# $JARS/USER.
bench_login() {
	local j="$JARS/$1" csrf
	rm -f "$j"
	curl -fsS -c "$j" -b "$j" -o "$JARS/login.html" "$BASE/logga-in"
	csrf=$(bench_csrf "$JARS/login.html")
	curl -fsS -c "$j" -b "$j" -o /dev/null --data-urlencode "csrf=$csrf" \
		--data-urlencode "anvandarnamn=$1" --data-urlencode "losenord=stegvis-demo" "$BASE/logga-in"
}

# bench_cookie JAR: the jar's cookies as one Cookie: header value (curl
# writes HttpOnly cookies with a "#HttpOnly_" prefix).
bench_cookie() {
	awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$1"
}

# bench_busy_participation: the busiest participation of personal.fv's
# insatser, in progress: the most access-log rows of its participant,
# then the most history rows, then the lowest id (the same page from run
# to run on the same data).
bench_busy_participation() {
	sqla "SELECT p.id FROM participation p
		JOIN staff_insats si ON si.insats_id = p.insats_id
		JOIN staff s ON s.id = si.staff_id AND s.username = 'personal.fv'
		JOIN person pn ON pn.id = p.person_id
		WHERE p.status = 'inskriven'
		ORDER BY (SELECT COUNT(*) FROM audit_log a WHERE a.personnummer = pn.personnummer) DESC,
		(SELECT COUNT(*) FROM change_history h WHERE h.record_type = 'participation'
			AND h.record_id = p.id) DESC, p.id LIMIT 1"
}

# bench_kiosk: a tablet (jar $JARS/kiosk) with a questionnaire code in
# progress at question 1: personal.fv gives a participation of theirs
# without any response a start measurement code of the quality of life
# questionnaire, the tablet takes it and chooses Swedish. Sets KIOSK_CSRF
# and KIOSK_BODY (an answer to question 1, saved again on every POST of
# it to /enkat/fraga/1). Returns 1 when a step fails.
bench_kiosk() {
	local j="$JARS/kiosk" fv="$JARS/personal.fv" pid lq code csrf page="$JARS/kiosk.html"
	[ -s "$fv" ] || bench_login personal.fv
	pid=$(sqla "SELECT MIN(p.id) FROM participation p
		JOIN staff_insats si ON si.insats_id = p.insats_id
		JOIN staff s ON s.id = si.staff_id AND s.username = 'personal.fv'
		WHERE p.status = 'inskriven' AND NOT EXISTS (SELECT 1 FROM questionnaire_response r
			WHERE r.participation_id = p.id)
		AND NOT EXISTS (SELECT 1 FROM questionnaire_code c WHERE c.participation_id = p.id)")
	lq=$(sqla "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'livskvalitet' AND is_active = 1")
	curl -fsS -b "$fv" -c "$fv" -o "$page" "$BASE/start"
	csrf=$(bench_csrf "$page")
	curl -sS -b "$fv" -c "$fv" -o "$page" --data-urlencode "csrf=$csrf" \
		-d "enkat=$lq" -d matning=start "$BASE/deltagande/$pid/enkat"
	code=$(grep -o 'name="kod" value="[0-9]\{8\}' "$page" | sed 's/.*value="//')
	[ -n "$code" ] || return 1
	rm -f "$j"
	curl -fsS -c "$j" -b "$j" -o "$page" "$BASE/surfplatta"
	KIOSK_CSRF=$(bench_csrf "$page")
	[ "$(curl -sS -c "$j" -b "$j" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$KIOSK_CSRF" \
		-d "kod=$code" "$BASE/surfplatta")" = 303 ] || return 1
	[ "$(curl -sS -c "$j" -b "$j" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$KIOSK_CSRF" \
		-d sprak=sv "$BASE/enkat/sprak")" = 303 ] || return 1
	KIOSK_BODY="csrf=$KIOSK_CSRF&svar=42&ga=nasta"
	[ "$(curl -sS -c "$j" -b "$j" -o /dev/null -w '%{http_code}' -d "$KIOSK_BODY" \
		"$BASE/enkat/fraga/1")" = 303 ] || return 1
}

# bench_median: the median of the numbers on stdin, one a line.
bench_median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print 0 }'; }
