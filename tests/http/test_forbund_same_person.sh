#!/usr/bin/env bash
# One person in two förbund (issue 20): the personnummer is one `person`
# row, the link between one person's referrals and participations, and the
# two demo förbund (SOFTLEG and the invented EXEMPEL) each refer and admit
# the same person. Nothing of one förbund's file may reach the other: not a
# name or address typed there, not that the person is known there, not an
# insats, a consent, an access-log row or a path in the report. (The SUS
# export's separation is test_forbund_sus.sh's and test_walk_forbund.sh's.)
set -u
. "$(dirname "$0")/lib.sh"

log_in FK remittent.fk
log_in CM personal.cm
log_in XR remittent.exempel
log_in XP personal.exempel
log_in XF forbund.exempel
log_in FF forbund
CMI=$(q "SELECT si.insats_id FROM staff_insats si JOIN staff s ON s.id = si.staff_id WHERE s.username = 'personal.cm' LIMIT 1")
XPI=$(q "SELECT si.insats_id FROM staff_insats si JOIN staff s ON s.id = si.staff_id WHERE s.username = 'personal.exempel' LIMIT 1")
CMNAME=$(q "SELECT name FROM insats WHERE id = $CMI")
XPNAME=$(q "SELECT name FROM insats WHERE id = $XPI")
eq "the two insatser are in two förbund" \
	"$(q "SELECT COUNT(DISTINCT forbund_id) FROM insats WHERE id IN ($CMI, $XPI)")" 2
PNR=$(new_pnr 1975 20)

# submit JAR INSATS FIRST ADDRESS CITY PHONE BACKGROUND: a full application
# for PNR as that remittent types it; leaves the referral id in RID.
submit() {
	local kv args=()
	for kv in "personnummer=$(dash "$PNR")" "fornamn=$3" "efternamn=Tvåförbundsson" "kon=man" \
		"adress=$4" "postnummer=46130" "ort=$5" "telefon=$6" "kommun=Vänersborg" \
		"insats=$2" "visa_datum=$TODAY" "forsorjning=sjukpenning" "tid_forsorjning=1_4" \
		"utbildning=gymnasium" "bakgrund=$7" "mal=Mål $3." "samtycke_vid_visa=1" "atgard=skicka"; do
		args+=(--data-urlencode "$kv")
	done
	eq "$3's application is sent" "$(post "$1" /ansokningar/ny "${args[@]}")" 303
	RID=$(loc_id)
	check "$3's referral id" test -n "$RID"
}
# admit JAR REFERRAL STAFF: the insats staff admit it; prints the participation id.
admit() {
	fetch -b "$1" "$BASE/inkorg/$2" > /dev/null
	local v
	v=$(hidden version)
	post "$1" "/inkorg/$2/beslut" --data "beslut=anta" --data "version=$v" --data "startdatum=$4" \
		--data "planerat_slut=$(day 90)" --data "kontaktperson=$(staff_id_of "$3")" --data "timmar=8" > /dev/null
	q "SELECT id FROM participation WHERE referral_id = $2"
}

# --- The first förbund refers and admits the person.
submit "$FK" "$CMI" Första "Softlegsgatan 1" Trollhättan "0520-10 10 10" "Softlegs bakgrund."
RA=$RID
give_waiver "$RA" > /dev/null
PA=$(admit "$CM" "$RA" personal.cm "$TODAY")
check "personal.cm admits" test -n "$PA"

# --- The other förbund's remittent types the same personnummer.
eq "EXEMPEL's remittent searches for the personnummer" \
	"$(post "$XR" /ansokningar/sok --data-urlencode "personnummer=$(dash "$PNR")")" 200
check "and finds nothing of SOFTLEG's (no link to its referral)" body_lacks "/ansokningar/$RA\""
check "nor its insats" body_lacks "$CMNAME"
check "nor the name typed there" body_lacks "Första"
eq "EXEMPEL's remittent saves a draft with only the personnummer" \
	"$(post "$XR" /ansokningar/ny --data-urlencode "personnummer=$(dash "$PNR")" --data-urlencode "fornamn=Andra" \
		--data-urlencode "efternamn=Tvåförbundsson" --data "insats=$XPI" --data "atgard=spara")" 303
