# Two förbund in one installation, the activity report (issue 20): each
# förbund's chief counts and names only the own förbund's participations,
# insatser, organisations and goals, in every table, the CSV and the
# delårsrapport; the delårsrapport's texts are the own förbund's only.
#
# A second förbund is made here in SQL (no platform admin yet) with an
# office, a chief, an admin, an insats (inactive from the start: nothing
# of it on any public page) and ten participations of its own, one of them
# of a person with an ended demo participation (a path across förbund must
# not count). The demo chief's pages and CSVs are fetched before and after
# and must be the same bytes. At the end the second förbund's rows that
# the unscoped SUS export would read (participations, referrals, persons)
# are deleted again, its texts and goals too, and its insats and accounts
# deactivated: later tests see the demo förbund as before.
. "$(dirname "$0")/lib.sh"

P=t_fr_$$
DEMO_F=$(forbund_id_of SOFTLEG)
FVI=$(insats_id_of "Friska Vindar 2.0")
SNAP=$LIB_TMP/snap
mkdir -p "$SNAP"

# The demo förbund's insatser by name and short name: none of them may be
# named in the second förbund's report.
mapfile -t DEMO_NAMES < <(q "SELECT name FROM insats WHERE forbund_id = $DEMO_F
	UNION SELECT short_name FROM insats WHERE forbund_id = $DEMO_F")
# names_none FILE: FILE names none of the demo förbund's insatser.
names_none() {
	local n
	for n in "${DEMO_NAMES[@]}"; do
		if grep -qF -- "$n" "$1"; then
			echo "# names $n" >&2
			return 1
		fi
	done
}

# What the demo's chief and staff see, as bytes: snap DIR.
DEMO_URLS=(
	"forbund /rapporter?insats=0&period=ar&ar=2021"
	"forbund /rapporter.csv?insats=0&period=ar&ar=2021"
	"forbund /rapporter.csv?insats=0&period=jan-aug&ar=2021"
	"forbund /rapporter.csv?insats=0&period=q2&ar=2021"
	"forbund /rapporter?insats=0&period=ar&ar=2020"
	"forbund /rapporter.csv?insats=0&period=fritt&fran=2020-06&till=2021-05"
	"forbund /rapporter?insats=$FVI&period=ar&ar=2021"
	"forbund /rapporter.csv?insats=$FVI&period=ar&ar=2021"
	"forbund /rapporter/delarsrapport?period=jan-aug&ar=2021"
	"forbund /rapporter/delarsrapport?period=ar&ar=2021"
	"personal.fv /rapporter.csv?insats=$FVI&period=q3&ar=2021"
	"admin /rapporter/texter?period=jan-aug&ar=2021"
)
snap() {
	local i=0 u
	mkdir -p "$1"
	for u in "${DEMO_URLS[@]}"; do
		echo "$(aget "${u%% *}" "${u#* }")" > "$1/$i.status"
		cp "$BODY" "$1/$i"
		i=$((i + 1))
	done
}
for u in forbund personal.fv admin; do
	eq "$u logs in" "$(as "$u")" 303
done
snap "$SNAP/before"
eq "the demo pages answer 200 before" "$(cat "$SNAP"/before/*.status | sort -u | paste -sd,)" 200

# --- The second förbund, its office, accounts, insats and goals
mk_forbund F2 "FR$$"
O2=$(office_of "$F2")
mk_account "${P}_chef" "$O2" forbund "Chef Rapportförbundet"
mk_account "${P}_admin" "$O2" admin "Admin Rapportförbundet"
mk_account "${P}_rem" "$O2" remittent "Remittent Rapportförbundet"
REM=$(staff_id_of "${P}_rem")
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, period_start, places, active)
	VALUES ($F2, $O2, 'Insats $P', 'Kort $P', 'fr-$$', '2020-01-01', 10, 0)"
I2=$(q "SELECT id FROM insats WHERE slug = 'fr-$$'")
check "the second förbund's insats is made, inactive" test "$(q "SELECT CONCAT(forbund_id, '|', active)
	FROM insats WHERE id = $I2")" = "$F2|0"
q "INSERT INTO insats_goal (insats_id, kind, label, target_numerator, target_denominator, sort_order)
	VALUES ($I2, 'arbete', 'Insatsmål $P', 1, 10, 1);
	INSERT INTO forbund_goal (forbund_id, kind, label, target_numerator, target_denominator, sort_order)
	VALUES ($F2, 'egenforsorjning', 'Delmål $P', 3, 10, 1)"

# Cleaning up whatever happens below: nothing of the second förbund is
# left that the SUS export or a page of the demo förbund reads, and the
# förbund itself inactive (the demo förbund the only active one: its
# public page needs no host name, sus-export no --forbund).
cleanup() {
	q "DELETE pp FROM participation_person pp JOIN participation p ON p.id = pp.participation_id
		WHERE p.insats_id = $I2;
	DELETE FROM participation WHERE insats_id = $I2;
	DELETE rp FROM referral_person rp JOIN referral r ON r.id = rp.referral_id WHERE r.insats_id = $I2;
	DELETE FROM referral WHERE insats_id = $I2;
	DELETE FROM person WHERE personnummer IN ($(printf "'%s'," "${PNRS[@]}")'');
	DELETE h FROM report_text_history h JOIN report_text t ON t.id = h.report_text_id WHERE t.insats_id = $I2;
	DELETE FROM report_text WHERE insats_id = $I2;
	DELETE FROM insats_goal WHERE insats_id = $I2;
	DELETE FROM forbund_goal WHERE forbund_id = $F2"
	forbund_off "$F2"
}
PNRS=()
at_exit cleanup

# --- Ten participations in 2021: five ended (to work, studies), five
# ongoing (at least report_min_cell each: their totals are shown); one of a person with an ended participation in a demo insats
# before (a predecessor in another förbund: not a path).
SHARED=$(q "SELECT p.person_id FROM participation p JOIN insats i ON i.id = p.insats_id
	WHERE i.forbund_id = $DEMO_F AND i.direction = 'individ' AND p.status = 'avslutad'
	AND p.end_date <= '2021-01-31' ORDER BY p.id LIMIT 1")
check "a demo person with an ended participation before 2021" test -n "$SHARED"
SQL=""
n=0
# gender start end status reason
while read -r g start end status reason; do
	n=$((n + 1))
	e="'$end'" rs="'$reason'"
	[ "$end" = - ] && e=NULL
	[ "$reason" = - ] && rs=NULL
	if [ "$n" = 1 ]; then
		person="SET @p = $SHARED;"
	else
		by=$((1970 + n * 3))
		PNRS+=("$(pnr "${by}0315")")
		person="INSERT INTO person (personnummer, id_kind, birth_year)
			VALUES ('${PNRS[-1]}', 'personnummer', $by); SET @p = LAST_INSERT_ID();"
	fi
	SQL+="$person
	INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, education_code, support_time_code)
		VALUES (@p, $I2, $REM, $O2, 'antagen', 'gymnasium', '1_4');
	SET @r = LAST_INSERT_ID();
	INSERT INTO referral_person (referral_id, first_name, last_name, gender)
		VALUES (@r, 'Test', 'Rapportförbund', '$g');
	INSERT INTO participation (referral_id, person_id, insats_id, status, start_date, end_date, end_reason_code)
		VALUES (@r, @p, $I2, '$status', '$start', $e, $rs);
	$PART_PERSON_SQL"
done <<'FX'
kvinna 2021-03-01 2021-09-30 avslutad arbete
kvinna 2021-02-01 2021-10-15 avslutad studier
kvinna 2021-01-15 2021-06-30 avslutad studier
kvinna 2021-04-01 - inskriven -
kvinna 2021-07-01 - inskriven -
man 2021-02-15 2021-08-31 avslutad arbete
man 2021-05-01 2021-11-30 avslutad arbete
man 2021-06-01 - inskriven -
man 2021-03-10 - inskriven -
man 2021-09-01 - inskriven -
FX
check "the second förbund's participations load" q "START TRANSACTION; $SQL COMMIT;"
eq "... ten of them" "$(q "SELECT COUNT(*) FROM participation WHERE insats_id = $I2")" 10

# --- The demo förbund's report: the same bytes as before (the same
# sessions, so the same forms)
snap "$SNAP/after"
bad=""
for ((i = 0; i < ${#DEMO_URLS[@]}; i++)); do
	cmp -s "$SNAP/before/$i" "$SNAP/after/$i" || bad="$bad ${DEMO_URLS[$i]#* }"
done
eq "the demo's report pages and CSVs are the same bytes with the second förbund's data" "$bad" ""
bad=""
for f in "$SNAP"/after/[0-9]*; do
	case $f in *.status) continue ;; esac
	grep -qF -e "Insats $P" -e "Kort $P" -e "Förbundskansliet FR$$" -e "Delmål $P" "$f" && bad="$bad ${f##*/}"
done
eq "... and none names the second förbund's insats, office or goal" "$bad" ""

# --- The second förbund's chief: its own only
eq "the second förbund's chief logs in" "$(as "${P}_chef")" 303
csv2=$LIB_TMP/f2.csv
eq "its whole förbund's CSV for 2021" "$(aget "${P}_chef" "/rapporter.csv?insats=0&period=ar&ar=2021")" 200
cp "$BODY" "$csv2"
row() { awk -F';' -v t="\"$1\"" -v r="\"$2\"" '$1 == t && $2 == r { gsub(/"/, ""); print $3 "|" $4 "|" $5 }' "$csv2"; }
eq "enrolled: its ten participations only" "$(row deltagare Inskrivna | cut -d'|' -f3)" 10
eq "ended: its five" "$(row deltagare Avslutade | cut -d'|' -f3)" 5
eq "ongoing: its five" "$(row deltagare "Pågående vid periodens slut" | cut -d'|' -f3)" 5
check "the referrer table is its office" grep -qF "\"remittent\";\"Förbundskansliet FR$$\"" "$csv2"
check "its goal is the förbund's delmål" grep -qF "Delmål $P" "$csv2"
eq "no path from the demo förbund's insats" "$(row fran_insats "Från annan insats" | cut -d'|' -f3)" "0"
check "the CSV names none of the demo förbund's insatser" names_none "$csv2"
check "... nor its organisations" bash -c "! grep -qF -e 'Försäkringskassan' -e 'Trollhättans Stad' '$csv2'"
DEMO_GOAL=$(q "SELECT label FROM forbund_goal WHERE forbund_id = $DEMO_F ORDER BY sort_order LIMIT 1")
check "... nor its delmål" bash -c '[ -n "$1" ] && ! grep -qF -- "$1" "$2"' _ "$DEMO_GOAL" "$csv2"
bad=""
for u in "/rapporter?insats=0&period=ar&ar=2021" "/rapporter?insats=0&period=jan-aug&ar=2021" \
	"/rapporter.csv?insats=0&period=q2&ar=2021" "/rapporter?insats=0&period=fritt&fran=2020-06&till=2021-12" \
	"/rapporter?insats=0&period=ar&ar=2021&enkat=chefer" \
	"/rapporter?insats=$I2&period=ar&ar=2021" "/rapporter.csv?insats=$I2&period=ar&ar=2021" \
	"/rapporter/delarsrapport?period=ar&ar=2021" "/rapporter/delarsrapport?period=jan-aug&ar=2021"; do
	code=$(aget "${P}_chef" "$u")
	[ "$code" = 200 ] || bad="$bad $u=$code"
	names_none "$BODY" 2> /dev/null || bad="$bad $u:names-a-demo-insats"
	grep -qF -e "Försäkringskassan" -e "Trollhättans Stad" "$BODY" && bad="$bad $u:names-a-demo-organisation"
done
eq "every page of its report answers and names nothing of the demo förbund" "$bad" ""
aget "${P}_chef" "/rapporter/delarsrapport?period=ar&ar=2021" > /dev/null
expect_body "its delårsrapport is its own förbund's" "Samordningsförbundet FR$$"
expect_body "... with its insats" "Insats $P"
eq "a demo insats's report: 400, as an insats not offered" \
	"$(aget "${P}_chef" "/rapporter?insats=$FVI&period=ar&ar=2021")" 400

# --- The delårsrapport's texts: each förbund's admin its own insatser
eq "the second förbund's admin logs in" "$(as "${P}_admin")" 303
eq "a demo insats's text: 404" "$(aget "${P}_admin" "/rapporter/texter/$FVI?period=jan-aug&ar=2021")" 404
text_row() { q "SELECT CONCAT(COUNT(*), '|', IFNULL(MAX(version), '')) FROM report_text WHERE insats_id = $1 AND year = 2021 AND period = 'jan-aug'"; }
fv_before=$(text_row "$FVI")
eq "... and a save of it: 404" "$(apost "${P}_admin" "/rapporter/texter/$FVI" --data period=jan-aug --data ar=2021 \
	--data version=0 --data-urlencode "bakgrund=Kapad $P" --data samverkan= --data horisontella= \
	--data resultat= --data indikatorer=)" 404
eq "... nothing written" "$(text_row "$FVI")" "$fv_before"
aget "${P}_admin" "/rapporter/texter?period=jan-aug&ar=2021" > /dev/null
expect_body "its list of texts has its insats" "/rapporter/texter/$I2?"
check "... and no demo insats" body_lacks "/rapporter/texter/$FVI?"
eq "it saves its own insats's text (303)" "$(apost "${P}_admin" "/rapporter/texter/$I2" --data period=jan-aug \
	--data ar=2021 --data version=0 --data-urlencode "bakgrund=Bakgrund $P" --data samverkan= \
	--data horisontella= --data resultat= --data indikatorer=)" 303
eq "... stored, with its history" "$(q "SELECT CONCAT(t.version, '|', t.bakgrund, '|', COUNT(h.id)) FROM report_text t
	JOIN report_text_history h ON h.report_text_id = t.id WHERE t.insats_id = $I2 AND t.year = 2021
	AND t.period = 'jan-aug' GROUP BY t.id")" "1|Bakgrund $P|1"
eq "the demo admin: the second förbund's text is a 404" "$(aget admin "/rapporter/texter/$I2?period=jan-aug&ar=2021")" 404
aget forbund "/rapporter/delarsrapport?period=jan-aug&ar=2021" > /dev/null
check "the demo's delårsrapport lacks the second förbund's text" body_lacks "Bakgrund $P"
aget "${P}_chef" "/rapporter/delarsrapport?period=jan-aug&ar=2021" > /dev/null
expect_body "... the second förbund's has it" "Bakgrund $P"

cleanup
eq "nothing of the second förbund's left for the SUS export" "$(q "SELECT COUNT(*) FROM participation WHERE insats_id = $I2")|$(q "SELECT COUNT(*) FROM referral WHERE insats_id = $I2")" "0|0"
eq "... its insats and accounts are inactive" "$(q "SELECT COUNT(*) FROM insats WHERE forbund_id = $F2 AND active = 1")|$(q "SELECT COUNT(*) FROM staff WHERE forbund_id = $F2 AND active = 1")" "0|0"
snap "$SNAP/end"
bad=""
for ((i = 0; i < ${#DEMO_URLS[@]}; i++)); do
	cmp -s "$SNAP/before/$i" "$SNAP/end/$i" || bad="$bad ${DEMO_URLS[$i]#* }"
done
eq "the demo's report pages and CSVs are as at the start" "$bad" ""
done_testing
