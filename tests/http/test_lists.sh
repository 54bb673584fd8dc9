# Finding people (issue 15, item 8): the remittent's and the insats staff's
# lists page 50 rows at a time with counts, sort by whitelisted columns
# only, take any page or sort parameter without an error; the staff search
# by name within their insatser, logged like the search by personnummer.
. "$(dirname "$0")/lib.sh"

for u in remittent.fk personal.fv personal.cm; do eq "$u logs in" "$(as "$u")" 303; done
FK=$(staff_id_of remittent.fk)
# The referrals remittent.fk reaches (own, as medremittent, the unit's
# when it shares), as the list counts them.
REACH="FROM referral r JOIN organisation o ON o.id = r.organisation_id
	JOIN referral_person rp ON rp.referral_id = r.id
	WHERE r.remittent_id = $FK OR EXISTS (SELECT 1 FROM referral_coremittent c
	WHERE c.referral_id = r.id AND c.staff_id = $FK) OR (o.share_within_unit = 1
	AND r.organisation_id = (SELECT organisation_id FROM staff WHERE id = $FK))"
TOTAL=$(q "SELECT COUNT(*) $REACH")
check "remittent.fk reaches more than one page (test premise: $TOTAL)" test "$TOTAL" -gt 100
rows() { sed -n '/<tbody>/,/<\/tbody>/p' "$BODY" | grep -c '^<tr>'; }
first_id() { sed -n '/<tbody>/,/<\/tbody>/p' "$BODY" | grep -o 'href="/ansokningar/[0-9]*"' | head -n 1 | grep -o '[0-9]*'; }

# --- The remittent's list
eq "GET /ansokningar: 200" "$(aget remittent.fk /ansokningar)" 200
expect_body "... with the count" "Visar 1–50 av $TOTAL"
eq "... 50 rows on the page" "$(rows)" 50
eq "... newest change first" "$(first_id)" "$(q "SELECT r.id $REACH ORDER BY r.updated_at DESC, r.id DESC LIMIT 1")"
aget remittent.fk "/ansokningar?sida=2" > /dev/null
expect_body "page 2: the next 50" "Visar 51–100 av $TOTAL"
expect_body "... with a link back" 'rel="prev"'
LAST=$(((TOTAL + 49) / 50))
aget remittent.fk "/ansokningar?sida=$LAST" > /dev/null
expect_body "the last page: the rest" "Visar $(((LAST - 1) * 50 + 1))–$TOTAL av $TOTAL"
aget remittent.fk "/ansokningar?sortera=namn&ordning=stigande" > /dev/null
eq "sorted by name" "$(first_id)" \
	"$(q "SELECT r.id $REACH ORDER BY CONCAT(rp.last_name, ' ', rp.first_name), r.id DESC LIMIT 1")"
expect_body "... the header says so" 'aria-sort="ascending"'
aget remittent.fk "/ansokningar?sortera=namn&ordning=fallande" > /dev/null
eq "... and the other way" "$(first_id)" \
	"$(q "SELECT r.id $REACH ORDER BY CONCAT(rp.last_name, ' ', rp.first_name) DESC, r.id DESC LIMIT 1")"
# Bad parameters: page 1 in the default order, never an error
bad=""
for qs in "sida=0" "sida=-1" "sida=abc" "sida=99999999999999999999" "sida=999" "sida=1.5" \
	"sortera=id" "sortera=r.id%3BDROP" "sortera=status" "ordning=upp" "sida=%20" "sortera=&ordning="; do
	st=$(aget remittent.fk "/ansokningar?$qs")
	if [ "$st" != 200 ] || ! body_has "Visar 1–50 av $TOTAL" ||
		[ "$(first_id)" != "$(q "SELECT r.id $REACH ORDER BY r.updated_at DESC, r.id DESC LIMIT 1")" ]; then
		bad="$bad $qs=$st"
	fi
done
eq "bad page or sort parameters give page 1 in the default order" "$bad" ""
aget remittent.fk "/ansokningar?status=inskickad&sida=1" > /dev/null
check "the status filter is kept in the page links" body_has "status=inskickad&amp;sortera="
n=$(statements_of "$(jar remittent.fk)" "/ansokningar?sida=2&sortera=insats")
check "GET /ansokningar runs at most 6 statements (ran $n)" test "$n" != "?" -a "$n" -le 6

