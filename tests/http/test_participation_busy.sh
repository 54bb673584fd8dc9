# A busy participation's page (issue 19): many reads, a long change
# history, many extensions and mid-term follow-ups, its six-month
# follow-up and consents. Its page still runs at most 5 SQL statements
# (statements_of, as tests/bench_statements.sh counts them), reads as many
# rows however much more the file holds, and shows the latest 10 of each
# list (reads, extensions, mid-term follow-ups, changes, SUS changes) with
# links to the whole lists (?visa=historik; the access log keyset-paged).
. "$(dirname "$0")/lib.sh"

log_in FV personal.fv
# An ended participation of personal.fv's insats (its follow-up and
# summary sections are shown).
P=$(q "SELECT MIN(p.id) FROM participation p JOIN staff_insats si
	ON si.insats_id = p.insats_id JOIN staff s ON s.id = si.staff_id
	WHERE s.username = 'personal.fv' AND p.status = 'avslutad'")
check "fixture: an ended participation of personal.fv's insats" test -n "$P"
R=$(q "SELECT referral_id FROM participation WHERE id = $P")
PNR=$(q "SELECT pn.personnummer FROM participation p JOIN person pn
	ON pn.id = p.person_id WHERE p.id = $P")
FV_ID=$(staff_id_of personal.fv)

# Busy: 60 extensions, 300 history rows of the participation and 300 of
# its referral's SUS fields, 40 mid-term follow-ups, its follow-up, and
# 400 older reads of the file.
q "INSERT INTO participation_extension (participation_id, old_planned_end,
	new_planned_end, reason, staff_id, at)
	SELECT $P, '2025-01-01', '2025-02-01', CONCAT('Skäl ', seq), $FV_ID,
	UTC_TIMESTAMP() - INTERVAL seq DAY FROM seq_1_to_60"
q "INSERT INTO change_history (at, staff_id, record_type, record_id, field,
	old_value, new_value)
	SELECT UTC_TIMESTAMP(3) - INTERVAL seq HOUR, $FV_ID, 'participation', $P,
	'hours_per_week', seq, seq + 1 FROM seq_1_to_300"
q "INSERT INTO change_history (at, staff_id, record_type, record_id, field,
	old_value, new_value)
	SELECT UTC_TIMESTAMP(3) - INTERVAL seq HOUR, $FV_ID, 'referral', $R,
	'education_code', NULL, NULL FROM seq_1_to_300"
q "INSERT INTO participation_midterm (participation_id, held_date, attendees,
	note, recorded_by) SELECT $P, DATE('$TODAY') - INTERVAL seq DAY,
	'Deltagaren', 'Anteckning', $FV_ID FROM seq_1_to_40"
q "INSERT IGNORE INTO participation_followup (participation_id, situation,
	followup_date, recorded_by) VALUES ($P, 'arbete', DATE('$TODAY'), $FV_ID)"
q "INSERT INTO audit_log (at, staff_id, username, action, object_type,
	object_id, personnummer, remote_addr, request_id, detail)
	SELECT UTC_TIMESTAMP(3) - INTERVAL seq MINUTE, $FV_ID, 'personal.fv',
	'read', 'participation', $P, '$PNR', '127.0.0.1', 'busy-fixture', ''
	FROM seq_1_to_400"
check "fixture: the file has hundreds of reads" \
	test "$(q "SELECT COUNT(*) FROM audit_log WHERE object_type =
		'participation' AND object_id = $P")" -ge 400

n=$(statements_of "$FV" "/deltagande/$P")
check "a busy participation's page runs at most 5 statements (ran $n)" \
	test "$n" != "?" -a "$n" -le 5

