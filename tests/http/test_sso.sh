# SSO mode: the user name comes from a FastCGI param that nginx sets, never
# from a request header. A second stegvis with sso_header_param set
# (own_stegvis), spoken to directly over FastCGI (no nginx), on the same
# database.
. "$(dirname "$0")/lib.sh"

d=$(mktemp -d)
own_stegvis "$d" "sso_header_param = STEGVIS_SSO_USER"

# fcgi_get PATH [NAME=VALUE…]: a GET straight to the socket; the raw CGI
# response (headers, blank line, body) goes to $BODY.
fcgi_get() {
	local path=$1
	shift
	env -i REQUEST_METHOD=GET DOCUMENT_URI="$path" QUERY_STRING= \
		REMOTE_ADDR=127.0.0.1 REQUEST_ID=sso-test "$@" \
		bash "$ROOT/tests/http/fcgi_call.sh" "$d/own.sock" > "$BODY"
}

fcgi_get /start STEGVIS_SSO_USER=personal.fv
expect_body "the SSO param logs the user in" "Välkommen, "
expect_body "as the named account" "Friska Vindar 2.0"
expect_body "and starts a session (for CSRF)" "Set-Cookie: stegvis_session="
cookie=$(grep -o 'stegvis_session=[0-9a-f]*' "$BODY" | head -n 1)
fcgi_get /start STEGVIS_SSO_USER=personal.fv HTTP_COOKIE="$cookie"
check "the session is reused while the SSO user is the same" bash -c "! grep -q 'Set-Cookie: stegvis_session' '$BODY'"
fcgi_get /start STEGVIS_SSO_USER=remittent.fk HTTP_COOKIE="$cookie"
expect_body "another SSO user gets a session of their own" "Set-Cookie: stegvis_session="
check "and never the previous user's page" bash -c "! grep -q 'Friska Vindar 2.0' '$BODY'"
fcgi_get /start HTTP_STEGVIS_SSO_USER=admin
expect_body "a request header of the same name is ignored" "Status: 303"
fcgi_get /start STEGVIS_SSO_USER=ingen.sadan
expect_body "an unknown SSO user is not logged in" "Status: 303"
# A förbund switched off: its account is not logged in, and no session
# row is written for it on every request.
F2=$(forbund_id_of EXEMPEL)
at_exit "q 'UPDATE forbund SET active = 1 WHERE id = $F2'"
q "UPDATE forbund SET active = 0 WHERE id = $F2"
sessions_before=$(q "SELECT COUNT(*) FROM session s JOIN staff st ON st.id = s.staff_id WHERE st.username = 'remittent.exempel'")
fcgi_get /start STEGVIS_SSO_USER=remittent.exempel
expect_body "an SSO user of a förbund switched off is not logged in" "Status: 303"
check "... gets no session cookie" bash -c "! grep -q 'Set-Cookie: stegvis_session=[0-9a-f]' '$BODY'"
fcgi_get /start STEGVIS_SSO_USER=remittent.exempel
eq "... and no session row, however often asked" \
	"$(q "SELECT COUNT(*) FROM session s JOIN staff st ON st.id = s.staff_id WHERE st.username = 'remittent.exempel'")" "$sessions_before"
q "UPDATE forbund SET active = 1 WHERE id = $F2"
fcgi_get /start STEGVIS_SSO_USER=remittent.exempel
expect_body "switched on again, the SSO user is logged in" "Välkommen, "
check "an HTTP_* sso param is refused by the conf" bash -c \
	"printf 'sso_header_param = HTTP_X_USER\n' > '$d/bad.conf'; ! '$BIN' serve -c '$d/bad.conf' 2>/dev/null"

done_testing
