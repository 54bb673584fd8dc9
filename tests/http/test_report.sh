# The activity report against a small fixture in an insats of its own: every
# figure of the CSV is computed here independently (awk over the fixture
# below, not the application's SQL), small cells must read "< 5", no row or
# column of a table may have exactly one hidden cell, and the date edges of
# a period are checked across three adjacent periods.
. "$(dirname "$0")/lib.sh"
q() { sql_admin "$1"; }

# count gender birth_year start end status end_reason education support referrer
# (end "-": still enrolled; referrer fk = remittent.fk at Försäkringskassan,
# soc = remittent.soc at Trollhättans Stad's ekonomiskt bistånd)
FIXTURE=$(cat <<'FX'
5 kvinna 1995 2019-02-01 2019-06-15 avslutad arbete gymnasium 1_4 fk
2 kvinna 1985 2019-03-01 2019-07-31 avslutad studier grundskola under_1 soc
6 kvinna 1970 2019-02-10 2019-06-30 avslutad annan_insats gymnasium 1_4 fk
5 kvinna 1980 2019-04-01 2019-08-31 avslutad arbetssokande grundskola 1_4 fk
1 kvinna 1960 2019-03-15 2019-08-01 avslutad sjukdom gymnasium over_9 soc
5 kvinna 1975 2018-10-01 - inskriven - gymnasium 1_4 fk
1 kvinna 1992 2018-06-01 2018-12-31 avslutad arbete gymnasium 1_4 fk
5 kvinna 1988 2019-05-01 2019-09-15 avslutad arbete gymnasium under_1 fk
5 kvinna 1978 2018-12-01 2019-01-01 avslutad annan_insats grundskola 1_4 soc
1 kvinna 1994 2019-02-01 2019-07-15 felregistrerad felregistrering gymnasium 1_4 fk
1 kvinna 1991 2019-09-01 - inskriven - gymnasium 1_4 fk
5 man 1996 2019-08-31 - inskriven - grundskola under_1 soc
5 man 1989 2019-01-01 2019-08-31 avslutad arbete gymnasium 1_4 fk
3 man 1982 2019-03-01 2019-07-01 avslutad annan_insats gymnasium 5_9 soc
2 man 1968 2019-01-15 2019-05-15 avslutad studier gymnasium 1_4 fk
5 man 1977 2018-11-01 2019-02-28 avslutad arbetssokande grundskola under_1 soc
1 man 1998 2019-06-15 2019-08-20 avslutad avbrott grundskola under_1 soc
5 man 1979 2019-03-10 2019-10-10 avslutad arbete gymnasium 5_9 fk
FX
)

# --- The fixture, in a new insats with the three delmål.
TAG=$$$RANDOM
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, period_start, places, active)
   VALUES (1, 12, 'Rapporttest $TAG', 'Rapporttest', 'rapporttest-$TAG', '2018-01-01', 20, 0)"
INS=$(q "SELECT id FROM insats WHERE slug = 'rapporttest-$TAG'")
q "INSERT INTO insats_goal (insats_id, kind, label, target_numerator, target_denominator, sort_order) VALUES
   ($INS, 'arbetsformaga', 'Ökad förmåga till förvärvsarbete', 8, 10, 1),
   ($INS, 'egenforsorjning', 'Arbete eller studier', 4, 10, 2),
   ($INS, 'livskvalitet', 'Ökad livskvalitet', 7, 10, 3);
   INSERT INTO insats_budget_year (insats_id, year, planned_participants, places) VALUES ($INS, 2019, 40, 18)"
i=99
SQL=$(mktemp)
JARS+=("$SQL")
while read -r n g by start end status reason edu sup ref; do
	for _ in $(seq "$n"); do
		# A number of our own: birth date ${by}-06-15, serials counting up,
		# skipping any a person already has.
		while :; do
			i=$((i + 1))
			s=$(printf '%03d' "$i")
			p="${by}0615$s$(luhn "${by:2:2}0615$s")"
			[ "$(q "SELECT COUNT(*) FROM person WHERE personnummer = '$p'")" = 0 ] && break
		done
		if [ "$ref" = fk ]; then rem=2 org=2; else rem=3 org=10; fi
		e="'$end'" rs="'$reason'"
		[ "$end" = - ] && e=NULL
		[ "$reason" = - ] && rs=NULL
		cat >> "$SQL" <<-SQLX
		INSERT INTO person (personnummer, id_kind, first_name, last_name, gender, birth_year)
		  VALUES ('$p', 'personnummer', 'Test', 'Rapport', '$g', $by);
		SET @p = LAST_INSERT_ID();
		INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, education_code, support_time_code)
		  VALUES (@p, $INS, $rem, $org, 'antagen', '$edu', '$sup');
		INSERT INTO participation (referral_id, person_id, insats_id, status, start_date, end_date, end_reason_code)
		  VALUES (LAST_INSERT_ID(), @p, $INS, '$status', '$start', $e, $rs);
		SQLX
	done
