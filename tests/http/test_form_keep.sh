# A form sent after its session ended is kept (issue 12, part 5): the login
# step says so, after logging in as the same account "Ditt formulär är
# sparat" shows it, and "Skicka igen" sends it once through the normal
# route. Another account gets nothing of it; a used or expired one does
# nothing; nothing of it is readable in the database, the logs or a URL.
. "$(dirname "$0")/lib.sh"

P=t_fk_$$
FK=$(org_id_of Försäkringskassan)
mk_account "${P}_a" "$FK" remittent
mk_account "${P}_b" "$FK" remittent
mk_account "${P}_t" "$FK" remittent
A_ID=$(staff_id_of "${P}_a")
B_ID=$(staff_id_of "${P}_b")
INSATS=$(q "SELECT MIN(id) FROM insats WHERE active = 1")
# Every form here is sent as a browser sends it from our own page.
SAME=(-H "Origin: $BASE")

# open_form JAR: the application form; its CSRF token in $FORM_CSRF.
open_form() {
	fetch -b "$1" -c "$1" "$BASE/ansokningar/ny" > /dev/null
	FORM_CSRF=$(form_csrf)
}
# send_form JAR CSRF TEXT [curl args…]: the draft application with TEXT as
# its background and a fresh personnummer; prints the status.
send_form() {
	local jar=$1 csrf=$2 text=$3
	shift 3
	fetch -b "$jar" -c "$jar" "$@" --data-urlencode "csrf=$csrf" \
		--data-urlencode "personnummer=$(dash "$(pnr 19800101)")" \
		--data-urlencode "fornamn=Kvar$$" --data-urlencode "efternamn=Testsson" \
		--data "insats=$INSATS" --data-urlencode "bakgrund=$text" --data "atgard=spara" \
		"$BASE/ansokningar/ny"
}
refs_with() { q "SELECT COUNT(*) FROM referral WHERE background = '$1'"; }
stashes() { q "SELECT COUNT(*) FROM form_stash"; }
# send_again JAR: "Skicka igen" with the session's token; prints the status.
send_again() {
	local csrf
	fetch -b "$1" "$BASE/formular/sparat" > /dev/null
	csrf=$(form_csrf)
	[ -n "$csrf" ] || { fetch -b "$1" "$BASE/start" > /dev/null; csrf=$(form_csrf); }
	fetch -b "$1" -c "$1" --data-urlencode "csrf=$csrf" "$BASE/formular/sparat/skicka"
}

q "DELETE FROM form_stash"

# --- 1. The session ends elsewhere ("Logga ut överallt") while the form is open
T1="Bakgrund ett $$ – lång text, åäö"
jar=$(new_jar)
eq "A logs in" "$(login "$jar" "${P}_a")" 303
open_form "$jar"
check "the form has a CSRF token" test -n "$FORM_CSRF"
end_everywhere "${P}_a"
check "the form's session is gone" test "$(q "SELECT COUNT(*) FROM session WHERE staff_id = $A_ID")" = 0
got=$(send_form "$jar" "$FORM_CSRF" "$T1" "${SAME[@]}")
eq "sending it is not a 403 but a way to log in (303)" "$got" 303
eq "to the login page" "$(location)" "/logga-in"
eq "nothing was created" "$(refs_with "$T1")" 0
eq "the form is kept (one row)" "$(stashes)" 1
eq "kept for A: the session row is gone, its end is recorded (sql/0023)" \
	"$(q "SELECT CONCAT(staff_id = $A_ID, owner_known) FROM form_stash")" "11"
expect_header "the browser's key is an HttpOnly cookie" "stegvis_form="
check "HttpOnly, SameSite=Strict, two hours" bash -c \
	"tr -d '\r' < '$HEAD' | grep -E '^Set-Cookie: stegvis_form=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict; Max-Age=7200$' > /dev/null"
key=$(stash_cookie "$jar")
check "the location holds nothing of the form" bash -c "! tr -d '\r' < '$HEAD' | grep -i '^location:' | grep -qiE 'Kvar|Bakgrund|ansokningar'"
eq "the database holds no plain text of it" \
	"$(q "SELECT COUNT(*) FROM form_stash WHERE LOCATE('Bakgrund ett $$', sealed) > 0 OR LOCATE('Kvar$$', sealed) > 0 OR LOCATE('ansokningar', sealed) > 0")" 0
