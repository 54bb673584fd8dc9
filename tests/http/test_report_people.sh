# The report's people tables (issue 17 items 1, 2, 3, 5: report_people.h)
# against a fixture in an insats of its own: every figure of the CSV's
# "Medelålder", "Försörjning före", "Försörjning efter", "Medremittent" and
# "Tid i insats per målgrupp" is computed here with awk from the fixture
# below (not with the application's SQL). The fixture has no group of 1-4
# people except one transition (2 women), so every other table must be
# exact; that transition must read "×". The LP audit of what the tables
# give away together is test_privacy_report.sh's.
. "$(dirname "$0")/lib.sh"

# count gender birth start end status before after coremittent employer group
# (birth: YYYYMMDD, a day over 60 a samordningsnummer; before/after: income
# codes, comma-separated, "-" none; coremittent hr = Trollhättans Stad's HR,
# vc = the region's primary care; employer TS "Trollhättans Stad", ts
# " trollhättans stad", VGR "Västra Götalandsregionen", "-" not employed;
# group: the line of the insats's målgrupper, "-" none)
FIXTURE=$(cat <<'FX'
5 kvinna 19900310 2019-02-01 2019-06-15 avslutad sjukpenning sjukpenning hr TS 1
5 kvinna 19800920 2019-01-15 2019-08-31 avslutad sjukpenning,lon lon hr ts 2
6 man 19950101 2019-03-01 2019-07-31 avslutad forsorjningsstod forsorjningsstod - - 1
5 man 19700615 2018-05-01 2019-06-30 avslutad a_kassa lon vc VGR -
5 kvinna 19850565 2019-04-01 - inskriven aktivitetsstod - hr VGR 2
5 man 19880705 2019-05-01 - inskriven - - - - -
2 kvinna 19750101 2019-02-01 2019-05-31 avslutad forsorjningsstod studiemedel hr TS 1
5 kvinna 19920815 2019-03-01 2019-08-15 avslutad forsorjningsstod lon hr TS -
5 man 19790301 2018-01-10 2018-10-10 avslutad lon lon hr TS 1
FX
)
GROUP1="Unga vuxna 20–29 år"
GROUP2="Kvinnor upp till 45 år"

TAG=$$$RANDOM
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, period_start, places, active, target_groups)
   VALUES ($(forbund_id_of SOFTLEG), $(org_id_of "Arbetsmarknad och socialförvaltning" "Trollhättans Stad"),
   'Persontest $TAG', 'Persontest', 'persontest-$TAG', '2018-01-01', 20, 0, '$GROUP1\n$GROUP2')"
