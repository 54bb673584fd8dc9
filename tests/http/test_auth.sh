# Login, sessions, CSRF, lockout and the access log.
. "$(dirname "$0")/lib.sh"

# A throw-away account with the demo password (copied hash), so lockout and
# password tests never touch the demo accounts other tests log in as.
T=t_auth_$$
mk_account "$T" "$(org_of admin)" remittent "Test Auth"

# --- Password storage
hash=$(sql_admin "SELECT password_hash FROM staff WHERE username = 'admin'")
check "passwords are Argon2id hashes" grep -qE '^\$argon2id\$v=19\$m=[0-9]+,t=[0-9]+,p=1\$' <<< "$hash"

# --- Login and the session cookie
jar=$(new_jar)
expect_status "the login page" 200 -c "$jar" "$BASE/logga-in"
expect_body "login page has a CSRF field" 'name="csrf"'
check "login page sets the pre-login CSRF cookie" grep -q "stegvis_login" "$jar"
got=$(login "$jar" "$T")
check "a good login redirects (303)" test "$got" = 303
expect_header "to the start page" "Location: /start"
expect_header "session cookie is HttpOnly" "HttpOnly"
expect_header "session cookie is SameSite=Strict" "SameSite=Strict"
check "the session cookie holds 256 random bits (64 hex)" bash -c "[[ \$(awk '\$6==\"stegvis_session\"{print \$7}' '$jar') =~ ^[0-9a-f]{64}\$ ]]"
tok=$(jar_session "$jar")
check "only the token's hash is stored, never the token" test \
	"$(sql_admin "SELECT COUNT(*) FROM session WHERE token_hash = UNHEX('$tok') OR HEX(token_hash) = UPPER('$tok')")" = 0
expect_status "the start page after login" 200 -b "$jar" "$BASE/start"
expect_body "start greets by name" "Välkommen, Test Auth"
expect_header "pages for a logged-in user are no-store" "Cache-Control: no-store"
check "the login is in the access log" test \
	"$(sql_admin "SELECT COUNT(*) FROM audit_log WHERE username = '$T' AND action = 'login'")" -ge 1

# --- Session id rotates at login: logging in over a live session ends it
old=$(jar_session "$jar")
pre=$(new_jar)
fetch -c "$pre" "$BASE/logga-in" > /dev/null
pcsrf=$(form_csrf)
fresh=$(new_jar)
fetch -c "$fresh" -H "Cookie: stegvis_session=$old; stegvis_login=$pcsrf" \
	--data-urlencode "csrf=$pcsrf" --data-urlencode "anvandarnamn=$T" \
	--data-urlencode "losenord=stegvis-demo" "$BASE/logga-in" > /dev/null
new=$(jar_session "$fresh")
check "a login over a live session gives a new session id" test -n "$new" -a "$old" != "$new"
check "the old session no longer exists" test \
	"$(curl -s -o /dev/null -w '%{http_code}' -b "stegvis_session=$old" "$BASE/start")" = 303
jar=$fresh
expect_status "a logged-in user opening the login page goes to start" 303 -b "$jar" "$BASE/logga-in"
expect_status "an Authorization: Basic header does not hide the session" 200 \
	-b "$jar" -H "Authorization: Basic YWRtaW46eA==" "$BASE/start"

# --- Not logged in
expect_status "anonymous GET of a staff page goes to login" 303 "$BASE/start"
expect_header "login remembers nothing for /start" "Location: /logga-in"
expect_status "a made-up session cookie is anonymous" 303 -b "stegvis_session=$(printf '%064d' 0)" "$BASE/start"
expect_status "anonymous POST is 403" 403 --data "csrf=x" "$BASE/logga-ut"

