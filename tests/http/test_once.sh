# One-time keys on the casework create forms (issue 18, item 2; once.h):
# a retry never makes a duplicate. For each form: (a) the form carries a
# key; (b) the same POST twice makes one record and both answers are the
# same 303; (c) two at once make one; (d) another account's POST with the
# same key string makes its own; (e) a malformed key is a Swedish 400 that
# keeps what was typed; (f) a refused POST followed by a fixed one with the
# same key creates exactly one. A repeat writes no audit row either.
. "$(dirname "$0")/lib.sh"

P=t_once_$$
FK=$(org_id_of Försäkringskassan)
mk_account "${P}_a" "$FK" remittent
mk_account "${P}_b" "$FK" remittent
A_ID=$(staff_id_of "${P}_a")
INSATS=$(q "SELECT MIN(id) FROM insats WHERE active = 1")
BAD_KEY=0123456789abcdefXYZ0123456789abc
BADMSG="engångsnyckel är skadad"
TMPD=$(mktemp -d)
at_exit 'rm -rf "$TMPD"'

# par_post JAR CSRF OUT [curl args…] PATH: a POST in the background; the
# status in OUT.code, the headers in OUT.head.
par_post() {
	local jar=$1 csrf=$2 out=$3
	shift 3
	curl -sS -o /dev/null -D "$out.head" -w '%{http_code}' --max-time 60 -b "$jar" \
		--data-urlencode "csrf=$csrf" "$@" > "$out.code" 2> /dev/null
}
head_loc() { tr -d '\r' < "$1" | sed -n -E 's/^[Ll]ocation: *//p'; }

# ---------------------------------------------------------------------
# POST /ansokningar/ny
# ---------------------------------------------------------------------
as "${P}_a" > /dev/null
as "${P}_b" > /dev/null
aget "${P}_a" /ansokningar/ny > /dev/null
K1=$(hidden skapanyckel)
CSRF_A=$(form_csrf)
check "(a) the application form has a key of 32 hex digits" bash -c "[[ '$K1' =~ ^[0-9a-f]{32}$ ]]"
aget "${P}_a" /ansokningar/ny > /dev/null
check "each form drawn gets a new key" test "$(hidden skapanyckel)" != "$K1"
ref_args() { # NAME KEY [more curl args]
	local name=$1 key=$2
	shift 2
	REF=(--data-urlencode "personnummer=$(dash "$(pnr 19800101)")" --data-urlencode "fornamn=$name"
		--data-urlencode "efternamn=Engångsson" --data "insats=$INSATS" --data "atgard=spara"
		--data-urlencode "skapanyckel=$key" "$@")
}
refs_named() { q "SELECT COUNT(*) FROM referral r JOIN referral_person p ON p.referral_id = r.id WHERE p.first_name = '$1'"; }
# audits_of STAFF_ID: the account's audit rows (a repeat adds none), but
# the start page's list read that apost's token fetch writes.
audits_of() { q "SELECT COUNT(*) FROM audit_log WHERE staff_id = $1 AND object_type <> 'participation_list'"; }

N1="Ettan$$"
ref_args "$N1" "$K1"
eq "(b) the first POST saves (303)" "$(apost "${P}_a" /ansokningar/ny "${REF[@]}")" 303
L1=$(location)
check "to the new application" bash -c "[[ '$L1' =~ ^/ansokningar/[0-9]+\\?sparat=1$ ]]"
AUD=$(audits_of "$A_ID")
eq "(b) the same POST again" "$(apost "${P}_a" /ansokningar/ny "${REF[@]}")" 303
eq "(b) answers with the same location" "$(location)" "$L1"
eq "(b) one application" "$(refs_named "$N1")" 1
eq "(b) the repeat wrote no audit row" "$(audits_of "$A_ID")" "$AUD"
eq "(b) the key's row holds the location" \
	"$(q "SELECT location FROM form_once WHERE staff_id = $A_ID AND once_key = '$K1'")" "$L1"

