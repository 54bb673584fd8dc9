#!/usr/bin/env bash
# make bench: a private stack, then wrk against the DB-backed insats list
# (GET /) and against a static file of the same size served by the same
# nginx. Prints requests/s and p50/p99 latency for both, and their ratio;
# then the SQL statements one request runs (tests/bench_statements.sh).
# A benchmark, not a test: it asserts nothing.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:?build dir}
cd "$ROOT"
sh conf/deps.sh wrk
DURATION=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-16}

VAR=$(mktemp -d /tmp/stegvis-bench.XXXXXX)
PORT=$((20000 + RANDOM % 20000))
STATIC="$ROOT/views/static/bench-same-size.html"
cleanup() { bash conf/devstack.sh stop "$VAR" > /dev/null 2>&1 || true; rm -rf "$VAR" "$STATIC"; }
trap cleanup EXIT

bash conf/devstack.sh start "$VAR" "$PORT" "$BUILD/stegvis" > /dev/null
curl -fsS "http://127.0.0.1:$PORT/" > "$STATIC"
size=$(wc -c < "$STATIC")

# bench NAME URL: one wrk run; prints "NAME rps p50 p99" (latencies in ms).
bench() {
	local out
	out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$2")
	awk -v name="$1" '
		function ms(v) {
			if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
			if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
			if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
			return v
		}
		$1 == "50%" { p50 = ms($2) }
		$1 == "99%" { p99 = ms($2) }
		$1 == "Requests/sec:" { rps = $2 }
		/Non-2xx/ { bad = $NF }
		END { printf "%s %.0f %.3f %.3f %s\n", name, rps, p50, p99, bad + 0 }
	' <<< "$out"
}

echo "Stegvis benchmark: wrk, 2 threads, $CONNS connections, ${DURATION}s each, $(nproc) cores"
echo "page size: $size bytes (the static file is a copy of the page)"
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/static/bench-same-size.html"
read -r _ drps dp50 dp99 dbad < <(bench dynamic "http://127.0.0.1:$PORT/")
read -r _ srps sp50 sp99 sbad < <(bench static "http://127.0.0.1:$PORT/static/bench-same-size.html")
printf '%-28s %10s %10s %10s %8s\n' "" "req/s" "p50 ms" "p99 ms" "non-2xx"
printf '%-28s %10s %10s %10s %8s\n' "GET / (MariaDB, views)" "$drps" "$dp50" "$dp99" "$dbad"
printf '%-28s %10s %10s %10s %8s\n' "static file, same size" "$srps" "$sp50" "$sp99" "$sbad"
awk -v d="$drps" -v s="$srps" 'BEGIN { if (s > 0) printf "dynamic/static throughput ratio: %.2f\n", d / s }'

# --- Round trips: the SQL statements of one request (MariaDB's Questions
# counter around it), on the demo data and the otherwise idle stack.
echo
bash tests/bench_statements.sh "$VAR" "$PORT"

# --- The activity report (issue 8): the förbund-wide yearly report over
# 100 000 generated participations, in this throw-away database. Timed with
# curl, page and CSV, several runs each; prints seconds. Not run by
# `make check`.
REPORT_RUNS=${BENCH_REPORT_RUNS:-5}
echo
echo "Activity report: generating participations (about a minute)..."
t0=$(date +%s)
have=$(mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N stegvis \
	-e "SELECT COUNT(*) FROM participation")
# About 87 of every 100 generated participants are admitted.
need=$(( (100000 - have) * 100 / 86 ))
if [ "$need" -gt 0 ]; then
	"$BUILD/stegvis" demo-participants --socket "$VAR/run/mysqld.sock" \
		--admin-user "$(id -un)" --count "$need" --force --seed 7 > /dev/null
fi
parts=$(mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N stegvis \
	-e "SELECT COUNT(*) FROM participation")
year=$(mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N stegvis \
	-e "SELECT YEAR(start_date) y FROM participation GROUP BY y ORDER BY COUNT(*) DESC LIMIT 1")
inyear=$(mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N stegvis \
	-e "SELECT COUNT(*) FROM participation WHERE start_date <= '$year-12-31' AND (end_date IS NULL OR end_date >= '$year-01-01')")
echo "participations: $parts in all, $inyear in the year $year (generated in $(( $(date +%s) - t0 )) s)"
# Linked quality of life measurements (questionnaire livskvalitet) for about
# four in ten participations: a start response, and for three in ten an end
# response at the end date, each with both VAS items (livskvalitet, halsa),
# some "vet ej" or skipped, so that the report's start/end pairing has work.
# Response ids are random (as the app's are) with the participation id and
# measurement in the low digits, so they cannot collide with each other.
mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" stegvis -e "
	INSERT INTO questionnaire_response (id, questionnaire_id, participation_id,
		measurement, insats_id, gender, language, status, submitted_at)
	SELECT FLOOR(1 + RAND(7) * 999999) * 1000000000 + p.id * 2 + m.k, q.id, p.id,
		IF(m.k = 0, 'start', 'slut'), p.insats_id, pe.gender, 'sv', 'inskickad',
		IF(m.k = 0, p.start_date, p.end_date) + INTERVAL 10 HOUR
	FROM participation p JOIN participation_person pe ON pe.participation_id = p.id
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
	AND (r.id + i.id) % 13 <> 0"
