#!/usr/bin/env bash
# fcgi_call.sh SOCKET: one FastCGI request to SOCKET with cgi-fcgi, its
# environment (REQUEST_METHOD, DOCUMENT_URI, …) and stdin (the body) as
# given (stdin is read only for CONTENT_LENGTH bytes, as cgi-fcgi does);
# the raw CGI answer on stdout, cgi-fcgi's exit status.
#
# cgi-fcgi writes the request's params, then its (empty) stdin record
# separately. A worker that answers a request without a body closes the
# connection at once (nginx sends both together, app/worker.c), so on a
# busy machine cgi-fcgi can find the socket closed while it writes the
# last record, and exits 32 (EPIPE) having read nothing, though the
# answer was sent. Only that case is tried again, up to five times; any
# other failure, or an answer, is returned as it is.
sock=${1:?socket}
body=$(mktemp)
out=$(mktemp)
trap 'rm -f "$body" "$out"' EXIT
if [ "${CONTENT_LENGTH:-0}" -gt 0 ]; then head -c "$CONTENT_LENGTH" > "$body"; fi
for _ in 1 2 3 4 5; do
	cgi-fcgi -bind -connect "$sock" < "$body" > "$out" 2> /dev/null
	rc=$?
	[ "$rc" -eq 32 ] && [ ! -s "$out" ] || break
done
cat "$out"
exit "$rc"