# (g) The Back button brings the form back with its used key, and it is
# filled in again for the next client: a new submission, not a retry. It
# makes its own application, and its own retry is answered as it was.
N1B="Tillbaka$$"
BACK=(--data-urlencode "personnummer=$(dash "$(pnr 19800102)")" --data-urlencode "fornamn=$N1B"
	--data-urlencode "efternamn=Engångsson" --data "insats=$INSATS" --data "atgard=spara"
	--data-urlencode "skapanyckel=$K1")
eq "(g) the used key with other content saves (303)" "$(apost "${P}_a" /ansokningar/ny "${BACK[@]}")" 303
L1B=$(location)
check "(g) to a new application, not the first one ($L1B)" \
	bash -c "[[ '$L1B' =~ ^/ansokningar/[0-9]+\\?sparat=1$ && '$L1B' != '$L1' ]]"
eq "(g) the other person's application exists" "$(refs_named "$N1B")" 1
eq "(g) its retry answers with it" "$(apost "${P}_a" /ansokningar/ny "${BACK[@]}")" 303
eq "(g) ... the same location" "$(location)" "$L1B"
eq "(g) still one of each" "$(refs_named "$N1B")$(refs_named "$N1")" 11
eq "(g) the first submission's retry still answers with the first" \
	"$(apost "${P}_a" /ansokningar/ny "${REF[@]}")$(location)" "303$L1"

# (c) two at once
aget "${P}_a" /ansokningar/ny > /dev/null
K2=$(hidden skapanyckel)
CSRF_A=$(form_csrf)
N2="Tvåan$$"
ref_args "$N2" "$K2"
par_post "$(jar "${P}_a")" "$CSRF_A" "$TMPD/c1" "${REF[@]}" "$BASE/ansokningar/ny" &
par_post "$(jar "${P}_a")" "$CSRF_A" "$TMPD/c2" "${REF[@]}" "$BASE/ansokningar/ny" &
wait
eq "(c) both parallel POSTs answer 303" "$(cat "$TMPD/c1.code") $(cat "$TMPD/c2.code")" "303 303"
eq "(c) to the same place" "$(head_loc "$TMPD/c1.head")" "$(head_loc "$TMPD/c2.head")"
eq "(c) one application" "$(refs_named "$N2")" 1

# (d) another account, the same key string
N3="Trean$$"
ref_args "$N3" "$K1"
eq "(d) B posts with A's key string" "$(apost "${P}_b" /ansokningar/ny "${REF[@]}")" 303
LB=$(location)
check "(d) to B's own application" test "$LB" != "$L1"
eq "(d) B's application exists" "$(refs_named "$N3")" 1

# (e) a malformed key
N4="Fyran$$"
ref_args "$N4" "$BAD_KEY" --data-urlencode "bakgrund=Text som ska finnas kvar $$"
eq "(e) a malformed key is a 400" "$(apost "${P}_a" /ansokningar/ny "${REF[@]}")" 400
expect_body "(e) with a Swedish message" "$BADMSG"
expect_body "(e) keeping what was typed" "Text som ska finnas kvar $$"
expect_body "(e) and the name" "value=\"$N4\""
check "(e) with a new, well-formed key" bash -c "[[ '$(hidden skapanyckel)' =~ ^[0-9a-f]{32}$ ]]"
eq "(e) nothing saved" "$(refs_named "$N4")" 0

# (f) refused, then fixed, with the same key
aget "${P}_a" /ansokningar/ny > /dev/null
K3=$(hidden skapanyckel)
N5="Femman$$"
ref_args "$N5" "$K3" --data "insats="
eq "(f) a POST without insats is refused (400)" "$(apost "${P}_a" /ansokningar/ny "${REF[@]}")" 400
eq "(f) the form comes back with the same key" "$(hidden skapanyckel)" "$K3"
eq "(f) the key is free again" "$(q "SELECT COUNT(*) FROM form_once WHERE staff_id = $A_ID AND once_key = '$K3'")" 0
ref_args "$N5" "$K3"
eq "(f) the fixed POST saves (303)" "$(apost "${P}_a" /ansokningar/ny "${REF[@]}")" 303
eq "(f) and once more (303)" "$(apost "${P}_a" /ansokningar/ny "${REF[@]}")" 303
eq "(f) exactly one application" "$(refs_named "$N5")" 1

