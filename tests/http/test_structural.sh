# Structural insatser (README "Structural insatser"): the register their
# staff keep (add, edit with version, wrong insats or role refused, bad
# input kept), what a structural insats may not do (take referrals, be
# made structural with open cases), the admin's goals per year, and the
# report's Företag, Praktikplatser, Handledarutbildningar rows recomputed
# here from a fixture of our own (awk, not the application's SQL).
. "$(dirname "$0")/lib.sh"

TAG=$$$RANDOM
HOST=$(org_id_of "Arbetsmarknad och socialförvaltning" "Trollhättans Stad")
FB=$(forbund_id_of SOFTLEG)
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, direction, measurement,
     period_start, active) VALUES ($FB, $HOST, 'Strukturtest $TAG', 'Strukturtest', 'strukturtest-$TAG',
     'struktur', 'antal', '2019-01-01', 1),
   ($FB, $HOST, 'Individtest $TAG', 'Individtest', 'individtest-$TAG', 'individ', 'personuppgifter',
     '2019-01-01', 1)"
INS=$(q "SELECT id FROM insats WHERE slug = 'strukturtest-$TAG'")
IND=$(q "SELECT id FROM insats WHERE slug = 'individtest-$TAG'")
U=st$TAG
mk_account "$U" "$HOST" insatspersonal
q "INSERT INTO staff_insats (staff_id, insats_id) SELECT id, $INS FROM staff WHERE username = '$U';
   INSERT INTO staff_insats (staff_id, insats_id) SELECT id, $IND FROM staff WHERE username = '$U'"
eq "login as the insats's staff" "$(as "$U")" 303
eq "login as another insats's staff" "$(as personal.fv)" 303
eq "login as the förbund" "$(as forbund)" 303
eq "login as admin" "$(as admin)" 303
eq "login as a remittent" "$(as remittent.fk)" 303
companies() { q "SELECT COUNT(*) FROM structural_company WHERE insats_id = $INS"; }

# --- The register: who reaches it
eq "its staff see the register" "$(aget "$U" "/struktur/$INS")" 200
eq "staff of another insats do not (404)" "$(aget personal.fv "/struktur/$INS")" 404
eq "the förbund does not (403)" "$(aget forbund "/struktur/$INS")" 403
eq "an admin does not (403)" "$(aget admin "/struktur/$INS")" 403
eq "an insats that is not structural has no register" "$(aget "$U" "/struktur/$IND")" 404
eq "another insats's staff cannot add (404)" \
	"$(apost personal.fv "/struktur/$INS/foretag/ny" --data-urlencode "namn=Intrång AB" -d platser=1 -d ansluten=2019-03-01)" 404
eq "nothing added by them" "$(companies)" 0
eq "its staff cannot add to the individual insats" \
	"$(apost "$U" "/struktur/$IND/foretag/ny" --data-urlencode "namn=Fel AB" -d platser=1 -d ansluten=2019-03-01)" 404

# --- Add a company
eq "a company is added" "$(apost "$U" "/struktur/$INS/foretag/ny" --data-urlencode "namn=Bygg och Måleri $TAG AB" \
	-d orgnr=5560360793 -d platser=3 -d ansluten=2019-03-01)" 303
C1=$(q "SELECT id FROM structural_company WHERE insats_id = $INS AND name = 'Bygg och Måleri $TAG AB'")
eq "stored with the org.nr as NNNNNN-NNNN" "$(q "SELECT CONCAT_WS('|', org_number, places, joined_on, IFNULL(left_on, '-'), version) FROM structural_company WHERE id = $C1")" \
	"556036-0793|3|2019-03-01|-|1"
eq "the addition is audited" "$(audits "object_type = 'structural_company' AND object_id = $C1 AND action = 'create'")" 1
eq "a retry of the same name is refused, not a duplicate" "$(apost "$U" "/struktur/$INS/foretag/ny" --data-urlencode "namn=Bygg och Måleri $TAG AB" \
	-d platser=1 -d ansluten=2019-03-01)" 400