# Flat with the data: the rows the page reads (MariaDB's Handler_read
# counters around one request, least of three) do not grow when the file
# gets 2 000 more reads; the latest ones are picked by the index, not by
# reading the whole file's log.
handler_reads() {
	local least=999999999 a b
	h() { q "SELECT SUM(VARIABLE_VALUE) FROM information_schema.GLOBAL_STATUS
		WHERE VARIABLE_NAME LIKE 'HANDLER_READ%'"; }
	for _ in 1 2 3; do
		a=$(h); curl -sS -o /dev/null -b "$FV" "$BASE/deltagande/$P"; b=$(h)
		[ $((b - a)) -lt $least ] && least=$((b - a))
	done
	echo "$least"
}
before=$(handler_reads)
# 2 000 more reads, and as many more extensions, mid-term follow-ups and
# change-history rows (of the participation, of its referral's SUS fields
# and of its own SUS fields) as the file had.
more_of_everything() {
	q "INSERT INTO audit_log (at, staff_id, username, action, object_type,
		object_id, personnummer, remote_addr, request_id, detail)
		SELECT UTC_TIMESTAMP(3) - INTERVAL seq SECOND, $FV_ID, 'personal.fv',
		'read', 'participation', $P, '$PNR', '127.0.0.1', 'busy-fixture', ''
		FROM seq_1_to_2000"
	q "INSERT INTO participation_extension (participation_id, old_planned_end,
		new_planned_end, reason, staff_id, at)
		SELECT $P, '2025-01-01', '2025-02-01', 'Skäl', $FV_ID,
		UTC_TIMESTAMP() - INTERVAL 100 + seq DAY FROM seq_1_to_60"
	q "INSERT INTO participation_midterm (participation_id, held_date,
		attendees, note, recorded_by) SELECT $P,
		DATE('$TODAY') - INTERVAL 100 + seq DAY, 'Deltagaren', 'Äldre', $FV_ID
		FROM seq_1_to_40"
	# Newer changes of other fields than the SUS history's older ones:
	# its rows are picked by their own index, not found among the rest.
	q "INSERT INTO change_history (at, staff_id, record_type, record_id,
		field, old_value, new_value)
		SELECT UTC_TIMESTAMP(3) - INTERVAL seq SECOND, $FV_ID,
		'participation', $P, 'hours_per_week', seq, seq + 1
		FROM seq_1_to_600"
	q "INSERT INTO change_history (at, staff_id, record_type, record_id,
		field, old_value, new_value)
		SELECT UTC_TIMESTAMP(3) - INTERVAL 1000 + seq HOUR, $FV_ID, t.t,
		IF(t.t = 'referral', $R, $P), t.f, seq, seq + 1 FROM seq_1_to_300,
		(SELECT 'participation' t, 'occupation_before_percent' f UNION ALL
		 SELECT 'referral', 'income_extent') t"
}
more_of_everything
after=$(handler_reads)
check "more reads, extensions, follow-ups and history do not make the page read more rows ($before, then $after)" \
	test "$after" -le $((before + before / 20 + 20))

eq "the page answers" "$(fetch -b "$FV" "$BASE/deltagande/$P")" 200
# The access-log section: the rows with a "Vad" cell.
looked=$(sed -n '/id="vem-har-tittat"/,/<\/section>/p' "$BODY" | grep -c 'data-label="Vad"')
eq "the page lists the latest 10 reads, no more" "$looked" 10
times=$(sed -n '/id="vem-har-tittat"/,/<\/section>/p' "$BODY" |
	grep -o 'data-label="När (svensk tid)">[^<]*' | sed 's/.*>//')
check "… newest first" bash -c 'sort -r -c <<< "$1"' _ "$times"
expect_body "… with a link to the whole access log" "href=\"/deltagande/$P/atkomstlogg\""

# The whole log, 100 rows a page, newest first, with "Äldre" and "Nyare"
# links (keyset: ?fore=/?efter= the audit row at the page's edge); walking
# "Äldre" from the first page lists every row of the file's log once.
log_rows() { grep -o 'data-label="När (svensk tid)">[^<]*' "$BODY" | sed 's/.*>//'; }
older_link() { grep -o "href=\"/deltagande/$P/atkomstlogg?fore=[0-9]*\"" "$BODY" | sed 's/href="//; s/"$//'; }
newer_link() { grep -o "href=\"/deltagande/$P/atkomstlogg?efter=[0-9]*\"" "$BODY" | sed 's/href="//; s/"$//'; }
eq "the whole log answers" "$(fetch -b "$FV" "$BASE/deltagande/$P/atkomstlogg")" 200
# The file's log as the rule defines it (LOOKED_WHERE): counted after the
# first page, whose own look is its newest row; later looks are newer than
# every page walked.
I=$(q "SELECT insats_id FROM participation WHERE id = $P")
want=$(q "SELECT COUNT(*) FROM audit_log a WHERE a.personnummer = '$PNR' AND (
	(a.object_type = 'participation' AND a.object_id = $P)
	OR (a.object_type = 'referral' AND a.object_id = $R)
	OR (a.object_type = 'consent' AND (a.object_id = $R OR a.object_id IN
		(SELECT c.id FROM consent c WHERE c.referral_id = $R)))
	OR (a.object_type = 'person' AND a.staff_id IN
		(SELECT si.staff_id FROM staff_insats si WHERE si.insats_id = $I)))")