# --- Failed logins: one generic message, no user enumeration
j2=$(new_jar)
login "$j2" "$T" "wrong-password" > /dev/null
expect_body "wrong password: generic message" "Inloggningen misslyckades"
wrongpw=$(grep -o 'Inloggningen misslyckades[^<]*' "$BODY")
check "wrong password sets no session" bash -c "! grep -q stegvis_session '$j2'"
login "$j2" "ingen.sadan.$$" "wrong-password" > /dev/null
nouser=$(grep -o 'Inloggningen misslyckades[^<]*' "$BODY")
check "unknown user: the very same message" test -n "$nouser" -a "$nouser" = "$wrongpw"
expect_body "the typed user name is kept" "value=\"ingen.sadan.$$\""
check "failed logins are in the access log" test \
	"$(sql_admin "SELECT COUNT(*) FROM audit_log WHERE username = 'ingen.sadan.$$' AND action = 'login_failed'")" = 1
got=$(login "$j2" "åsa.öberg" "wrong-password")
check "a non-ASCII user name is just a failed login, not an error ($got)" test "$got" = 200
expect_body "with the generic message" "Inloggningen misslyckades"
expect_status "login without the pre-login CSRF cookie is 403" 403 \
	--data "csrf=$(printf '%064d' 1)&anvandarnamn=$T&losenord=stegvis-demo" "$BASE/logga-in"
clear_failures

# --- Lockout per account: 5 failures lock it, even for the right password
for _ in 1 2 3 4 5; do login "$j2" "$T" "wrong-password" > /dev/null; done
check "the account is locked after 5 failures" test \
	"$(sql_admin "SELECT locked_until > UTC_TIMESTAMP() FROM staff WHERE username = '$T'")" = 1
got=$(login "$j2" "$T")
check "a locked account refuses the right password" test "$got" = 200
expect_body "with the same generic message" "Inloggningen misslyckades"
sql_admin "UPDATE staff SET locked_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE username = '$T'"
got=$(login "$j2" "$T")
check "when the lock has passed, the right password works" test "$got" = 303
check "and the failure count is reset" test \
	"$(sql_admin "SELECT failed_logins FROM staff WHERE username = '$T'")" = 0
clear_failures

# --- Back-off per address: 20 recent failures refuse every login from it
sql_admin "INSERT INTO login_failure (username, remote_addr, at)
	SELECT 'x', '127.0.0.1', UTC_TIMESTAMP() FROM seq_1_to_20"
j3=$(new_jar)
got=$(login "$j3" "$T")
check "an address with 20 recent failures is refused" test "$got" = 200
expect_body "with the generic message" "Inloggningen misslyckades"
clear_failures
got=$(login "$j3" "$T")
check "after the window, the address may log in again" test "$got" = 303

# --- CSRF: missing or wrong token -> 403 and nothing changes
expect_status "POST /logga-ut without CSRF is 403" 403 -b "$j3" -c "$j3" --data "" "$BASE/logga-ut"
expect_body "the 403 page is Swedish" "Åtkomst nekad"
expect_status "POST /logga-ut with a wrong token is 403" 403 -b "$j3" -c "$j3" \
	--data "csrf=$(printf '%064d' 7)" "$BASE/logga-ut"
expect_status "the session survived both" 200 -b "$j3" "$BASE/start"
before=$(sql_admin "SELECT password_hash FROM staff WHERE username = '$T'")
expect_status "POST /losenord with a wrong token is 403" 403 -b "$j3" \
	--data "csrf=bad&nuvarande=stegvis-demo&nytt=ett-helt-nytt-losenord&upprepa=ett-helt-nytt-losenord" \
	"$BASE/losenord"
check "and the password is unchanged" test "$before" = "$(sql_admin "SELECT password_hash FROM staff WHERE username = '$T'")"

# --- Password change
got=$(post "$j3" /losenord --data-urlencode "nuvarande=fel" \
	--data-urlencode "nytt=kort" --data-urlencode "upprepa=annat")
