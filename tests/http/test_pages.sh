# Pages, headers and error pages of the platform.
. "$(dirname "$0")/lib.sh"

expect_status "GET / answers 200" 200 "$BASE/"
expect_body "start page is Swedish" '<html lang="sv">'
expect_body "start page lists Friska Vindar 2.0 from the database" "Friska Vindar 2.0"
expect_body "start page lists Trampolinen Lilla Edet" "Trampolinen Lilla Edet"
expect_body "start page shows goals" "minst 8 av 10"
expect_body "start page shows ESF goal in per cent" "minst 25 %"
expect_body "start page links the shared stylesheet" 'href="/static/stegvis.css"'
expect_header "pages are UTF-8 HTML" "Content-Type: text/html; charset=utf-8"
expect_header "CSP forbids framing" "frame-ancestors 'none'"
check "CSP allows no inline script" bash -c "grep -i '^Content-Security-Policy' '$HEAD' | grep -vq unsafe-inline"
expect_header "nosniff header" "X-Content-Type-Options: nosniff"
expect_header "Referrer-Policy header" "Referrer-Policy: same-origin"
expect_header "request passes through nginx to stegvis" "Content-Length:"

# The insats list is public: no personal data, so it may be revalidated.
expect_header "public page is no-cache" "Cache-Control: no-cache"

# Demo data is real: 23 places in Lilla Edet (DOMAIN.md).
check "places come from the database" grep -q '<dd>23</dd>' "$BODY"

expect_status "HEAD / answers 200" 200 -I "$BASE/"
expect_status "static stylesheet served by nginx" 200 "$BASE/static/stegvis.css"
expect_header "stylesheet is text/css" "Content-Type: text/css"

expect_status "unknown path is 404" 404 "$BASE/finns-inte"
expect_body "404 page is Swedish" "Sidan finns inte"
expect_header "error pages are no-store" "Cache-Control: no-store"
expect_body "error page shows the request id" "Felkod:"
id=$(grep -o 'Felkod: <code>[0-9a-f]*' "$BODY" | sed 's/.*<code>//')
check "the error page's request id is nginx's, in its access log" \
	grep -q "req=${id:-none}\$" "$VAR/log/nginx-access.log"

expect_status "POST / is 405" 405 -X POST --data 'a=1' "$BASE/"
expect_header "405 names the path's own methods" "Allow: GET, HEAD"
check "and not POST, which / does not take" bash -c "! grep -qi '^Allow:.*POST' '$HEAD'"
expect_status "GET of a POST-only path is 405" 405 "$BASE/logga-ut"
expect_header "with Allow: POST" "Allow: POST"
expect_body "405 page is Swedish" "Otillåten metod"
expect_status "PUT / is 405" 405 -X PUT "$BASE/"
expect_status "DELETE / is 405" 405 -X DELETE "$BASE/"

# The access log never records query strings (searches carry personnummer).
expect_status "a query with a personnummer" 200 "$BASE/?pnr=191212121212"
check "nginx's access log has the path but not the query" bash -c \
	"grep -q '\"GET /\" 200' '$VAR/log/nginx-access.log' && ! grep -q '191212121212' '$VAR/log/nginx-access.log'"
done_testing
