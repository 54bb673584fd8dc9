# The participant's målgrupp (issue 17 item 5; README "The activity
# report"): the insats staff choose it on the participation page among
# the insats's target-group lines (or "Ej angiven"), as a versioned edit
# (a stale form is 409 and keeps the choice, a retry changes nothing
# twice) with a history row and an audit row; a value the insats does not
# list is refused (400, the choice kept), except the one the participation
# already has after the lines were reworded; only the insats's own staff.
# Then the report's "Tid i insats per målgrupp" counts the participation
# under the chosen group once it has ended, recomputed here with awk from
# the fixture and what this test chose.
. "$(dirname "$0")/lib.sh"

TAG=$$$RANDOM
G1="Unga vuxna 20–29 år $TAG"
G2="Kvinnor upp till 45 år $TAG"
YEAR=${TODAY:0:4}
FV_ID=$(staff_id_of personal.fv)
FK_REM=$(staff_id_of remittent.fk) FK_ORG=$(org_of remittent.fk)

# An insats of its own (not active: no list shows it), two target groups,
# personal.fv among its staff.
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, period_start, places, active, target_groups)
   VALUES ($(forbund_id_of SOFTLEG), $(org_id_of "Arbetsmarknad och socialförvaltning" "Trollhättans Stad"),
   'Målgruppstest $TAG', 'Målgruppstest', 'malgruppstest-$TAG', '2018-01-01', 40, 0, '$G1\n$G2');
   INSERT INTO staff_insats (staff_id, insats_id) SELECT $FV_ID, id FROM insats WHERE slug = 'malgruppstest-$TAG'"
INS=$(q "SELECT id FROM insats WHERE slug = 'malgruppstest-$TAG'")
at_exit 'q "DELETE FROM staff_insats WHERE insats_id = $INS" > /dev/null 2>&1'

# count gender group start end status (group 1, 2: G1, G2; "-" none; start
# and end as days from today, "-" no end). The last line is the
# participation this test sets and ends through the pages.
FIXTURE=$(cat <<'FX'
5 kvinna 1 -200 0 avslutad
6 man 2 -150 0 avslutad
1 kvinna - -300 -10 felregistrerad
1 kvinna - -300 - inskriven
FX
)
SQL=$(mktemp)
JARS+=("$SQL")
while read -r n g group start end status; do
	for _ in $(seq "$n"); do
		tg="" e=NULL
		[ "$group" = 1 ] && tg=$G1
		[ "$group" = 2 ] && tg=$G2
		[ "$end" = - ] || e="'$(day "$end")'"
		cat >> "$SQL" <<-SQLX
		INSERT INTO person (personnummer, id_kind, birth_year) VALUES ('$(new_pnr)', 'personnummer', 1990);
		SET @p = LAST_INSERT_ID();
		INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status)
		  VALUES (@p, $INS, $FK_REM, $FK_ORG, 'antagen');
		SET @r = LAST_INSERT_ID();
		INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@r, 'Mål', '$status$TAG', '$g');
		INSERT INTO participation (referral_id, person_id, insats_id, status, start_date, end_date, end_reason_code, target_group)
		  VALUES (@r, @p, $INS, '$status', '$(day "$start")', $e, IF($e IS NULL, NULL, IF('$status' = 'felregistrerad', 'felregistrering', 'arbete')), '$tg');
		$PART_PERSON_SQL
		SQLX
	done
done <<< "$FIXTURE"
check "the fixture loads" q "START TRANSACTION; $(cat "$SQL") COMMIT;"
P=$(participation_id_of "Mål inskriven$TAG")
FEL=$(participation_id_of "Mål felregistrerad$TAG")
REF=$(q "SELECT referral_id FROM participation WHERE id = $P")
check "the fixture participations exist" test -n "$P" -a -n "$FEL" -a -n "$REF"

log_in FV personal.fv
log_in TR personal.tramp
log_in RJ remittent.fk

# tg_post JAR VERSION VALUE: the målgrupp form; prints the status.
tg_post() { post "$1" "/deltagande/$P/malgrupp" --data "version=$2" --data-urlencode "malgrupp=$3"; }
tg_of() { q "SELECT target_group FROM participation WHERE id = $P"; }
tg_hist() { q "SELECT COUNT(*) FROM change_history WHERE record_type = 'participation' AND record_id = $P AND field = 'target_group'"; }
tg_audits() { audits "action = 'update' AND object_type = 'participation' AND object_id = $P AND detail = 'target group'"; }
option() { echo "<option value=\"$1\"$2>$1$3</option>"; }

