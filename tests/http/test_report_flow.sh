# The step-by-step path (Från annan insats, Till annan insats, the
# förbund's flow between insatser) and the health self-ratings (Kost,
# fysisk aktivitet, stress, sömn start against end) in the activity report,
# on the demo data: every figure is recomputed here with SQL of its own
# (NOT EXISTS and window functions, not the application's ORDER BY ..
# LIMIT and CONCAT look-ups) and compared with the CSV: a shown figure must
# equal it, and one about 1-4 people must read "×". The page shows the flow
# as an accessible SVG chart with the same numbers.
. "$(dirname "$0")/lib.sh"

session forbund forbund
FVI=$(insats_id_of "Friska Vindar 2.0")
TRH=$(insats_id_of "Trampolinen TH")
# The demo förbund's report counts its own participations and insatser
# only (other tests may leave another förbund's): so do the recounts.
DEMO_F=$(forbund_id_of SOFTLEG)
IN_DEMO="p.insats_id IN (SELECT id FROM insats WHERE forbund_id = $DEMO_F)"
EXP=$(mktemp)
CSV=$(mktemp)
JARS+=("$EXP" "$CSV")
MIN=$(awk -F'=' '$1 ~ /^[ \t]*report_min_cell[ \t]*$/ { gsub(/[ \t]/, "", $2); print $2 }' "$VAR/stegvis.conf")
MIN=${MIN:-5}

# The rows a path table lists follow from the insatser's decided periods
# and the report's only: a pair (a before b) when b ran in the period and
# a had started by its end and by b's end; in Till (a then b) when a ran in
# the period and b had not ended before it nor before a started; a path in
# no listed pair goes to the row "Utanför insatsernas perioder", always
# listed.
OTHER="Utanför insatsernas perioder"
# fposs A B FROM TO / tposs A B FROM TO: SQL conditions on insats rows.
fposs() { echo "($2.period_start <= '$4' AND ($2.period_end IS NULL OR $2.period_end >= '$3')
	AND $1.period_start <= '$4' AND ($2.period_end IS NULL OR $1.period_start <= $2.period_end)
	AND $1.id <> $2.id AND $1.forbund_id = $2.forbund_id)"; }
tposs() { echo "($1.period_start <= '$4' AND ($1.period_end IS NULL OR $1.period_end >= '$3')
	AND ($2.period_end IS NULL OR ($2.period_end >= '$3' AND $2.period_end >= $1.period_start))
	AND $1.id <> $2.id AND $1.forbund_id = $2.forbund_id)"; }

# The predecessor q of p: same person, another individual insats of the förbund,
# avslutad on or before p started, none later (end, start, id).
PRED="participation q JOIN insats qi ON qi.id = q.insats_id
	WHERE q.person_id = p.person_id AND q.insats_id <> p.insats_id AND q.status = 'avslutad'
	AND q.end_date <= p.start_date AND qi.forbund_id = pi.forbund_id"
# The successor q of p: another insats, not felregistrerad, started on or
# after p ended, none earlier (start, open ends last, end, id).
SUCC="participation q JOIN insats qi ON qi.id = q.insats_id
	WHERE q.person_id = p.person_id AND q.insats_id <> p.insats_id AND q.status <> 'felregistrerad'
	AND q.start_date >= p.end_date AND qi.forbund_id = pi.forbund_id"

