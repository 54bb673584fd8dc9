# What is overdue (issue 15, item 3; include/overdue.h): a planned end
# passed while inskriven, no mid-term follow-up by halfway, a summary not
# sent by its due date. Each is made to happen through the pages (the
# dates of an admission and an end may lie in the past), listed for the
# insats's own staff (start page, inbox counts, the participant list's
# filter "Försenade" with a marker per row) and not for another insats's
# staff, the edge days (the halfway day, the due day itself) are not late,
# and each leaves the lists when resolved. An insats and a staff member
# of the test's own, so the demo's late participations are not in the way.
. "$(dirname "$0")/lib.sh"

TAG=$$
SLUG="forsenat-$TAG"
own_insats "Försenat $TAG" "Fors$TAG" "$SLUG" "ovd$TAG"
eq "personal.fv (another insats) logs in" "$(as personal.fv)" 303
# U2: staff of another insats of the test's own, with nobody in it (so
# any late participation on their start page would be one not theirs).
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, period_start, places, active)
	SELECT forbund_id, host_organisation_id, 'Tom $TAG', 'Tom$TAG', 'tom-$TAG', '2020-01-01', 5, 1
	FROM insats WHERE id = $X"
Y=$(lookup_one "insats tom-$TAG" "SELECT id FROM insats WHERE slug = 'tom-$TAG'")
at_exit "q \"DELETE FROM staff_insats WHERE insats_id = $Y; UPDATE insats SET active = 0 WHERE id = $Y\""
U2="ovdtom$TAG"
mk_account "$U2" "$(q "SELECT host_organisation_id FROM insats WHERE id = $Y")" insatspersonal
q "INSERT INTO staff_insats (staff_id, insats_id) VALUES ($(staff_id_of "$U2"), $Y)"
eq "the other insats's staff member logs in" "$(as "$U2")" 303

# admit NAME START PLANNED_END: a referral to X (with a waiver) admitted
# by $U through the decision form; prints the participation id.
admit() {
	local r
	r=$(new_referral "$X" Sen "$1" kvinna "$(new_pnr 1970 30)" 100)
	[ "$(apost "$U" "/inkorg/$r/beslut" --data beslut=anta --data version=1 --data "startdatum=$2" \
		--data "planerat_slut=$3" --data "kontaktperson=$UID_" --data timmar=6)" = 303 ] || { grep -o "class=\"error\"[^<]*" "$BODY" >&2; return 1; }
	q "SELECT id FROM participation WHERE referral_id = $r"
}
# end ID DATE: the end registered through its form; prints the status.
end_on() {
	apost "$U" "/deltagande/$1/avslut" --data "version=$(part_version "$1")" --data "slutdatum=$2" \
		--data avslutsorsak=studier --data sysselsattning_efter=studier --data forsorjning_efter=studiemedel
}

# P1: planned end yesterday (and halfway long past, no follow-up): late
# twice. P2: halfway is today: not late. P3: halfway was yesterday: the
# follow-up is late. P4: ended 22 days ago, the summary (21 days) was due
# yesterday: late. P5: ended 21 days ago, due today: not late.
P1=$(admit "Ettan$TAG" "$(day -40)" "$(day -1)")
P2=$(admit "Tvaan$TAG" "$(day -10)" "$(day 10)")
P3=$(admit "Trean$TAG" "$(day -11)" "$(day 9)")
P4=$(admit "Fyran$TAG" "$(day -60)" "$(day -30)")
P5=$(admit "Femman$TAG" "$(day -60)" "$(day -30)")
check "five participations admitted through the form" test -n "$P1" -a -n "$P2" -a -n "$P3" -a -n "$P4" -a -n "$P5"
eq "P4 is ended 22 days ago" "$(end_on "$P4" "$(day -22)")" 303
eq "P5 is ended 21 days ago" "$(end_on "$P5" "$(day -21)")" 303
eq "their summaries are due yesterday and today" \
	"$(q "SELECT GROUP_CONCAT(summary_due_date ORDER BY id) FROM participation WHERE id IN ($P4, $P5)")" "$(day -1),$(day 0)"

# in_kind KIND ID: the start page's list of KIND (slut, mitt,
# sammanfattning) in the last body links to participation ID.
in_kind() {
	sed -n "/id=\"forsenat-$1\"/,/<\\/table>/p" "$BODY" | grep -q "href=\"/deltagande/$2\""
}
not_in_kind() { ! in_kind "$@"; }
# listed ID: the last body (a list) links to participation ID.
listed() { grep -q "href=\"/deltagande/$1\"" "$BODY"; }
not_listed() { ! listed "$1"; }