expect_body "it says the company is there already" "Det finns redan ett företag med det namnet"
eq "still one company" "$(companies)" 1

# --- Bad input: Swedish errors, everything typed kept, nothing stored
eq "bad input is refused" "$(apost "$U" "/struktur/$INS/foretag/ny" --data-urlencode "namn=" -d orgnr=556036-0794 \
	-d platser=tre -d ansluten=2019-05-01 -d lamnat=2019-04-01)" 400
expect_body "the name is asked for" "Skriv företagets namn."
expect_body "the org.nr's check digit" "med rätt kontrollsiffra"
expect_body "the places are a number" "Ange ett heltal"
expect_body "it cannot leave before it joined" "före den dag det anslöt"
expect_body "the org.nr typed is kept" 'value="556036-0794"'
expect_body "the places typed are kept" 'value="tre"'
expect_body "the day it left is kept" 'value="2019-04-01"'
eq "nothing stored" "$(companies)" 1

# --- Edit with version
aget "$U" "/struktur/foretag/$C1" > /dev/null
V1=$(hidden version)
eq "the edit form carries the version" "$V1" 1
eq "an edit is saved" "$(apost "$U" "/struktur/foretag/$C1" --data-urlencode "namn=Bygg och Måleri $TAG AB" \
	-d version="$V1" -d orgnr=556036-0793 -d platser=4 -d ansluten=2019-03-01 -d lamnat=2021-06-30)" 303
eq "stored, version 2" "$(q "SELECT CONCAT_WS('|', places, left_on, version) FROM structural_company WHERE id = $C1")" "4|2021-06-30|2"
eq "the edit is audited" "$(audits "object_type = 'structural_company' AND object_id = $C1 AND action = 'update'")" 1
eq "a save from the old version is refused (409)" "$(apost "$U" "/struktur/foretag/$C1" --data-urlencode "namn=Bygg och Måleri $TAG AB" \
	-d version="$V1" -d platser=9 -d ansluten=2019-03-01)" 409
expect_body "it says someone else saved" "Någon annan har ändrat uppgifterna"
expect_body "what was typed is kept" 'name="platser" type="text" inputmode="numeric" value="9"'
expect_body "the stored values are shown" "<dt>Platser</dt><dd>4</dd>"
eq "nothing changed" "$(q "SELECT CONCAT_WS('|', places, version) FROM structural_company WHERE id = $C1")" "4|2"
eq "another insats's staff cannot open it (404)" "$(aget personal.fv "/struktur/foretag/$C1")" 404
eq "nor save it (404)" "$(apost personal.fv "/struktur/foretag/$C1" --data-urlencode "namn=X" -d version=2 -d platser=1 -d ansluten=2019-03-01)" 404
eq "nothing changed by them" "$(q "SELECT CONCAT_WS('|', name, version) FROM structural_company WHERE id = $C1")" "Bygg och Måleri $TAG AB|2"

# --- Trainings
eq "a training is added" "$(apost "$U" "/struktur/$INS/utbildning/ny" -d datum=2019-10-15 -d deltagare=12 \
	--data-urlencode "anteckning=Tre halvdagar")" 303
T1=$(q "SELECT id FROM structural_training WHERE insats_id = $INS")
eq "a training without a count is refused" "$(apost "$U" "/struktur/$INS/utbildning/ny" -d datum=2019-11-15 \
	--data-urlencode "anteckning=Kvar $TAG")" 400
expect_body "it asks how many" "Ange hur många som deltog."
expect_body "the note is kept" "Kvar $TAG"
aget "$U" "/struktur/utbildning/$T1" > /dev/null
eq "a training is edited" "$(apost "$U" "/struktur/utbildning/$T1" -d version="$(hidden version)" -d datum=2019-10-15 -d deltagare=13)" 303
eq "stored, version 2" "$(q "SELECT CONCAT_WS('|', attendees, version) FROM structural_training WHERE id = $T1")" "13|2"
eq "a stale save is refused (409)" "$(apost "$U" "/struktur/utbildning/$T1" -d version=1 -d datum=2019-10-15 -d deltagare=99)" 409
eq "another insats's staff cannot open it (404)" "$(aget personal.fv "/struktur/utbildning/$T1")" 404