# --- The staff's participant list
FVT=$(q "SELECT COUNT(*) FROM participation p JOIN staff_insats si ON si.insats_id = p.insats_id
	WHERE si.staff_id = $(staff_id_of personal.fv)")
check "personal.fv's participations fill pages (test premise: $FVT)" test "$FVT" -gt 50
eq "GET /deltagare?status=alla: 200" "$(aget personal.fv "/deltagare?status=alla")" 200
expect_body "... with the count" "Visar 1–50 av $FVT"
aget personal.fv "/deltagare?status=alla&sortera=start&ordning=fallande" > /dev/null
# Page 2 is the rows after the last one shown (participant_list.h).
NEXT=$(grep -o 'href="/deltagare?[^"]*"' "$BODY" | grep efter= | head -n 1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g')
aget personal.fv "$NEXT" > /dev/null
expect_body "page 2 sorted by start" "Visar 51–100 av $FVT"
check "... links keep the filter and the sort" body_has "status=alla&amp;sortera=start&amp;ordning=fallande&amp;efter="
eq "a bad sort on /deltagare: 200" "$(aget personal.fv "/deltagare?status=alla&sortera=x%27&sida=-4")" 200
expect_body "... page 1" "Visar 1–50 av $FVT"
n=$(statements_of "$(jar personal.fv)" "/deltagare?status=alla&sida=2&sortera=kontakt")
check "GET /deltagare runs at most 6 statements (ran $n)" test "$n" != "?" -a "$n" -le 6

# --- The staff's search by name, within their insatser, logged
FVI=$(insats_id_of "Friska Vindar 2.0")
NAME=$(q "SELECT CONCAT(pp.first_name, ' ', pp.last_name) FROM participation_person pp
	JOIN participation p ON p.id = pp.participation_id WHERE p.insats_id = $FVI ORDER BY p.id LIMIT 1")
HITS=$(q "SELECT COUNT(*) FROM referral r JOIN referral_person rp ON rp.referral_id = r.id
	LEFT JOIN participation p ON p.referral_id = r.id LEFT JOIN participation_person pp ON pp.participation_id = p.id
	WHERE r.insats_id IN (SELECT insats_id FROM staff_insats WHERE staff_id = $(staff_id_of personal.fv))
	AND r.status <> 'utkast' AND (CONCAT(rp.first_name, ' ', rp.last_name) LIKE '%$NAME%'
	OR CONCAT(IFNULL(pp.first_name, ''), ' ', IFNULL(pp.last_name, '')) LIKE '%$NAME%')")
LOGGED_FV="action = 'search' AND staff_id = $(staff_id_of personal.fv) AND detail = 'search by name ''$NAME'': $HITS hits'"
LOGGED_CM="action = 'search' AND staff_id = $(staff_id_of personal.cm) AND detail LIKE 'search by name ''$NAME''%'"
A0=$(audits "action = 'search' AND detail LIKE 'search by name%' AND staff_id = $(staff_id_of personal.fv)")
F0=$(audits "$LOGGED_FV")
C0=$(audits "$LOGGED_CM")
eq "search by name: 200" "$(apost personal.fv /deltagare/sok --data-urlencode "namn=$NAME")" 200
expect_body "... lists the hits" "Träffar för namnet ”$NAME” ($HITS)"
expect_body "... linked" 'href="/deltagande/'
eq "... logged once, with what was searched" "$(audits "$LOGGED_FV")" $((F0 + 1))
eq "... one search row more" "$(audits "action = 'search' AND detail LIKE 'search by name%' AND staff_id = $(staff_id_of personal.fv)")" $((A0 + 1))
eq "another insats's staff: the same name, no hit there" "$(apost personal.cm /deltagare/sok --data-urlencode "namn=$NAME")" 200
check "... none of personal.fv's participants" body_lacks "href=\"/deltagande/$(q "SELECT MIN(p.id) FROM participation p JOIN participation_person pp ON pp.participation_id = p.id WHERE p.insats_id = $FVI AND CONCAT(pp.first_name, ' ', pp.last_name) = '$NAME'")\""
eq "... and it is logged too" "$(audits "$LOGGED_CM")" $((C0 + 1))
eq "'%%' is two characters, not a wildcard" "$(apost personal.fv /deltagare/sok --data-urlencode "namn=%%")" 200
expect_body "... no hits" "Träffar för namnet ”%%” (0)"
eq "one character: 400" "$(apost personal.fv /deltagare/sok --data-urlencode "namn=a")" 400
expect_body "... with a Swedish message" "Minst 2 tecken."
eq "neither field: 400" "$(apost personal.fv /deltagare/sok)" 400
expect_body "... says what to give" "Ange ett personnummer eller ett namn."
eq "the search by personnummer still works" "$(apost personal.fv /deltagare/sok --data-urlencode "personnummer=$(dash "$(q "SELECT pe.personnummer FROM participation p JOIN person pe ON pe.id = p.person_id WHERE p.insats_id = $FVI LIMIT 1")")")" 200
expect_body "... hits" 'href="/deltagande/'
done_testing
