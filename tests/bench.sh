#!/usr/bin/env bash
# make bench: the figures of issue 19 in one run, on a private throw-away
# stack (conf/devstack.sh) with the demo data, then 100 000 participations
# and 1 000 000 access-log rows. A benchmark, not a test: it asserts
# nothing, and everything it starts (stack, php-fpm, temp dirs) is stopped
# and removed on exit, Ctrl-C included.
#
#   1. GET / against the same bytes as a static file and a PHP-FPM page
#      doing the same work (tests/bench/index.php: same two queries, same
#      bytes, checked with cmp), all through the same nginx;
#   2. the personal pages (a busy participation, the inbox, the participant
#      list, the kiosk answer save) and the statements of each request
#      (tests/bench_statements.sh);
#   3. the same pages again at 100 000 participations and 1 000 000 more
#      audit_log rows, per page scaled/demo;
#   4. the yearly report against one grouped pass over the year's rows;
#   5. the SUS export against a plain `mariadb -X` dump of its columns;
#   6. worker RSS after 10 000+ requests (workers never recycled here);
#   7. a summary: figure, target, measured, met/missed.
# wrk -t2, BENCH_CONNECTIONS (16) connections, BENCH_SECONDS (10) a run,
# BENCH_ROUNDS (3) interleaved rounds of every page; medians are printed.
# Parts: BENCH_ONLY=pages,scaled,report,sus,rss (a comma list; default
# all; scaled includes pages). Sizes: BENCH_PARTICIPATIONS (100000),
# BENCH_AUDIT_ROWS (1000000), BENCH_RSS_REQUESTS (10000),
# BENCH_REPORT_RUNS (5), BENCH_DUMP_RUNS (3).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:?build dir}
cd "$ROOT"
ONLY=${BENCH_ONLY:-all}
want() { [ "$ONLY" = all ] || [[ ",$ONLY," == *",$1,"* ]]; }
[ "$ONLY" != all ] && want scaled && ONLY="$ONLY,pages"
if want pages; then sh conf/deps.sh wrk php; else sh conf/deps.sh wrk; fi
DURATION=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-16}
ROUNDS=${BENCH_ROUNDS:-3}
PARTS=${BENCH_PARTICIPATIONS:-100000}
AUDIT_ROWS=${BENCH_AUDIT_ROWS:-1000000}
RSS_REQUESTS=${BENCH_RSS_REQUESTS:-10000}
REPORT_RUNS=${BENCH_REPORT_RUNS:-5}
DUMP_RUNS=${BENCH_DUMP_RUNS:-3}

VAR=$(mktemp -d /tmp/stegvis-bench.XXXXXX)
. tests/harness/ports.sh
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
JARS="$VAR/jars"
STATIC="$ROOT/views/static/bench-same-size.html"
cleanup() {
	bash tests/bench/php.sh stop "$VAR" > /dev/null 2>&1 || true
	bash conf/devstack.sh stop "$VAR" > /dev/null 2>&1 || true
	rm -rf "$VAR" "$STATIC"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$JARS"
# shellcheck source=tests/bench/lib.sh
. tests/bench/lib.sh

# The stack: workers never recycled (part 6), and the PHP page's location.
bash tests/bench/php.sh nginx "$VAR"
STEGVIS_NGINX_INCLUDE="$VAR/bench-php.nginx" STEGVIS_EXTRA_CONF="max_requests = 10000000" \
	bash conf/devstack.sh start "$VAR" "$PORT" "$BUILD/stegvis" > /dev/null
MASTER=$(cat "$VAR/run/stegvis.pid")
WORKERS=$(pgrep -P "$MASTER" | wc -l)
ACCESS="$VAR/log/nginx-access.log"
echo "Stegvis benchmark: wrk -t2 -c$CONNS, ${DURATION}s a run, $ROUNDS rounds, $(nproc) cores," \
	"$WORKERS stegvis workers, load $(cut -d' ' -f1-3 /proc/loadavg)"

# The summary (part 7): "figure|target|measured|met".
SUMMARY=()
# summ FIGURE TARGET MEASURED OP LIMIT: a summary row, met when
# MEASURED OP LIMIT (OP ge or le).
summ() {
	local met
	met=$(awk -v m="$3" -v op="$4" -v l="$5" 'BEGIN {
		if (m == "" || m == "?") { print "?"; exit }
		ok = (op == "ge") ? (m + 0 >= l + 0) : (m + 0 <= l + 0)
		print ok ? "met" : "missed" }')
	SUMMARY+=("$1|$2|$3|$met")
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }

# ---- Parts 1-3: pages ---------------------------------------------------
# wrk_run WANT URL [WRK ARGS]: one wrk run; prints "rps p50 p99 bad n"
# (latencies in ms; bad: answers other than HTTP WANT, from nginx's
# access log, and requests over BENCH_TIMEOUT (30 s); n: requests made).
wrk_run() {
	local want=$1 url=$2 out before
	shift 2
	before=$(wc -l < "$ACCESS")
	# A timeout as long as a slow page may take, so that its latency is
	# measured (wrk leaves requests over --timeout out of it).
	out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout "${BENCH_TIMEOUT:-30}s" --latency "$@" "$url")
	# 499: a request wrk left open when its time was up.
	bad=$(tail -n +"$((before + 1))" "$ACCESS" | awk -v w="$want" '$5 != w && $5 != 499' | wc -l)
	awk -v bad="$bad" '
		function ms(v) {
			if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
			if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
			if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
			return v
		}
		$1 == "50%" { p50 = ms($2) }
		$1 == "99%" { p99 = ms($2) }
		$1 == "Requests/sec:" { rps = $2 }
		/ requests in / { n = $1 }
		/Socket errors:/ { for (i = 1; i <= NF; i++) if ($i == "timeout") bad += $(i + 1) }
		END { printf "%.0f %.3f %.3f %d %d\n", rps, p50, p99, bad, n }
	' <<< "$out"
}