done <<< "$FIXTURE"
check "the fixture loads" q "START TRANSACTION; $(cat "$SQL") COMMIT;"
check "the fixture has 63 participations" test "$(q "SELECT COUNT(*) FROM participation WHERE insats_id = $INS")" = 63

# --- The expected figures, from the fixture alone.
# expect FROM TO: lines "table;row;kvinna;man;total" for every count, and
# "tid;mean|median;k;m;t" in months with one decimal (Swedish comma).
expect() {
	local edu sup
	edu=$(q "SELECT CONCAT(code, '=', label) FROM code_education" | tr '\n' '|')
	sup=$(q "SELECT CONCAT(code, '=', label) FROM code_support_time" | tr '\n' '|')
	while read -r n rest; do for _ in $(seq "$n"); do echo "$rest"; done; done <<< "$FIXTURE" |
	awk -v from="$1" -v to="$2" -v edu="$edu" -v sup="$sup" '
	function day(s,  t) { t = mktime(substr(s,1,4) " " substr(s,6,2) " " substr(s,9,2) " 12 00 00"); return int(t / 86400 + 0.5) }
	function add(tab, row, g) { c[tab ";" row ";" g]++; c[tab ";" row ";total"]++; rows[tab ";" row] = 1 }
	function label(list, code,  n, a, i, kv) { n = split(list, a, "|"); for (i = 1; i <= n; i++) { split(a[i], kv, "="); if (kv[1] == code) return kv[2] } return code }
	function months(d) { return d / 30.4375 }
	function fmt(v,  t) { t = int(v * 10 + 0.5); return int(t / 10) "," (t % 10) }
	function median(g,  n, i, j, t, a) {
		n = 0; for (i = 1; i <= nd; i++) if (g == "total" || dg[i] == g) a[++n] = dd[i]
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
	BEGIN { org["fk"] = "Försäkringskassan"; org["soc"] = "Trollhättans Stad"
		out["arbete"] = "Arbete"; out["studier"] = "Studier"; out["arbetssokande"] = "Aktivt arbetssökande"
		out["annan_insats"] = "Fortsatt rehabilitering eller annan insats"; out["sjukdom"] = "Sjukdom"
		out["avbrott"] = out["flyttat"] = out["annat"] = "Annat (flyttat, avbrott, annat)" }
	{
		g = $1; by = $2; start = $3; end = $4; status = $5; reason = $6
		if (status == "felregistrerad") next
		if (start > to || (end != "-" && end < from)) next
		add("deltagare", "Inskrivna", g)
		if (start >= from) add("deltagare", "Nya", g)
		ended = status == "avslutad" && end <= to
		add("deltagare", ended ? "Avslutade" : "Pågående vid periodens slut", g)
		age = substr(start, 1, 4) - by
		add("alder", age < 30 ? "Under 30 år" : age < 45 ? "30–44 år" : age <= 65 ? "45–65 år" : "Övriga åldrar", g)
		add("utbildning", label(edu, $7), g)
		add("forsorjning", label(sup, $8), g)
		add("remittent", org[$9], g)
		if (ended) {
			add("avslut", out[reason], g)
			d = day(end) - day(start); nd++; dd[nd] = d; dg[nd] = g
			sum[g] += d; sum["total"] += d; n[g]++; n["total"]++
		}
	}
	END {
		for (k in rows) print k ";" c[k ";kvinna"] + 0 ";" c[k ";man"] + 0 ";" c[k ";total"] + 0
		printf "tid;Medeltid, månader"; for (i = 1; i <= 3; i++) { gg = i == 1 ? "kvinna" : i == 2 ? "man" : "total"; printf ";%s", n[gg] ? fmt(months(sum[gg] / n[gg])) : "–" } print ""
		printf "tid;Mediantid, månader"; for (i = 1; i <= 3; i++) { gg = i == 1 ? "kvinna" : i == 2 ? "man" : "total"; printf ";%s", n[gg] ? fmt(months(median(gg))) : "–" } print ""
	}'
}

# csv QUERY: the report's CSV as "table;row;K;M;T" (quotes and BOM gone).
forbund=$(new_jar)
login "$forbund" forbund > /dev/null
csv() {
	fetch -b "$forbund" "$BASE/rapporter.csv?$1" > /dev/null
	sed -e '1s/^\xEF\xBB\xBF//' -e 's/\r$//' "$BODY" | awk -F'";"' '{ gsub(/^"|"$/, ""); print $1 ";" $2 ";" $3 ";" $4 ";" $5 }'
}

# compare NAME EXPECTED CSV EXACT_TABLES: every expected figure is in the
# CSV: 1-4 people as "< 5", otherwise the number or (hidden) "×"; in the
# EXACT tables the number itself. Every row of every table has zero or at
# least two suppressed cells, and so has every column.
compare() {
	local name=$1 exp=$2 got=$3 exact=$4
	[ -n "$exp" ] && check "$name: the figures match the fixture" awk -F';' -v exact="$exact" '
		NR == FNR { want[$1 ";" $2] = $0; next }
		{ have[$1 ";" $2] = $0 }
		END {
			bad = 0
			for (k in want) {
				split(want[k], w, ";"); split(have[k], h, ";")
				if (!(k in have)) { print "missing: " k > "/dev/stderr"; bad = 1; continue }
				for (i = 3; i <= 5; i++) {
					ok = w[1] == "tid" ? (h[i] == w[i] || ((h[i] == "×" || h[i] == "< 5") && index(" " exact " ", " tid ") == 0)) \
					    : (w[i] >= 1 && w[i] <= 4) ? h[i] == "< 5" \
					    : (h[i] == w[i] || (h[i] == "×" && index(" " exact " ", " " w[1] " ") == 0))
					if (!ok) { print "wrong: " k " col " i ": want " w[i] ", got " h[i] > "/dev/stderr"; bad = 1 }
				}
			}
			exit bad
		}' <(echo "$exp") <(echo "$got")
	check "$name: no row gives a suppressed cell away" awk -F';' '
		$1 != "Tabell" && $1 != "mal" && $1 != "platser" {
			k = 0; for (i = 3; i <= 5; i++) if ($i == "< 5" || $i == "×") k++
			if (k == 1) { print "row " $1 ";" $2 > "/dev/stderr"; bad = 1 }
		} END { exit bad }' <(echo "$got")
	check "$name: no column gives a suppressed cell away" awk -F';' '
		$1 != "Tabell" && $1 != "mal" && $1 != "platser" && $1 != "tid" && $1 != "konsfordelning" {
			for (i = 3; i <= 5; i++) if ($i == "< 5" || $i == "×") k[$1 ";" i]++
			t[$1] = 1
		} END {
			for (x in t) for (i = 3; i <= 5; i++) if (k[x ";" i] == 1 && x != "deltagare") { print "column " x " " i > "/dev/stderr"; bad = 1 }
			exit bad
		}' <(echo "$got")
}

# --- January to August 2019.
EXP=$(expect 2019-01-01 2019-08-31)
GOT=$(csv "insats=$INS&period=jan-aug&ar=2019")
compare "jan-aug 2019" "$EXP" "$GOT" "deltagare tid remittent"
check "jan-aug: enrolled are 34 women, 26 men, 60 in all (hand count)" grep -qx 'deltagare;Inskrivna;34;26;60' <<< "$GOT"
check "jan-aug: new are 24 women, 21 men" grep -qx 'deltagare;Nya;24;21;45' <<< "$GOT"
check "jan-aug: ended are 24 women, 16 men (ending on the last day counts)" grep -qx 'deltagare;Avslutade;24;16;40' <<< "$GOT"
check "jan-aug: ongoing at the end are 10 women, 10 men" grep -qx 'deltagare;Pågående vid periodens slut;10;10;20' <<< "$GOT"
RAW=$(fetch -b "$forbund" "$BASE/rapporter.csv?insats=$INS&period=jan-aug&ar=2019" > /dev/null; sed 's/\r$//' "$BODY")
# 40 ended, 1 ill and 1 broke off: 38 reached work, studies, job-seeking or
# further rehabilitation = 95 % against at least 8 of 10.
check "jan-aug: increased ability to work is 38 of 40 (95 %), met" \
	grep -qF '"mal";"Ökad förmåga till förvärvsarbete";"×";"×";"38";"minst 8 av 10";"";"";"95 %";"Uppfyllt"' <<< "$RAW"
# Work 5 + 5, studies 2 + 2: 14 of 40 = 35 % against at least 4 of 10.
check "jan-aug: work or studies is 14 of 40 (35 %), not met" \
	grep -qF '"mal";"Arbete eller studier";"7";"7";"14";"minst 4 av 10";"29 %";"44 %";"35 %";"Inte uppfyllt"' <<< "$RAW"
check "jan-aug: quality of life says it cannot be computed yet" \
	grep -qF '"mal";"Ökad livskvalitet";"–";"–";"–";"minst 7 av 10";"";"";"";"Kan inte beräknas"' <<< "$RAW"
check "jan-aug: studies (2 women, 2 men, 4 in all) read < 5" grep -qx 'avslut;Studier;< 5;< 5;< 5' <<< "$GOT"
# Work: 5 women, but the goal "work or studies" (7) minus work would give
# the women's 2 in studies: work is hidden too.
check "jan-aug: work is hidden where it would give studies away" grep -qx 'avslut;Arbete;×;×;×' <<< "$GOT"
check "jan-aug: the budgeted places are the budget year's" grep -q '^platser;2019-03;.*;18;' <<< "$(sed 's/\r$//;s/"//g' "$BODY")"

# --- The next period, September to December (free dates): those running
# over 31 August are enrolled again, not new; two groups end in it.
EXP=$(expect 2019-09-01 2019-12-31)
GOT=$(csv "insats=$INS&period=fritt&fran=2019-09-01&till=2019-12-31")
compare "sep-dec 2019" "$EXP" "$GOT" "deltagare"
check "sep-dec: enrolled 11 women, 10 men" grep -qx 'deltagare;Inskrivna;11;10;21' <<< "$GOT"
check "sep-dec: one new woman reads < 5 (started on the first day)" grep -qx 'deltagare;Nya;< 5;0;< 5' <<< "$GOT"
check "sep-dec: the groups spanning 31 August end here: 5 and 5" grep -qx 'deltagare;Avslutade;5;5;10' <<< "$GOT"
check "sep-dec: ongoing at the end 6 women, 5 men" grep -qx 'deltagare;Pågående vid periodens slut;6;5;11' <<< "$GOT"

# --- The year before: those who started in October-December 2018 are
# ongoing at its end, as they are in January-August 2019.
EXP=$(expect 2018-01-01 2018-12-31)
GOT=$(csv "insats=$INS&period=ar&ar=2018")
compare "2018" "$EXP" "$GOT" "none"
check "2018: enrolled 11 women, 5 men (grand total always shown)" grep -qx 'deltagare;Inskrivna;11;5;16' <<< "$GOT"
check "2018: one woman ended on 31 December: < 5, and so ongoing is hidden" \
	grep -qx 'deltagare;Avslutade;< 5;0;< 5' <<< "$GOT"
check "2018: ongoing women hidden so the ended one cannot be backed out" \
	grep -qx 'deltagare;Pågående vid periodens slut;×;5;×' <<< "$GOT"
check "the CSV export is in the access log" \
	test "$(q "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND object_type = 'report' AND object_id = $INS")" -ge 3

# --- The page: tables, three charts with text alternatives, print style.
expect_status "the förbund sees the report page" 200 -b "$forbund" "$BASE/rapporter?insats=$INS&period=jan-aug&ar=2019"
check "three SVG charts, each an image with title and desc" test "$(grep -c 'role="img" aria-labelledby' "$BODY")" = 3
expect_body "the charts have their numbers in words" 'Under 30 år: Kvinnor ×, Män ×, Totalt 11.'
expect_body "the goal line is drawn" 'mål 80 %'
expect_body "small cells are explained" "färre än 5 personer"
expect_body "the CSV is linked with the same report" "/rapporter.csv?insats=$INS&amp;period=jan-aug&amp;ar=2019"
check "no script on the page" bash -c '! grep -qi "<script" "$1"' _ "$BODY"
expect_body "the questionnaire part says there are no measurements yet" "Inga mätningar än"
expect_status "the whole förbund's yearly report" 200 -b "$forbund" "$BASE/rapporter?insats=0&period=ar&ar=2020"
expect_body "it is named so" "Verksamhetsrapport: Hela förbundet, 2020-01-01 – 2020-12-31"
GOT=$(csv "insats=0&period=ar&ar=2020")
compare "förbund 2020" "" "$GOT" "none"

# --- Bad input: a Swedish message, the values kept, no report.
expect_status "the last day before the first is refused" 400 -b "$forbund" "$BASE/rapporter?insats=$INS&period=fritt&fran=2019-09-01&till=2019-01-01"
expect_body "with a message" "Sista dagen kan inte vara före den första."
expect_body "and the dates kept" 'value="2019-09-01"'
expect_status "a year that is not a number is refused" 400 -b "$forbund" "$BASE/rapporter?insats=$INS&ar=tjugo"
expect_status "an unknown insats is refused" 400 -b "$forbund" "$BASE/rapporter?insats=999999999"
expect_status "free dates without dates are refused" 400 -b "$forbund" "$BASE/rapporter.csv?period=fritt"
expect_status "more than ten years is refused" 400 -b "$forbund" "$BASE/rapporter?period=fritt&fran=2000-01-01&till=2019-12-31"

# --- Insats staff: their own insatser only, never the whole förbund.
staff=$(new_jar)
login "$staff" personal.fv > /dev/null
expect_status "insats staff get their own insats's report" 200 -b "$staff" "$BASE/rapporter"
expect_body "by default" "Verksamhetsrapport: Friska Vindar 2.0"
expect_status "but not another insats's" 400 -b "$staff" "$BASE/rapporter.csv?insats=$INS"
expect_status "nor the whole förbund" 400 -b "$staff" "$BASE/rapporter?insats=0"