# A form kept over an ended session keeps its key: "Skicka igen" creates
# it, and the old tab's retry of the same form answers with it.
q "DELETE FROM form_stash WHERE staff_id = $A_ID"
jar=$(new_jar)
login "$jar" "${P}_a" > /dev/null
fetch -b "$jar" -c "$jar" "$BASE/ansokningar/ny" > /dev/null
K4=$(hidden skapanyckel)
CSRF_OLD=$(form_csrf)
end_everywhere "${P}_a"
N6="Sexan$$"
ref_args "$N6" "$K4"
eq "sent after the session ended: to the login page" \
	"$(fetch -b "$jar" -c "$jar" -H "Origin: $BASE" --data-urlencode "csrf=$CSRF_OLD" "${REF[@]}" "$BASE/ansokningar/ny")" 303
eq "logging in again" "$(login "$jar" "${P}_a")" 303
fetch -b "$jar" "$BASE/formular/sparat" > /dev/null
eq "Skicka igen" "$(fetch -b "$jar" -c "$jar" --data-urlencode "csrf=$(form_csrf)" "$BASE/formular/sparat/skicka")" 303
L6=$(location)
eq "creates it under the form's key" "$(q "SELECT location FROM form_once WHERE staff_id = $A_ID AND once_key = '$K4'")" "$L6"
fetch -b "$jar" "$BASE/start" > /dev/null
eq "the old form sent again" "$(fetch -b "$jar" -c "$jar" --data-urlencode "csrf=$(form_csrf)" "${REF[@]}" "$BASE/ansokningar/ny")" 303
eq "answers with the same application" "$(location)" "$L6"
eq "one application" "$(refs_named "$N6")" 1

# ---------------------------------------------------------------------
# POST /samtycken/ansokan/:id/ny (a SUS consent for the tablet: the
# smallest valid form)
# ---------------------------------------------------------------------
RA=$(echo "$L1" | sed -E 's#^/ansokningar/([0-9]+).*#\1#')
RB=$(echo "$LB" | sed -E 's#^/ansokningar/([0-9]+).*#\1#')
as "${P}_a" > /dev/null # the stash case above ended its session
consents_of() { q "SELECT COUNT(*) FROM consent WHERE referral_id = $1"; }
con_args() { # KEY [more curl args]
	local key=$1
	shift
	CON=(--data "typ=sus" --data "sprak=sv" --data "fran=$TODAY" --data "satt=surfplatta"
		--data-urlencode "skapanyckel=$key" "$@")
}
eq "(a) the consent form" "$(aget "${P}_a" "/samtycken/ansokan/$RA/ny?typ=sus")" 200
CK1=$(hidden skapanyckel)
check "(a) has a key" bash -c "[[ '$CK1' =~ ^[0-9a-f]{32}$ ]]"
con_args "$CK1"
eq "(b) the consent is prepared (303)" "$(apost "${P}_a" "/samtycken/ansokan/$RA/ny" "${CON[@]}")" 303
CL1=$(location)
check "(b) to its tablet page" bash -c "[[ '$CL1' =~ ^/samtycken/[0-9]+/surfplatta$ ]]"
AUD=$(audits_of "$A_ID")
eq "(b) the same POST again" "$(apost "${P}_a" "/samtycken/ansokan/$RA/ny" "${CON[@]}")" 303
eq "(b) answers with the same consent" "$(location)" "$CL1"
eq "(b) one consent" "$(consents_of "$RA")" 1
eq "(b) the repeat wrote no audit row" "$(audits_of "$A_ID")" "$AUD"