# Sessions, the busy participation, the kiosk tablet: fresh for a phase.
PART=""
setup_sessions() {
	bench_login personal.fv
	bench_login personal.cm
	[ -n "$PART" ] || PART=$(bench_busy_participation)
	bench_kiosk || echo "  (the kiosk session could not be set up)"
}

# page KEY: the wrk run of page KEY; prints as wrk_run.
page() {
	case "$1" in
	index) wrk_run 200 "$BASE/" ;;
	static) wrk_run 200 "$BASE/static/bench-same-size.html" ;;
	php) wrk_run 200 "$BASE/_bench/php" ;;
	deltagande) wrk_run 200 "$BASE/deltagande/$PART" -H "Cookie: $(bench_cookie "$JARS/personal.fv")" ;;
	inkorg) wrk_run 200 "$BASE/inkorg" -H "Cookie: $(bench_cookie "$JARS/personal.cm")" ;;
	deltagare) wrk_run 200 "$BASE/deltagare" -H "Cookie: $(bench_cookie "$JARS/personal.fv")" ;;
	kiosk) BENCH_COOKIE=$(bench_cookie "$JARS/kiosk") BENCH_BODY=${KIOSK_BODY:-} \
		wrk_run 303 "$BASE/enkat/fraga/1" -s tests/bench/post.lua ;;
	esac
}
declare -A LABEL=(
	[index]="GET / (MariaDB, views)" [static]="static file, same bytes"
	[php]="PHP-FPM page, same bytes" [deltagande]="GET /deltagande/:id (personal.fv)"
	[inkorg]="GET /inkorg (personal.cm)" [deltagare]="GET /deltagare (personal.fv)"
	[kiosk]="POST /enkat/fraga/1 (kiosk save)"
)
declare -A RPS P50 P99 BAD ST

