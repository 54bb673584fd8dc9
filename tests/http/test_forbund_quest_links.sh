# Two förbund in one installation, the questionnaire codes (issue 20):
# every förbund's admin makes personal survey links for its own förbund
# (the managers', board's, staff's and referrers' surveys), and each
# förbund's report counts its own; a code of a förbund switched off opens
# nothing on the tablet or the link, as an unknown code, and works again
# once it is switched on.
#
# A second förbund B is made here with an admin and a chief. B's admin
# makes two personal links to the managers' survey: one is answered and
# counts in B's report, not in the demo's (A's); the other, and a tablet
# code of B's, are tried with B switched off and on again.
. "$(dirname "$0")/lib.sh"

P=t_fql_$$
YEAR=${TODAY:0:4}
LOG=$VAR/log/stegvis.log
bugs() { grep -c 'BUG' "$LOG" 2> /dev/null || true; }
# answers FILE: the number of answers to the questionnaire's first item
# in a report CSV ("0", a number, or "×" when too few to show).
answers() { grep '^"enkat";' "$1" | head -n 1 | awk -F';' '{ gsub(/"/, ""); print $5 }'; }
# hash TOKEN: the code's stored hash (BLAKE2b-256, session_token_hash), hex.
hash() { printf '%s' "$1" | b2sum -l 256 | cut -c1-64 | tr a-f A-F; }
# drafts LINK: the draft answers of an anonymous survey's link.
drafts() {
	q "SELECT COUNT(*) FROM questionnaire_draft_answer d JOIN questionnaire_code c ON c.id = d.code_id
		WHERE c.code_hash = UNHEX('$(hash "${1##*/}")')"
}

mk_forbund FB "FQL$$"
OB=$(office_of "$FB")
mk_account "${P}_adm" "$OB" admin "Admin Länkförbundet"
mk_account "${P}_chef" "$OB" forbund "Chef Länkförbundet"
cleanup() {
	q "DELETE FROM questionnaire_code WHERE forbund_id = $FB;
	DELETE a FROM questionnaire_answer a JOIN questionnaire_response r ON r.id = a.response_id
		WHERE r.forbund_id = $FB;
	DELETE FROM questionnaire_response WHERE forbund_id = $FB"
}
at_exit cleanup

# Each förbund has its own questionnaires (sql/0075): B's are copies of
# the demo's active ones, made when B was.
CQ=$(q "SELECT id FROM questionnaire WHERE forbund_id = $FB AND code = 'chefer' AND is_active = 1")
check "B has the managers' survey" test -n "$CQ"
MINE="/rapporter.csv?insats=0&period=ar&ar=$YEAR&enkat=chefer"
eq "the demo's chief logs in" "$(as forbund)" 303
eq "the demo's chief: the managers' survey this year" "$(aget forbund "$MINE")" 200
cp "$BODY" "$LIB_TMP/a-before"
eq "B's chief logs in" "$(as "${P}_chef")" 303
eq "B's chief: the managers' survey this year" "$(aget "${P}_chef" "$MINE")" 200
eq "... none yet" "$(answers "$BODY")" 0

# --- B's admin makes personal links: they are B's
eq "B's admin logs in" "$(as "${P}_adm")" 303
eq "B's admin makes two personal links to the managers' survey" \
	"$(apost "${P}_adm" "/admin/enkater/$CQ/lankar" --data-urlencode antal=2)" 200
mapfile -t LINKS < <(grep -o '/enkat/lank/[0-9a-f]\{64\}' "$BODY" | sort -u)
eq "... two links shown" "${#LINKS[@]}" 2
L1=${LINKS[0]:-/enkat/lank/none} L2=${LINKS[1]:-/enkat/lank/none}
eq "... both codes are B's" \
	"$(q "SELECT COUNT(*) FROM questionnaire_code WHERE forbund_id = $FB AND kind = 'lank'
		AND code_hash IN (UNHEX('$(hash "${L1##*/}")'), UNHEX('$(hash "${L2##*/}")'))")" 2

bugs_before=$(bugs)
LJ=$(new_jar)
expect_status "the first link opens" 200 -c "$LJ" -b "$LJ" "$BASE$L1"
lc=$(form_csrf)
expect_status "... starts" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" "$BASE$L1"
expect_status "... in Swedish" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" -d sprak=sv "$BASE/enkat/sprak"
expect_status "... a scale answered" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" -d svar=4 -d ga=nasta "$BASE/enkat/fraga/1"
expect_status "... sent" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" "$BASE/enkat/skicka"
eq "... thanks" "$(location | cut -d'?' -f1)" "/enkat/tack"
eq "... nothing refused as a statement without its förbund" "$(bugs)" "$bugs_before"
eq "the response is B's, without an insats" \
	"$(q "SELECT CONCAT(COUNT(*), '|', IFNULL(MIN(insats_id), 'NULL')) FROM questionnaire_response
		WHERE forbund_id = $FB AND status = 'inskickad'")" "1|NULL"