aget "${P}_a" "/samtycken/ansokan/$RA/ny?typ=sus" > /dev/null
CK2=$(hidden skapanyckel)
CSRF_A=$(form_csrf)
con_args "$CK2"
par_post "$(jar "${P}_a")" "$CSRF_A" "$TMPD/d1" "${CON[@]}" "$BASE/samtycken/ansokan/$RA/ny" &
par_post "$(jar "${P}_a")" "$CSRF_A" "$TMPD/d2" "${CON[@]}" "$BASE/samtycken/ansokan/$RA/ny" &
wait
eq "(c) both parallel POSTs answer 303" "$(cat "$TMPD/d1.code") $(cat "$TMPD/d2.code")" "303 303"
eq "(c) to the same consent" "$(head_loc "$TMPD/d1.head")" "$(head_loc "$TMPD/d2.head")"
eq "(c) one more consent, not two" "$(consents_of "$RA")" 2

con_args "$CK1"
eq "(d) B with A's key string, on B's referral" "$(apost "${P}_b" "/samtycken/ansokan/$RB/ny" "${CON[@]}")" 303
eq "(d) makes B's own consent" "$(consents_of "$RB")" 1

con_args "$BAD_KEY" --data "tolk=1" --data-urlencode "tolksprak=Tigrinja $$"
eq "(e) a malformed key is a 400" "$(apost "${P}_a" "/samtycken/ansokan/$RA/ny" "${CON[@]}")" 400
expect_body "(e) with a Swedish message" "$BADMSG"
expect_body "(e) keeping what was typed" "Tigrinja $$"
eq "(e) nothing saved" "$(consents_of "$RA")" 2

aget "${P}_a" "/samtycken/ansokan/$RA/ny?typ=sus" > /dev/null
CK3=$(hidden skapanyckel)
con_args "$CK3" --data "fran="
eq "(f) a POST without a start date is refused (400)" "$(apost "${P}_a" "/samtycken/ansokan/$RA/ny" "${CON[@]}")" 400
eq "(f) the form comes back with the same key" "$(hidden skapanyckel)" "$CK3"
con_args "$CK3"
eq "(f) the fixed POST (303)" "$(apost "${P}_a" "/samtycken/ansokan/$RA/ny" "${CON[@]}")" 303
eq "(f) and once more (303)" "$(apost "${P}_a" "/samtycken/ansokan/$RA/ny" "${CON[@]}")" 303
eq "(f) exactly one more consent" "$(consents_of "$RA")" 3

# ---------------------------------------------------------------------
# A participation of the test's own: A applies to Friska Vindar, the
# test's two staff of that insats admit it.
# ---------------------------------------------------------------------
FVI=$(insats_id_of "Friska Vindar 2.0") # the most places
HOST=$(q "SELECT host_organisation_id FROM insats WHERE id = $FVI")
mk_account "${P}_s1" "$HOST" insatspersonal
mk_account "${P}_s2" "$HOST" insatspersonal
S1=$(staff_id_of "${P}_s1")
S2=$(staff_id_of "${P}_s2")
q "INSERT INTO staff_insats (staff_id, insats_id) VALUES ($S1, $FVI), ($S2, $FVI)"
as "${P}_s1" > /dev/null
as "${P}_s2" > /dev/null
# submitted NAME: a submitted referral of A's for NAME to Friska Vindar,
# with a waiver; prints its id.
submitted() {
	apost "${P}_a" /ansokningar/ny --data-urlencode "personnummer=$(dash "$(pnr 19800101)")" \
		--data-urlencode "fornamn=$1" --data-urlencode "efternamn=Engångsson" --data "atgard=skicka" \
		--data "insats=$FVI" --data "visa_datum=$TODAY" --data "forsorjning=sjukpenning" \
		--data "tid_forsorjning=1_4" --data "utbildning=gymnasium" --data-urlencode "bakgrund=B" \
		--data-urlencode "mal=M" --data "samtycke_vid_visa=1" > /dev/null
	loc_id
	give_waiver "$(loc_id)" > /dev/null
}
# admitted NAME: a submitted referral of A's for NAME, admitted by s1;
# prints the participation id.
admitted() {
	local rid v
	rid=$(submitted "$1")
	aget "${P}_s1" "/inkorg/$rid" > /dev/null
	v=$(hidden version)
	apost "${P}_s1" "/inkorg/$rid/beslut" --data "beslut=anta" --data "version=$v" \
		--data "startdatum=$TODAY" --data "planerat_slut=$(day 90)" --data "kontaktperson=$S1" \
		--data "timmar=8" > /dev/null
	q "SELECT id FROM participation WHERE referral_id = $rid"
}
PA=$(admitted "Sjuan$$")
check "the test's participation" test -n "$PA"

