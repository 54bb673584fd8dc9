# Round trips of the inbox, the participant list and the kiosk answer
# (issue 19): each in a few statements however busy the inbox is, the
# inbox 50 referrals a page with links to the rest. Counted with MariaDB's
# own counter around one request (statements_of).
. "$(dirname "$0")/lib.sh"

# --- A busy inbox: 60 more submitted referrals in personal.cm's insats,
# copies of one of its own (removed again at the end).
log_in CM personal.cm
CM_INSATS=$(q "SELECT si.insats_id FROM staff_insats si JOIN staff s ON s.id = si.staff_id
	WHERE s.username = 'personal.cm' ORDER BY si.insats_id LIMIT 1")
SRC=$(q "SELECT MIN(id) FROM referral WHERE insats_id = $CM_INSATS AND status = 'inskickad' AND gallrad_at IS NULL")
check "personal.cm has a submitted referral to copy" test -n "$SRC"
MAXID=$(q "SELECT MAX(id) FROM referral")
RCOLS=$(q "SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position) FROM information_schema.columns
	WHERE table_schema = 'stegvis' AND table_name = 'referral' AND column_name <> 'id'")
PCOLS=$(q "SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position) FROM information_schema.columns
	WHERE table_schema = 'stegvis' AND table_name = 'referral_person' AND column_name <> 'referral_id'")
q "INSERT INTO referral ($RCOLS) SELECT $RCOLS FROM referral r JOIN seq_1_to_60 s WHERE r.id = $SRC"
q "INSERT INTO referral_person (referral_id, $PCOLS) SELECT r.id, $(echo "$PCOLS" | sed 's/\([a-z_]*\)/p.\1/g')
	FROM referral r JOIN referral_person p ON p.referral_id = $SRC WHERE r.id > $MAXID"
# (With the participations of the copies the list's part adds.)
at_exit "q 'DELETE FROM participation_person WHERE participation_id IN (SELECT id FROM participation WHERE referral_id > $MAXID)'; q 'DELETE FROM participation WHERE referral_id > $MAXID'; q 'DELETE FROM referral_person WHERE referral_id > $MAXID'; q 'DELETE FROM referral WHERE id > $MAXID'"
# What the inbox holds: its referrals, as the inbox's rule says.
INBOX=$(q "SELECT COUNT(*) FROM referral r WHERE r.status IN ('inskickad', 'vantelista') AND r.gallrad_at IS NULL
	AND r.insats_id IN (SELECT si.insats_id FROM staff_insats si JOIN staff s ON s.id = si.staff_id
	WHERE s.username = 'personal.cm')")
check "the inbox has more than a page ($INBOX referrals)" test "$INBOX" -gt 50
# The inbox's page (INBOX_ROWS): the oldest ten, with a link to the rest.
IP=10

# --- Statements per request.
n=$(statements_of "$CM" /inkorg)
check "GET /inkorg runs at most 3 statements, busy (ran $n)" test "$n" != "?" -a "$n" -le 3
n=$(statements_of "$CM" "/inkorg?sida=2")
check "GET /inkorg?sida=2 runs at most 3 statements (ran $n)" test "$n" != "?" -a "$n" -le 3
# The inbox reads the persons, senders and organisations of its page
# only, and counts from referral_tally: 1 000 more copies add at most the
# index entries that order them, under three rows each (joined and
# counted, they were about twelve). The copies then go again.
ROWS0=$(rows_read_of "$CM" /inkorg)
MAXID1=$(q "SELECT MAX(id) FROM referral")
q "INSERT INTO referral ($RCOLS) SELECT $RCOLS FROM referral r JOIN seq_1_to_1000 s WHERE r.id = $SRC"
q "INSERT INTO referral_person (referral_id, $PCOLS) SELECT r.id, $(echo "$PCOLS" | sed 's/\([a-z_]*\)/p.\1/g')
	FROM referral r JOIN referral_person p ON p.referral_id = $SRC WHERE r.id > $MAXID1"
q "ANALYZE TABLE referral" > /dev/null
ROWS1=$(rows_read_of "$CM" /inkorg)
check "GET /inkorg with 1 000 more waiting reads under 3 rows more each ($ROWS0, then $ROWS1)" \
	test "$ROWS1" != "?" -a "$ROWS0" != "?" -a "$ROWS1" -lt $((ROWS0 + 3000))
expect_status "... and answers" 200 -b "$CM" "$BASE/inkorg"
expect_body "... counting them" "Ansökningar att besluta ($((INBOX + 1000)))"
q "DELETE FROM referral_person WHERE referral_id > $MAXID1; DELETE FROM referral WHERE id > $MAXID1"
order_ok "the 1 000 copies gone"
log_in FV personal.fv
FV_INSATS_ANY=$(insats_id_of "Friska Vindar 2.0")
n=$(statements_of "$FV" "/deltagare?status=alla")
check "GET /deltagare runs at most 4 statements (ran $n)" test "$n" != "?" -a "$n" -le 4
n=$(statements_of "$FV" "/deltagare?status=alla&sida=2&sortera=kontakt")
check "GET /deltagare?sida=2 runs at most 4 statements (ran $n)" test "$n" != "?" -a "$n" -le 4
n=$(statements_of "$FV" "/deltagare?forsenad=alla")
check "GET /deltagare?forsenad=alla runs at most 4 statements (ran $n)" test "$n" != "?" -a "$n" -le 4

# --- Helpers. The ids a list page links to (the list: /deltagande/ID,
# the inbox: /inkorg/ID), in page order.
page_ids() { grep -o "href=\"$1/[0-9]*\"" "$BODY" | sed 's/[^0-9]//g' | tr '\n' ' '; }
# next_url: the "Nästa 50" ("Nästa 10") link of the page ("" on the last).
next_url() { grep -o 'href="[^"]*" rel="next"' "$BODY" | sed 's/^href="//; s/" rel="next"$//; s/&amp;/\&/g'; }
# walk JAR URL LINK: the ids of every page from URL on, following "Nästa 50".
walk() {
	local url=$2 ids=""
	for _ in $(seq 1 300); do
		fetch -b "$1" "$BASE$url" > /dev/null
		ids+=$(page_ids "$3")
		url=$(next_url)
		[ -n "$url" ] || break
	done
	echo "$ids"
}
# sql_ids SQL: the ids a query gives, as page_ids gives them.
sql_ids() { q "$1" | tr '\n' ' '; }
FV_ID=$(staff_id_of personal.fv)
CM_ID=$(staff_id_of personal.cm)
MINE="SELECT insats_id FROM staff_insats WHERE staff_id = $FV_ID"
FV_ROWS="FROM participation p JOIN participation_person pe ON pe.participation_id = p.id
	WHERE p.insats_id IN ($MINE) AND p.gallrad_at IS NULL"
NAME="CONCAT(pe.last_name, ' ', pe.first_name)"
order_ok "the demo"

# --- The list in the name order as it always had (å, ä, ö after z),
# every row once over its pages, in every order.
KEEP=$(q "SELECT GROUP_CONCAT(CONCAT(pe.participation_id, ':', pe.last_name) SEPARATOR ' ')
	FROM (SELECT pe.participation_id, pe.last_name $FV_ROWS ORDER BY p.id LIMIT 5) pe")
i=0
for ln in Zetterlund Östlund Aalto Åberg Ärlig; do
	i=$((i + 1))
	q "UPDATE participation_person SET last_name = '$ln', first_name = 'Testa'
		WHERE participation_id = $(echo "$KEEP" | cut -d' ' -f$i | cut -d: -f1)"
done
for kv in $KEEP; do
	at_exit "q \"UPDATE participation_person SET last_name = '${kv#*:}' WHERE participation_id = ${kv%%:*}\""
done
ALLN=$(q "SELECT COUNT(*) $FV_ROWS")
check "personal.fv's list has pages ($ALLN rows)" test "$ALLN" -gt 100
U="/deltagare?status=alla"
got=$(walk "$FV" "$U" /deltagande)
eq "the list by name, page by page, every row once" "$got" "$(sql_ids "SELECT p.id $FV_ROWS ORDER BY $NAME, p.id")"
pos() { echo "$got" | tr ' ' '\n' | grep -n "^$(q "SELECT participation_id FROM participation_person
	WHERE last_name = '$1' AND first_name = 'Testa'")\$" | cut -d: -f1; }
check "... Aalto < Zetterlund < Åberg < Ärlig < Östlund" test "$(pos Aalto)" -lt "$(pos Zetterlund)" -a \
	"$(pos Zetterlund)" -lt "$(pos Åberg)" -a "$(pos Åberg)" -lt "$(pos Ärlig)" -a "$(pos Ärlig)" -lt "$(pos Östlund)"
eq "... backwards" "$(walk "$FV" "$U&sortera=namn&ordning=fallande" /deltagande)" \
	"$(sql_ids "SELECT p.id $FV_ROWS ORDER BY $NAME DESC, p.id DESC")"
eq "... by start (newest first)" "$(walk "$FV" "$U&sortera=start" /deltagande)" \
	"$(sql_ids "SELECT p.id $FV_ROWS ORDER BY p.start_date DESC, $NAME, p.id")"
eq "... by contact, backwards" "$(walk "$FV" "$U&sortera=kontakt&ordning=fallande" /deltagande)" \
	"$(sql_ids "SELECT p.id $FV_ROWS ORDER BY (SELECT display_name FROM staff WHERE id = p.contact_id) DESC,
	$NAME, p.id")"
# A name changed as the insats records it: the list follows.
R1=$(echo "$KEEP" | cut -d' ' -f1 | cut -d: -f1)
q "UPDATE participation_person SET last_name = 'Aaaaberg' WHERE participation_id = $R1"
fetch -b "$FV" "$BASE$U" > /dev/null
eq "a name changed: first in the list" "$(page_ids /deltagande | cut -d' ' -f1)" "$R1"
q "UPDATE participation_person SET last_name = 'Zetterlund' WHERE participation_id = $R1"

# --- Paging by key: a row changed in another tab between page 1 and page
# 2 neither skips a row nor shows one twice.
E=($(sql_ids "SELECT p.id $FV_ROWS ORDER BY $NAME, p.id"))
fetch -b "$FV" "$BASE$U" > /dev/null
# The list's pages stay 50 (struct paging's own size; the inbox sets 10).
check "the list links to the next 50" grep -q 'rel="next">Nästa 50</a>' "$BODY"
N2=$(next_url)
# A row of page 1 moves to the end (its name changed).
MOVED=${E[3]}
OLDLN=$(q "SELECT last_name FROM participation_person WHERE participation_id = $MOVED")
q "UPDATE participation_person SET last_name = 'Öööö' WHERE participation_id = $MOVED"
fetch -b "$FV" "$BASE$N2" > /dev/null
eq "a page-1 row gone meanwhile: page 2 starts where page 1 ended" "$(page_ids /deltagande | cut -d' ' -f1-2)" "${E[50]} ${E[51]}"
q "UPDATE participation_person SET last_name = '$OLDLN' WHERE participation_id = $MOVED"
# A later row moves into page 1.
fetch -b "$FV" "$BASE$U" > /dev/null
N2=$(next_url)
MOVED=${E[120]}
OLDLN=$(q "SELECT last_name FROM participation_person WHERE participation_id = $MOVED")
q "UPDATE participation_person SET last_name = 'Aaaa' WHERE participation_id = $MOVED"
fetch -b "$FV" "$BASE$N2" > /dev/null
eq "a row new on page 1 meanwhile: page 2 repeats none" "$(page_ids /deltagande | cut -d' ' -f1-2)" "${E[50]} ${E[51]}"
q "UPDATE participation_person SET last_name = '$OLDLN' WHERE participation_id = $MOVED"
# A key of another insats's participation is no key: the first page.
OTHERP=$(q "SELECT MIN(id) FROM participation WHERE insats_id NOT IN ($MINE)")
expect_status "a key of another insats's row" 200 -b "$FV" "$BASE$U&efter=$OTHERP&sida=2"
eq "... is the first page" "$(page_ids /deltagande | cut -d' ' -f1)" "${E[0]}"
order_ok "after the changes"

# --- The pages read their page, not the data: more participations of
# the same insats (personal.fv's, personal.cm's) and of another leave the
# rows MariaDB reads as they were. The copies are in progress, late in
# nothing, and then late (the inbox counts what is late from late_tally,
# sql/0053, not from the late ones).
OTHER=$(q "SELECT insats_id FROM participation WHERE insats_id NOT IN ($MINE)
	AND insats_id NOT IN (SELECT insats_id FROM staff_insats WHERE staff_id = $CM_ID)
	GROUP BY insats_id ORDER BY COUNT(*) DESC, insats_id LIMIT 1")
FV_INS=$(q "SELECT MIN(insats_id) FROM staff_insats WHERE staff_id = $FV_ID")
CM_INS=$(q "SELECT MIN(insats_id) FROM staff_insats WHERE staff_id = $CM_ID")
SRCP=$(q "SELECT MIN(id) FROM participation WHERE gallrad_at IS NULL")
SRCR=$(q "SELECT referral_id FROM participation WHERE id = $SRCP")
MAXR=$(q "SELECT MAX(id) FROM referral")
MAXP=$(q "SELECT MAX(id) FROM participation")
cols_of() {
	q "SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position) FROM information_schema.columns
		WHERE table_schema = 'stegvis' AND table_name = '$1' AND column_name NOT IN ($2)"
}
PACOLS=$(cols_of participation "'id', 'referral_id'")
PPCOLS=$(cols_of participation_person "'participation_id'")
# add_parts N INSATS [late]: N more participations in INSATS, copies of
# SRCP, each with a referral (admitted) of its own and a name of its own;
# with "late", past their planned end and halfway, on days spread over
# four years.
add_parts() {
	local n=$1 ins=$2 late=${3:-} r0 p0 sel c start=10 end=-300
	r0=$(q "SELECT MAX(id) FROM referral")
	p0=$(q "SELECT MAX(id) FROM participation")
	sel=""
	if [ "$late" = late ]; then
		start="(400 + r.id % 1460)"
		end="(2 + r.id % 1460)"
	fi
	for c in ${PACOLS//,/ }; do
		case $c in
		insats_id) c=$ins ;;
		status) c="'inskriven'" ;;
		start_date) c="DATE('$TODAY') - INTERVAL $start DAY" ;;
		planned_end_date) c="DATE('$TODAY') - INTERVAL $end DAY" ;;
		end_date | summary_due_date | summary_sent_at | gallrad_at | end_reason_code) c=NULL ;;
		*) c="p.$c" ;;
		esac
		sel+="${sel:+, }$c"
	done
	q "INSERT INTO referral ($RCOLS) SELECT $RCOLS FROM referral r JOIN seq_1_to_$n s WHERE r.id = $SRCR;
	UPDATE referral SET status = 'antagen' WHERE id > $r0;
	INSERT INTO participation (referral_id, $PACOLS) SELECT r.id, $sel
		FROM participation p JOIN referral r ON r.id > $r0 WHERE p.id = $SRCP;
	INSERT INTO participation_person (participation_id, $PPCOLS) SELECT p.id,
		$(echo "$PPCOLS" | sed 's/\([a-z_]*\)/x.\1/g; s/x\.last_name/CONCAT(x.last_name, p.id)/')
		FROM participation p JOIN participation_person x ON x.participation_id = $SRCP WHERE p.id > $p0;
	ANALYZE TABLE participation, participation_person, participation_order, referral" > /dev/null
}
at_exit "q 'DELETE FROM participation_person WHERE participation_id > $MAXP'; q 'DELETE FROM participation WHERE id > $MAXP'; q 'DELETE FROM referral WHERE id > $MAXR'"
URLS=("$FV /deltagare" "$FV /deltagare?status=alla" "$FV /deltagare?status=alla&sortera=start"
	"$FV /deltagare?insats=$FV_INS" "$CM /inkorg")
# The baseline is of full pages: on a fresh demo personal.fv's lists hold
# fewer than 50 rows, and a page that shows more reads more. 60 copies in
# each of the two insatser fill every list above before it is measured.
add_parts 60 "$FV_INS"
add_parts 60 "$CM_INS"
FULL=$(q "SELECT MAX(id) FROM participation")
for u in "${URLS[@]}"; do
	[[ $u == *deltagare* ]] || continue
	eq "the baseline page of ${u#* } is full" "$(curl -sS -b "${u%% *}" "$BASE${u#* }" |
		grep -o 'href="/deltagande/[0-9]*"' | sort -u | wc -l)" 50
done
declare -A BEFORE
for u in "${URLS[@]}"; do BEFORE[$u]=$(rows_read_of $u); done
flat() {
	local u
	for u in "${URLS[@]}"; do
		a=$(rows_read_of $u)
		# The order by start sorts every match: it grows, and is only
		# said.
		if [[ $u == *sortera=start* ]]; then
			check "$1: GET ${u#* } answers (rows read ${BEFORE[$u]}, then $a)" test "$a" != "?"
			continue
		fi
		check "$1: GET ${u#* } reads as many rows (${BEFORE[$u]}, then $a)" \
			test "$a" != "?" -a $((a * 100)) -le $((${BEFORE[$u]} * 115))
	done
}
add_parts 2000 "$OTHER"
add_parts 2000 "$FV_INS"
add_parts 2000 "$CM_INS"
eq "2 000 more participations of each of three insatser" \
	"$(q "SELECT COUNT(*) FROM participation WHERE id > $FULL GROUP BY insats_id = $OTHER ORDER BY 1")" "$(printf '2000\n4000')"
flat "2 000 more"
add_parts 18000 "$FV_INS"
add_parts 18000 "$CM_INS"
flat "20 000 more"
add_parts 5000 "$CM_INS" late
add_parts 5000 "$FV_INS" late
eq "5 000 more late in each of two" "$(q "SELECT COUNT(*) FROM participation p JOIN participation_order po
	ON po.participation_id = p.id WHERE p.id > $MAXP AND po.end_late < '$TODAY' AND po.mid_late < '$TODAY'")" 10000
flat "5 000 more late ones"
order_ok "20 000 more"

# The counts are of the same rows as the page, summed from insats_tally.
FVT=$(q "SELECT COUNT(*) $FV_ROWS")
expect_status "the list, all of personal.fv's" 200 -b "$FV" "$BASE/deltagare?status=alla"
expect_body "... counted, exactly" "Visar 1–50 av $FVT"
FVI=$(q "SELECT COUNT(*) $FV_ROWS AND p.status = 'inskriven' AND p.insats_id = $FV_INS")
expect_status "the list, one insats" 200 -b "$FV" "$BASE/deltagare?insats=$FV_INS"
expect_body "... counted, exactly" "Visar 1–50 av $FVI"
# With a filter the stored counts do not have, counted up to a bound.
FVK=$(q "SELECT COUNT(*) $FV_ROWS AND p.status = 'inskriven' AND pe.gender = 'kvinna'")
check "more women enrolled than the list counts ($FVK)" test "$FVK" -gt 1000
expect_status "the list of women" 200 -b "$FV" "$BASE/deltagare?kon=kvinna"
expect_body "... more than it counts" "Visar 1–50 av fler än 1000"
eq "... by name" "$(page_ids /deltagande)" \
	"$(sql_ids "SELECT p.id $FV_ROWS AND p.status = 'inskriven' AND pe.gender = 'kvinna' ORDER BY $NAME, p.id LIMIT 50")"
expect_status "the inbox" 200 -b "$CM" "$BASE/inkorg"
eq "... its occupancy as the participations are" \
	"$(grep -o '<td data-label="Inskrivna">[0-9]*' "$BODY" | sed 's/.*>//' | tr '\n' ' ')" \
	"$(sql_ids "SELECT (SELECT COUNT(*) FROM participation p WHERE p.insats_id = i.id AND p.status = 'inskriven')
	FROM staff_insats si JOIN insats i ON i.id = si.insats_id WHERE si.staff_id = $CM_ID AND i.active = 1
	ORDER BY i.name")"
q "DELETE FROM participation_person WHERE participation_id > $MAXP; DELETE FROM participation WHERE id > $MAXP;
	DELETE FROM referral WHERE id > $MAXR"
order_ok "the copies gone"

# --- The inbox in pages of ten (IP), oldest first, with a link to the rest.
INBOX_IDS=($(sql_ids "SELECT r.id FROM referral r WHERE r.status IN ('inskickad', 'vantelista')
	AND r.gallrad_at IS NULL AND r.insats_id IN (SELECT insats_id FROM staff_insats WHERE staff_id = $CM_ID)
	ORDER BY r.submitted_at IS NULL, r.submitted_at, r.id"))
before=$(audits "object_type = 'referral_list' AND username = 'personal.cm'")
paged=$(audits "object_type = 'referral_list' AND username = 'personal.cm' AND detail = 'inbox: $IP referrals (page 1, $INBOX in all)'")
expect_status "the inbox" 200 -b "$CM" "$BASE/inkorg"
eq "... shows the first ten, oldest first" "$(page_ids /inkorg)" "$(echo "${INBOX_IDS[@]:0:$IP} " )"
expect_body "... says which of how many" "Visar 1–$IP av $INBOX"
expect_body "... counts them all" "Ansökningar att besluta ($INBOX)"
eq "... and is logged once, with the page" \
	"$(audits "object_type = 'referral_list' AND username = 'personal.cm' AND detail = 'inbox: $IP referrals (page 1, $INBOX in all)'")" $((paged + 1))
eq "... one row in all" "$(audits "object_type = 'referral_list' AND username = 'personal.cm'")" $((before + 1))
N2=$(next_url)
check "... links to the next ten" grep -q 'rel="next">Nästa 10</a>' "$BODY"
check "... the rest after its last" test "$N2" = "/inkorg?sortera=inkom&ordning=stigande&efter=${INBOX_IDS[$((IP - 1))]}&sida=2"
# A referral of page 1 decided in another tab before page 2 is asked for.
q "UPDATE referral SET status = 'antagen' WHERE id = ${INBOX_IDS[5]}"
at_exit "q \"UPDATE referral SET status = 'inskickad' WHERE id = ${INBOX_IDS[5]}\""
expect_status "the second page" 200 -b "$CM" "$BASE$N2"
eq "... shows the next ten, none skipped" "$(page_ids /inkorg)" "$(echo "${INBOX_IDS[@]:$IP:$IP} ")"
# Its rows as numbered on page 1, never past the count: one row before
# them went, so the last is the count's.
N2ROWS=$((INBOX - IP < IP ? INBOX - IP : IP))
LAST2=$((IP + N2ROWS > INBOX - 1 ? INBOX - 1 : IP + N2ROWS))
expect_body "... says which" "Visar $((LAST2 - N2ROWS + 1))–$LAST2 av $((INBOX - 1))"
check "... links back to the first" grep -q 'href="/inkorg?sortera=inkom&amp;ordning=stigande&amp;sida=1">Första sidan' "$BODY"
if [ "$INBOX" -le $((2 * IP + 1)) ]; then check "... and no further" test -z "$(next_url)"; fi
expect_status "a key past the end is the first page" 200 -b "$CM" "$BASE/inkorg?efter=${INBOX_IDS[$((INBOX - 1))]}&sida=2"
expect_body "... from the start" "Visar 1–$IP av $((INBOX - 1))"
# The page boundary: after the key with exactly a page left, that page
# and no link further; with one more left, a link to it.
expect_status "the last ten" 200 -b "$CM" "$BASE/inkorg?efter=${INBOX_IDS[$((INBOX - IP - 1))]}&sida=3"
eq "... shows them" "$(page_ids /inkorg)" "$(echo "${INBOX_IDS[@]:$((INBOX - IP)):$IP} ")"
check "... and no further" test -z "$(next_url)"
expect_status "eleven left" 200 -b "$CM" "$BASE/inkorg?efter=${INBOX_IDS[$((INBOX - IP - 2))]}&sida=3"
eq "... shows ten" "$(page_ids /inkorg)" "$(echo "${INBOX_IDS[@]:$((INBOX - IP - 1)):$IP} ")"
check "... and links to the last after them" test "$(next_url)" = "/inkorg?sortera=inkom&ordning=stigande&efter=${INBOX_IDS[$((INBOX - 2))]}&sida=4"
q "UPDATE referral SET status = 'inskickad' WHERE id = ${INBOX_IDS[5]}"

# Six insatser (more than the late counts read each as a constant): the
# pages of their waiting referrals, every one once, in order.
WAITED=$(q "SELECT GROUP_CONCAT(id) FROM referral WHERE insats_id IN
	(SELECT id FROM insats WHERE id <> $CM_INSATS AND active = 1) AND status = 'avradd' AND id % 3 = 0")
check "referrals of other insatser to wait" test -n "$WAITED"
q "INSERT IGNORE INTO staff_insats (staff_id, insats_id) SELECT $CM_ID, id FROM insats
	WHERE id <> $CM_INSATS AND active = 1 ORDER BY id LIMIT 5;
	UPDATE referral SET status = 'vantelista' WHERE id IN ($WAITED)"
at_exit "q \"DELETE FROM staff_insats WHERE staff_id = $CM_ID AND insats_id <> $CM_INSATS; UPDATE referral SET status = 'avradd' WHERE id IN ($WAITED)\""
eq "personal.cm has six insatser" "$(q "SELECT COUNT(*) FROM staff_insats WHERE staff_id = $CM_ID")" 6
eq "... every page of the inbox in order" "$(walk "$CM" /inkorg /inkorg)" \
	"$(sql_ids "SELECT r.id FROM referral r WHERE r.status IN ('inskickad', 'vantelista')
	AND r.gallrad_at IS NULL AND r.insats_id IN (SELECT insats_id FROM staff_insats WHERE staff_id = $CM_ID)
	ORDER BY r.submitted_at IS NULL, r.submitted_at, r.id")"
q "DELETE FROM staff_insats WHERE staff_id = $CM_ID AND insats_id <> $CM_INSATS;
	UPDATE referral SET status = 'avradd' WHERE id IN ($WAITED)"

# --- The kiosk: a tablet holding a code, answering item 1.
FV_INSATS=$(insats_id_of "Friska Vindar 2.0")
PID=$(q "SELECT p.id FROM participation p WHERE p.insats_id = $FV_INSATS AND p.status = 'inskriven'
	AND NOT EXISTS (SELECT 1 FROM questionnaire_response r WHERE r.participation_id = p.id)
	AND NOT EXISTS (SELECT 1 FROM questionnaire_code c WHERE c.participation_id = p.id)
	ORDER BY p.id DESC LIMIT 1")
LQ=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'livskvalitet' AND is_active = 1")
check "a participation without questionnaires" test -n "$PID"
post "$FV" "/deltagande/$PID/enkat" -d "enkat=$LQ" -d matning=start > /dev/null
# Its code and response go again at the end: the demo's participations
# without a questionnaire are few, and other tests need them.
at_exit "q 'DELETE FROM questionnaire_code WHERE participation_id = $PID'; q 'DELETE FROM questionnaire_response WHERE participation_id = $PID'"
CODE=$(grep -o 'name="kod" value="[0-9]\{8\}' "$BODY" | sed 's/.*value="//')
T=$(new_jar)
tablet "$T"
fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta" > /dev/null
fetch -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d sprak=sv "$BASE/enkat/sprak" > /dev/null
RID=$(q "SELECT response_id FROM questionnaire_code WHERE participation_id = $PID")
VAS=$(q "SELECT i.id FROM questionnaire_item i WHERE i.questionnaire_id = $LQ AND i.position = 1")
n=$(statements_of "$T" /enkat/fraga/1)
check "GET /enkat/fraga/1 on a tablet runs at most 4 statements (ran $n)" test "$n" != "?" -a "$n" -le 4
n=$(statements_of "$T" /enkat/fraga/2)
check "GET /enkat/fraga/2 runs at most 4 statements (ran $n)" test "$n" != "?" -a "$n" -le 4
n=$(statements_of_post "$T" /enkat/fraga/1 --data-urlencode "csrf=$KC" -d sprak=sv -d visad=1 -d ga=nasta -d svar=42)
check "POST /enkat/fraga/1 (a saved answer) runs at most 6 statements (issue 19) (ran $n)" test "$n" != "?" -a "$n" -le 6
eq "... and the answer is saved, once" \
	"$(q "SELECT CONCAT(COUNT(*), ' ', MAX(value_int)) FROM questionnaire_answer WHERE response_id = $RID AND item_id = $VAS")" "1 42"
# The screen's key still comes from the one statement: saved 3 times.
expect_status "the screen again" 200 -c "$T" -b "$T" "$BASE/enkat/fraga/1"
eq "... with its key: saved three times" "$(hidden nyckel)" 3
check "... and the answer shown" body_has 'value="42"'

done_testing