# expected TABLE FROM TO INSATS(0: all): "table;label;gender;n" lines.
expected() {
	local t=$1 from=$2 to=$3 ins=$4
	q "SELECT CONCAT_WS(';', 'fran_insats', IF($(fposs qi pi "$from" "$to"), qi.name, '$OTHER'), pe.gender, COUNT(*))
	   FROM participation p JOIN insats pi ON pi.id = p.insats_id
	   JOIN participation_person pe ON pe.participation_id = p.id
	   JOIN participation q ON q.person_id = p.person_id JOIN insats qi ON qi.id = q.insats_id
	   WHERE p.status <> 'felregistrerad' AND p.start_date <= '$to' AND (p.end_date IS NULL OR p.end_date >= '$from')
	   AND ($ins = 0 OR p.insats_id = $ins) AND $IN_DEMO
	   AND q.insats_id <> p.insats_id AND q.status = 'avslutad' AND q.end_date <= p.start_date
	   AND qi.forbund_id = pi.forbund_id AND qi.direction = 'individ'
	   AND NOT EXISTS (SELECT 1 FROM participation q2 JOIN insats i2 ON i2.id = q2.insats_id
	     WHERE q2.person_id = p.person_id AND q2.insats_id <> p.insats_id AND q2.status = 'avslutad'
	     AND q2.end_date <= p.start_date AND i2.forbund_id = pi.forbund_id AND i2.direction = 'individ'
	     AND (q2.end_date > q.end_date OR (q2.end_date = q.end_date AND (q2.start_date > q.start_date
	       OR (q2.start_date = q.start_date AND q2.id > q.id)))))
	   GROUP BY IF($(fposs qi pi "$from" "$to"), qi.name, '$OTHER'), pe.gender"
	q "SELECT CONCAT_WS(';', 'flode', IF($(fposs qi pi "$from" "$to"), CONCAT(qi.name, ' → ', pi.name), '$OTHER'), pe.gender, COUNT(*))
	   FROM participation p JOIN insats pi ON pi.id = p.insats_id
	   JOIN participation_person pe ON pe.participation_id = p.id
	   JOIN participation q ON q.person_id = p.person_id JOIN insats qi ON qi.id = q.insats_id
	   WHERE p.status <> 'felregistrerad' AND p.start_date <= '$to' AND (p.end_date IS NULL OR p.end_date >= '$from')
	   AND ($ins = 0 OR p.insats_id = $ins) AND $IN_DEMO
	   AND q.insats_id <> p.insats_id AND q.status = 'avslutad' AND q.end_date <= p.start_date
	   AND qi.forbund_id = pi.forbund_id AND qi.direction = 'individ'
	   AND NOT EXISTS (SELECT 1 FROM participation q2 JOIN insats i2 ON i2.id = q2.insats_id
	     WHERE q2.person_id = p.person_id AND q2.insats_id <> p.insats_id AND q2.status = 'avslutad'
	     AND q2.end_date <= p.start_date AND i2.forbund_id = pi.forbund_id AND i2.direction = 'individ'
	     AND (q2.end_date > q.end_date OR (q2.end_date = q.end_date AND (q2.start_date > q.start_date
	       OR (q2.start_date = q.start_date AND q2.id > q.id)))))
	   GROUP BY IF($(fposs qi pi "$from" "$to"), CONCAT(qi.name, ' → ', pi.name), '$OTHER'), pe.gender"
	q "SELECT CONCAT_WS(';', 'till_insats', IF($(tposs pi qi "$from" "$to"), qi.name, '$OTHER'), pe.gender, COUNT(*))
	   FROM participation p JOIN insats pi ON pi.id = p.insats_id
	   JOIN participation_person pe ON pe.participation_id = p.id
	   JOIN participation q ON q.person_id = p.person_id JOIN insats qi ON qi.id = q.insats_id
	   WHERE p.status = 'avslutad' AND p.end_date BETWEEN '$from' AND '$to' AND ($ins = 0 OR p.insats_id = $ins) AND $IN_DEMO
	   AND q.insats_id <> p.insats_id AND q.status <> 'felregistrerad' AND q.start_date >= p.end_date
	   AND qi.forbund_id = pi.forbund_id AND qi.direction = 'individ'
	   AND NOT EXISTS (SELECT 1 FROM participation q2 JOIN insats i2 ON i2.id = q2.insats_id
	     WHERE q2.person_id = p.person_id AND q2.insats_id <> p.insats_id AND q2.status <> 'felregistrerad'
	     AND q2.start_date >= p.end_date AND i2.forbund_id = pi.forbund_id AND i2.direction = 'individ'
	     AND (q2.start_date < q.start_date OR (q2.start_date = q.start_date AND (
	       (q2.end_date IS NOT NULL AND q.end_date IS NULL) OR q2.end_date < q.end_date
	       OR (q2.end_date <=> q.end_date AND q2.id < q.id)))))
	   GROUP BY IF($(tposs pi qi "$from" "$to"), qi.name, '$OTHER'), pe.gender"
	# The health self-ratings: the latest value of each item at each
	# measurement (window functions), over the participations whose end
	# measurement was sent in the period or, without one, that ended in it.
	q "WITH v AS (SELECT r.participation_id AS pid, r.measurement AS m, i.item_code AS item, a.value_int AS val,
	     ROW_NUMBER() OVER (PARTITION BY r.participation_id, r.measurement, i.item_code ORDER BY r.id DESC) AS k
	     FROM questionnaire_response r JOIN questionnaire qq ON qq.id = r.questionnaire_id
	     JOIN questionnaire_answer a ON a.response_id = r.id JOIN questionnaire_item i ON i.id = a.item_id
	     WHERE qq.code = 'livskvalitet' AND qq.anonymity = 'kopplad' AND r.status = 'inskickad'
	     AND r.participation_id IS NOT NULL AND a.special IS NULL AND a.value_int IS NOT NULL),
	   ends AS (SELECT DISTINCT r.participation_id AS pid, MAX(r.submitted_at) AS at FROM questionnaire_response r
	     JOIN questionnaire qq ON qq.id = r.questionnaire_id WHERE qq.code = 'livskvalitet' AND qq.anonymity = 'kopplad'
	     AND r.measurement = 'slut' AND r.status = 'inskickad' AND r.participation_id IS NOT NULL GROUP BY r.participation_id),
	   hasend AS (SELECT r.participation_id AS pid FROM questionnaire_response r
	     JOIN questionnaire qq ON qq.id = r.questionnaire_id WHERE qq.code = 'livskvalitet' AND qq.anonymity = 'kopplad'
	     AND r.measurement = 'slut' AND r.status = 'inskickad' AND r.submitted_at >= '$from'
	     AND r.submitted_at < '$to' + INTERVAL 1 DAY),
	   base AS (SELECT p.id, pe.gender FROM participation p JOIN participation_person pe ON pe.participation_id = p.id
	     WHERE p.status <> 'felregistrerad' AND ($ins = 0 OR p.insats_id = $ins) AND $IN_DEMO AND (p.id IN (SELECT pid FROM hasend)
	     OR (p.status = 'avslutad' AND p.end_date BETWEEN '$from' AND '$to' AND p.id NOT IN (SELECT pid FROM ends)))),
	   it AS (SELECT 'kost' AS c, 'Kost' AS l UNION ALL SELECT 'motion', 'Fysisk aktivitet'
	     UNION ALL SELECT 'stress', 'Stress' UNION ALL SELECT 'somn', 'Sömn'),
	   pr AS (SELECT b.gender, it.l, s.val AS sv, e.val AS ev FROM base b CROSS JOIN it
	     LEFT JOIN v s ON s.pid = b.id AND s.m = 'start' AND s.item = it.c AND s.k = 1
	     LEFT JOIN v e ON e.pid = b.id AND e.m = 'slut' AND e.item = it.c AND e.k = 1)
	   SELECT CONCAT_WS(';', 'halsoskattning', 'Avslutade eller slutmätta under perioden', gender, COUNT(*)) FROM base GROUP BY gender
	   UNION ALL SELECT CONCAT_WS(';', 'halsoskattning', CONCAT(l, ': parade'), gender, SUM(sv IS NOT NULL AND ev IS NOT NULL)) FROM pr GROUP BY l, gender
	   UNION ALL SELECT CONCAT_WS(';', 'halsoskattning', CONCAT(l, ': förbättrade'), gender, IFNULL(SUM(ev > sv), 0)) FROM pr GROUP BY l, gender"
}