RD=$(loc_id)
check "the draft's id" test -n "$RD"
for page in "/ansokningar/$RD" "/ansokningar/$RD/andra"; do
	expect_status "EXEMPEL's draft page $page" 200 -b "$XR" "$BASE$page"
	for leak in "Softlegsgatan" "0520-10 10 10" "Första" "Softlegs bakgrund" "$CMNAME"; do
		check "$page shows nothing SOFTLEG recorded: $leak" body_lacks "$leak"
	done
done
eq "both referrals hang from one person link" \
	"$(q "SELECT COUNT(DISTINCT person_id) FROM referral WHERE id IN ($RA, $RD)")" 1
q "DELETE FROM referral_person WHERE referral_id = $RD; DELETE FROM referral WHERE id = $RD"

submit "$XR" "$XPI" Andra "Exempelvägen 2" Provby "0999-20 20 20" "Exempels bakgrund."
RB=$RID
give_waiver "$RB" > /dev/null
# EXEMPEL starts the person after SOFTLEG's participation has ended: in one
# förbund that would be a step on the path (SOFTLEG's insats the
# predecessor of EXEMPEL's); across two it is nothing.
q "UPDATE referral SET submitted_at = submitted_at - INTERVAL 70 DAY WHERE id = $RA;
	UPDATE participation SET status = 'avslutad', start_date = DATE('$TODAY') - INTERVAL 60 DAY,
	end_date = DATE('$TODAY') - INTERVAL 30 DAY WHERE id = $PA"
PB=$(admit "$XP" "$RB" personal.exempel "$TODAY")
check "personal.exempel admits" test -n "$PB"

# --- Each side's pages show its own file only.
expect_status "EXEMPEL's participation page" 200 -b "$XP" "$BASE/deltagande/$PB"
expect_body "shows EXEMPEL's name" "Andra"
for leak in "Softlegsgatan" "0520-10 10 10" "Första" "Softlegs bakgrund" "$CMNAME" "personal.cm" "remittent.fk"; do
	check "EXEMPEL's participation page shows nothing of SOFTLEG's: $leak" body_lacks "$leak"
done
expect_status "SOFTLEG's participation page" 200 -b "$CM" "$BASE/deltagande/$PA"
expect_body "shows SOFTLEG's name" "Första"
for leak in "Exempelvägen" "0999-20 20 20" "Andra" "Exempels bakgrund" "$XPNAME" "personal.exempel" "remittent.exempel"; do
	check "SOFTLEG's participation page shows nothing of EXEMPEL's: $leak" body_lacks "$leak"
done
expect_status "SOFTLEG's participation history" 200 -b "$CM" "$BASE/deltagande/$PA?visa=historik"
check "... has nothing of EXEMPEL's" body_lacks "$XPNAME"
expect_status "SOFTLEG's remittent's referral page" 200 -b "$FK" "$BASE/ansokningar/$RA"
check "... shows nothing of EXEMPEL's" body_lacks "Exempelvägen"
eq "SOFTLEG's remittent searches for the personnummer" \
	"$(post "$FK" /ansokningar/sok --data-urlencode "personnummer=$(dash "$PNR")")" 200
expect_body "and finds their own referral" "/ansokningar/$RA"
check "not EXEMPEL's" body_lacks "/ansokningar/$RB"
check "nor EXEMPEL's insats" body_lacks "$XPNAME"
for pair in "$XP:/samtycken/ansokan/$RA" "$XP:/deltagande/$PA" "$XR:/ansokningar/$RA" \
	"$CM:/deltagande/$PB" "$FK:/ansokningar/$RB" "$CM:/samtycken/ansokan/$RB"; do
	expect_status "the other förbund's file by id: ${pair#*:}" 404 -b "${pair%%:*}" "$BASE${pair#*:}"
done
expect_status "EXEMPEL's consents of its referral" 200 -b "$XR" "$BASE/samtycken/ansokan/$RB"
check "... list no SOFTLEG party" body_lacks "$CMNAME"