# --- The start page of the insats's staff
eq "the start page" "$(aget "$U" /start)" 200
expect_body "has the overdue section with the total (4 items)" "Försenat (4)"
check "planned end passed: P1" in_kind slut "$P1"
check "... not P2, P3 (planned ends to come)" bash -c "! sed -n '/id=\"forsenat-slut\"/,/<\\/table>/p' '$BODY' | grep -qE 'href=\"/deltagande/($P2|$P3)\"'"
check "no mid-term follow-up by halfway: P1" in_kind mitt "$P1"
check "... and P3 (halfway yesterday)" in_kind mitt "$P3"
check "... not P2 (halfway is today)" not_in_kind mitt "$P2"
check "summary late: P4 (due yesterday)" in_kind sammanfattning "$P4"
check "... not P5 (due today)" not_in_kind sammanfattning "$P5"
expect_body "the halfway day is shown" "<td data-label=\"Halva tiden\" class=\"late\">$(day -1)</td>"
expect_body "with a link to all of a kind" 'href="/deltagare?forsenad=mitt"'

# --- The inbox: counts with links
eq "the inbox" "$(aget "$U" /inkorg)" 200
expect_body "counts the planned ends passed" "Planerat slut har passerat (1)"
expect_body "counts the missing mid-term follow-ups" "Ingen mittuppföljning vid halva tiden (2)"
expect_body "counts the late summaries" "Sammanfattningar som inte skickats i tid (1)"
expect_body "links to the list" 'href="/deltagare?forsenad=sammanfattning"'
check "names no participant there" bash -c "! grep -q 'href=\"/deltagande/' '$BODY'"

# --- The participant list's filter and markers
eq "the list, late in any way" "$(aget "$U" "/deltagare?forsenad=alla")" 200
expect_body "counts the three (P1 is late twice)" "Visar 1–3 av 3"
check "lists P1" listed "$P1"
check "lists P3" listed "$P3"
check "lists P4" listed "$P4"
check "not P2" not_listed "$P2"
check "not P5" not_listed "$P5"
check "P1 is marked twice" bash -c "grep -o '<tr><td data-label=\"Namn\"><a href=\"/deltagande/$P1\">.*</tr>' '$BODY' | grep -q 'Planerat slut har passerat</strong> <strong class=\"late\">Mittuppföljning saknas'"
check "P4 is marked as a late summary" bash -c "grep -o '<tr><td data-label=\"Namn\"><a href=\"/deltagande/$P4\">.*</tr>' '$BODY' | grep -q 'Sammanfattning försenad'"
expect_body "the filter keeps its choice" '<option value="alla" selected>'
eq "the list, mid-term follow-ups" "$(aget "$U" "/deltagare?forsenad=mitt")" 200
check "lists P1 and P3 only" bash -c "[ \"\$(grep -o 'href=\"/deltagande/[0-9]*\"' '$BODY' | sort -u | wc -l)\" = 2 ] && grep -q '/deltagande/$P1\"' '$BODY' && grep -q '/deltagande/$P3\"' '$BODY'"
eq "the list, planned ends" "$(aget "$U" "/deltagare?forsenad=slut")" 200
check "lists P1" listed "$P1"
check "not P3" not_listed "$P3"
eq "a filter value it does not know: 400" "$(aget "$U" "/deltagare?forsenad=igar")" 400
expect_body "with a Swedish message" "Välj ett av alternativen."

# --- Another insats's staff see none of it
eq "the other insats's staff member's start page" "$(aget "$U2" /start)" 200
check "... has no overdue section" body_lacks 'id="forsenat-rubrik"'
eq "... and inbox" "$(aget "$U2" /inkorg)" 200
check "... counts nothing late" body_lacks 'id="forsenat-rubrik"'
eq "personal.fv's start page" "$(aget personal.fv /start)" 200
for p in "$P1" "$P3" "$P4"; do check "... does not link to $p" not_listed "$p"; done
eq "personal.fv's list of late ones" "$(aget personal.fv "/deltagare?forsenad=alla")" 200
for p in "$P1" "$P3" "$P4"; do check "... does not list $p" not_listed "$p"; done
eq "personal.fv's inbox" "$(aget personal.fv /inkorg)" 200
check "... has no link to the test insats's participations" not_listed "$P1"

# --- Resolved, each leaves the lists
# A mid-term follow-up held for P3 (a row of participation_midterm,
# sql/0039; written here until the follow-up form writes those rows: 15B).
q "INSERT INTO participation_midterm (participation_id, held_date, attendees, recorded_by)
	VALUES ($P3, '$(day 0)', 'Deltagaren, remittenten', $UID_)"
eq "P1's end registered today" "$(end_on "$P1" "$(day 0)")" 303
eq "P4's summary is sent" "$(send_summary "$(jar "$U")" "$P4")" 303
eq "the start page again" "$(aget "$U" /start)" 200
check "has no overdue section any more" body_lacks 'id="forsenat-rubrik"'
check "P3 is not listed (follow-up held)" not_listed "$P3"
check "P1 is not listed (ended)" not_listed "$P1"
check "P4 is not listed (summary sent)" not_listed "$P4"
eq "the list of late ones" "$(aget "$U" "/deltagare?forsenad=alla")" 200
expect_body "is empty" "Inga deltaganden med det urvalet."

done_testing
