# The overdue rule is written twice (include/overdue.h): OVERDUE_SQL_*,
# which the start page uses, and sql/0049's view participation_order_src,
# whose late days the participant list's markers and its filter
# "Försenade" and the inbox's counts read (a kind is late when its
# day is before today). Both must say the same of every participation:
# the demo's and fixtures on the edge days (planned end yesterday, today,
# tomorrow; halfway yesterday, today, on an odd number of days, with a
# follow-up held; summary due yesterday, today, sent; felregistrerad; no
# planned end). Compared twice: in SQL, OVERDUE_SQL_MASK as the header
# has it (run through the C preprocessor, not copied) against
# participation_order's days, for every participation; through the list,
# each fixture's markers against the filter's lists of each kind.
. "$(dirname "$0")/lib.sh"

TAG=$$
SLUG="sen-ordning-$TAG"
own_insats "Sen ordning $TAG" "Sord$TAG" "$SLUG" "sord$TAG"

# admit NAME START PLANNED_END: a referral to X admitted by $U through the
# decision form; prints the participation id.
admit() {
	local r
	r=$(new_referral "$X" Sen "$1" kvinna "$(new_pnr 1970 30)" 100)
	[ "$(apost "$U" "/inkorg/$r/beslut" --data beslut=anta --data version=1 --data "startdatum=$2" \
		--data "planerat_slut=$3" --data "kontaktperson=$UID_" --data timmar=6)" = 303 ] || return 1
	q "SELECT id FROM participation WHERE referral_id = $r"
}
# ended ID END DUE: avslutad on END, the summary due on DUE.
ended() {
	q "UPDATE participation SET status = 'avslutad', end_date = '$2', summary_due_date = '$3' WHERE id = $1"
}

KEYS="end_yesterday end_today end_tomorrow half_today half_yesterday half_odd half_held sum_today
	sum_yesterday sum_sent felreg no_end"
declare -A F
F[end_yesterday]=$(admit "Slutigar$TAG" "$(day -40)" "$(day -1)")
F[end_today]=$(admit "Slutidag$TAG" "$(day -40)" "$(day 0)")
F[end_tomorrow]=$(admit "Slutimorgon$TAG" "$(day -40)" "$(day 1)")
F[half_today]=$(admit "Halvidag$TAG" "$(day -10)" "$(day 10)")
F[half_yesterday]=$(admit "Halvigar$TAG" "$(day -11)" "$(day 9)")
# 21 days: halfway is start + 10, yesterday (rounded up it would be today).
F[half_odd]=$(admit "Halvudda$TAG" "$(day -11)" "$(day 10)")
F[half_held]=$(admit "Halvhallen$TAG" "$(day -11)" "$(day 9)")
F[sum_today]=$(admit "Sumidag$TAG" "$(day -60)" "$(day -30)")
F[sum_yesterday]=$(admit "Sumigar$TAG" "$(day -60)" "$(day -30)")
F[sum_sent]=$(admit "Sumskickad$TAG" "$(day -60)" "$(day -30)")
F[felreg]=$(admit "Felreg$TAG" "$(day -60)" "$(day -30)")
F[no_end]=$(admit "Utanslut$TAG" "$(day -60)" "$(day -30)")
check "twelve fixtures admitted through the form" test "$(printf '%s\n' "${F[@]}" | grep -c '^[0-9][0-9]*$')" = 12
q "INSERT INTO participation_midterm (participation_id, held_date, recorded_by)
	VALUES (${F[half_held]}, '$(day -2)', $UID_)"
ended "${F[sum_today]}" "$(day -21)" "$(day 0)"
ended "${F[sum_yesterday]}" "$(day -22)" "$(day -1)"
ended "${F[sum_sent]}" "$(day -22)" "$(day -1)"
q "UPDATE participation SET summary_sent_at = UTC_TIMESTAMP() WHERE id = ${F[sum_sent]}"
q "UPDATE participation SET status = 'felregistrerad', end_date = '$(day -1)', summary_due_date = '$(day -1)'
	WHERE id = ${F[felreg]}"
q "UPDATE participation SET planned_end_date = NULL WHERE id = ${F[no_end]}"

# --- In SQL, every participation: the header's mask of p, today for its
# three parameters, against participation_order's days.
MASK=$(printf '#include "overdue.h"\nOVERDUE_SQL_MASK\n' |
	${CC:-cc} -E -P -I"$ROOT/include" -x c - | tail -n 1 |
	sed 's/"[[:space:]]*"//g; s/^[[:space:]]*"//; s/"[[:space:]]*$//; s/?/DATE('"'$TODAY'"')/g')
check "OVERDUE_SQL_MASK read from include/overdue.h" grep -q "participation_midterm" <<< "$MASK"
PO_MASK="(IF(po.end_late < DATE('$TODAY'), 1, 0) | IF(po.mid_late < DATE('$TODAY'), 2, 0)
	| IF(po.sum_late < DATE('$TODAY'), 4, 0))"
BOTH="SELECT p.id, $MASK AS app, $PO_MASK AS po FROM participation p
	JOIN participation_order po ON po.participation_id = p.id"
eq "every participation has its row" "$(q "SELECT COUNT(*) FROM participation p
	LEFT JOIN participation_order po ON po.participation_id = p.id WHERE po.participation_id IS NULL")" 0
