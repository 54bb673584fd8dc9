#!/usr/bin/env bash
# Several förbund, each on a host name of its own (forbund.public_host,
# sql/0071), one base_url in the conf (issue 20):
# - a form sent after its session ended, from a page on a second förbund's
#   host name by a browser that sends Origin but no Sec-Fetch-Site, is kept
#   and offered again after the login, as on base_url's host (Origin equal
#   to base_url's scheme and port with the name asked for); another
#   origin's is not;
# - the questionnaire links an admin makes name the admin's förbund's host
#   name (base_url's scheme and port), or base_url when it has none; a
#   change of the host name is in the next page.
. "$(dirname "$0")/lib.sh"

P=t_fh_$$
PORT=${BASE##*:}
PORT=${PORT%%/*}
H2="fh-$$.stegvis.localhost"
H1="fh1-$$.stegvis.localhost"
# Every host name here is this machine (curl asks for the name given).
curl() { command curl --resolve "$H2:$PORT:127.0.0.1" --resolve "$H1:$PORT:127.0.0.1" "$@"; }
BASE0=$BASE

mk_forbund F2 "FH$$" "$H2"
check "a second förbund with a host name" test -n "$F2"
O2=$(office_of "$F2")
mk_account "${P}_rem" "$O2" remittent "Remittent Värdnamn"
REM2=$(staff_id_of "${P}_rem")
stashes() { q "SELECT COUNT(*) FROM form_stash WHERE staff_id = $REM2"; }

# --- 1. The form kept on the förbund's own host name
BASE="http://$H2:$PORT"
O_HOST=(-H "Origin: $BASE")
# send JAR CSRF TEXT [curl args…]: a staff form (a new application) with
# TEXT in it; prints the status.
send() {
	local jar=$1 csrf=$2 text=$3
	shift 3
	fetch -b "$jar" -c "$jar" "$@" --data-urlencode "csrf=$csrf" \
		--data-urlencode "fornamn=Värd$$" --data-urlencode "efternamn=Namnsson" \
		--data-urlencode "bakgrund=$text" --data "atgard=spara" "$BASE/ansokningar/ny"
}
# ended JAR: JAR logged in as the remittent, the CSRF token of a page in
# $CSRF, and then the session ended elsewhere.
ended() {
	eq "the remittent logs in on the förbund's host name" "$(login "$1" "${P}_rem")" 303
	fetch -b "$1" -c "$1" "$BASE/start" > /dev/null
	CSRF=$(form_csrf)
	check "... a page with a CSRF token" test -n "$CSRF"
	end_everywhere "${P}_rem"
}
q "DELETE FROM form_stash WHERE staff_id = $REM2"
jar=$(new_jar)
ended "$jar"
T1="Bakgrund på eget värdnamn $$"
got=$(send "$jar" "$CSRF" "$T1" "${O_HOST[@]}")
eq "sent with Origin of the förbund's host, no Sec-Fetch-Site: to the login (303)" "$got" 303
eq "... the login page" "$(location)" "/logga-in"
eq "... the form is kept" "$(stashes)" 1
eq "logging in again" "$(login "$jar" "${P}_rem")" 303
expect_status "the kept form is offered" 200 -b "$jar" -c "$jar" "$BASE/formular/sparat"
expect_body "... with what was typed" "$T1"
expect_body "... to send again" "Skicka igen"

# Another origin's form, to the same host: never kept (the 403 as before).
q "DELETE FROM form_stash WHERE staff_id = $REM2"
jar=$(new_jar)
ended "$jar"
got=$(send "$jar" "$CSRF" "X$$" -H "Origin: http://evil.example")
eq "another site's Origin: 403" "$got" 403
got=$(send "$jar" "$CSRF" "X$$" -H "Origin: http://$H1:$PORT")
eq "another förbund's host name as Origin: 403" "$got" 403
got=$(send "$jar" "$CSRF" "X$$" -H "Origin: https://$H2:$PORT")
eq "the host under another scheme than base_url's: 403" "$got" 403
got=$(send "$jar" "$CSRF" "X$$")
eq "no Origin at all: 403" "$got" 403
got=$(send "$jar" "$CSRF" "X$$" -H "Sec-Fetch-Site: cross-site" "${O_HOST[@]}")
eq "Sec-Fetch-Site cross-site decides, whatever the Origin: 403" "$got" 403
eq "none of them kept" "$(stashes)" 0
# The förbund's Origin sent to the base_url's host: not that origin.
BASE=$BASE0
jar=$(new_jar)
ended "$jar"
got=$(send "$jar" "$CSRF" "X$$" "${O_HOST[@]}")
eq "the förbund's host as Origin of a request to base_url's host: 403" "$got" 403
eq "... not kept" "$(stashes)" 0
got=$(send "$jar" "$CSRF" "Bakgrund på base_url $$" -H "Origin: $BASE0")
eq "base_url's own origin, as before: kept (303)" "$got" 303
eq "... kept" "$(stashes)" 1
q "DELETE FROM form_stash WHERE staff_id = $REM2"

# --- 2. Questionnaire links name the förbund's host name
# The demo's first förbund's admin makes the links (each förbund's own,
# sql/0075): that förbund is given a host name here, and its none again at
# exit.
DEMO_F=$(q "SELECT forbund_id FROM staff WHERE username = 'admin'")
OLD_HOST=$(q "SELECT IFNULL(public_host, '') FROM forbund WHERE id = $DEMO_F")
at_exit "q \"UPDATE forbund SET public_host = NULLIF('$OLD_HOST', '') WHERE id = $DEMO_F\" > /dev/null 2>&1"
CQ=$(q "SELECT id FROM questionnaire WHERE code = 'chefer' AND is_active = 1 AND forbund_id = $DEMO_F")
links() { grep -oE 'https?://[^"<> ]*/enkat/lank/[0-9a-f]{64}' "$BODY" | head -n 1; }

q "UPDATE forbund SET public_host = NULL WHERE id = $DEMO_F"
eq "the demo's admin logs in" "$(as admin)" 303
eq "a personal link, no host name set" "$(apost admin "/admin/enkater/$CQ/lankar" --data-urlencode antal=1)" 200
L=$(links)
check "... on base_url ($L)" test "${L%/enkat/lank/*}" = "$BASE0"

q "UPDATE forbund SET public_host = '$H1' WHERE id = $DEMO_F"
eq "with its host name set: the next link" "$(apost admin "/admin/enkater/$CQ/lankar" --data-urlencode antal=1)" 200
L=$(links)
check "... names it, base_url's scheme and port ($L)" test "${L%/enkat/lank/*}" = "http://$H1:$PORT"
LJ=$(new_jar)
expect_status "... and opens there" 200 -c "$LJ" -b "$LJ" "$L"
expect_body "... the survey's start" 'name="csrf"'
q "UPDATE forbund SET public_host = NULLIF('$OLD_HOST', '') WHERE id = $DEMO_F"

done_testing