# --- No referrals to a structural insats
aget remittent.fk /ansokningar/ny > /dev/null
check "the application form does not offer it" body_lacks "Strukturtest $TAG"
expect_body "it offers the individual insats" "Individtest $TAG"
apost remittent.fk /ansokningar/ny -d insats="$INS" -d atgard=spara --data-urlencode "fornamn=Test" --data-urlencode "efternamn=Struktur" > /dev/null
expect_body "a referral to it is refused" "Välj en insats i listan."
eq "no referral made" "$(q "SELECT COUNT(*) FROM referral WHERE insats_id = $INS")" 0

# --- Made structural only without open cases
REF=$(fixture_referral "$IND" Öppen Ärende "$(new_pnr 1980 50)")
insats_form() {
	aget admin "/admin/insatser/$IND" > /dev/null
	apost admin "/admin/insatser/$IND" -d version="$(hidden version)" --data-urlencode "namn=Individtest $TAG" \
		-d kortnamn=Individtest -d slug="individtest-$TAG" -d huvudman="$HOST" -d inriktning="$1" \
		-d matmetod=antal -d start=2019-01-01 -d aktiv=1
}
eq "an insats with a waiting referral cannot be made structural" "$(insats_form struktur)" 400
expect_body "the admin is told why" "Insatsen har ansökningar som väntar"
eq "it stays individual" "$(q "SELECT direction FROM insats WHERE id = $IND")" individ
q "UPDATE referral SET status = 'avradd' WHERE id = $REF"
eq "without open cases it can" "$(insats_form struktur)" 303
eq "structural now" "$(q "SELECT direction FROM insats WHERE id = $IND")" struktur
eq "the change is audited" "$(audits "object_type = 'insats' AND object_id = $IND AND action = 'admin'")" 1

# --- Goals per year (admin)
eq "the admin sets goals" "$(apost admin "/admin/insatser/$INS/strukturmal" -d ar=2019 -d mal_platser=5 -d mal_utbildningar=2 -d mal_handledare=20)" 303
eq "stored (no company goal)" "$(q "SELECT CONCAT_WS('|', year, IFNULL(companies, '-'), places, trainings, attendees) FROM structural_goal WHERE insats_id = $INS")" "2019|-|5|2|20"
eq "setting them again replaces them" "$(apost admin "/admin/insatser/$INS/strukturmal" -d ar=2019 -d mal_foretag=3 -d mal_platser=6 -d mal_utbildningar=2 -d mal_handledare=20)" 303
eq "one row for the year" "$(q "SELECT CONCAT_WS('|', COUNT(*), MAX(companies), MAX(places)) FROM structural_goal WHERE insats_id = $INS")" "1|3|6"
eq "a bad year is refused" "$(apost admin "/admin/insatser/$INS/strukturmal" -d ar=1999 -d mal_platser=7)" 400
expect_body "the places typed are kept" 'value="7"'
eq "the insats staff cannot set goals" "$(apost "$U" "/admin/insatser/$INS/strukturmal" -d ar=2019 -d mal_platser=1)" 403
eq "goals are audited" "$(audits "object_type = 'insats' AND object_id = $INS AND detail = 'structural goals 2019 set'")" 2

# --- The report, recomputed here. Fixture: name places joined left.
FIXTURE=$(cat <<'FX'
A 1 2019-01-01 -
B 2 2019-08-31 -
C 5 2019-02-01 2019-08-31
D 7 2019-09-01 -
E 3 2018-12-31 2019-09-01
F 1 2019-04-10 2019-04-11
FX
)
TRAIN="2018-12-31 4
2019-01-01 6
2019-08-31 9
2019-09-01 11"
while read -r n p j l; do
	[ "$l" = - ] && l=NULL || l="'$l'"
	q "INSERT INTO structural_company (insats_id, name, places, joined_on, left_on) VALUES ($INS, 'Fixtur $n', $p, '$j', $l)"