# ---------------------------------------------------------------------
# POST /deltagande/:id/forlangning
# ---------------------------------------------------------------------
exts() { q "SELECT COUNT(*) FROM participation_extension WHERE participation_id = $PA"; }
ext_form() { # USER: the page; its key, version and token
	aget "$1" "/deltagande/$PA?form=forlangning" > /dev/null
	EK=$(form_hidden "/deltagande/$PA/forlangning" skapanyckel)
	EV=$(form_hidden "/deltagande/$PA/forlangning" version)
	ECSRF=$(form_csrf)
}
ext_args() { # KEY VERSION DAYS [more]
	local key=$1 v=$2 d=$3
	shift 3
	EXT=(--data-urlencode "skapanyckel=$key" --data "version=$v" --data "nytt_slut=$(day "$d")"
		--data-urlencode "orsak=Mer tid $$" "$@")
}
ext_form "${P}_s1"
check "(a) the extension form has a key" bash -c "[[ '$EK' =~ ^[0-9a-f]{32}$ ]]"
ext_args "$EK" "$EV" 100
eq "(b) the extension is saved (303)" "$(apost "${P}_s1" "/deltagande/$PA/forlangning" "${EXT[@]}")" 303
XL=$(location)
AUD=$(audits_of "$S1")
eq "(b) the same POST again: 303, not stale" "$(apost "${P}_s1" "/deltagande/$PA/forlangning" "${EXT[@]}")" 303
eq "(b) to the same page" "$(location)" "$XL"
eq "(b) one extension" "$(exts)" 1
eq "(b) the repeat wrote no audit row" "$(audits_of "$S1")" "$AUD"
OLDV=$EV
ext_form "${P}_s1"
ext_args "$EK" "$OLDV" 110
eq "a new key on the old version is still stale (409)" "$(apost "${P}_s1" "/deltagande/$PA/forlangning" "${EXT[@]}")" 409
eq "and adds nothing" "$(exts)" 1

ext_form "${P}_s1"
ext_args "$EK" "$EV" 120
par_post "$(jar "${P}_s1")" "$ECSRF" "$TMPD/e1" "${EXT[@]}" "$BASE/deltagande/$PA/forlangning" &
par_post "$(jar "${P}_s1")" "$ECSRF" "$TMPD/e2" "${EXT[@]}" "$BASE/deltagande/$PA/forlangning" &
wait
eq "(c) both parallel POSTs answer 303" "$(cat "$TMPD/e1.code") $(cat "$TMPD/e2.code")" "303 303"
eq "(c) one more extension, not two" "$(exts)" 2

ext_form "${P}_s2"
ext_args "$EK" "$EV" 130
eq "(d) s2 with s1's key string saves its own (303)" "$(apost "${P}_s2" "/deltagande/$PA/forlangning" "${EXT[@]}")" 303
eq "(d) a third extension" "$(exts)" 3

ext_form "${P}_s1"
ext_args "$BAD_KEY" "$EV" 140
eq "(e) a malformed key is a 400" "$(apost "${P}_s1" "/deltagande/$PA/forlangning" "${EXT[@]}")" 400
expect_body "(e) with a Swedish message" "$BADMSG"
expect_body "(e) keeping what was typed" "Mer tid $$"
eq "(e) nothing saved" "$(exts)" 3