# phase NAME KEYS...: ROUNDS interleaved rounds of the pages KEYS; the
# medians go to RPS/P50/P99[NAME:KEY], the answers other than expected
# summed in BAD; then the statements of one request of each (ST).
phase() {
	local name=$1 k r rps p50 p99 bad n
	shift
	declare -A all_rps all_p50 all_p99
	setup_sessions
	for r in $(seq "$ROUNDS"); do
		for k in "$@"; do
			read -r rps p50 p99 bad n < <(page "$k")
			all_rps[$k]+="$rps "
			all_p50[$k]+="$p50 "
			all_p99[$k]+="$p99 "
			BAD[$name:$k]=$(( ${BAD[$name:$k]:-0} + bad ))
		done
	done
	for k in "$@"; do
		RPS[$name:$k]=$(tr ' ' '\n' <<< "${all_rps[$k]}" | grep . | bench_median)
		P50[$name:$k]=$(tr ' ' '\n' <<< "${all_p50[$k]}" | grep . | bench_median)
		P99[$name:$k]=$(tr ' ' '\n' <<< "${all_p99[$k]}" | grep . | bench_median)
	done
	# A kiosk session that ended mid-run would answer 303 too: its last
	# save must still go on to question 2.
	if [[ " $* " == *" kiosk "* ]] && [ "$(curl -sS -o /dev/null -w '%{redirect_url}' \
		-H "Cookie: $(bench_cookie "$JARS/kiosk")" -d "${KIOSK_BODY:-}" "$BASE/enkat/fraga/1")" \
		!= "$BASE/enkat/fraga/2" ]; then
		BAD[$name:kiosk]="${BAD[$name:kiosk]} (session lost)"
	fi
	: > "$VAR/statements.txt"
	BENCH_PART=$PART BENCH_STATEMENTS_OUT="$VAR/statements.txt" \
		bash tests/bench_statements.sh "$VAR" "$PORT" > "$VAR/statements-$name.txt"
	while read -r k n; do ST[$name:$k]=$n; done < "$VAR/statements.txt"
}

# table NAME KEYS...: the medians of phase NAME.
table() {
	local name=$1 k
	shift
	printf '%-36s %9s %9s %9s %10s %6s\n' "" "req/s" "p50 ms" "p99 ms" "statements" "bad"
	for k in "$@"; do
		printf '%-36s %9s %9s %9s %10s %6s\n' "${LABEL[$k]}" "${RPS[$name:$k]}" \
			"${P50[$name:$k]}" "${P99[$name:$k]}" "${ST[$name:$k]:--}" "${BAD[$name:$k]}"
	done
}

STEGVIS_PAGES=(index deltagande inkorg deltagare kiosk)
if want pages; then
	bash tests/bench/php.sh start "$VAR" "$WORKERS"
	curl -fsS -o "$STATIC" "$BASE/"
	curl -fsS -o "$VAR/php.html" "$BASE/_bench/php"
	if cmp -s "$STATIC" "$VAR/php.html"; then same="the same bytes as GET /"
	else same="DIFFERENT bytes from GET / (the comparison is void)"; fi
	echo
	echo "== 1-2. Pages on the demo data ($(sqla "SELECT COUNT(*) FROM participation") participations," \
		"$(sqla "SELECT COUNT(*) FROM audit_log") access-log rows)"
	echo "GET / is $(wc -c < "$STATIC") bytes; the static file is a copy; the PHP page returns $same"
	phase demo index static php "${STEGVIS_PAGES[@]:1}"
	table demo index static php "${STEGVIS_PAGES[@]:1}"
	echo "busy participation: $PART ($(sqla "SELECT COUNT(*) FROM audit_log a JOIN person pn
		ON pn.personnummer = a.personnummer JOIN participation p ON p.person_id = pn.id
		WHERE p.id = $PART") access-log rows of its participant after the runs)"
	r1=$(ratio "${RPS[demo:index]}" "${RPS[demo:static]}")
	r2=$(ratio "${RPS[demo:index]}" "${RPS[demo:php]}")
	r3=$(ratio "${RPS[demo:deltagande]}" "${RPS[demo:php]}")
	echo "GET / vs static: $r1"
	echo "GET / vs PHP page: $r2"
	echo "GET /deltagande/:id vs PHP page: $r3"
	echo "GET /deltagande/:id p99: ${P99[demo:deltagande]} ms"
	summ "GET / vs static (req/s)" ">= 0.15" "$r1" ge 0.15
	summ "GET / vs PHP page (req/s)" ">= 4" "$r2" ge 4
	summ "GET /deltagande/:id vs PHP page" ">= 0.7" "$r3" ge 0.7
	summ "GET /deltagande/:id p99 (ms)" "<= 15" "${P99[demo:deltagande]}" le 15
	for k in "${STEGVIS_PAGES[@]}"; do
		[ "$k" = index ] && continue
		summ "statements: ${LABEL[$k]}" "<= 6" "${ST[demo:$k]}" le 6
	done
	bash tests/bench/php.sh stop "$VAR"
fi