eq "nor the browser's key" "$(q "SELECT COUNT(*) FROM form_stash WHERE handle = UNHEX('$key') OR LOCATE(UNHEX('$key'), sealed) > 0")" 0
expect_status "the login page" 200 -b "$jar" -c "$jar" "$BASE/logga-in"
expect_body "says the form is kept" "Det du skrev är sparat"
expect_body "and offers to throw it away" 'action="/formular/sparat/slang"'
eq "logging in as the same account" "$(login "$jar" "${P}_a")" 303
eq "leads to the kept form" "$(location)" "/formular/sparat"
eq "which is now bound to that account" "$(q "SELECT staff_id FROM form_stash")" "$A_ID"
eq "nothing is sent by logging in alone" "$(refs_with "$T1")" 0
expect_status "Ditt formulär är sparat" 200 -b "$jar" "$BASE/formular/sparat"
expect_body "the page" "Ditt formulär är sparat"
expect_body "shows what was typed" "$T1"
expect_body "with Skicka igen" ">Skicka igen</button>"
expect_body "and Avbryt" ">Avbryt</button>"
check "with no warning: the account was known" body_lacks "sparades för den som loggade in härnäst"
expect_header "no-store" "Cache-Control: no-store"
got=$(send_again "$jar")
eq "Skicka igen sends it through the normal route (303)" "$got" 303
check "to the new application" bash -c "[[ '$(location)' =~ ^/ansokningar/[0-9]+ ]]"
eq "the application is created exactly once" "$(refs_with "$T1")" 1
eq "by the same account" "$(q "SELECT remittent_id FROM referral WHERE background = '$T1'")" "$A_ID"
eq "the kept form is gone" "$(stashes)" 0
expect_header "and its cookie cleared" "stegvis_form=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
set_cookie "$jar" stegvis_form "$key"
got=$(send_again "$jar")
eq "a second Skicka igen, with the old cookie, does nothing (410)" "$got" 410
expect_body "and says so" "redan skickat"
eq "still exactly one application" "$(refs_with "$T1")" 1

# --- 1b. Idle timeout: the session row is still there, so the account is known
T2="Bakgrund två $$"
jar=$(new_jar)
login "$jar" "${P}_a" > /dev/null
open_form "$jar"
q "UPDATE session SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 31 MINUTE WHERE staff_id = $A_ID"
expect_status "the idle session is over" 303 -b "$jar" "$BASE/start"
got=$(send_form "$jar" "$FORM_CSRF" "$T2" "${SAME[@]}")
eq "sending after the idle timeout: to the login page (303)" "$got" 303
eq "kept for the session's own account" "$(q "SELECT CONCAT(staff_id, ' ', owner_known) FROM form_stash")" "$A_ID 1"

# --- 3. Another account logging in in the same browser gets nothing of it
eq "B logs in in the same browser" "$(login "$jar" "${P}_b")" 303
eq "and goes to start, not to the form" "$(location)" "/start"
expect_status "B asks for the kept form" 200 -b "$jar" "$BASE/formular/sparat"
check "B sees none of it" body_lacks "$T2"
check "nor any field of it" body_lacks "Kvar$$"
expect_body "only that it belongs to another account" "hör till ett annat konto"
got=$(send_again "$jar")
eq "B's Skicka igen does nothing (410)" "$got" 410
eq "nothing created for B" "$(refs_with "$T2")" 0
eq "still kept for A" "$(q "SELECT CONCAT(staff_id, ' ', claimed_at IS NULL) FROM form_stash")" "$A_ID 1"
got=$(post "$jar" /formular/sparat/avbryt)
eq "B's Avbryt changes nothing either" "$(q "SELECT staff_id FROM form_stash")" "$A_ID"
post "$jar" /logga-ut > /dev/null
eq "A logs in again in that browser" "$(login "$jar" "${P}_a")" 303
eq "and gets the kept form" "$(location)" "/formular/sparat"
expect_status "A's page" 200 -b "$jar" "$BASE/formular/sparat"
expect_body "shows it" "$T2"
check "with no warning: the account was known" body_lacks "sparades för den som loggade in härnäst"
eq "Skicka igen" "$(send_again "$jar")" 303
eq "A's application once" "$(refs_with "$T2")" 1

# --- 3b. A logs out; B logs in in the same browser; A's old tab sends its
# form. It is kept for A only: B sees nothing of it, and B's own session
# does not make it B's.
q "DELETE FROM form_stash"
jar3=$(new_jar)
eq "A logs in (3b)" "$(login "$jar3" "${P}_a")" 303
open_form "$jar3"
A_CSRF=$FORM_CSRF
post "$jar3" /logga-ut > /dev/null
eq "B logs in in that browser" "$(login "$jar3" "${P}_b")" 303
T3="Bakgrund tre $$"
st=$(send_form "$jar3" "$A_CSRF" "$T3" "${SAME[@]}")
eq "A's old tab sends: nothing created" "$(refs_with "$T3")" 0
eq "the form is kept for A, not for B who is logged in" \
	"$(q "SELECT CONCAT(staff_id, ' ', owner_known) FROM form_stash")" "$A_ID 1"