eq "it counts in B's report" "$(aget "${P}_chef" "$MINE")" 200
eq "... one answer, too few to show" "$(answers "$BODY")" "×"
eq "the demo's chief: the managers' survey again" "$(aget forbund "$MINE")" 200
check "... it does not count there (the same bytes)" cmp -s "$BODY" "$LIB_TMP/a-before"

# --- B switched off: its codes open nothing, as unknown ones
TCODE=$(printf '%08d' $((RANDOM * 1000 % 100000000)))
AQ=$(q "SELECT id FROM questionnaire WHERE forbund_id = $FB AND code = 'deltagare_pagaende' AND is_active = 1")
q "INSERT INTO questionnaire_code (code_hash, kind, questionnaire_id, expires_at, forbund_id)
	VALUES (UNHEX('$(hash "$TCODE")'), 'surfplatta', $AQ, UTC_TIMESTAMP() + INTERVAL 1 HOUR, $FB)"
# The second link started on a computer while B is on: held there.
HJ=$(new_jar)
expect_status "B's second link starts while B is on" 200 -c "$HJ" -b "$HJ" "$BASE$L2"
hc=$(form_csrf)
expect_status "... started" 303 -c "$HJ" -b "$HJ" --data-urlencode "csrf=$hc" "$BASE$L2"
expect_status "... in Swedish" 303 -c "$HJ" -b "$HJ" --data-urlencode "csrf=$hc" -d sprak=sv "$BASE/enkat/sprak"
expect_status "... its first question shows" 200 -c "$HJ" -b "$HJ" "$BASE/enkat/fraga/1"

TJ=$(new_jar)
expect_status "the lock screen" 200 -c "$TJ" -b "$TJ" "$BASE/surfplatta"
KC=$(form_csrf)
expect_status "an unknown tablet code" 400 -c "$TJ" -b "$TJ" --data-urlencode "csrf=$KC" -d kod=00000000 "$BASE/surfplatta"
grep -o '<p[^>]*class="[^"]*error[^"]*"[^>]*>[^<]*' "$BODY" > "$LIB_TMP/unknown-msg"
expect_status "an unknown link" 404 "$BASE/enkat/lank/$(printf '%064d' 0)"
cp "$BODY" "$LIB_TMP/unknown-link"

q "UPDATE forbund SET active = 0 WHERE id = $FB"
expect_status "B off: its first link (answered) does not open" 404 "$BASE$L1"
expect_status "B off: its second link does not open" 404 "$BASE$L2"
check "... the same page as an unknown link" cmp -s "$BODY" "$LIB_TMP/unknown-link"
expect_status "... nor start" 404 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" "$BASE$L2"
expect_status "B off: the computer holding its link goes to the lock screen" 303 -c "$HJ" -b "$HJ" "$BASE/enkat/fraga/1"
eq "... there" "$(location | cut -d'?' -f1)" "/surfplatta"
expect_status "... and cannot answer" 303 -c "$HJ" -b "$HJ" --data-urlencode "csrf=$hc" -d svar=4 -d ga=nasta "$BASE/enkat/fraga/1"
eq "... nothing stored" "$(drafts "$L2")" 0
expect_status "B off: its tablet code is refused as unknown" 400 -c "$TJ" -b "$TJ" --data-urlencode "csrf=$KC" -d "kod=$TCODE" "$BASE/surfplatta"
grep -o '<p[^>]*class="[^"]*error[^"]*"[^>]*>[^<]*' "$BODY" > "$LIB_TMP/off-msg"
check "... with the unknown code's message" cmp -s "$LIB_TMP/off-msg" "$LIB_TMP/unknown-msg"
check "... (a message at all)" test -s "$LIB_TMP/off-msg"
eq "... and no device bound to it" "$(q "SELECT COUNT(*) FROM questionnaire_code
	WHERE code_hash = UNHEX('$(hash "$TCODE")') AND device_hash IS NOT NULL")" 0

# --- B on again: they work
q "UPDATE forbund SET active = 1 WHERE id = $FB"
expect_status "B on: its second link opens" 200 "$BASE$L2"
expect_status "... the computer that held it answers again" 200 -c "$HJ" -b "$HJ" "$BASE/enkat/fraga/1"
expect_status "... a scale answered" 303 -c "$HJ" -b "$HJ" --data-urlencode "csrf=$hc" -d svar=3 -d ga=nasta "$BASE/enkat/fraga/1"
eq "... stored" "$(drafts "$L2")" 1
expect_status "B on: its tablet code opens" 303 -c "$TJ" -b "$TJ" --data-urlencode "csrf=$KC" -d "kod=$TCODE" "$BASE/surfplatta"
expect_status "B on: its answered link stays sent (not found)" 404 "$BASE$L1"

done_testing