check "a bad password change is 400" test "$got" = 400
expect_body "wrong current password is named" "Det nuvarande lösenordet stämmer inte."
expect_body "too short is named" "Lösenordet måste ha minst 12 tecken."
expect_body "mismatch is named" "Lösenorden är inte lika."
# Guessing the current password from a logged-in session counts toward the
# lockout too (4 more wrong after the one above make 5).
for _ in 1 2 3 4; do
	post "$j3" /losenord --data-urlencode "nuvarande=fel" --data-urlencode "nytt=x" \
		--data-urlencode "upprepa=x" > /dev/null
done
got=$(post "$j3" /losenord --data-urlencode "nuvarande=stegvis-demo" \
	--data-urlencode "nytt=ett-helt-nytt-losenord" --data-urlencode "upprepa=ett-helt-nytt-losenord")
check "after 5 wrong current passwords even the right one is refused ($got)" test "$got" = 400
expect_body "with a message to wait" "För många felaktiga försök"
sql_admin "UPDATE staff SET locked_until = NULL, failed_logins = 0 WHERE username = '$T'"
j4=$(new_jar)
login "$j4" "$T" > /dev/null
got=$(post "$j3" /losenord --data-urlencode "nuvarande=stegvis-demo" \
	--data-urlencode "nytt=en lång mening som lösenord" --data-urlencode "upprepa=en lång mening som lösenord")
check "a good password change redirects" test "$got" = 303
expect_header "back to start, with a message" "Location: /start?losenord=bytt"
expect_status "the session that changed it lives on" 200 -b "$j3" "$BASE/start?losenord=bytt"
expect_body "and says the password is changed" "Ditt lösenord är bytt"
expect_status "other sessions of the account are ended" 303 -b "$j4" "$BASE/start"
check "the old password no longer works" test "$(login "$(new_jar)" "$T")" = 200
check "the new one does" test "$(login "$(new_jar)" "$T" "en lång mening som lösenord")" = 303
clear_failures

# --- Forced change after an admin reset
sql_admin "UPDATE staff SET must_change_password = 1 WHERE username = '$T'"
j5=$(new_jar)
login "$j5" "$T" "en lång mening som lösenord" > /dev/null
expect_header "a forced change goes to the password page" "Location: /losenord"
expect_status "every other page redirects there too" 303 -b "$j5" "$BASE/start"
expect_header "to /losenord" "Location: /losenord"
expect_status "the password page itself opens" 200 -b "$j5" "$BASE/losenord"
expect_body "and says why" "Du behöver välja ett nytt lösenord"
sql_admin "UPDATE staff SET must_change_password = 0 WHERE username = '$T'"

# --- Timeouts
j6=$(new_jar)
login "$j6" "$T" "en lång mening som lösenord" > /dev/null
sql_admin "UPDATE session s JOIN staff st ON st.id = s.staff_id SET s.last_seen_at = UTC_TIMESTAMP() - INTERVAL 29 MINUTE WHERE st.username = '$T'"
expect_status "29 idle minutes: still logged in" 200 -b "$j6" "$BASE/start"
sql_admin "UPDATE session s JOIN staff st ON st.id = s.staff_id SET s.last_seen_at = UTC_TIMESTAMP() - INTERVAL 31 MINUTE WHERE st.username = '$T'"
expect_status "31 idle minutes: logged out" 303 -b "$j6" "$BASE/start"
j7=$(new_jar)
login "$j7" "$T" "en lång mening som lösenord" > /dev/null
sql_admin "UPDATE session s JOIN staff st ON st.id = s.staff_id SET s.created_at = UTC_TIMESTAMP() - INTERVAL 10 HOUR - INTERVAL 1 MINUTE WHERE st.username = '$T'"
expect_status "past 10 hours: logged out however active" 303 -b "$j7" "$BASE/start"