ext_form "${P}_s1"
ext_args "$EK" "$EV" -400
eq "(f) an end before the start is refused (400)" "$(apost "${P}_s1" "/deltagande/$PA/forlangning" "${EXT[@]}")" 400
eq "(f) the form comes back with the same key" "$(form_hidden "/deltagande/$PA/forlangning" skapanyckel)" "$EK"
ext_args "$EK" "$EV" 150
eq "(f) the fixed POST (303)" "$(apost "${P}_s1" "/deltagande/$PA/forlangning" "${EXT[@]}")" 303
eq "(f) and once more (303)" "$(apost "${P}_s1" "/deltagande/$PA/forlangning" "${EXT[@]}")" 303
eq "(f) exactly one more extension" "$(exts)" 4

# ---------------------------------------------------------------------
# POST /inkorg/:id/beslut: each decision form has its own key; a resend
# answers as the first did, a different decision is refused as before.
# ---------------------------------------------------------------------
# dec_page USER RID: the inbox page; the version and the forms' keys.
dec_page() {
	aget "$1" "/inkorg/$2" > /dev/null
	DV=$(hidden version)
	DCSRF=$(form_csrf)
	for k in anta avrada aterfor vantelista; do
		printf -v "DK_$k" '%s' "$(FK=$k perl -0777 -ne 'print $1 if /name="beslut" value="\Q$ENV{FK}\E">\s*<input type="hidden" name="skapanyckel" value="([^"]*)"/' "$BODY")"
	done
}
anta_args() { # KEY [more]
	local key=$1
	shift
	ANTA=(--data "beslut=anta" --data "version=$DV" --data-urlencode "skapanyckel=$key"
		--data "startdatum=$TODAY" --data "planerat_slut=$(day 90)" --data "kontaktperson=$S1"
		--data "timmar=8" "$@")
}
parts_of() { q "SELECT COUNT(*) FROM participation WHERE referral_id = $1"; }
status_of() { q "SELECT status FROM referral WHERE id = $1"; }

R1=$(submitted "Åttan$$")
dec_page "${P}_s1" "$R1"
check "(a) the admission form has a key" bash -c "[[ '$DK_anta' =~ ^[0-9a-f]{32}$ ]]"
eq "(a) each decision form its own" "$(printf '%s\n' "$DK_anta" "$DK_avrada" "$DK_aterfor" "$DK_vantelista" | sort -u | grep -c .)" 4
anta_args "$DK_anta"
eq "(b) the admission (303)" "$(apost "${P}_s1" "/inkorg/$R1/beslut" "${ANTA[@]}")" 303
DL=$(location)
eq "(b) to the new participation" "$DL" "/deltagande/$(q "SELECT id FROM participation WHERE referral_id = $R1")?antagen=1"
AUD=$(audits_of "$S1")
eq "(b) the same POST again: 303, not 409" "$(apost "${P}_s1" "/inkorg/$R1/beslut" "${ANTA[@]}")" 303
eq "(b) to the same participation" "$(location)" "$DL"
eq "(b) one participation" "$(parts_of "$R1")" 1
eq "(b) the repeat wrote no audit row" "$(audits_of "$S1")" "$AUD"
eq "(b) the key's row holds the location" \
	"$(q "SELECT location FROM form_once WHERE staff_id = $S1 AND once_key = '$DK_anta'")" "$DL"
eq "a different decision from the same page is refused (409)" \
	"$(apost "${P}_s1" "/inkorg/$R1/beslut" --data "beslut=avrada" --data "version=$DV" \
		--data-urlencode "skapanyckel=$DK_avrada" --data "avrada_orsak=$(q "SELECT code FROM code_advise_against WHERE active = 1 LIMIT 1")" \
		--data-urlencode "avrada_motivering=Sent $$")" 409
expect_body "as today" "redan beslutad"
eq "and changes nothing" "$(status_of "$R1") $(parts_of "$R1")" "antagen 1"

R2=$(submitted "Nian$$")
dec_page "${P}_s1" "$R2"
ATER=(--data "beslut=aterfor" --data "version=$DV" --data-urlencode "skapanyckel=$DK_aterfor"
	--data-urlencode "aterfor_motivering=Komplettera $$")
eq "(b) a send-back (303)" "$(apost "${P}_s1" "/inkorg/$R2/beslut" "${ATER[@]}")" 303
eq "(b) to the referral in the inbox" "$(location)" "/inkorg/$R2?sparat=1"
eq "(b) sent again: the same 303" "$(apost "${P}_s1" "/inkorg/$R2/beslut" "${ATER[@]}")" 303
eq "(b) to the same place" "$(location)" "/inkorg/$R2?sparat=1"
eq "(b) sent back once" "$(q "SELECT COUNT(*) FROM change_history WHERE record_type = 'referral' AND record_id = $R2 AND field = 'status' AND new_value = '$(status_of "$R2")'")" 1

R3=$(submitted "Tian$$")
dec_page "${P}_s1" "$R3"
anta_args "$DK_anta"
par_post "$(jar "${P}_s1")" "$DCSRF" "$TMPD/g1" "${ANTA[@]}" "$BASE/inkorg/$R3/beslut" &
par_post "$(jar "${P}_s1")" "$DCSRF" "$TMPD/g2" "${ANTA[@]}" "$BASE/inkorg/$R3/beslut" &
wait
eq "(c) both parallel admissions answer 303" "$(cat "$TMPD/g1.code") $(cat "$TMPD/g2.code")" "303 303"
eq "(c) to the same participation" "$(head_loc "$TMPD/g1.head")" "$(head_loc "$TMPD/g2.head")"
eq "(c) one participation" "$(parts_of "$R3")" 1

R4=$(submitted "Elvan$$")
dec_page "${P}_s2" "$R4"
anta_args "$DK_anta" # s1's key string from R3's page
eq "(d) s2 with s1's key string decides its own (303)" "$(apost "${P}_s2" "/inkorg/$R4/beslut" "${ANTA[@]}")" 303
eq "(d) a participation of R4" "$(parts_of "$R4")" 1

R5=$(submitted "Tolvan$$")
dec_page "${P}_s1" "$R5"
eq "(e) a malformed key is a 400" "$(apost "${P}_s1" "/inkorg/$R5/beslut" --data "beslut=aterfor" --data "version=$DV" \
	--data-urlencode "skapanyckel=$BAD_KEY" --data-urlencode "aterfor_motivering=Kvar $$")" 400
expect_body "(e) with a Swedish message" "$BADMSG"
expect_body "(e) keeping what was typed" "Kvar $$"
check "(e) the form gets a new, well-formed key" bash -c "[[ '$(FK=aterfor perl -0777 -ne 'print $1 if /name="beslut" value="aterfor">\s*<input type="hidden" name="skapanyckel" value="([0-9a-f]{32})"/' "$BODY")' =~ ^[0-9a-f]{32}$ ]]"
eq "(e) nothing decided" "$(status_of "$R5")" inskickad

anta_args "$DK_anta" --data "kontaktperson="
eq "(f) an admission without a contact person is refused (400)" "$(apost "${P}_s1" "/inkorg/$R5/beslut" "${ANTA[@]}")" 400
eq "(f) the form comes back with the same key" "$(perl -0777 -ne 'print $1 if /name="beslut" value="anta">\s*<input type="hidden" name="skapanyckel" value="([^"]*)"/' "$BODY")" "$DK_anta"
eq "(f) the key is free again" "$(q "SELECT COUNT(*) FROM form_once WHERE staff_id = $S1 AND once_key = '$DK_anta'")" 0
anta_args "$DK_anta"
eq "(f) the fixed POST (303)" "$(apost "${P}_s1" "/inkorg/$R5/beslut" "${ANTA[@]}")" 303
eq "(f) and once more (303)" "$(apost "${P}_s1" "/inkorg/$R5/beslut" "${ANTA[@]}")" 303
eq "(f) exactly one participation" "$(parts_of "$R5")" 1

done_testing