# ---- The large data (parts 3-5) -----------------------------------------
# PARTS participations of made-up participants (the generator's own), with
# linked quality of life measurements for about four in ten (a start
# response, for three in ten an end response, each with both VAS items,
# some "vet ej" or skipped: the report's start/end pairing has work), and
# a SUS consent for eight in ten (they are exported with identity).
YEAR=""
DATA_DONE=0
make_data() {
	[ "$DATA_DONE" = 1 ] && return 0
	DATA_DONE=1
	local t0 have
	echo
	echo "Generating $PARTS participations (a minute or more)..."
	t0=$(date +%s)
	have=$(sqla "SELECT COUNT(*) FROM participation")
	while [ "$have" -lt "$PARTS" ]; do
		# About four in five generated referrals become participations.
		"$BUILD/stegvis" demo-participants --count $(( (PARTS - have) * 5 / 4 + 100 )) --force \
			--seed "$have" --socket "$VAR/run/mysqld.sock" --admin-user "$(id -un)" > /dev/null
		have=$(sqla "SELECT COUNT(*) FROM participation")
	done
	YEAR=$(sqla "SELECT YEAR(start_date) y FROM participation GROUP BY y ORDER BY COUNT(*) DESC LIMIT 1")
	# Response ids are random (as the app's are) with the participation id
	# and measurement in the low digits, so they cannot collide.
	sqla "
	INSERT INTO questionnaire_response (id, questionnaire_id, participation_id,
		measurement, insats_id, forbund_id, gender, language, status, submitted_at)
	SELECT FLOOR(1 + RAND(7) * 999999) * 1000000000 + p.id * 2 + m.k, q.id, p.id,
		IF(m.k = 0, 'start', 'slut'), p.insats_id, pi.forbund_id, pe.gender, 'sv', 'inskickad',
		IF(m.k = 0, p.start_date, p.end_date) + INTERVAL 10 HOUR
	FROM participation p JOIN participation_person pe ON pe.participation_id = p.id
	JOIN insats pi ON pi.id = p.insats_id
	JOIN questionnaire q ON q.code = 'livskvalitet' AND q.is_active = 1
	JOIN (SELECT 0 AS k UNION ALL SELECT 1) m
	WHERE p.status <> 'felregistrerad' AND p.id % 10 < 4
	AND (m.k = 0 OR (p.status = 'avslutad' AND p.id % 10 < 3))
	AND NOT EXISTS (SELECT 1 FROM questionnaire_response x WHERE x.participation_id = p.id);
	INSERT INTO questionnaire_answer (response_id, item_id, seq, value_int, special)
	SELECT r.id, i.id, 1, IF((r.id + i.id) % 17 = 0, NULL, FLOOR(RAND(11) * 101)),
		IF((r.id + i.id) % 17 = 0, 'vet_ej', NULL)
	FROM questionnaire_response r JOIN questionnaire q ON q.id = r.questionnaire_id
	JOIN questionnaire_item i ON i.questionnaire_id = q.id AND i.kind = 'vas'
	WHERE q.code = 'livskvalitet' AND r.status = 'inskickad'
	AND NOT EXISTS (SELECT 1 FROM questionnaire_answer a WHERE a.response_id = r.id)
	AND (r.id + i.id) % 13 <> 0;
	INSERT INTO consent (referral_id, kind, state, answer, text_id, language, valid_from,
		signed_how, paper_date, taken_by, signed_at)
	SELECT p.referral_id, 'sus', 'aktiv', 'ja',
	(SELECT t.id FROM consent_text t JOIN insats i ON i.forbund_id = t.forbund_id
	  WHERE i.id = p.insats_id AND t.kind = 'sus' AND t.language = 'sv' AND t.is_current = 1),
	'sv', p.start_date, 'papper', p.start_date, 4, UTC_TIMESTAMP()
	FROM participation p WHERE p.id % 10 < 8
	AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.referral_id = p.referral_id AND c.kind = 'sus')"
	echo "participations: $have in all, $(sqla "SELECT COUNT(*) FROM participation
		WHERE start_date <= '$YEAR-12-31' AND (end_date IS NULL OR end_date >= '$YEAR-01-01')")" \
		"in the year $YEAR (generated in $(( $(date +%s) - t0 )) s)"
	echo "linked quality of life responses: $(sqla "SELECT CONCAT(SUM(r.measurement = 'start'),
		' start, ', SUM(r.measurement = 'slut'), ' end') FROM questionnaire_response r
		JOIN questionnaire q ON q.id = r.questionnaire_id WHERE q.code = 'livskvalitet'")"
}