# rows FROM TO INSATS(0: all): the rows the path tables must list,
# "table;label", from the insatser's periods alone.
rows() {
	local from=$1 to=$2 ins=$3
	if [ "$ins" = 0 ]; then
		q "SELECT DISTINCT CONCAT('fran_insats;', a.name) FROM insats a JOIN insats b
		   WHERE a.direction = 'individ' AND b.direction = 'individ' AND a.forbund_id = $DEMO_F AND $(fposs a b "$from" "$to")
		   UNION SELECT DISTINCT CONCAT('till_insats;', b.name) FROM insats a JOIN insats b
		   WHERE a.direction = 'individ' AND b.direction = 'individ' AND a.forbund_id = $DEMO_F AND $(tposs a b "$from" "$to")
		   UNION SELECT CONCAT('flode;', a.name, ' → ', b.name) FROM insats a JOIN insats b
		   WHERE a.direction = 'individ' AND b.direction = 'individ' AND a.forbund_id = $DEMO_F AND $(fposs a b "$from" "$to")"
		printf 'flode;%s\n' "$OTHER"
	else
		q "SELECT CONCAT('fran_insats;', a.name) FROM insats a JOIN insats b ON b.id = $ins
		   WHERE a.direction = 'individ' AND $(fposs a b "$from" "$to")
		   UNION SELECT CONCAT('till_insats;', b.name) FROM insats a JOIN insats b ON a.id = $ins
		   WHERE b.direction = 'individ' AND $(tposs a b "$from" "$to")"
	fi
	printf 'fran_insats;%s\ntill_insats;%s\n' "$OTHER" "$OTHER"
}