first=$(log_rows)
eq "… the first page holds 100 rows" "$(grep -c . <<< "$first")" 100
eq "… and no newer page" "$(newer_link)" ""
all=$first pages=1 link=$(older_link)
while [ -n "$link" ] && [ $pages -lt 1000 ]; do
	fetch -b "$FV" "$BASE$link" > /dev/null
	[ $pages -eq 1 ] && second=$(log_rows) && back=$(newer_link)
	all+=$'\n'$(log_rows) pages=$((pages + 1)) link=$(older_link)
done
eq "walking \"Äldre\" lists every row of the log once ($pages pages)" \
	"$(grep -c . <<< "$all")" "$want"
newest_first() { sort -r -c <<< "$1"; }
check "… newest first across the pages" newest_first "$all"
check "… the second page has a \"Nyare\" link" test -n "$back"
fetch -b "$FV" "$BASE$back" > /dev/null
eq "… which shows the first page again" "$(log_rows)" "$first"
eq "a key that is not an id is not found" \
	"$(fetch -b "$FV" "$BASE/deltagande/$P/atkomstlogg?fore=x")" 404

# The other lists: the latest 10 of each, with a link to the whole lists.
eq "the page answers" "$(fetch -b "$FV" "$BASE/deltagande/$P")" 200
section_rows() { # section id, cell label: the rows of that table
	sed -n "/id=\"$1\"/,/<\/table>/p" "$BODY" | grep -c "data-label=\"$2\""
}
eq "the latest 10 extensions" "$(section_rows forlangning Skäl)" 10
eq "the latest 10 mid-term follow-ups" "$(section_rows mittuppfoljning Anteckning)" 10
eq "the latest 10 changes" "$(section_rows historik Uppgift)" 10
eq "the latest 10 changes of the SUS data" "$(section_rows sus-historik Uppgift)" 10
check "… the latest extension is among them" grep -q "Skäl 1<" "$BODY"
for a in forlangningar mittuppfoljningar historik sus-historik; do
	expect_body "… a link to the whole list ($a)" "href=\"/deltagande/$P?visa=historik#$a\""
done
page_bytes=$(wc -c < "$BODY")
check "the busy page stays small ($page_bytes bytes)" test "$page_bytes" -lt 40000

looks() { q "SELECT COUNT(*) FROM audit_log WHERE object_type = 'participation'
	AND object_id = $P AND detail = 'history'"; }
looks_before=$(looks)
eq "the whole lists answer" "$(fetch -b "$FV" "$BASE/deltagande/$P?visa=historik")" 200
# Each list whole, or its latest 200 with a word that older ones are left
# out.
upto200() { local n; n=$(q "$1"); echo $((n > 200 ? 200 : n)); }
eq "… the extensions" "$(section_rows forlangningar Skäl)" \
	"$(upto200 "SELECT COUNT(*) FROM participation_extension WHERE participation_id = $P")"
eq "… the mid-term follow-ups" "$(section_rows mittuppfoljningar Anteckning)" \
	"$(upto200 "SELECT COUNT(*) FROM participation_midterm WHERE participation_id = $P")"
eq "… the changes" "$(section_rows historik Uppgift)" \
	"$(upto200 "SELECT COUNT(*) FROM change_history WHERE record_type = 'participation' AND record_id = $P")"
eq "… the changes of the SUS data" "$(section_rows sus-historik Uppgift)" \
	"$(upto200 "SELECT COUNT(*) FROM change_history WHERE (record_type = 'referral'
		AND record_id = $R AND field IN ('education_code', 'income',
		'income_extent', 'support_time_code')) OR (record_type = 'participation'
		AND record_id = $P AND field = 'occupation_before_percent')")"
expect_body "… with a word where older ones are left out" \
	"De senaste 200 ändringarna visas; äldre visas inte här."
eq "… and the look is in the access log" "$(looks)" $((looks_before + 1))
eq "an unknown ?visa= is not found" "$(fetch -b "$FV" "$BASE/deltagande/$P?visa=x")" 404

done_testing
