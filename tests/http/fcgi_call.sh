#!/usr/bin/env bash
# fcgi_call.sh SOCKET: one FastCGI request to SOCKET with cgi-fcgi, its
# environment (REQUEST_METHOD, DOCUMENT_URI, …) and stdin (the body) as
# given (stdin is read only for CONTENT_LENGTH bytes, as cgi-fcgi does);
# the raw CGI answer on stdout, cgi-fcgi's exit status. No retry: cgi-fcgi
# writes its empty stdin record after the params, and a worker reads it
# before closing (app/worker.c), so every call gets its answer.
sock=${1:?socket}
body=$(mktemp)
trap 'rm -f "$body"' EXIT
if [ "${CONTENT_LENGTH:-0}" -gt 0 ]; then head -c "$CONTENT_LENGTH" > "$body"; fi
cgi-fcgi -bind -connect "$sock" < "$body" 2> /dev/null