# --- The access log: each förbund's rows are its own.
eq "SOFTLEG's reads of its file are logged in SOFTLEG" \
	"$(audits "object_type = 'participation' AND object_id = $PA AND forbund_id <> $(forbund_id_of SOFTLEG)")" 0
eq "EXEMPEL's reads of its file are logged in EXEMPEL" \
	"$(audits "object_type = 'participation' AND object_id = $PB AND forbund_id <> $(forbund_id_of EXEMPEL)")" 0
log_in XA admin.exempel
fetch -b "$XA" "$BASE/admin/logg?personnummer=$(dash "$PNR")" > /dev/null
check "EXEMPEL's admin's log search for the personnummer shows no SOFTLEG account" \
	bash -c "! grep -qE 'remittent\\.fk|personal\\.cm' '$BODY'"

# --- The report's path stays in the förbund. Within one förbund SOFTLEG's
# participation (ended 30 days ago) would have EXEMPEL's (begun today) as its
# successor, and EXEMPEL's would have SOFTLEG's as its predecessor. Across
# two, each förbund's report must be exactly what it is when the other
# förbund's participation is not there at all (marked in error, which the
# path never counts). The names of the other's insatser appear nowhere.
YEAR=${TODAY:0:4}
report_of() { # JAR: the yearly report's CSV and page, with the time stamps taken out
	local page
	for page in "/rapporter.csv?insats=0&period=ar&ar=$YEAR" "/rapporter?insats=0&period=ar&ar=$YEAR"; do
		fetch -b "$1" "$BASE$page" > /dev/null
		sed -e 's/[0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}[ T][0-9]\{2\}:[0-9]\{2\}\(:[0-9]\{2\}\)\{0,1\}/TIME/g' \
			-e 's/name="csrf" value="[0-9a-f]*"//g' "$BODY"
	done
}
same_report() { # JAR NAME OTHER_PARTICIPATION: the report with and without it
	local with without was
	was=$(q "SELECT CONCAT_WS(',', QUOTE(status), IFNULL(QUOTE(end_date), 'NULL')) FROM participation WHERE id = $3")
	with=$(report_of "$1")
	q "UPDATE participation SET status = 'felregistrerad', end_date = IFNULL(end_date, DATE('$TODAY')) WHERE id = $3"
	eq "$2: the other förbund's participation is marked in error for the comparison" \
		"$(q "SELECT status FROM participation WHERE id = $3")" felregistrerad
	without=$(report_of "$1")
	q "UPDATE participation SET status = ${was%%,*}, end_date = ${was#*,} WHERE id = $3"
	eq "$2: ... and back as it was" \
		"$(q "SELECT CONCAT_WS(',', QUOTE(status), IFNULL(QUOTE(end_date), 'NULL')) FROM participation WHERE id = $3")" "$was"
	if [ -n "$with" ] && [ "$with" = "$without" ]; then
		ok "$2's report is the same with and without the other förbund's participation"
	else
		not_ok "$2's report changes with the other förbund's participation"
		diff <(echo "$with") <(echo "$without") | head -10
	fi
	check "$2's report names no insats of the other förbund" \
		bash -c "! grep -qF -- \"\$1\" <<< \"\$2\"" _ "$4" "$with"
}
same_report "$FF" SOFTLEG "$PB" "$XPNAME"
same_report "$XF" EXEMPEL "$PA" "$CMNAME"
eq "in SQL too: no participation of the person links across förbund by its insats" \
	"$(q "SELECT COUNT(*) FROM participation p JOIN insats i ON i.id = p.insats_id JOIN referral r ON r.id = p.referral_id
		JOIN insats ri ON ri.id = r.insats_id WHERE p.id IN ($PA, $PB) AND i.forbund_id <> ri.forbund_id")" 0

# Leave nothing open in the demo's insatser for later tests.
q "UPDATE participation SET status = 'avslutad', end_date = DATE('$TODAY') WHERE id IN ($PA, $PB)"
done_testing