# compare NAME QUERY FROM TO INSATS: the CSV against the recount.
compare() {
	local name=$1 query=$2
	expected "" "$3" "$4" "$5" > "$EXP"
	expect_status "$name: the CSV" 200 -b "$forbund" "$BASE/rapporter.csv?$query"
	sed 's/\r$//; 1s/^\xef\xbb\xbf//' "$BODY" > "$CSV"
	eq "$name: the path tables list exactly the rows the periods allow" \
		"$(awk -F'";"' '($1 == "\"fran_insats" || $1 == "\"till_insats" || $1 == "\"flode") &&
			$2 !~ /^(Från annan insats|Till annan insats|Totalt)/ { sub(/^"/, "", $1); print $1 ";" $2 }' "$CSV" | sort)" \
		"$(rows "$3" "$4" "$5" | sort)"
	check "$name: every shown figure of the four tables is the recount, every 1-4 is hidden" \
		awk -v min="$MIN" '
		function add(t, l, g, n) { want[t ";" l ";" g] += n; want[t ";" l ";Totalt"] += n }
		NR == FNR {
			split($0, f, ";"); g = f[3] == "kvinna" ? "Kvinnor" : f[3] == "man" ? "Män" : "Annat kön"
			l = f[2]; sub(/ \(.*/, "", l)
			add(f[1], l, g, f[4])
			if (f[1] == "fran_insats") add(f[1], "Från annan insats", g, f[4])
			if (f[1] == "till_insats") add(f[1], "Till annan insats", g, f[4])
			if (f[1] == "flode") add(f[1], "Totalt", g, f[4])
			next
		}
		FNR == 1 { FS = "\";\""; $0 = $0; sub(/^"/, "", $1); for (i = 3; i <= NF; i++) { if ($i == "Extra") break; head[++ng] = $i } next }
		{
			sub(/^"/, "", $1)
			if ($1 != "fran_insats" && $1 != "till_insats" && $1 != "flode" && $1 != "halsoskattning") next
			l = $2; sub(/ \(.*/, "", l)
			if ($1 == "halsoskattning" && l !~ /:/ && l !~ /^Avslutade/) next
			seen[$1]++
			for (g = 1; g <= ng; g++) {
				v = $(g + 2); w = want[$1 ";" l ";" head[g]] + 0
				if (v == "×") { hid++; if (w == 0 && 0) bad = 1; continue }
				if (v + 0 != w) { printf "  %s;%s;%s: %s, recount %s\n", $1, $2, head[g], v, w > "/dev/stderr"; bad = 1 }
				if (w > 0 && w < min) { printf "  %s;%s;%s: %s shown, under %s\n", $1, $2, head[g], v, min > "/dev/stderr"; bad = 1 }
				if (w > 0) nonzero++
			}
		}
		END {
			if (!seen["fran_insats"] || !seen["till_insats"] || !seen["halsoskattning"]) { print "  a table is missing" > "/dev/stderr"; bad = 1 }
			if (nonzero == 0) { print "  nothing but zeros" > "/dev/stderr"; bad = 1 }
			exit bad
		}' "$EXP" "$CSV"
}

compare "Friska Vindar 2.0 2021" "insats=$FVI&period=ar&ar=2021" 2021-01-01 2021-12-31 "$FVI"
check "Friska Vindar 2.0 2021: some came from another insats (shown)" \
	grep -qE '^"fran_insats";"Från annan insats";"[0-9]+";"[0-9]+";"[1-9][0-9]*"' "$CSV"
check "and some went on to another (shown)" \
	grep -qE '^"till_insats";"Till annan insats";("[0-9×]+";)+' "$CSV"
check "and the health self-ratings are paired (Kost shown)" \
	grep -qE '^"halsoskattning";"Kost";"[0-9]+ %";"[0-9]+ %";"[0-9]+ %"' "$CSV"
check "an insats's report has no flow table" bash -c '! grep -q "^\"flode\"" "$1"' _ "$CSV"
compare "the whole förbund 2021" "insats=0&period=ar&ar=2021" 2021-01-01 2021-12-31 0
check "the whole förbund 2021: the flow table" grep -q '^"flode";"Hälsa för Alla → Friska Vindar 2.0";' "$CSV"
compare "the whole förbund 2018" "insats=0&period=ar&ar=2018" 2018-01-01 2018-12-31 0
compare "Trampolinen Trollhättan 2018" "insats=$TRH&period=ar&ar=2018" 2018-01-01 2018-12-31 "$TRH"
# 2022: Friska Vindar 2.0's decided period ended in 2021, yet some of its
# participations run on: their paths are in the row of their own.
compare "the whole förbund 2022" "insats=0&period=ar&ar=2022" 2022-01-01 2022-12-31 0
check "the whole förbund 2022: someone's path lies outside the periods" \
	grep -q "^fran_insats;$OTHER;" "$EXP"

# --- One decision per figure, whatever the report: the flow's pair
# "a → b" in the förbund's report and the row a of Från annan insats in
# b's own report are the same figure, shown (the same value) or hidden in
# both. Every insats, in a year and in a quarter.
same_marks() {
	local name=$1 query=$2 out
	expect_status "$name: the förbund's CSV" 200 -b "$forbund" "$BASE/rapporter.csv?insats=0&$query"
	sed 's/\r$//; 1s/^\xef\xbb\xbf//' "$BODY" > "$CSV"
	out=$(mktemp)
	JARS+=("$out")
	for id in $(q "SELECT id FROM insats WHERE direction = 'individ' AND forbund_id = $DEMO_F"); do
		local nm
		nm=$(q "SELECT name FROM insats WHERE id = $id")
		expect_status "$name: $nm's CSV" 200 -b "$forbund" "$BASE/rapporter.csv?insats=$id&$query"
		sed 's/\r$//; 1s/^\xef\xbb\xbf//' "$BODY" |
			awk -F'";"' -v b="$nm" '$1 == "\"fran_insats" && $2 !~ /^(Från annan insats|Utanför)/ {
				print $2 " → " b ";" $3 ";" $4 ";" $5 }' >> "$out"
	done
	check "$name: every pair reads the same in the flow and in its insats's report (and some are hidden)" \
		awk -F'";"' 'NR == FNR { split($0, f, ";"); own[f[1]] = $0; next }
			$1 == "\"flode" && ($2 in own) { n++; if (own[$2] != $2 ";" $3 ";" $4 ";" $5) {
				print "  " $2 ": " $3 ";" $4 ";" $5 " vs " own[$2] > "/dev/stderr"; bad = 1 }
				if ($5 == "×") hid++ }
			END { if (n == 0 || hid == 0) { print "  nothing compared (" n ", hidden " hid ")" > "/dev/stderr"; bad = 1 } exit bad }' \
		"$out" "$CSV"
}
same_marks "2020" "period=ar&ar=2020"
same_marks "2021 Q2" "period=q2&ar=2021"

# --- The chart: the förbund's page, with the same numbers as the table.
expect_status "the förbund's CSV 2021" 200 -b "$forbund" "$BASE/rapporter.csv?insats=0&period=ar&ar=2021"
sed 's/\r$//; 1s/^\xef\xbb\xbf//' "$BODY" > "$CSV"
expect_status "the förbund's report page" 200 -b "$forbund" "$BASE/rapporter?insats=0&period=ar&ar=2021"
expect_body "it draws the flow as an SVG image" '<svg class="chart-svg flow-svg"'
expect_body "with a title" '<title id="diagram-flode-t">Flöde mellan insatser</title>'
expect_body "and its numbers in the text alternative" '<desc id="diagram-flode-d">Antal deltagare som kom från en annan insats'
FLOW=$(grep -o '<desc id="diagram-flode-d">[^<]*' "$BODY")
HFA_FV=$(awk -F'";"' '$1 == "\"flode" && $2 == "Hälsa för Alla → Friska Vindar 2.0" { print "Kvinnor " $3 ", Män " $4 ", Totalt " $5 }' "$CSV")
check "the chart's words say what the table says (Hälsa för Alla → Friska Vindar 2.0: $HFA_FV)" \
	grep -qF "Hälsa för Alla → Friska Vindar 2.0: $HFA_FV." <<< "$FLOW"
# A hidden flow is a dashed line with "×", never a band of its size.
HIDDEN=$(awk -F'";"' '$1 == "\"flode" && $5 == "×" && $2 !~ /^Totalt/' "$CSV" | wc -l)
BANDS_HIDDEN=$(grep -c 'class="flow-hidden"' "$BODY")
eq "every hidden flow is drawn as hidden (no band)" "$BANDS_HIDDEN" "$HIDDEN"
done_testing