# AUDIT_ROWS access-log rows as the app writes a read: by a staff member
# with an insats, of a participation (four in five) or its referral, with
# the participant's personnummer, spread over the participations and over
# the last two years; in batches of 200 000.
make_audit() {
	local t0 done=0 n
	t0=$(date +%s)
	sqla "DROP TABLE IF EXISTS bench_part, bench_staff;
	CREATE TABLE bench_part (n INT UNSIGNED PRIMARY KEY, pid BIGINT UNSIGNED,
		rid BIGINT UNSIGNED, pnr CHAR(12)) ENGINE=InnoDB
	SELECT ROW_NUMBER() OVER (ORDER BY p.id) - 1 AS n, p.id AS pid, p.referral_id AS rid,
		pn.personnummer AS pnr FROM participation p JOIN person pn ON pn.id = p.person_id;
	CREATE TABLE bench_staff (n INT UNSIGNED PRIMARY KEY, sid INT UNSIGNED,
		username VARCHAR(64)) ENGINE=InnoDB
	SELECT ROW_NUMBER() OVER (ORDER BY s.id) - 1 AS n, s.id AS sid, s.username
	FROM staff s WHERE EXISTS (SELECT 1 FROM staff_insats si WHERE si.staff_id = s.id)"
	local np ns
	np=$(sqla "SELECT COUNT(*) FROM bench_part")
	ns=$(sqla "SELECT COUNT(*) FROM bench_staff")
	while [ "$done" -lt "$AUDIT_ROWS" ]; do
		n=$(( AUDIT_ROWS - done < 200000 ? AUDIT_ROWS - done : 200000 ))
		sqla "INSERT INTO audit_log (at, staff_id, username, action, object_type, object_id,
			personnummer, remote_addr, request_id, detail)
		SELECT UTC_TIMESTAMP(3) - INTERVAL (s.seq * 63) SECOND, st.sid, st.username, 'read',
			IF(s.seq % 5 = 4, 'referral', 'participation'), IF(s.seq % 5 = 4, bp.rid, bp.pid),
			bp.pnr, '127.0.0.1', MD5(s.seq), NULL
		FROM seq_${done}_to_$(( done + n - 1 )) s
		JOIN bench_part bp ON bp.n = (s.seq * 7919) % $np
		JOIN bench_staff st ON st.n = s.seq % $ns"
		done=$(( done + n ))
	done
	sqla "DROP TABLE bench_part, bench_staff; ANALYZE TABLE audit_log" > /dev/null
	echo "access log: $(sqla "SELECT COUNT(*) FROM audit_log") rows ($AUDIT_ROWS added in $(( $(date +%s) - t0 )) s)"
}

if want scaled; then
	make_data
	make_audit
	echo
	echo "== 3. Pages at $(sqla "SELECT COUNT(*) FROM participation") participations and" \
		"$(sqla "SELECT COUNT(*) FROM audit_log") access-log rows"
	phase scaled "${STEGVIS_PAGES[@]}"
	table scaled "${STEGVIS_PAGES[@]}"
	printf '%-36s %16s %16s\n' "scaled/demo" "req/s" "p99"
	for k in "${STEGVIS_PAGES[@]}"; do
		r=$(ratio "${RPS[scaled:$k]}" "${RPS[demo:$k]}")
		printf '%-36s %16s %16s\n' "${LABEL[$k]}" "$r" "$(ratio "${P99[scaled:$k]}" "${P99[demo:$k]}")"
		summ "scaled/demo req/s: ${LABEL[$k]}" ">= 0.85" "$r" ge 0.85
	done
fi

