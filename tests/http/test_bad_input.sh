# Bad input: every case a clear Swedish error, and the workers stay alive.
. "$(dirname "$0")/lib.sh"

# A worker that dies is logged by the master ("killed by signal",
# "exited with"); one recycled after max_requests (150 under make check)
# is not, and may fall inside this script, so the pids alone cannot tell.
deaths() { grep -c 'worker [0-9]* \(killed by signal\|exited with\)' "$VAR/log/stegvis.log"; }
before=$(worker_pids)
dead_before=$(deaths)

big=$(mktemp)
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$big"
expect_status "2 MB body is 413" 413 -X POST --data-binary @"$big" \
	-H 'Content-Type: application/x-www-form-urlencoded' "$BASE/"
expect_body "413 page is Swedish" "För mycket data"
# Announced but never sent: refused on the header alone, before reading.
expect_status "Content-Length 5 MB without a body is 413 at once" 413 -X POST \
	-H 'Content-Length: 5000000' -H 'Expect:' --max-time 5 "$BASE/"
rm -f "$big"

expect_status "malformed percent-encoding in the query is 400" 400 "$BASE/?a=%zz"
expect_body "400 page is Swedish" "Felaktig förfrågan"
expect_status "truncated percent-encoding is 400" 400 "$BASE/?a=%4"
expect_status "NUL byte in the query is 400" 400 "$BASE/?a=%00"
expect_status "invalid UTF-8 in the query is 400" 400 "$BASE/?a=%C3%28"
expect_status "overlong UTF-8 in the query is 400" 400 "$BASE/?a=%C0%AF"
expect_status "UTF-16 surrogate in the query is 400" 400 "$BASE/?a=%ED%A0%80"
expect_status "valid UTF-8 in the query is fine" 200 "$BASE/?s%C3%B6k=%C3%A5%C3%A4%C3%B6"
expect_status "malformed percent-encoding in the path is 400" 400 --path-as-is "$BASE/%zz"

fields=$(printf 'f=&%.0s' $(seq 10000))
expect_status "10 000 query fields are 400" 400 "$BASE/?$fields"
expect_body "10 000 fields: the page is Swedish" "Felaktig förfrågan"
fields=$(printf 'f%d=1&' $(seq 500))
expect_status "500 query fields are fine" 200 "$BASE/?$fields"

cookie=$(head -c 10000 /dev/zero | tr '\0' 'c')
expect_status "10 kB cookie is 400 (over the app's cookie limit)" 400 -H "Cookie: a=$cookie" "$BASE/"
# curl refuses a header this large, so the request goes over a raw socket.
check "1 MB cookie is 400" test "$(raw_get_status "Cookie: a=$(head -c $((1024 * 1024)) /dev/zero | tr '\0' 'c')")" = 400
expect_status "a 10 kB cookie gives the Swedish 400 page" 400 -H "Cookie: a=$(head -c 10000 /dev/zero | tr '\0' 'c')" "$BASE/"
expect_body "cookie 400 page is Swedish" "Felaktig förfrågan"
expect_status "cookie with a control character is 400" 400 -H $'Cookie: a=b\x01c' "$BASE/"
expect_status "ordinary cookies are fine" 200 -H 'Cookie: a=1; b="2"' "$BASE/"

expect_status "GET / still answers after all that" 200 "$BASE/"
after=$(worker_pids)
check "no worker died on bad input ($before / $after)" test "$(deaths)" = "$dead_before"
done_testing
