# The second factor (TOTP): enrolment, the code step at login, replay,
# lockout, turning it off. Codes come from oathtool, not from our code.
. "$(dirname "$0")/lib.sh"

T=t_totp_$$
mk_account "$T" "$(org_of admin)" forbund "Test Totp"

jar=$(new_jar)
login "$jar" "$T" > /dev/null
expect_status "the enrolment page" 200 -b "$jar" "$BASE/tvastegs"
expect_body "shows a QR code" '<svg class="qr"'
expect_body "draws it with rects, no script" '<rect x="'
secret=$(grep -o '<code class="secret">[A-Z2-7]*' "$BODY" | sed 's/.*>//')
check "and the key in base32 (32 characters for 160 bits)" test "${#secret}" = 32
fetch -b "$jar" "$BASE/tvastegs" > /dev/null
check "the same key until it is used" grep -q "$secret" "$BODY"

got=$(post "$jar" /tvastegs/aktivera --data-urlencode "kod=000000")
check "a wrong code does not switch it on ($got)" test "$got" = 400
expect_body "and says so in Swedish" "Koden stämmer inte"
check "still off" test "$(sql_admin "SELECT totp_secret IS NULL FROM staff WHERE username = '$T'")" = 1
got=$(post "$jar" /tvastegs/aktivera --data-urlencode "kod=$(totp "$secret")")
check "the app's code switches it on" test "$got" = 303
check "the secret is now active" test "$(sql_admin "SELECT totp_secret IS NOT NULL AND totp_pending IS NULL FROM staff WHERE username = '$T'")" = 1
expect_status "the page says it is on" 200 -b "$jar" "$BASE/tvastegs"
expect_body "on" "Tvåstegsverifiering är påslagen"
check "switching on is in the access log" test \
	"$(sql_admin "SELECT COUNT(*) FROM audit_log WHERE username = '$T' AND detail = 'second factor on'")" = 1

# --- Login now needs the code
j2=$(new_jar)
got=$(login "$j2" "$T")
check "the password alone leads to the code page" test "$got" = 303
expect_header "(to /logga-in/kod)" "Location: /logga-in/kod"
expect_status "nothing else opens yet" 303 -b "$j2" "$BASE/start"
expect_header "every page sends back to the code" "Location: /logga-in/kod"
expect_status "a POST elsewhere is refused" 403 -b "$j2" --data "csrf=x" "$BASE/losenord"
expect_status "the code page" 200 -b "$j2" "$BASE/logga-in/kod"
csrf=$(form_csrf)
expect_status "a wrong code" 400 -b "$j2" -c "$j2" --data-urlencode "csrf=$csrf" \
	--data-urlencode "kod=123456" "$BASE/logga-in/kod"
expect_body "is refused in Swedish" "Koden stämmer inte"
half=$(jar_session "$j2")
# A code already used (at enrolment, this same step) is not accepted again.
sleep_to_next_step
code=$(totp "$secret")
expect_status "the right code" 303 -b "$j2" -c "$j2" --data-urlencode "csrf=$csrf" \
	--data-urlencode "kod=$code" "$BASE/logga-in/kod"
expect_header "goes on to start" "Location: /start"
check "and gets a new session id" test "$(jar_session "$j2")" != "$half"
expect_status "now the start page opens" 200 -b "$j2" "$BASE/start"
check "the half session is gone" test "$(curl -s -o /dev/null -w '%{http_code}' -b "stegvis_session=$half" "$BASE/start")" = 303

j3=$(new_jar)
login "$j3" "$T" > /dev/null
fetch -b "$j3" "$BASE/logga-in/kod" > /dev/null
csrf=$(form_csrf)
expect_status "the same code a second time (replay) is refused" 400 -b "$j3" -c "$j3" \
	--data-urlencode "csrf=$csrf" --data-urlencode "kod=$code" "$BASE/logga-in/kod"

# --- Wrong codes count toward the lockout; a locked account loses the half session
for _ in 1 2 3 4; do
	fetch -b "$j3" -c "$j3" --data-urlencode "csrf=$csrf" --data-urlencode "kod=999999" "$BASE/logga-in/kod" > /dev/null
done
check "five wrong codes lock the account" test \
	"$(sql_admin "SELECT locked_until > UTC_TIMESTAMP() FROM staff WHERE username = '$T'")" = 1
expect_status "and the half session ends" 303 -b "$j3" "$BASE/logga-in/kod"
expect_header "(back to the login form)" "Location: /logga-in"
sql_admin "UPDATE staff SET locked_until = NULL, failed_logins = 0 WHERE username = '$T';
	DELETE FROM login_failure WHERE remote_addr = '127.0.0.1'"

# --- Turning it off needs a code too
sleep_to_next_step
got=$(post "$j2" /tvastegs/stang --data-urlencode "kod=000000")
check "a wrong code does not switch it off" test "$got" = 400
got=$(post "$j2" /tvastegs/stang --data-urlencode "kod=$(totp "$secret")")
check "the right code switches it off" test "$got" = 303
check "the secret is gone" test "$(sql_admin "SELECT totp_secret IS NULL FROM staff WHERE username = '$T'")" = 1
j4=$(new_jar)
got=$(login "$j4" "$T")
check "and the password alone logs in again" test "$got" = 303
expect_header "(straight to start)" "Location: /start"
done_testing