echo "linked quality of life responses: $(mariadb --no-defaults -S "$VAR/run/mysqld.sock" \
	-u "$(id -un)" -N stegvis -e "SELECT CONCAT(SUM(r.measurement = 'start'), ' start, ',
	SUM(r.measurement = 'slut'), ' end') FROM questionnaire_response r
	JOIN questionnaire q ON q.id = r.questionnaire_id WHERE q.code = 'livskvalitet'")"
JAR=$(mktemp)
trap 'cleanup; rm -f "$JAR"' EXIT
curl -fsS -c "$JAR" -b "$JAR" -o "$VAR/login.html" "http://127.0.0.1:$PORT/logga-in"
csrf=$(grep -o 'name="csrf" value="[0-9a-f]*' "$VAR/login.html" | head -n 1 | sed 's/.*value="//')
curl -fsS -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "csrf=$csrf" \
	--data-urlencode anvandarnamn=forbund --data-urlencode losenord=stegvis-demo \
	"http://127.0.0.1:$PORT/logga-in"
for what in "rapporter" "rapporter.csv"; do
	url="http://127.0.0.1:$PORT/$what?insats=0&period=ar&ar=$year"
	times=()
	for _ in $(seq "$REPORT_RUNS"); do
		read -r code secs < <(curl -sS -b "$JAR" -o /dev/null -w '%{http_code} %{time_total}\n' "$url")
		[ "$code" = 200 ] || echo "  $what answered $code"
		times+=("$secs")
	done
	printf '%s\n' "${times[@]}" | sort -n | awk -v w="GET /$what (förbund, $year)" '
		{ t[NR] = $1; s += $1 }
		END { printf "%-40s min %.3f s  median %.3f s  max %.3f s  (%d runs)\n", w, t[1], t[int((NR + 1) / 2)], t[NR], NR }'
done
# --- The SUS export of 100 000 participations (this throw-away database).
# Made-up participants until there are SUS_N participations, most with a
# SUS consent (so they are written with identity), then one timed export of
# everything; the command line reports seconds and its peak RSS (getrusage).
SUS_N=${BENCH_SUS_PARTICIPATIONS:-100000}
sqla() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N stegvis -e "$1"; }
have=$(sqla "SELECT COUNT(*) FROM participation")
while [ "$have" -lt "$SUS_N" ]; do
	# About four in five generated referrals become participations.
	"$BUILD/stegvis" demo-participants --count $(( (SUS_N - have) * 5 / 4 + 100 )) --force \
		--seed "$have" --socket "$VAR/run/mysqld.sock" --admin-user "$(id -un)" > /dev/null
	have=$(sqla "SELECT COUNT(*) FROM participation")
done
sqla "INSERT INTO consent (referral_id, kind, state, answer, text_id, language, valid_from,
	signed_how, paper_date, taken_by, signed_at)
	SELECT p.referral_id, 'sus', 'aktiv', 'ja',
	(SELECT id FROM consent_text WHERE kind = 'sus' AND language = 'sv' AND is_current = 1),
	'sv', p.start_date, 'papper', p.start_date, 4, UTC_TIMESTAMP()
	FROM participation p WHERE p.id % 10 < 8
	AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.referral_id = p.referral_id AND c.kind = 'sus')"
echo
echo "SUS export: $have participations, $(sqla "SELECT COUNT(*) FROM consent WHERE kind = 'sus' AND state = 'aktiv'") with a SUS consent"
out=$("$BUILD/stegvis" sus-export -c "$VAR/stegvis.conf" --out "$VAR/sus-bench.xml")
echo "$out" | sed 's/^stegvis: /  /'
xmllint --noout --stream --schema conf/sus-export-2.xsd "$VAR/sus-bench.xml" 2>&1 | sed 's/^/  xmllint: /'
read -r secs rss < <(echo "$out" | awk '/max RSS/ { for (i = 1; i <= NF; i++) { if ($i == "s,") s = $(i - 1); if ($i == "RSS") r = $(i + 1) } } END { print s, r }')
printf 'SUS export of %s participations: %s s, peak RSS %s KiB (%s MiB document)\n' \
	"$have" "$secs" "$rss" "$(( $(stat -c %s "$VAR/sus-bench.xml") / 1048576 ))"
# The same batch over HTTP: streamed from the database in 512 KiB chunks.
tok=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
sqla "UPDATE staff SET api_token_hash = UNHEX('$(printf '%s' "$tok" | b2sum -l 256 | cut -d' ' -f1)') WHERE username = 'sus-job'"
bn=$(echo "$out" | awk '/-> / { print $3; exit }')
t=$(curl -fsS -o "$VAR/sus-http.xml" -w '%{time_total}' -H "Authorization: Bearer $tok" \
	"http://127.0.0.1:$PORT/api/sus/batcher/$bn")
if cmp -s "$VAR/sus-http.xml" "$VAR/sus-bench.xml"; then same="the same bytes"; else same="DIFFERENT bytes"; fi
printf 'GET /api/sus/batcher/%s: %s s (%s as the file)\n' "$bn" "$t" "$same"