done <<< "$FIXTURE"
while read -r d a; do q "INSERT INTO structural_training (insats_id, held_on, attendees) VALUES ($INS, '$d', $a)"; done <<< "$TRAIN"
# Every company of the insats now (the fixture and the edited one) as
# places joined left, and the trainings as day attendees.
ALLC=$(q "SELECT places, joined_on, IFNULL(left_on, '-') FROM structural_company WHERE insats_id = $INS")
ALLT=$(q "SELECT held_on, attendees FROM structural_training WHERE insats_id = $INS")
want() { # FROM TO GOAL_COMPANIES GOAL_PLACES GOAL_TRAININGS GOAL_PEOPLE: the four CSV rows
	{ echo "$ALLC" | sed 's/^/C /'; echo "$ALLT" | sed 's/^/T /'; } | awk -v from="$1" -v to="$2" \
		-v g1="$3" -v g2="$4" -v g3="$5" -v g4="$6" -v key="struktur:strukturtest-$TAG" -F'\t| ' '
		$1 == "C" && $3 <= to && ($4 == "-" || $4 > to) { nc++; np += $2 }
		$1 == "T" && $2 >= from && $2 <= to { nt++; na += $3 }
		function row(name, v, g) {
			printf "%s|%s|%d|%s|%s\n", key, name, v, (g == "" ? "–" : "minst " g),
				(g == "" ? "Inget mål för året" : (v >= g ? "Uppfyllt" : "Inte uppfyllt"))
		}
		END { row("Företag", nc, g1); row("Praktikplatser", np, g2); row("Handledarutbildningar", nt, g3); row("Utbildade handledare", na, g4) }'
}
# The CSV's rows for the insats: Tabell, Rad, Totalt, Extra, Bedömning.
got() {
	aget "$1" "/rapporter.csv?insats=$2&period=$3&ar=$4" > /dev/null
	tr -d '\r' < "$BODY" | sed 's/^\xEF\xBB\xBF//' | awk -F'";"' -v key="struktur:strukturtest-$TAG" '
		NR == 1 { for (i = 1; i <= NF; i++) { h = $i; gsub(/"/, "", h); col[h] = i } }
		{ k = $1; gsub(/"/, "", k) }
		k == key { last = $NF; gsub(/"/, "", last)
			printf "%s|%s|%s|%s|%s\n", k, $2, $col["Totalt"], $col["Extra"], last }'
}
eq "January–August 2019 for the insats, against the 2019 goals" \
	"$(got "$U" "$INS" jan-aug 2019)" "$(want 2019-01-01 2019-08-31 3 6 2 20)"
eq "the whole of 2019" "$(got "$U" "$INS" ar 2019)" "$(want 2019-01-01 2019-12-31 3 6 2 20)"
eq "2021: no goals set" "$(got "$U" "$INS" ar 2021)" "$(want 2021-01-01 2021-12-31 "" "" "" "")"
eq "the förbund-wide report has the insats's part" "$(got forbund 0 jan-aug 2019)" "$(want 2019-01-01 2019-08-31 3 6 2 20)"
eq "the förbund sees it on the insats's report" "$(got forbund "$INS" q3 2019)" "$(want 2019-07-01 2019-09-30 3 6 2 20)"
aget "$U" "/rapporter?insats=$INS&period=jan-aug&ar=2019" > /dev/null
expect_body "the page shows the part" "Strukturtest $TAG: det som byggts upp"
expect_body "with the goal layout" '<strong class="met">✓ Uppfyllt</strong>'
aget forbund "/rapporter?insats=$(insats_id_of "Case Manager")&period=jan-aug&ar=2019" > /dev/null
check "an individual insats's report has no such part" body_lacks "det som byggts upp"
done_testing