# --- The page: not set yet, the insats's lines to choose from
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "the section" '<h2 id="malgrupp">Målgrupp</h2>'
expect_body "not set yet" '<dt>Målgrupp</dt><dd>Ej angiven</dd>'
expect_body "a link opens the form" "href=\"/deltagande/$P?form=malgrupp\""
expect_status "the målgrupp form" 200 -b "$FV" "$BASE/deltagande/$P?form=malgrupp"
expect_body "offers 'Ej angiven', chosen" '<option value="" selected>Ej angiven</option>'
expect_body "offers the first line" "$(option "$G1")"
expect_body "offers the second line" "$(option "$G2")"

# --- Set it
V=$(part_version "$P")
eq "setting the målgrupp answers 303" "$(tg_post "$FV" "$V" "$G1")" 303
eq "it is stored, the version moves on" "$(q "SELECT CONCAT(target_group, '|', version) FROM participation WHERE id = $P")" "$G1|$((V + 1))"
eq "the change is in the history, by personal.fv" "$(hist participation "$P" target_group)" "|$G1|$FV_ID"
eq "and audited with the personnummer" \
	"$(audits "action = 'update' AND object_type = 'participation' AND object_id = $P AND detail = 'target group' AND personnummer = '$(pnr_of "$P")'")" 1
expect_status "the page after" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "shows it" "<dt>Målgrupp</dt><dd>$G1</dd>"
expect_body "the history row is labelled" "<td data-label=\"Uppgift\">Målgrupp</td><td data-label=\"Från\"></td><td data-label=\"Till\">$G1</td>"
expect_status "the målgrupp form" 200 -b "$FV" "$BASE/deltagande/$P?form=malgrupp"
expect_body "with it chosen" "$(option "$G1" " selected")"

# --- A retry of the same form changes nothing twice
eq "the same form again is 409" "$(tg_post "$FV" "$V" "$G1")" 409
expect_body "saying someone changed it" "Någon annan har ändrat uppgifterna"
eq "nothing more is written" "$(tg_hist)/$(tg_audits)/$(part_version "$P")" "1/1/$((V + 1))"

# --- Change it; then a stale form keeps its choice
V=$(part_version "$P")
eq "changing it answers 303" "$(tg_post "$FV" "$V" "$G2")" 303
eq "it changed" "$(tg_of)" "$G2"
eq "a second history row" "$(q "SELECT CONCAT(old_value, '>', new_value) FROM change_history WHERE record_type = 'participation' AND record_id = $P AND field = 'target_group' ORDER BY id DESC LIMIT 1")" "$G1>$G2"
eq "a stale form is 409" "$(tg_post "$FV" "$V" "$G1")" 409
expect_body "the message" "Någon annan har ändrat uppgifterna"
expect_body "the choice is kept" "$(option "$G1" " selected")"
expect_body "the page shows what is stored" "<dt>Målgrupp</dt><dd>$G2</dd>"
expect_body "and the new version to send" "name=\"version\" value=\"$((V + 1))\""
eq "nothing was written" "$(tg_of)/$(tg_hist)" "$G2/2"
V=$(part_version "$P")
eq "the same value again answers 303" "$(tg_post "$FV" "$V" "$G2")" 303
check "as unchanged" grep -q 'oforandrat=1' "$HEAD"
eq "and writes nothing" "$(part_version "$P")/$(tg_hist)/$(tg_audits)" "$V/2/2"

# --- A value the insats does not list: 400, the choice kept
eq "another value is 400" "$(tg_post "$FV" "$V" "Pensionärer $TAG")" 400
expect_body "with the message in Swedish" '<p class="error" id="malgrupp-fel">Målgruppen finns inte bland insatsens målgrupper.'
expect_body "the typed value is kept, chosen" "$(option "Pensionärer $TAG" " selected" " (finns inte bland insatsens målgrupper)")"
eq "nothing was written" "$(tg_of)/$(part_version "$P")" "$G2/$V"
eq "a line of another insats is 400 too" "$(tg_post "$FV" "$V" "Kvinnor upp till 45 år")" 400