INS=$(q "SELECT id FROM insats WHERE slug = 'persontest-$TAG'")
HR=$(org_id_of "HR (personalavdelningen)" "Trollhättans Stad")
VC=$(org_id_of "Primärvården" "Västra Götalandsregionen")
FK_REM=$(staff_id_of remittent.fk) FK_ORG=$(org_of remittent.fk)
SQL=$(mktemp)
JARS+=("$SQL")
while read -r n g birth start end status before after corem employer group; do
	for _ in $(seq "$n"); do
		p=$(pnr "$birth")
		kind=personnummer
		[ "${birth:6:2}" -gt 60 ] && kind=samordningsnummer
		case $employer in
		TS) emp="1, 'Trollhättans Stad'" ;;
		ts) emp="1, ' trollhättans stad'" ;;
		VGR) emp="1, 'Västra Götalandsregionen'" ;;
		*) emp="0, ''" ;;
		esac
		e="'$end'" tg=""
		[ "$end" = - ] && e=NULL
		[ "$group" = 1 ] && tg=$GROUP1
		[ "$group" = 2 ] && tg=$GROUP2
		cat >> "$SQL" <<-SQLX
		INSERT INTO person (personnummer, id_kind, birth_year) VALUES ('$p', '$kind', ${birth:0:4});
		SET @p = LAST_INSERT_ID();
		INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, employed, employer)
		  VALUES (@p, $INS, $FK_REM, $FK_ORG, 'antagen', $emp);
		SET @r = LAST_INSERT_ID();
		INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@r, 'Test', 'Person', '$g');
		INSERT INTO participation (referral_id, person_id, insats_id, status, start_date, end_date, end_reason_code, target_group)
		  VALUES (@r, @p, $INS, '$status', '$start', $e, IF($e IS NULL, NULL, 'annan_insats'), '$tg');
		SET @pa = LAST_INSERT_ID();
		$PART_PERSON_SQL
		SQLX
		for c in ${before//,/ }; do [ "$c" = - ] || echo "INSERT INTO referral_income (referral_id, income_code) VALUES (@r, '$c');" >> "$SQL"; done
		for c in ${after//,/ }; do [ "$c" = - ] || echo "INSERT INTO participation_income_after (participation_id, income_code) VALUES (@pa, '$c');" >> "$SQL"; done
		[ "$corem" = hr ] && echo "INSERT INTO referral_coremittent (referral_id, organisation_id, name) VALUES (@r, $HR, 'HR');" >> "$SQL"
		[ "$corem" = vc ] && echo "INSERT INTO referral_coremittent (referral_id, organisation_id, name) VALUES (@r, $VC, 'VC');" >> "$SQL"
	done
done <<< "$FIXTURE"
check "the fixture loads" q "START TRANSACTION; $(cat "$SQL") COMMIT;"
check "the fixture has 43 participations" test "$(q "SELECT COUNT(*) FROM participation WHERE insats_id = $INS")" = 43

# expect FROM TO: "table;row;kvinna;man;total" for every figure.
expect() {
	local codes tops
	codes=$(q "SELECT CONCAT(code, '=', label) FROM code_income" | tr '\n' '|')
	# Every top-level organisation of the förbund has its employees' row, whatever the data.
	tops=$(q "SELECT name FROM organisation WHERE parent_id IS NULL AND forbund_id = (SELECT forbund_id FROM insats WHERE id = $INS)" | tr '\n' '|')
	while read -r n rest; do for _ in $(seq "$n"); do echo "$rest"; done; done <<< "$FIXTURE" |
	awk -v from="$1" -v to="$2" -v codes="$codes" -v tops="$tops" -v g1="$GROUP1" -v g2="$GROUP2" '
	function day(s) { return int(mktime(substr(s,1,4) " " substr(s,6,2) " " substr(s,9,2) " 12 00 00") / 86400 + 0.5) }
	function label(code,  n, a, i, kv) { n = split(codes, a, "|"); for (i = 1; i <= n; i++) { split(a[i], kv, "="); if (kv[1] == code) return kv[2] } return code }
	function state(s) { return s == "-" ? "Uppgift saknas" : s ~ /,/ ? "Flera källor" : label(s) }
	function add(tab, row, g, v) { c[tab ";" row ";" g] += v; c[tab ";" row ";total"] += v; rows[tab ";" row] = 1 }
	function fmt(v,  t) { t = int(v * 10 + 0.5); return int(t / 10) "," (t % 10) }
	# date + k calendar months, the day kept or else the last of the month, as MariaDB
	function plus(s, k,  y, m, d, last) {
		y = substr(s,1,4) + 0; m = substr(s,6,2) + k; d = substr(s,9,2) + 0
		while (m > 12) { m -= 12; y++ }
		last = (m == 2) ? ((y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
		if (d > last) d = last
		return sprintf("%04d-%02d-%02d", y, m, d)
	}
	function mean(tab, row, s, n,   i, g) {
		printf "%s;%s", tab, row
		for (i = 1; i <= 3; i++) { g = i == 1 ? "kvinna" : i == 2 ? "man" : "total"; printf ";%s", n[g] ? fmt(s[g] / n[g]) : "–" }
		print ""
	}
	{
		g = $1; birth = $2; start = $3; end = $4; status = $5; before = $6; after = $7; corem = $8; emp = $9; grp = $10
		if (start > to || (end != "-" && end < from)) next
		bd = substr(birth, 7, 2) % 60
		age = substr(start, 1, 4) - substr(birth, 1, 4) - (substr(start, 6, 2) substr(start, 9, 2) < sprintf("%s%02d", substr(birth, 5, 2), bd))
		an[g]++; an["total"]++; as[g] += age; as["total"] += age
		if (before == "-") add("Försörjning före", "Uppgift saknas", g, 1)
		else { k = split(before, b, ","); for (i = 1; i <= k; i++) add("Försörjning före", label(b[i]), g, 1) }
		if (corem == "hr") add("Medremittent", "Trollhättans Stad – HR (personalavdelningen)", g, 1)
		else if (corem == "vc") add("Medremittent", "Västra Götalandsregionen – Primärvården", g, 1)
		else add("Medremittent", "Ingen medremittent", g, 1)
		if (!(status == "avslutad" && end >= from && end <= to)) next
		add("Försörjning efter", state(before) " → " state(after), g, 1)
		if (corem == "hr" && (emp == "TS" || emp == "ts"))
			add("Medremittent", "Avslutade anställda hos Trollhättans Stad", g, 1)
		if (corem == "vc" && emp == "VGR")
			add("Medremittent", "Avslutade anställda hos Västra Götalandsregionen", g, 1)
		gl = grp == 1 ? g1 : grp == 2 ? g2 : "Målgrupp ej angiven"
		add("Tid i insats per målgrupp", gl ": avslutade", g, 1)
		gn[gl, g]++; gn[gl, "total"]++; gs[gl, g] += day(end) - day(start); gs[gl, "total"] += day(end) - day(start); gls[gl] = 1
		add("Tid i insats per målgrupp", "Avslutade inom 6 månader", g, end <= plus(start, 6))
		add("Tid i insats per målgrupp", "Avslutade inom 12 månader", g, end <= plus(start, 12))
	}
	END {
		# Rows shown even when empty: every income code, no source, no
		# medremittent, the employees, within 6 and 12 months.
		m = split(codes, a, "|"); for (i = 1; i <= m; i++) if (split(a[i], kv, "=") == 2) rows["Försörjning före;" kv[2]] = 1
		rows["Försörjning före;Uppgift saknas"] = rows["Medremittent;Ingen medremittent"] = 1
		m = split(tops, a, "|"); for (i = 1; i <= m; i++) if (a[i] != "") rows["Medremittent;Avslutade anställda hos " a[i]] = 1
		rows["Tid i insats per målgrupp;Avslutade inom 6 månader"] = rows["Tid i insats per målgrupp;Avslutade inom 12 månader"] = 1
		for (k in rows) print k ";" c[k ";kvinna"] + 0 ";" c[k ";man"] + 0 ";" c[k ";total"] + 0
		mean("Medelålder", "Medelålder vid start, år", as, an)
		for (l in gls) {
			delete n; delete s
			for (i = 1; i <= 3; i++) { gg = i == 1 ? "kvinna" : i == 2 ? "man" : "total"; n[gg] = gn[l, gg]; s[gg] = gs[l, gg] / 30.4375 }
			mean("Tid i insats per målgrupp", l ": medeltid, månader", s, n)
		}
	}'
}

session forbund forbund
csv() {
	fetch -b "$forbund" "$BASE/rapporter.csv?$1" > /dev/null
	sed -e '1s/^\xEF\xBB\xBF//' -e 's/\r$//' "$BODY" | awk -F'";"' '{ gsub(/^"|"$/, ""); print $1 ";" $2 ";" $3 ";" $4 ";" $5 }'
}
# compare NAME EXPECTED CSV: every expected figure is in the CSV, a count of
# 1-4 as "×", every other figure exactly, except in "Försörjning efter"
# (hidden beside the small one: "×" there too); and the CSV's people
# tables have no row the fixture does not.
compare() {
	check "$1: the people tables match the fixture" awk -F';' '
		NR == FNR { want[$1 ";" $2] = $0; next }
		$1 ~ /^(Medelålder|Försörjning (före|efter)|Medremittent|Tid i insats per målgrupp)$/ && $2 !~ /^Totalt/ {
			have[$1 ";" $2] = $0
			if (!(($1 ";" $2) in want)) { print "unexpected: " $1 ";" $2 > "/dev/stderr"; bad = 1 }
		}
		END {
			for (k in want) {
				split(want[k], w, ";"); split(have[k], h, ";")
				if (!(k in have)) { print "missing: " k > "/dev/stderr"; bad = 1; continue }
				for (i = 3; i <= 5; i++) {
					small = w[i] ~ /^[1-4]$/ && w[2] !~ /medel/
					ok = small ? h[i] == "×" : (h[i] == w[i] || (h[i] == "×" && w[1] == "Försörjning efter"))
					if (!ok) { print "wrong: " k " col " i ": want " w[i] ", got " h[i] > "/dev/stderr"; bad = 1 }
				}
			}
			exit bad
		}' <(echo "$2") <(echo "$3")
}

EXP=$(expect 2019-01-01 2019-08-31)
GOT=$(csv "insats=$INS&period=jan-aug&ar=2019")
compare "jan-aug 2019" "$EXP" "$GOT"
# By hand: 22 women, 16 men enrolled; the women's ages at the start are
# 28 (5, the birthday after the start), 38 (5), 33 (5, a samordningsnummer),
# 44 (2), 26 (5): 713 / 22 = 32.4; the men's 24 (6), 47 (5), 30 (5): 529 / 16.
check "jan-aug: the mean ages are 32,4 and 33,1 (hand count)" grep -qx 'Medelålder;Medelålder vid start, år;32,4;33,1;32,7' <<< "$GOT"
check "jan-aug: 2 women from försörjningsstöd to studiemedel are hidden" \
	grep -qx 'Försörjning efter;Försörjningsstöd (ekonomiskt bistånd) → Studiemedel;×;0;×' <<< "$GOT"
check "jan-aug: two sources before are one row 'Flera källor'" \
	grep -qx 'Försörjning efter;Flera källor → Lön;5;0;5' <<< "$GOT"
# HR beside 22 women; 17 of them ended employed by Trollhättans Stad (the
# name typed in lower case with a space counts); the 5 men from primary care
# work for the region above it; the women with HR but employed by the region
# do not count (and have not ended). One row per organisation (the seed's
# "15 personer med anställning inom Trollhättans Stad").
check "jan-aug: 17 women ended employed by Trollhättans Stad" \
	grep -qx 'Medremittent;Avslutade anställda hos Trollhättans Stad;17;0;17' <<< "$GOT"
check "jan-aug: 5 men ended employed by Västra Götalandsregionen" \
	grep -qx 'Medremittent;Avslutade anställda hos Västra Götalandsregionen;0;5;5' <<< "$GOT"
check "jan-aug: an organisation without employees who ended still has its row" \
	grep -qx 'Medremittent;Avslutade anställda hos Arbetsförmedlingen;0;0;0' <<< "$GOT"
check "jan-aug: those who ended within 6 months (not the one starting 2019-01-15, ending 2019-08-31)" \
	grep -qx 'Tid i insats per målgrupp;Avslutade inom 6 månader;12;6;18' <<< "$GOT"

# The year before: 5 men ended after 9 months, within 12; group 1.
EXP=$(expect 2018-01-01 2018-12-31)
GOT=$(csv "insats=$INS&period=ar&ar=2018")
compare "2018" "$EXP" "$GOT"

expect_status "the page shows the tables" 200 -b "$forbund" "$BASE/rapporter?insats=$INS&period=jan-aug&ar=2019"
expect_body "Medelålder" '<h2 id="medelalder-rubrik">Medelålder</h2>'
expect_body "the transition" '<h2 id="forsorjning-efter-rubrik">Försörjning före och efter</h2>'
expect_body "the time per målgrupp" "$GROUP2: medeltid, månader"

# The whole förbund lists no målgrupp (each insats's own, in its report),
# only within 6 and 12 months and the total: those rows are recounted here
# over every insats.
GOT=$(csv "insats=0&period=jan-aug&ar=2019")
eq "the whole förbund: Tid i insats per målgrupp has the 6 and 12 month rows and the total only" \
	"$(grep '^Tid i insats per målgrupp;' <<< "$GOT" | cut -d';' -f2 | tr '\n' '|')" \
	"Avslutade inom 6 månader|Avslutade inom 12 månader|Totalt (avslutade)|"
W12=$(q "SELECT SUM(p.end_date <= p.start_date + INTERVAL 12 MONTH) FROM participation p
	JOIN participation_person pe ON pe.participation_id = p.id JOIN person pn ON pn.id = p.person_id
	JOIN referral r ON r.id = p.referral_id
	WHERE p.status = 'avslutad' AND p.end_date BETWEEN '2019-01-01' AND '2019-08-31'")
eq "the whole förbund: within 12 months is the recount over every insats" \
	"$(grep '^Tid i insats per målgrupp;Avslutade inom 12 månader;' <<< "$GOT" | cut -d';' -f5)" "$W12"

done_testing