# ---- Part 6: worker RSS ---------------------------------------------------
# stegvis_requests: the requests nginx has passed to stegvis so far.
stegvis_requests() { grep -vcE '"[A-Z]+ /(static|_bench|_err)/' "$ACCESS" || true; }
# worker_rss: "max min" VmRSS (KiB) over the workers.
worker_rss() {
	local pid
	for pid in $(pgrep -P "$MASTER"); do
		awk '$1 == "VmRSS:" { print $2 }' "/proc/$pid/status"
	done | sort -n | awk 'NR == 1 { min = $1 } { max = $1 } END { print max, min }'
}
if want rss; then
	echo
	echo "== 6. Worker RSS after $RSS_REQUESTS+ requests over the pages (max_requests 10000000:" \
		"no worker recycled)"
	setup_sessions
	before=$(stegvis_requests)
	while [ $(( $(stegvis_requests) - before )) -lt "$RSS_REQUESTS" ]; do
		for k in "${STEGVIS_PAGES[@]}"; do page "$k" > /dev/null; done
	done
	total=$(stegvis_requests)
	read -r rmax rmin < <(worker_rss)
	mb=$(awk -v k="$rmax" 'BEGIN { printf "%.1f", k / 1024 }')
	echo "requests in this part: $(( total - before )); stegvis requests in the whole run: $total" \
		"over $WORKERS workers (same master pid $MASTER throughout: $(cat "$VAR/run/stegvis.pid"))"
	echo "worker VmRSS: max $rmax KiB ($mb MB), min $rmin KiB"
	summ "worker RSS after $RSS_REQUESTS+ requests (MB)" "<= 10" "$mb" le 10
fi

# ---- Part 4: the yearly report against one grouped pass -----------------
# time_runs N CMD...: the median wall time of N runs of CMD, in seconds.
time_runs() {
	local n=$1 t0 t1
	shift
	for _ in $(seq "$n"); do
		t0=$(date +%s.%N)
		"$@" > /dev/null
		t1=$(date +%s.%N)
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
	done | bench_median
}
if want report; then
	make_data
	echo
	echo "== 4. The förbund-wide yearly report, $YEAR ($REPORT_RUNS runs each, medians)"
	bench_login forbund
	report_get() {
		local code
		code=$(curl -sS -b "$JARS/forbund" -o /dev/null -w '%{http_code}' \
			"$BASE/$1?insats=0&period=ar&ar=$YEAR")
		[ "$code" = 200 ] || echo "  $1 answered $code" >&2
	}
	# One grouped pass over the year's participations with their referral
	# and person, through the mariadb client as the report goes through
	# nginx and stegvis.
	one_pass() {
		mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" stegvis -e "
		SELECT p.insats_id, pe.gender, p.status, r.support_time_code, COUNT(*),
			SUM(p.end_date IS NOT NULL), MIN(pn.birth_year)
		FROM participation p JOIN referral r ON r.id = p.referral_id
		JOIN participation_person pe ON pe.participation_id = p.id
		JOIN person pn ON pn.id = p.person_id
		WHERE p.status <> 'felregistrerad' AND p.start_date <= '$YEAR-12-31'
		AND (p.end_date IS NULL OR p.end_date >= '$YEAR-01-01')
		GROUP BY p.insats_id, pe.gender, p.status, r.support_time_code"
	}
	tpage=$(time_runs "$REPORT_RUNS" report_get rapporter)
	tcsv=$(time_runs "$REPORT_RUNS" report_get rapporter.csv)
	tpass=$(time_runs "$REPORT_RUNS" one_pass)
	echo "GET /rapporter (page): $tpage s; GET /rapporter.csv: $tcsv s; one grouped pass: $tpass s"
	r=$(ratio "$tpage" "$tpass")
	echo "report vs one pass: $r"
	echo "report CSV vs one pass: $(ratio "$tcsv" "$tpass")"
	summ "report vs one pass (time)" "<= 1.5" "$r" le 1.5
fi

