# The participation page's forms open on demand (issue 19): the page shows
# the facts and a link per action; each form is its own view
# (/deltagande/:id?form=x) that renders only that form; a POST with errors
# shows that form again with what was typed.
. "$(dirname "$0")/lib.sh"

log_in FV personal.fv
# One in progress and one ended, of personal.fv's insats.
OPEN=$(q "SELECT MIN(p.id) FROM participation p JOIN staff_insats si
	ON si.insats_id = p.insats_id JOIN staff s ON s.id = si.staff_id
	WHERE s.username = 'personal.fv' AND p.status = 'inskriven'")
ENDED=$(q "SELECT MIN(p.id) FROM participation p JOIN staff_insats si
	ON si.insats_id = p.insats_id JOIN staff s ON s.id = si.staff_id
	WHERE s.username = 'personal.fv' AND p.status = 'avslutad'")
check "fixture: one in progress, one ended" test -n "$OPEN" -a -n "$ENDED"

# form NAME POST-PATH: the page links to it and lacks it; its own view has
# it and no other form of the page.
FORMS="plan mittuppfoljning forlangning avslut malgrupp sus"
expect_status "the page in progress" 200 -b "$FV" "$BASE/deltagande/$OPEN"
cp "$BODY" "$LIB_TMP/page.html"
for f in $FORMS; do
	action=$f
	[ "$f" = sus ] && action=sus-uppgifter
	check "the page links to the $f form" grep -qF "href=\"/deltagande/$OPEN?form=$f\"" "$LIB_TMP/page.html"
	check "… without the form itself" bash -c '! grep -qF "$1" "$2"' _ \
		"action=\"/deltagande/$OPEN/$action\"" "$LIB_TMP/page.html"
	expect_status "the $f form on its own" 200 -b "$FV" "$BASE/deltagande/$OPEN?form=$f"
	expect_body "… is that form" "action=\"/deltagande/$OPEN/$action\""
	check "… and only that form" test "$(grep -c '<form method="post" action="/deltagande/' "$BODY")" -eq 1
	check "… with a way back" body_has "href=\"/deltagande/$OPEN\""
done
check "the page without the forms is light (under 20 KB)" \
	test "$(stat -c %s "$LIB_TMP/page.html")" -lt 20000
expect_status "an unknown form is not found" 404 -b "$FV" "$BASE/deltagande/$OPEN?form=okand"
expect_status "another insats's staff do not get a form" 404 -b "$(session TR personal.tramp; echo "$TR")" \
	"$BASE/deltagande/$OPEN?form=plan"

# The ended one: its follow-up form opens on demand; the forms of an open
# one say they cannot be used.
expect_status "the ended page" 200 -b "$FV" "$BASE/deltagande/$ENDED"
check "… has no plan link" body_lacks "?form=plan"
expect_status "its plan form" 200 -b "$FV" "$BASE/deltagande/$ENDED?form=plan"
expect_body "… cannot be used" "Formuläret kan inte användas för deltagandet nu."
check "… and is not there" body_lacks "action=\"/deltagande/$ENDED/plan\""

# A POST with errors: that form again, with the input, not the page.
V=$(q "SELECT version FROM participation WHERE id = $OPEN")
fetch -b "$FV" "$BASE/deltagande/$OPEN?form=forlangning" > /dev/null
K=$(hidden skapanyckel)
got=$(post "$FV" "/deltagande/$OPEN/forlangning" --data "version=$V" --data-urlencode "skapanyckel=$K" \
	--data "nytt_slut=2025-13-40" --data-urlencode "orsak=Behöver mer tid $$")
eq "an extension with a bad date is 400" "$got" 400
expect_body "… the extension form again" "<h1>Förläng deltagandet</h1>"
expect_body "… with the reason typed" "value=\"Behöver mer tid $$\""
expect_body "… and its key" "value=\"$K\""
check "… not the whole page" body_lacks 'id="vem-har-tittat"'

done_testing
