#!/usr/bin/env bash
# tests/load/kiosk_save.sh VAR PORT: a tablet holding a questionnaire code on
# a running private stack (conf/devstack.sh), for wrk and kiosk_save.lua:
# staff member personal.fv hands out the quality of life questionnaire
# (start) for an enrolled participation of Friska Vindar 2.0 with no
# questionnaire yet, a tablet types the code and chooses Swedish. Prints two
# lines for the lua script's environment:
#   KIOSK_COOKIE=<the Cookie header's value>
#   KIOSK_CSRF=<the form's csrf value>
# Use:  eval "$(bash tests/load/kiosk_save.sh VAR PORT)"
#       KIOSK_COOKIE=$KIOSK_COOKIE KIOSK_CSRF=$KIOSK_CSRF \
#         wrk -t2 -c16 -d10s --latency -s tests/load/kiosk_save.lua \
#         http://127.0.0.1:PORT/enkat/fraga/1
# Every request is one full save of item 1 (a VAS answer, without the
# screen's key: saved as a client of before does, never "sent again").
# A load tool, not a test: it changes the demo data of the stack it is given.
set -euo pipefail
VAR=${1:?VAR}
PORT=${2:?PORT}
BASE="http://127.0.0.1:$PORT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
sqla() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" -N stegvis -e "$1"; }
csrf_in() { grep -o 'name="csrf" value="[0-9a-f]*' "$1" | head -n 1 | sed 's/.*value="//'; }
S=$T/staff
curl -fsS -c "$S" -b "$S" -o "$T/p.html" "$BASE/logga-in"
curl -fsS -c "$S" -b "$S" -o /dev/null --data-urlencode "csrf=$(csrf_in "$T/p.html")" \
	--data-urlencode anvandarnamn=personal.fv --data-urlencode losenord=stegvis-demo "$BASE/logga-in"
pid=$(sqla "SELECT p.id FROM participation p JOIN insats i ON i.id = p.insats_id
	WHERE i.name = 'Friska Vindar 2.0' AND p.status = 'inskriven' AND p.gallrad_at IS NULL
	AND NOT EXISTS (SELECT 1 FROM questionnaire_response r WHERE r.participation_id = p.id)
	AND NOT EXISTS (SELECT 1 FROM questionnaire_code c WHERE c.participation_id = p.id)
	ORDER BY p.id DESC LIMIT 1")
[ -n "$pid" ] || { echo "kiosk_save.sh: no participation without a questionnaire" >&2; exit 1; }
lq=$(sqla "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'livskvalitet' AND is_active = 1")
curl -fsS -c "$S" -b "$S" -o "$T/p.html" "$BASE/start"
curl -sS -c "$S" -b "$S" -o "$T/p.html" --data-urlencode "csrf=$(csrf_in "$T/p.html")" \
	-d "enkat=$lq" -d matning=start "$BASE/deltagande/$pid/enkat"
code=$(grep -o 'name="kod" value="[0-9]\{8\}' "$T/p.html" | sed 's/.*value="//')
[ -n "$code" ] || { echo "kiosk_save.sh: no code handed out" >&2; exit 1; }
K=$T/tablet
curl -fsS -c "$K" -b "$K" -o "$T/p.html" "$BASE/surfplatta"
kc=$(csrf_in "$T/p.html")
curl -sS -c "$K" -b "$K" -o /dev/null --data-urlencode "csrf=$kc" -d "kod=$code" "$BASE/surfplatta"
curl -sS -c "$K" -b "$K" -o /dev/null --data-urlencode "csrf=$kc" -d sprak=sv "$BASE/enkat/sprak"
cookie=$(awk '$6 != "" && $1 !~ /^#/ || $1 ~ /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$K")
echo "KIOSK_COOKIE='$cookie'"
echo "KIOSK_CSRF=$kc"