# --- Logout, here and everywhere
j8=$(new_jar); j9=$(new_jar)
login "$j8" "$T" "en lång mening som lösenord" > /dev/null
login "$j9" "$T" "en lång mening som lösenord" > /dev/null
got=$(post "$j8" /logga-ut)
check "logout redirects" test "$got" = 303
expect_status "after logout the session is gone" 303 -b "$j8" "$BASE/start"
expect_status "another session of the account lives" 200 -b "$j9" "$BASE/start"
login "$j8" "$T" "en lång mening som lösenord" > /dev/null
post "$j8" /logga-ut-overallt > /dev/null
expect_status "logout everywhere ends this session" 303 -b "$j8" "$BASE/start"
expect_status "and every other" 303 -b "$j9" "$BASE/start"
check "logouts are in the access log" test \
	"$(sql_admin "SELECT COUNT(*) FROM audit_log WHERE username = '$T' AND action = 'logout'")" -ge 2

# --- Roles are read on every request: one granted or removed counts at
# the next request of a live session (the session look-up returns a row
# per role, folded in C: every row's role counts, and none is none)
j11=$(new_jar)
login "$j11" "$T" "en lång mening som lösenord" > /dev/null
expect_status "a remittent's own list" 200 -b "$j11" "$BASE/ansokningar"
expect_status "a remittent is refused the admin pages" 403 -b "$j11" "$BASE/admin"
sql_admin "INSERT INTO staff_role (staff_id, role) SELECT id, 'admin' FROM staff WHERE username = '$T'"
expect_status "a role granted counts at the next request" 200 -b "$j11" "$BASE/admin"
expect_status "and the other role still does" 200 -b "$j11" "$BASE/ansokningar"
sql_admin "DELETE r FROM staff_role r JOIN staff s ON s.id = r.staff_id WHERE s.username = '$T' AND r.role = 'remittent'"
expect_status "a role removed counts at the next request" 403 -b "$j11" "$BASE/ansokningar"
expect_status "while the one left still counts" 200 -b "$j11" "$BASE/admin"
sql_admin "DELETE r FROM staff_role r JOIN staff s ON s.id = r.staff_id WHERE s.username = '$T' AND r.role = 'admin'"
expect_status "with no role left, no admin page" 403 -b "$j11" "$BASE/admin"
expect_status "and no remittent page" 403 -b "$j11" "$BASE/ansokningar"
sql_admin "INSERT INTO staff_role (staff_id, role) SELECT id, 'remittent' FROM staff WHERE username = '$T'"
expect_status "the role given back counts at once" 200 -b "$j11" "$BASE/ansokningar"

# --- Deactivated accounts lose their sessions at once
j10=$(new_jar)
login "$j10" "$T" "en lång mening som lösenord" > /dev/null
sql_admin "UPDATE staff SET active = 0 WHERE username = '$T'"
expect_status "a deactivated account's session stops working" 303 -b "$j10" "$BASE/start"
check "and it cannot log in" test "$(login "$(new_jar)" "$T" "en lång mening som lösenord")" = 200
clear_failures

# --- The access log is append-only for the application's account
n=$(sql_admin "SELECT COUNT(*) FROM audit_log")
check "the app's account cannot UPDATE the access log" grep -q "denied" <<< "$(sql_app "UPDATE audit_log SET detail = 'x'")"
check "the app's account cannot DELETE from the access log" grep -q "denied" <<< "$(sql_app "DELETE FROM audit_log")"
check "not even an administrator can UPDATE it" grep -q "append-only" <<< \
	"$(sql_admin "UPDATE audit_log SET detail = 'x' LIMIT 1" 2>&1)"
check "or DELETE from it" grep -q "append-only" <<< "$(sql_admin "DELETE FROM audit_log LIMIT 1" 2>&1)"
check "the log is intact" test "$(sql_admin "SELECT COUNT(*) FROM audit_log")" = "$n"
row=$(sql_admin "SELECT remote_addr, LENGTH(request_id) FROM audit_log WHERE username = '$T' AND action = 'login' LIMIT 1")
check "log rows have the address and nginx's request id" test "$row" = "$(printf '127.0.0.1\t32')"
done_testing