# --- The lines reworded: what the participation has stays keepable
q "UPDATE insats SET target_groups = '$G1\nKvinnor 18–45 år $TAG' WHERE id = $INS"
expect_status "the page after the rewording" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "shows it as the former målgrupp" "<dt>Målgrupp</dt><dd>$G2 (tidigare målgrupp)</dd>"
expect_status "the målgrupp form" 200 -b "$FV" "$BASE/deltagande/$P?form=malgrupp"
expect_body "offers it, chosen" "$(option "$G2" " selected" " (tidigare målgrupp)")"
expect_body "and the new line" "$(option "Kvinnor 18–45 år $TAG")"
eq "keeping it answers 303" "$(tg_post "$FV" "$V" "$G2")" 303
eq "unchanged" "$(tg_of)/$(part_version "$P")" "$G2/$V"
eq "not set ('Ej angiven') answers 303" "$(tg_post "$FV" "$V" "")" 303
eq "it is empty, in the history" "$(tg_of)|$(q "SELECT CONCAT(old_value, '>', new_value) FROM change_history WHERE record_type = 'participation' AND record_id = $P AND field = 'target_group' ORDER BY id DESC LIMIT 1")" "|$G2>"
eq "now the former line is refused" "$(tg_post "$FV" "$((V + 1))" "$G2")" 400
eq "and nothing was written" "$(tg_of)/$(part_version "$P")" "/$((V + 1))"
eq "the participant's group is set again" "$(tg_post "$FV" "$((V + 1))" "$G1")" 303

# --- Only the insats's own staff
V=$(part_version "$P")
eq "another insats's staff: 404" "$(tg_post "$TR" "$V" "$G2")" 404
expect_status "nor do they see the page" 404 -b "$TR" "$BASE/deltagande/$P"
eq "a remittent: 403" "$(tg_post "$RJ" "$V" "$G2")" 403
eq "nothing was written" "$(tg_of)/$(part_version "$P")" "$G1/$V"
expect_status "the remittent's referral page" 200 -b "$RJ" "$BASE/ansokningar/$REF"
check "shows no målgrupp, as it shows no plan" body_lacks "$G1"

# --- Not when felregistrerad
expect_status "a felregistrerad participation's page" 200 -b "$FV" "$BASE/deltagande/$FEL"
check "has no målgrupp form" body_lacks "/deltagande/$FEL/malgrupp"
eq "its målgrupp cannot be set: 409" "$(post "$FV" "/deltagande/$FEL/malgrupp" --data "version=$(part_version "$FEL")" --data-urlencode "malgrupp=$G1")" 409
expect_body "with the reason" "Deltagandet är felregistrerat och räknas inte i rapporten."
eq "nothing was written" "$(q "SELECT target_group FROM participation WHERE id = $FEL")" ""

# --- End it; the report counts it under the chosen group
eq "ending it answers 303" "$(post "$FV" "/deltagande/$P/avslut" --data "version=$(part_version "$P")" --data "slutdatum=$TODAY" \
	--data "avslutsorsak=arbete" --data "sysselsattning_efter=arbete" --data "forsorjning_efter=lon")" 303
expect_status "the ended participation's page" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "still offers the målgrupp form" "/deltagande/$P?form=malgrupp"

# expect: the rows "GROUP: avslutade" and "GROUP: medeltid, månader" as
# "table;row;kvinna;man;total" from the fixture's ended participations and
# this one (a woman in G1 from day -300 to today).
expect() {
	{ grep ' avslutad$' <<< "$FIXTURE"; echo "1 kvinna 1 -300 0 avslutad"; } |
	awk -v g1="$G1" -v g2="$G2" '
	function fmt(v,  t) { t = int(v * 10 + 0.5); return int(t / 10) "," (t % 10) }
	{
		l = $3 == 1 ? g1 : $3 == 2 ? g2 : "Målgrupp ej angiven"
		n[l, $2] += $1; n[l, "total"] += $1
		d[l, $2] += $1 * ($5 - $4); d[l, "total"] += $1 * ($5 - $4); ls[l] = 1
	}
	END {
		for (l in ls) {
			printf "Tid i insats per målgrupp;%s: avslutade;%d;%d;%d\n", l, n[l, "kvinna"], n[l, "man"], n[l, "total"]
			printf "Tid i insats per målgrupp;%s: medeltid, månader", l
			for (i = 1; i <= 3; i++) {
				g = i == 1 ? "kvinna" : i == 2 ? "man" : "total"
				printf ";%s", n[l, g] ? fmt(d[l, g] / n[l, g] / 30.4375) : "–"
			}
			print ""
		}
	}' | sort
}
session FB forbund
fetch -b "$FB" "$BASE/rapporter.csv?insats=$INS&period=ar&ar=$YEAR" > /dev/null
GOT=$(sed -e '1s/^\xEF\xBB\xBF//' -e 's/\r$//' "$BODY" | awk -F'";"' '{ gsub(/^"|"$/, ""); print $1 ";" $2 ";" $3 ";" $4 ";" $5 }' |
	grep '^Tid i insats per målgrupp;.*: \(avslutade\|medeltid, månader\);' | sort)
EXP=$(expect)
eq "the report counts it under the chosen målgrupp" "$GOT" "$EXP"
check "six women in $G1" grep -qx "Tid i insats per målgrupp;$G1: avslutade;6;0;6" <<< "$EXP"

done_testing