eq "every participation is late in the same kinds both ways" \
	"$(q "SELECT IFNULL(GROUP_CONCAT(CONCAT(id, ':', app, '/', po)), '') FROM ($BOTH) b WHERE app <> po")" ""
eq "participations late in each kind and in none are among them" \
	"$(q "SELECT CONCAT_WS(' ', SUM(app & 1 <> 0) > 0, SUM(app & 2 <> 0) > 0, SUM(app & 4 <> 0) > 0,
		SUM(app = 0) > 0) FROM ($BOTH) b")" "1 1 1 1"

# --- Through the list: each fixture's markers (OVERDUE_SQL_MASK) and the
# filter's lists of each kind (participation_order).
# markers ID: the kinds the last body's row of ID is marked late in.
markers() {
	local row m=0
	row=$(grep -o "<tr><td data-label=\"Namn\"><a href=\"/deltagande/$1\">.*</tr>" "$BODY")
	grep -q "Planerat slut har passerat" <<< "$row" && m=$((m | 1))
	grep -q "Mittuppföljning saknas" <<< "$row" && m=$((m | 2))
	grep -q "Sammanfattning försenad" <<< "$row" && m=$((m | 4))
	echo "$m"
}
eq "the list of every status" "$(aget "$U" "/deltagare?status=alla")" 200
declare -A MARK FILT
for k in $KEYS; do
	check "$k is listed" grep -q "href=\"/deltagande/${F[$k]}\"" "$BODY"
	MARK[$k]=$(markers "${F[$k]}")
	FILT[$k]=0
done
bit=1
for kind in slut mitt sammanfattning; do
	eq "the filter's list of $kind" "$(aget "$U" "/deltagare?forsenad=$kind")" 200
	for k in $KEYS; do
		grep -q "href=\"/deltagande/${F[$k]}\"" "$BODY" && FILT[$k]=$((FILT[$k] | bit))
	done
	bit=$((bit * 2))
done
for k in $KEYS; do
	eq "$k: the row's markers are the kinds the filter lists it in" "${MARK[$k]}" "${FILT[$k]}"
done
# The edges, as overdue.h says: late from the day after.
eq "the fixtures' kinds" "$(for k in $KEYS; do printf '%s ' "$k=${MARK[$k]}"; done)" \
	"end_yesterday=3 end_today=2 end_tomorrow=2 half_today=0 half_yesterday=2 half_odd=2 half_held=0 sum_today=0 sum_yesterday=4 sum_sent=0 felreg=0 no_end=0 "

# --- The inbox's counts: late_tally (sql/0053) counts every day set less
# those not late yet (the days from today to the end of the month, the
# months after). More fixtures on its edges: a planned end on the month's
# last day, on the next month's first, next year, and in an earlier
# month. Each count is the filter's (participation_order's days) and what
# the fixtures make it.
day_sql() { q "SELECT $1"; }
F[end_month_last]=$(admit "Slutmanad$TAG" "$(day -40)" "$(day_sql "LAST_DAY('$TODAY')")")
F[end_next_first]=$(admit "Slutnasta$TAG" "$(day -40)" "$(day_sql "LAST_DAY('$TODAY') + INTERVAL 1 DAY")")
F[end_next_year]=$(admit "Slutnastaar$TAG" "$(day -40)" "$(day 400)")
F[end_prev_month]=$(admit "Slutforra$TAG" "$(day -80)" "$(day -35)")
check "four more fixtures admitted" test -n "${F[end_month_last]}" -a -n "${F[end_next_first]}" \
	-a -n "${F[end_next_year]}" -a -n "${F[end_prev_month]}"
# inbox_count HEADING: the inbox's count of a kind in the last body (0
# when the kind is not shown).
inbox_count() { grep -o "$1 ([0-9]*)" "$BODY" | sed 's/.*(//; s/)//' | grep . || echo 0; }
# po_late COL: the insats's listed participations late by COL, as the
# participant list's filter reads them.
po_late() { q "SELECT COUNT(*) FROM participation_order WHERE insats_id = $X AND listed = 1 AND $1 < '$TODAY'"; }
# inbox_late LABEL END MID SUM: the inbox's three counts are those, and
# participation_order's.
inbox_late() {
	eq "$1: the inbox" "$(aget "$U" /inkorg)" 200
	eq "... counts as participation_order" "$(inbox_count "Planerat slut har passerat") \
$(inbox_count "Ingen mittuppföljning vid halva tiden") $(inbox_count "Sammanfattningar som inte skickats i tid")" \
		"$(po_late end_late) $(po_late mid_late) $(po_late sum_late)"
	eq "... and as the fixtures make it" "$(inbox_count "Planerat slut har passerat") \
$(inbox_count "Ingen mittuppföljning vid halva tiden") $(inbox_count "Sammanfattningar som inte skickats i tid")" \
		"$2 $3 $4"
}
# Late: end_yesterday and end_prev_month; the follow-up of the five of
# the first fixtures and three of these (not next year's: halfway ahead);
# sum_yesterday.
inbox_late "the month's edges" 2 8 1
q "UPDATE participation SET planned_end_date = '$(day -1)' WHERE id = ${F[end_next_year]}"
inbox_late "next year's planned end moved to yesterday" 3 9 1
q "UPDATE participation SET gallrad_at = UTC_TIMESTAMP() WHERE id = ${F[end_prev_month]}"
inbox_late "one late participation gallrad" 2 8 1
order_ok "the fixtures"

done_testing