expect_status "B asks for the kept form" 200 -b "$jar3" "$BASE/formular/sparat"
check "B sees none of it" body_lacks "$T3"
eq "B's Skicka igen does nothing (410)" "$(send_again "$jar3")" 410
eq "nothing created for B" "$(refs_with "$T3")" 0
# A form whose owner nothing identifies (a token no session ever had),
# sent while B is logged in: not kept at all, least of all for B (it
# was before: the account logged in took it). 403 as before.
q "DELETE FROM form_stash"
st=$(send_form "$jar3" "$(printf '%064d' 7)" "Bakgrund fyra $$" "${SAME[@]}")
eq "a form from no known session is refused (403)" "$st" 403
eq "and not kept" "$(stashes)" 0

# --- 2. A stale CSRF token while the session lives (logged in again in another tab)
T3="Bakgrund tre $$"
jar=$(new_jar)
login "$jar" "${P}_a" > /dev/null
open_form "$jar"
old=$FORM_CSRF
post "$jar" /logga-ut > /dev/null
login "$jar" "${P}_a" > /dev/null # a new session, a new token
got=$(send_form "$jar" "$old" "$T3" "${SAME[@]}")
eq "a stale token with a live session: kept, to the page (303)" "$got" 303
eq "Ditt formulär är sparat directly" "$(location)" "/formular/sparat"
eq "nothing created yet" "$(refs_with "$T3")" 0
eq "bound to the live session's account" "$(q "SELECT staff_id FROM form_stash")" "$A_ID"
expect_status "the page" 200 -b "$jar" "$BASE/formular/sparat"
expect_body "shows it" "$T3"
eq "Skicka igen" "$(send_again "$jar")" 303
eq "created once" "$(refs_with "$T3")" 1

# Not from our own pages, or without any token: nothing kept, the 403 as before.
open_form "$jar"
got=$(send_form "$jar" "$(printf '%064d' 7)" "X$$" -H "Sec-Fetch-Site: cross-site" -H "Origin: $BASE")
eq "a cross-site POST is refused (403)" "$got" 403
got=$(send_form "$jar" "$(printf '%064d' 7)" "X$$" -H "Origin: http://evil.example")
eq "a foreign Origin is refused (403)" "$got" 403
got=$(send_form "$jar" "$(printf '%064d' 7)" "X$$")
eq "no Origin at all is refused (403)" "$got" 403
eq "none of them was kept" "$(stashes)" 0
anon=$(new_jar)
got=$(send_form "$anon" "$(printf '%064d' 7)" "X$$" "${SAME[@]}")
eq "a browser that never had a session gets the 403" "$got" 403
eq "and nothing is kept" "$(stashes)" 0

# --- Skicka igen runs every check again: an invalid form comes back filled in
jar=$(new_jar)
login "$jar" "${P}_a" > /dev/null
open_form "$jar"
end_everywhere "${P}_a"
T4="Bakgrund fyra $$"
got=$(fetch -b "$jar" -c "$jar" "${SAME[@]}" --data-urlencode "csrf=$FORM_CSRF" \
	--data-urlencode "personnummer=19800101-0012" --data-urlencode "fornamn=Kvar$$" \
	--data-urlencode "efternamn=Testsson" --data "insats=$INSATS" \
	--data-urlencode "bakgrund=$T4" --data "atgard=spara" "$BASE/ansokningar/ny")
eq "an invalid form is kept too" "$got" 303
login "$jar" "${P}_a" > /dev/null
got=$(send_again "$jar")
eq "Skicka igen: the handler's own validation (400)" "$got" 400
expect_body "its Swedish error" "Kontrollsiffran stämmer inte."
expect_body "the form again, filled in" ">$T4</textarea>"
eq "nothing created" "$(refs_with "$T4")" 0
eq "and the kept copy is used up" "$(stashes)" 0

# --- 4. A used, cancelled or expired one does nothing
jar=$(new_jar)
login "$jar" "${P}_a" > /dev/null
open_form "$jar"
end_everywhere "${P}_a"
T5="Bakgrund fem $$"
send_form "$jar" "$FORM_CSRF" "$T5" "${SAME[@]}" > /dev/null
login "$jar" "${P}_a" > /dev/null
eq "Avbryt" "$(post "$jar" /formular/sparat/avbryt)" 303
eq "removes it" "$(stashes)" 0
eq "nothing created" "$(refs_with "$T5")" 0

jar=$(new_jar)
login "$jar" "${P}_a" > /dev/null
open_form "$jar"
end_everywhere "${P}_a"
send_form "$jar" "$FORM_CSRF" "$T5" "${SAME[@]}" > /dev/null
q "UPDATE form_stash SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE"
eq "after two hours, logging in" "$(login "$jar" "${P}_a")" 303
eq "goes to start" "$(location)" "/start"
expect_status "the page" 200 -b "$jar" "$BASE/formular/sparat"
expect_body "says there is none" "Det finns inget sparat formulär"
check "and shows nothing of it" body_lacks "$T5"
eq "Skicka igen does nothing (410)" "$(send_again "$jar")" 410
eq "nothing created" "$(refs_with "$T5")" 0
eq "the expired row is removed" "$(stashes)" 0

