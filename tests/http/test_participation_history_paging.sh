# The history page's change history a page at a time (issue 19): the
# latest PARTICIPATION_HISTORY_MAX (200) on ?visa=historik, then the older
# rows by keyset (&fore=<change_history id> of the last row shown), so
# every row is reachable, each exactly once and in the page's order
# (time, then id: rows of the same millisecond are not skipped or
# repeated at a page's edge). Each page is a logged read; a key that is
# not an id is not a page, and another participation's row shows nothing.
. "$(dirname "$0")/lib.sh"

log_in TR personal.tramp
P=$(q "SELECT MAX(p.id) FROM participation p JOIN staff_insats si
	ON si.insats_id = p.insats_id JOIN staff s ON s.id = si.staff_id
	WHERE s.username = 'personal.tramp' AND p.status = 'inskriven'")
check "fixture: a participation of personal.tramp's insats" test -n "$P"
OTHER=$(q "SELECT MIN(id) FROM participation WHERE id <> $P")
TR_ID=$(staff_id_of personal.tramp)

# 450 changes, seven to a timestamp (ties at every page edge), and one of
# another participation.
q "INSERT INTO change_history (at, staff_id, record_type, record_id, field,
	old_value, new_value)
	SELECT TIMESTAMP('$TODAY 03:00:00') - INTERVAL (seq DIV 7) SECOND,
	$TR_ID, 'participation', $P, 'hours_per_week', CONCAT('v', seq), seq
	FROM seq_1_to_450"
q "INSERT INTO change_history (at, staff_id, record_type, record_id, field,
	old_value, new_value)
	VALUES (UTC_TIMESTAMP(3), $TR_ID, 'participation', $OTHER,
	'hours_per_week', 'annan', 1)"
FOREIGN=$(q "SELECT MAX(id) FROM change_history WHERE record_id = $OTHER
	AND record_type = 'participation'")

# The "Från" cells of the change history's table, in page order.
history_rows() {
	sed -n '/id="historik"/,/<\/table>/p' "$BODY" |
		grep -o 'data-label="Från">[^<]*' | sed 's/.*>//'
}
older_link() {
	grep -o "href=\"/deltagande/$P?visa=historik&amp;fore=[0-9]*#historik\"" "$BODY" |
		sed 's/href="//; s/#historik"$//; s/&amp;/\&/'
}
looks() { q "SELECT COUNT(*) FROM audit_log WHERE object_type = 'participation'
	AND object_id = $P AND detail = 'history'"; }

looks_before=$(looks)
eq "the history page answers" "$(fetch -b "$TR" "$BASE/deltagande/$P?visa=historik")" 200
eq "… its latest 200 changes" "$(history_rows | wc -l)" 200
expect_body "… says so" "De senaste 200 ändringarna visas."
link=$(older_link)
check "… and links to the older ones" test -n "$link"
all=$(history_rows)
pages=1
while [ -n "$link" ] && [ "$pages" -lt 20 ]; do
	code=$(fetch -b "$TR" "$BASE$link")
	[ "$code" = 200 ] || break
	pages=$((pages + 1))
	rows=$(history_rows)
	[ "$(wc -l <<< "$rows")" -le 200 ] || not_ok "page $pages holds more than 200 rows"
	all+=$'\n'$rows
	link=$(older_link)
done
eq "the older pages answer, each with a link back to the latest" "$code" 200
expect_body "… (the last one)" "href=\"/deltagande/$P?visa=historik#historik\">De senaste ändringarna"
n=$(q "SELECT COUNT(*) FROM change_history WHERE record_type = 'participation'
	AND record_id = $P")
eq "200 a page hold them all ($n)" "$pages" $(((n + 199) / 200))
want=$(q "SELECT old_value FROM change_history WHERE record_type = 'participation'
	AND record_id = $P ORDER BY at DESC, id DESC")
eq "every change once ($(wc -l <<< "$all") rows shown)" "$(wc -l <<< "$all")" "$n"
eq "… newest first, as the page orders them" \
	"$(md5sum <<< "$all")" "$(md5sum <<< "$want")"
eq "each page is a logged read" "$(looks)" $((looks_before + pages))

eq "a key that is not an id is not a page" \
	"$(fetch -b "$TR" "$BASE/deltagande/$P?visa=historik&fore=x")" 404
eq "… nor a key without the history" \
	"$(fetch -b "$TR" "$BASE/deltagande/$P?fore=5")" 404
eq "another participation's row as the key" \
	"$(fetch -b "$TR" "$BASE/deltagande/$P?visa=historik&fore=$FOREIGN")" 200
eq "… shows no change" "$(history_rows | wc -l)" 0
expect_body "… and says so" "Inga ändringar."
check "… nor the other participation's" bash -c "! grep -q '>annan<' '$BODY'"

log_in FV personal.fv
eq "another insats's staff do not get the older pages" \
	"$(fetch -b "$FV" "$BASE/deltagande/$P?visa=historik&fore=$FOREIGN")" 404

done_testing
