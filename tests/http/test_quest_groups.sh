#!/usr/bin/env bash
# Questionnaires for every NNS respondent group (issue 21, item 11): the
# shipped examples for managers in the collaboration (chefer) and the board
# (styrelse), in Swedish and English, marked as examples, answered by
# personal link as the staff and remittent forms are: the admin makes a
# link, the respondent starts it, answers a scale, the organisation (the
# managers only: a board is too small to ask it anonymously) and gender,
# and sends; the response is stored anonymously with the gender.
set -u
. "$(dirname "$0")/lib.sh"

log_in AJ admin
for group in chefer styrelse; do
	QID=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = '$group' AND is_active = 1")
	check "$group: shipped and active" test -n "$QID"
	QID=${QID:-0}
	eq "$group: for its respondent group, an example, anonymous" \
		"$(q "SELECT CONCAT_WS('|', respondent_group, is_example, anonymity) FROM questionnaire WHERE id = $QID")" \
		"$group|1|anonym"
	eq "$group: in Swedish and English" \
		"$(q "SELECT GROUP_CONCAT(lang ORDER BY position) FROM questionnaire_language WHERE questionnaire_id = $QID")" "sv,en"
	expect_status "$group: the admin's list" 200 -b "$AJ" "$BASE/admin/enkater"
	expect_body "$group: listed as an example" "<code>$group</code> (exempel)"
	eq "$group: a personal link is made" "$(post "$AJ" "/admin/enkater/$QID/lankar" --data-urlencode "antal=1")" 200
	LINK=$(grep -o '/enkat/lank/[0-9a-f]\{64\}' "$BODY" | head -n 1)
	check "$group: the link is shown" test -n "$LINK"
	sent() { q "SELECT COUNT(*) FROM questionnaire_response WHERE questionnaire_id = $QID AND status = 'inskickad' $1"; }
	# (anonymous responses have random ids: counted, never "the latest")
	WITH="AND gender = 'kvinna' AND language = 'en' AND participation_id IS NULL"
	before=$(sent "") before_with=$(sent "$WITH")
	LJ=$(new_jar)
	expect_status "$group: the link opens" 200 -c "$LJ" -b "$LJ" "$BASE$LINK"
	lc=$(form_csrf)
	expect_status "$group: it starts" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" "$BASE$LINK"
	expect_status "$group: English is offered" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" -d sprak=en "$BASE/enkat/sprak"
	expect_status "$group: the first question" 200 -c "$LJ" -b "$LJ" "$BASE/enkat/fraga/1"
	expect_body "$group: ... in English" "Fully agree"
	n=$(q "SELECT COUNT(*) FROM questionnaire_item WHERE questionnaire_id = $QID")
	expect_status "$group: a scale answered" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" -d svar=4 -d ga=nasta "$BASE/enkat/fraga/1"
	if [ "$group" = chefer ]; then
		expect_status "$group: the organisation (a municipality, option 3)" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" -d svar=3 -d ga=nasta "$BASE/enkat/fraga/$((n - 1))"
	else
		# A board is small: which member one represents tells who answered.
		eq "$group: asks no organisation" \
			"$(q "SELECT COUNT(*) FROM questionnaire_item WHERE questionnaire_id = $QID AND (item_code = 'organisation' OR text LIKE '%medlem representerar%')")" 0
	fi
	expect_status "$group: the gender (kvinna, option 1)" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" -d svar=1 -d ga=nasta "$BASE/enkat/fraga/$n"
	expect_status "$group: sent" 303 -c "$LJ" -b "$LJ" --data-urlencode "csrf=$lc" "$BASE/enkat/skicka"
	eq "$group: one more response sent" "$(($(sent "") - before))" 1
	eq "$group: with the gender and the language, no participation" "$(($(sent "$WITH") - before_with))" 1
	expect_status "$group: the used link is gone" 404 "$BASE$LINK"
done
done_testing