# Thrown away from the login page by whoever is at the browser.
jar=$(new_jar)
login "$jar" "${P}_a" > /dev/null
open_form "$jar"
end_everywhere "${P}_a"
send_form "$jar" "$FORM_CSRF" "$T5" "${SAME[@]}" > /dev/null
fetch -b "$jar" -c "$jar" "$BASE/logga-in" > /dev/null
lcsrf=$(form_csrf)
expect_status "Släng det sparade formuläret" 303 -b "$jar" -c "$jar" \
	--data-urlencode "csrf=$lcsrf" "$BASE/formular/sparat/slang"
eq "removes it" "$(stashes)" 0
eq "the next login goes to start" "$(login "$jar" "${P}_b")" 303
eq "(start)" "$(location)" "/start"

# --- TOTP: the kept form survives the code step
totp_hex=3132333435363738393031323334353637383930
q "UPDATE staff SET totp_secret = UNHEX('$totp_hex'), totp_last_counter = NULL WHERE username = '${P}_t'"
code() { oathtool --totp "$totp_hex"; }
T6="Bakgrund sex $$"
jar=$(new_jar)
login "$jar" "${P}_t" > /dev/null
fetch -b "$jar" "$BASE/logga-in/kod" > /dev/null
csrf=$(form_csrf)
expect_status "the code" 303 -b "$jar" -c "$jar" --data-urlencode "csrf=$csrf" \
	--data-urlencode "kod=$(code)" "$BASE/logga-in/kod"
open_form "$jar"
q "UPDATE session SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 31 MINUTE WHERE staff_id = (SELECT id FROM staff WHERE username = '${P}_t')"
got=$(send_form "$jar" "$FORM_CSRF" "$T6" "${SAME[@]}")
eq "sent after the timeout: kept, to the login page" "$got" 303
eq "the password" "$(login "$jar" "${P}_t")" 303
eq "opens the code step" "$(location)" "/logga-in/kod"
expect_status "the code page" 200 -b "$jar" "$BASE/logga-in/kod"
expect_body "says the form is kept" "Formuläret du skickade är sparat"
csrf=$(form_csrf)
q "UPDATE staff SET totp_last_counter = NULL WHERE username = '${P}_t'"
expect_status "the code" 303 -b "$jar" -c "$jar" --data-urlencode "csrf=$csrf" \
	--data-urlencode "kod=$(code)" "$BASE/logga-in/kod"
eq "leads to the kept form" "$(location)" "/formular/sparat"
expect_status "which shows it" 200 -b "$jar" "$BASE/formular/sparat"
expect_body "what was typed" "$T6"
eq "Skicka igen" "$(send_again "$jar")" 303
eq "created once" "$(refs_with "$T6")" 1

# --- A forced new password first: the kept form waits for it too
T7="Bakgrund sju $$"
jar=$(new_jar)
login "$jar" "${P}_b" > /dev/null
open_form "$jar"
end_everywhere "${P}_b"
send_form "$jar" "$FORM_CSRF" "$T7" "${SAME[@]}" > /dev/null
q "UPDATE staff SET must_change_password = 1 WHERE id = $B_ID"
eq "a login that must change the password" "$(login "$jar" "${P}_b")" 303
eq "goes to the password page first" "$(location)" "/losenord"
NEWPW="Ett-nytt-langt-losen-$$"
fetch -b "$jar" "$BASE/losenord" > /dev/null
csrf=$(form_csrf)
got=$(fetch -b "$jar" -c "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "nuvarande=stegvis-demo" \
	--data-urlencode "nytt=$NEWPW" --data-urlencode "upprepa=$NEWPW" "$BASE/losenord")
eq "the new password is set" "$got" 303
eq "and then the kept form" "$(location)" "/formular/sparat"
eq "Skicka igen" "$(send_again "$jar")" 303
eq "created once" "$(refs_with "$T7")" 1

# --- Nothing of what was typed in any log
for t in "Bakgrund ett $$" "Bakgrund två $$" "Bakgrund tre $$" "Bakgrund fyra $$" "Bakgrund sex $$" "Bakgrund sju $$" "Kvar$$"; do
	check "'$t' is in no log" bash -c "! grep -rqF -- '$t' '$VAR/log/'"
	enc=$(printf '%s' "$t" | sed 's/ /+/g')
	check "nor URL-encoded ($enc)" bash -c "! grep -rqF -- '$enc' '$VAR/log/'"
done
done_testing