# ---- Part 5: the SUS export against a plain dump -------------------------
if want sus; then
	make_data
	echo
	echo "== 5. The SUS export: $(sqla "SELECT COUNT(*) FROM participation") participations," \
		"$(sqla "SELECT COUNT(*) FROM consent WHERE kind = 'sus' AND state = 'aktiv'") with a SUS consent"
	out=$("$BUILD/stegvis" sus-export -c "$VAR/stegvis.conf" --forbund SOFTLEG --out "$VAR/sus-bench.xml")
	echo "$out" | sed 's/^stegvis: /  /'
	read -r secs rss < <(echo "$out" | awk '/max RSS/ { for (i = 1; i <= NF; i++) {
		if ($i == "s,") s = $(i - 1); if ($i == "RSS") r = $(i + 1) } } END { print s, r }')
	t0=$(date +%s.%N)
	xmllint --noout --stream --schema conf/sus-export-2.xsd "$VAR/sus-bench.xml" 2>&1 | sed 's/^/  xmllint: /'
	txsd=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
	# The plain dump: the stored columns the export reads (app/sql_sus.c
	# SQL_SUS_PAGE and SQL_SUS_INCOMES) for the same rows, each table read
	# plainly: no per-row subquery, no lookup, no rule; what the export
	# adds on top of this (its rules, the checks against the last
	# acknowledged batch, the XML, the items and the access log) is what
	# the ratio weighs.
	plain_dump() {
		mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -X stegvis -e "
		SELECT p.id, p.insats_id, p.status, p.end_reason_code,
			DATE_FORMAT(p.start_date, '%Y-%m-%d') AS start_date,
			DATE_FORMAT(p.end_date, '%Y-%m-%d') AS end_date,
			pn.personnummer, pe.gender, pn.birth_year, pe.home_municipality,
			pe.protected_identity, i.measurement, p.gallrad_at,
			r.education_code, r.support_time_code, p.occupation_before_code,
			p.occupation_after_code, p.occupation_before_percent,
			p.occupation_after_percent
		FROM participation p JOIN person pn ON pn.id = p.person_id
		JOIN participation_person pe ON pe.participation_id = p.id
		JOIN referral r ON r.id = p.referral_id JOIN insats i ON i.id = p.insats_id
		ORDER BY p.id;
		SELECT c.referral_id, c.state, c.answer, c.paper_date, c.signed_at, c.valid_from
		FROM consent c WHERE c.kind = 'sus' ORDER BY c.referral_id, c.id;
		SELECT ri.referral_id, ri.income_code, ri.extent_percent FROM referral_income ri
		ORDER BY ri.referral_id;
		SELECT pa.participation_id, pa.income_code, pa.extent_percent
		FROM participation_income_after pa ORDER BY pa.participation_id;
		SELECT a.participation_id, a.question_id, a.answer FROM sus_answer a
		ORDER BY a.participation_id, a.question_id" \
			> "$VAR/sus-dump.xml"
	}
	tdump=$(time_runs "$DUMP_RUNS" plain_dump)
	echo "plain dump (mariadb -X, median of $DUMP_RUNS): $tdump s, $(( $(stat -c %s "$VAR/sus-dump.xml") / 1048576 )) MiB"
	echo "SUS export: $secs s, peak RSS $rss KiB, $(( $(stat -c %s "$VAR/sus-bench.xml") / 1048576 )) MiB;" \
		"streaming XSD validation of the file alone: $txsd s"
	r=$(ratio "$secs" "$tdump")
	rssmb=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')
	echo "SUS export vs plain dump: $r"
	echo "SUS export peak RSS: $rssmb MB"
	summ "SUS export vs plain dump (time)" "<= 3" "$r" le 3
	summ "SUS export peak RSS (MB)" "<= 32" "$rssmb" le 32
	# The same batch over HTTP: streamed from the database.
	tok=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
	sqla "UPDATE staff SET api_token_hash = UNHEX('$(printf '%s' "$tok" | b2sum -l 256 | cut -d' ' -f1)')
		WHERE username = 'sus-job'"
	bn=$(echo "$out" | awk '/-> / { print $3; exit }')
	t=$(curl -fsS -o "$VAR/sus-http.xml" -w '%{time_total}' -H "Authorization: Bearer $tok" \
		"$BASE/api/sus/batcher/$bn")
	if cmp -s "$VAR/sus-http.xml" "$VAR/sus-bench.xml"; then same="the same bytes"; else same="DIFFERENT bytes"; fi
	printf 'GET /api/sus/batcher/%s: %s s (%s as the file)\n' "$bn" "$t" "$same"
fi

if want rss && { want report || want sus; }; then
	read -r rmax rmin < <(worker_rss)
	echo
	echo "worker VmRSS at the end (after the report and the SUS batch over HTTP): max $rmax KiB, min $rmin KiB"
fi

# ---- Part 7: the summary --------------------------------------------------
echo
echo "== Summary (one run, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-54s %-8s %-10s %s\n' "figure" "target" "measured" ""
for row in "${SUMMARY[@]}"; do
	IFS='|' read -r f tg m v <<< "$row"
	printf '%-54s %-8s %-10s %s\n' "$f" "$tg" "$m" "$v"
done
