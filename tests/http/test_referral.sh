# The remittent's referral pages (/ansokningar): the application form,
# drafts and submitting, validation, access, the audit log, optimistic
# locking, the change history and the search by personnummer.
# Everything here uses accounts of its own (t_ref_$$_*); the demo accounts
# are only logged in as.
. "$(dirname "$0")/lib.sh"

P=t_ref_$$

# Accounts: one FK remittent, two colleagues in a unit that shares
# (Trollhättan, ekonomiskt bistånd), one medremittent at HR, all with the
# demo password.
FK=$(org_id_of Försäkringskassan)
EB=$(org_id_of "Ekonomiskt bistånd (försörjningsstöd)" "Trollhättans Stad")
HR=$(org_id_of "HR (personalavdelningen)" "Trollhättans Stad")
mk_account "${P}_fk" "$FK"
mk_account "${P}_soc1" "$EB"
mk_account "${P}_soc2" "$EB"
mk_account "${P}_med" "$HR"
check "the unit shares within the unit (test premise)" test "$(q "SELECT share_within_unit FROM organisation WHERE id = $EB")" = 1
for u in "${P}_fk" "${P}_soc1" "${P}_soc2" "${P}_med" remittent.fk personal.fv forbund admin; do
	eq "$u logs in" "$(as "$u")" 303
done

# --- Personnummer: unique per run (pnr and dash in lib.sh).
YEAR=$(date +%Y)
INSATS=$(q "SELECT MIN(id) FROM insats WHERE active = 1")
INSATS_NAME=$(q "SELECT name FROM insats WHERE id = $INSATS")

PN1=$(pnr 19850314)
NAME1="Åsa$$"

# --- Only remittents: insatspersonal, forbund and admin get 403 everywhere
routes=$("$BIN" routes | awk '$2 ~ /^\/ansokningar/ { print $1 " " $2 }')
eq "the referral routes are in the route table" "$(wc -l <<< "$routes")" 9
check "every /ansokningar route is for remittents only" bash -c "! '$BIN' routes | awk '\$2 ~ /^\\/ansokningar/ && \$3 != \"remittent\"' | grep -q ."
bad=""
before=$(refs)
for u in personal.fv forbund admin; do
	while read -r method path; do
		path=${path//:id/1}
		if [ "$method" = GET ]; then
			got=$(aget "$u" "$path")
		else
			got=$(apost "$u" "$path" --data-urlencode "personnummer=$(dash "$PN1")" \
				--data "fornamn=X" --data "efternamn=Y" --data "insats=$INSATS" --data "atgard=spara")
		fi
		[ "$got" = 403 ] || bad="$bad $u:$method:$path=$got"
	done <<< "$routes"
done
eq "insatspersonal, forbund and admin get 403 on every referral route" "$bad" ""
eq "their POSTs stored nothing" "$(refs)" "$before"

# --- CSRF: missing or wrong token is 403 and stores nothing
got=$(fetch -b "$(jar "${P}_soc1")" --data-urlencode "personnummer=$(dash "$PN1")" --data "fornamn=X" \
	--data "efternamn=Y" --data "insats=$INSATS" --data "atgard=spara" "$BASE/ansokningar/ny")
eq "POST /ansokningar/ny without a CSRF token is 403" "$got" 403
got=$(fetch -b "$(jar "${P}_soc1")" --data "csrf=$(printf '%064d' 7)" --data-urlencode "personnummer=$(dash "$PN1")" \
	--data "fornamn=X" --data "efternamn=Y" --data "insats=$INSATS" --data "atgard=spara" "$BASE/ansokningar/ny")
eq "POST /ansokningar/ny with a wrong CSRF token is 403" "$got" 403
got=$(fetch -b "$(jar "${P}_soc1")" --data-urlencode "personnummer=$(dash "$PN1")" "$BASE/ansokningar/sok")
eq "POST /ansokningar/sok without a CSRF token is 403" "$got" 403
eq "nothing stored without a CSRF token" "$(refs)" "$before"

# --- The empty form
eq "GET /ansokningar/ny" "$(aget "${P}_soc1" /ansokningar/ny)" 200
expect_body "the form has the CSRF field" 'name="csrf" value="'
expect_body "the form offers the active insatser" ">$INSATS_NAME</option>"
expect_body "income sources as checkboxes from the code list" 'name="forsorjning" value="sjukpenning"'
expect_body "education from its code list" '<option value="gymnasium">Gymnasium</option>'
expect_body "a draft button" 'name="atgard" value="spara"'
expect_body "a submit button" 'name="atgard" value="skicka"'
expect_body "the remittent is the caller" "Test ${P}_soc1"
check "labels for the inputs" grep -q '<label for="personnummer">' "$BODY"

# --- A draft with the minimum: personnummer, names, insats
before=$(refs)
got=$(apost "${P}_soc1" /ansokningar/ny --data-urlencode "personnummer=$(dash "$PN1")" \
	--data-urlencode "fornamn=$NAME1" --data-urlencode "efternamn=Testsson" --data "insats=$INSATS" \
	--data "atgard=spara")
eq "a draft is saved (303)" "$got" 303
expect_header "and shown" "Location: /ansokningar/"
R1=$(loc_id)
check "the redirect names the new referral" test -n "$R1"
eq "one referral more" "$(refs)" $((before + 1))
eq "the draft's status is utkast" "$(q "SELECT status FROM referral WHERE id = ${R1:-0}")" utkast
eq "the person is stored with the 12-digit personnummer" \
	"$(q "SELECT CONCAT(rp.first_name, ' ', rp.last_name, ' ', p.birth_year, ' ', p.id_kind) FROM person p JOIN referral r ON r.person_id = p.id JOIN referral_person rp ON rp.referral_id = r.id WHERE r.id = ${R1:-0}")" \
	"$NAME1 Testsson 1985 personnummer"
eq "the person's pnr" "$(q "SELECT p.personnummer FROM person p JOIN referral r ON r.person_id = p.id WHERE r.id = ${R1:-0}")" "$PN1"
want_gender=kvinna
[ $((${PN1:10:1} % 2)) -eq 1 ] && want_gender=man
eq "gender defaults from the serial's odd/even digit" "$(q "SELECT gender FROM referral_person WHERE referral_id = ${R1:-0}")" "$want_gender"
eq "the remittent and unit are the caller's" \
	"$(q "SELECT CONCAT(s.username, ' ', r.organisation_id) FROM referral r JOIN staff s ON s.id = r.remittent_id WHERE r.id = ${R1:-0}")" \
	"${P}_soc1 $EB"
eq "creating wrote an audit create row with the personnummer" \
	"$(audits "action = 'create' AND object_type = 'referral' AND object_id = ${R1:-0} AND personnummer = '$PN1'")" 1
check "the personnummer is not in the redirect" bash -c "! grep -q '${PN1:0:8}' '$HEAD'"

# --- The view: an audit read row first
reads=$(audits "action = 'read' AND object_type = 'referral' AND object_id = ${R1:-0} AND personnummer = '$PN1'")
eq "GET /ansokningar/$R1" "$(aget "${P}_soc1" "/ansokningar/$R1")" 200
expect_body "the view shows the status" ">Utkast<"
expect_body "the view shows the personnummer as ÅÅÅÅMMDD-NNNN" "$(dash "$PN1")"
expect_body "the own draft has an edit link" "href=\"/ansokningar/$R1/andra\""
eq "the view wrote one audit read row with the personnummer" \
	"$(audits "action = 'read' AND object_type = 'referral' AND object_id = ${R1:-0} AND personnummer = '$PN1'")" $((reads + 1))
expect_status "a referral that does not exist is 404" 404 -b "$(jar "${P}_soc1")" "$BASE/ansokningar/999999999"
expect_status "a non-numeric id is 404" 404 -b "$(jar "${P}_soc1")" "$BASE/ansokningar/abc"

# --- Submitting needs the rest: all errors at once, nothing changed
eq "GET the edit form" "$(aget "${P}_soc1" "/ansokningar/$R1/andra")" 200
V=$(hidden version)
check "the edit form carries the version" test -n "$V"
eq "the edit form shows the stored name" "$(input_value fornamn)" "$NAME1"
got=$(apost "${P}_soc1" "/ansokningar/$R1/andra" --data "version=$V" \
	--data-urlencode "fornamn=$NAME1" --data-urlencode "efternamn=Testsson" --data "insats=$INSATS" \
	--data "atgard=skicka")
eq "submitting an incomplete application is 400" "$got" 400
for msg in "Ange datum för VISA-besöket." "Välj minst en försörjning." "Välj tid i offentlig försörjning." \
	"Välj högsta utbildning." "Skriv en kort bakgrund." "Skriv deltagarens egna mål." \
	"Ansökan kan inte skickas utan samtycke."; do
	expect_body "submit error: $msg" "$msg"
done
eq "the incomplete submit changed nothing" "$(q "SELECT CONCAT(status, ' ', version) FROM referral WHERE id = ${R1:-0}")" "utkast $V"

# The complete application; the gender is the other one than the default,
# so that it changes.
GENDER=kvinna
[ "$want_gender" = kvinna ] && GENDER=man
FULL=("fornamn=$NAME1" "efternamn=Testsson" "kon=$GENDER" "adress=Storgatan 1" "postnummer=46130"
	"ort=Trollhättan" "telefon=0520-49 70 00" "kommun=Trollhättan" "tolk=1" "tolk_sprak=arabiska"
	"insats=$INSATS" "visa_datum=$TODAY" "forsorjning=sjukpenning" "forsorjning=lon" "sjukskrivning=50"
	"anstalld=1" "arbetsgivare=Verkstaden AB" "arbetsgivare_rehab=1" "tid_forsorjning=1_4"
	"utbildning=gymnasium" "bakgrund=Lång sjukskrivning efter olycka." "mal=Tillbaka till arbete på halvtid."
	"behov=Struktur och stöd." "provat=Arbetsträning 2023.")
build FULL "version=$V" "samtycke_vid_visa=1" "atgard=skicka"
got=$(apost "${P}_soc1" "/ansokningar/$R1/andra" "${ARGS[@]}")
eq "the complete application is submitted (303)" "$got" 303
expect_header "to the view with the submitted notice" "Location: /ansokningar/$R1?skickat=1"
eq "status inskickad with a submission time" \
	"$(q "SELECT CONCAT(status, ' ', submitted_at IS NOT NULL, ' ', version) FROM referral WHERE id = ${R1:-0}")" "inskickad 1 $((V + 1))"
eq "the referral's values are stored" \
	"$(q "SELECT CONCAT_WS('|', visa_date, sick_leave_percent, employed, employer, employer_rehab_responsibility, support_time_code, education_code, background) FROM referral WHERE id = ${R1:-0}")" \
	"$TODAY|50|1|Verkstaden AB|1|1_4|gymnasium|Lång sjukskrivning efter olycka."
eq "the income sources are stored" "$(q "SELECT GROUP_CONCAT(income_code ORDER BY income_code) FROM referral_income WHERE referral_id = ${R1:-0}")" "lon,sjukpenning"
eq "the referral's record of the person is updated, the postal code normalised" \
	"$(q "SELECT CONCAT_WS('|', gender, address, postal_code, city, phone, home_municipality, interpreter_needed, interpreter_language) FROM referral_person WHERE referral_id = ${R1:-0}")" \
	"$GENDER|Storgatan 1|461 30|Trollhättan|0520-49 70 00|Trollhättan|1|arabiska"
eq "an audit update row" "$(audits "action = 'update' AND object_type = 'referral' AND object_id = ${R1:-0} AND personnummer = '$PN1'")" 1
eq "the change history has the referral's changed fields" \
	"$(q "SELECT GROUP_CONCAT(DISTINCT field ORDER BY field) FROM change_history WHERE record_type = 'referral' AND record_id = ${R1:-0}")" \
	"address,background,city,consent_at_visa,education_code,employed,employer,employer_rehab_responsibility,gender,home_municipality,income,interpreter_language,interpreter_needed,needs,own_goals,phone,postal_code,sick_leave_percent,status,support_time_code,tried_before,visa_date"
eq "no history row on the shared person link" \
	"$(q "SELECT COUNT(*) FROM change_history h JOIN person p ON h.record_type = 'person' AND h.record_id = p.id WHERE p.personnummer = '$PN1'")" 0
eq "the status change is recorded with who" \
	"$(q "SELECT CONCAT(h.old_value, '>', h.new_value, ' ', s.username) FROM change_history h JOIN staff s ON s.id = h.staff_id WHERE record_type = 'referral' AND record_id = ${R1:-0} AND field = 'status' ORDER BY h.id DESC LIMIT 1")" \
	"utkast>inskickad ${P}_soc1"
aget "${P}_soc1" "/ansokningar/$R1" > /dev/null
expect_body "the view lists the history: field label" "<td data-label=\"Fält\">VISA-besök</td>"
expect_body "the view lists the history: new value" '<td data-label="Till" class="pre">Lång sjukskrivning efter olycka.</td>'
expect_body "the view lists the person's history" "<td data-label=\"Fält\">Folkbokföringskommun</td>"
expect_body "the view shows the income labels" "Sjukpenning eller rehabiliteringspenning"
expect_body "the view shows the submitted status" ">Inskickad<"
check "a submitted referral has no edit link" bash -c "! grep -q 'ansokningar/$R1/andra' '$BODY'"
eq "a submitted referral cannot be edited (GET 403)" "$(aget "${P}_soc1" "/ansokningar/$R1/andra")" 403
V=$(q "SELECT version FROM referral WHERE id = ${R1:-0}")
build FULL "version=$V" "bakgrund=Ändrad efter inskick" "atgard=spara"
got=$(apost "${P}_soc1" "/ansokningar/$R1/andra" "${ARGS[@]}")
eq "nor by POST" "$got" 409
eq "the submitted referral is unchanged" "$(q "SELECT background FROM referral WHERE id = ${R1:-0}")" "Lång sjukskrivning efter olycka."

# --- The list, with status and filter
eq "GET /ansokningar" "$(aget "${P}_soc1" /ansokningar)" 200
expect_body "the list shows the referral" "<a href=\"/ansokningar/$R1\">$NAME1 Testsson</a>"
check "with its status" grep -q "ansokningar/$R1\">$NAME1 Testsson</a></td><td data-label=\"Insats\">[^<]*</td><td data-label=\"Status\"><span class=\"ref-status ref-status-inskickad\">Inskickad</span>" "$BODY"
check "the list shows no personnummer" bash -c "! grep -q '${PN1:0:8}' '$BODY'"
check "the list shows no address" bash -c "! grep -q 'Storgatan 1' '$BODY'"
aget "${P}_soc1" "/ansokningar?status=inskickad" > /dev/null
expect_body "filter inskickad keeps it" "/ansokningar/$R1\""
aget "${P}_soc1" "/ansokningar?status=utkast" > /dev/null
check "filter utkast leaves it out" bash -c "! grep -q '/ansokningar/$R1\"' '$BODY'"
eq "the list wrote an audit read row" "$(audits "action = 'read' AND object_type = 'referral_list' AND username = '${P}_soc1'")" 3

# --- Invalid personnummer: the exact message, every typed value kept, nothing stored
TYPED=("fornamn=Örjan$$" "efternamn=Kvist" "kon=man" "adress=Båtgatan 7" "telefon=070-123 45 67"
	"kommun=Lilla Edet" "tolk=1" "tolk_sprak=somaliska" "insats=$INSATS" "visa_datum=$TODAY"
	"forsorjning=a_kassa" "sjukskrivning=75" "anstalld=1" "arbetsgivare=Sågen AB" "tid_forsorjning=5_9"
	"utbildning=grundskola" "bakgrund=Bakgrund kvar$$" "mal=Mål kvar$$" "med1_org=$FK" "med1_namn=Medrem Kvar"
	"med1_kontakt=010-111 11 11" "atgard=skicka")
# kept: every value of TYPED is in the re-rendered form.
kept() {
	local miss="" want
	for want in "name=\"fornamn\" type=\"text\" value=\"Örjan$$\"" "value=\"Kvist\"" '<option value="man" selected>' \
		'value="Båtgatan 7"' 'value="070-123 45 67"' 'value="Lilla Edet"' 'name="tolk" value="1" checked' \
		'value="somaliska"' "<option value=\"$INSATS\" selected>" "name=\"visa_datum\" type=\"text\" value=\"$TODAY\"" \
		'name="forsorjning" value="a_kassa" checked' '<option value="75" selected>' 'name="anstalld" value="1" checked' \
		'value="Sågen AB"' '<option value="5_9" selected>' '<option value="grundskola" selected>' \
		">Bakgrund kvar$$</textarea>" ">Mål kvar$$</textarea>" "<option value=\"$FK\" selected>" 'value="Medrem Kvar"' \
		'value="010-111 11 11"' "name=\"personnummer\" type=\"text\" value=\"$1\""; do
		grep -qF -- "$want" "$BODY" || miss="$miss [$want]"
	done
	[ -z "$miss" ] || echo "missing:$miss" >&2
	[ -z "$miss" ]
}
bad_pnr() { # DESC TYPED MESSAGE
	local before_r before_p got
	before_r=$(refs)
	before_p=$(persons)
	build TYPED "personnummer=$2"
	got=$(apost "${P}_soc1" /ansokningar/ny "${ARGS[@]}")
	eq "$1: 400" "$got" 400
	expect_body "$1: the message" "<p class=\"error\" id=\"personnummer-fel\">$3</p>"
	check "$1: the field is marked invalid" grep -q 'id="personnummer" name="personnummer"[^>]*aria-invalid="true"' "$BODY"
	check "$1: every typed value is kept" kept "$2"
	eq "$1: nothing stored" "$(refs) $(persons)" "$before_r $before_p"
}
bad=$(pnr 19850314)
bad_pnr "bad check digit" "${bad:0:8}-${bad:8:3}$(((${bad:11:1} + 1) % 10))" "Kontrollsiffran stämmer inte."
s=$(printf '%03d' $((RANDOM % 898 + 100)))
bad_pnr "19000229 (no such day)" "19000229-$s$(luhn "000229$s")" "Datumet i personnumret finns inte."
fut=$((YEAR + 1))0101
bad_pnr "a date in the future" "${fut}-$s$(luhn "${fut:2:6}$s")" "Personnumret ligger i framtiden."
bad_pnr "wrong format" "8503-14-1234" "Ange personnumret som ÅÅÅÅMMDD-NNNN."
bad_pnr "letters" "19850314-12A4" "Ange personnumret som ÅÅÅÅMMDD-NNNN."
bad_pnr "plus with four-digit year" "19850314+$s$(luhn "850314$s")" "Använd bindestreck med fyrsiffrigt årtal: ÅÅÅÅMMDD-NNNN."
before=$(refs)
build TYPED "atgard=spara"
got=$(apost "${P}_soc1" /ansokningar/ny "${ARGS[@]}")
eq "a missing personnummer is 400" "$got" 400
expect_body "with its message" "Ange personnummer eller samordningsnummer."
eq "and stores nothing" "$(refs)" "$before"

# --- Samordningsnummer (day + 60) and the + form for age 100 and over
SN=$(pnr 19850171)
got=$(apost "${P}_soc1" /ansokningar/ny --data-urlencode "personnummer=$(dash "$SN")" --data "fornamn=Samuel" \
	--data "efternamn=Samordning" --data "insats=$INSATS" --data "atgard=spara")
eq "a samordningsnummer is accepted" "$got" 303
eq "stored as a samordningsnummer with the real birth year" \
	"$(q "SELECT CONCAT(id_kind, ' ', birth_year) FROM person WHERE personnummer = '$SN'")" "samordningsnummer 1985"
aget "${P}_soc1" "/ansokningar/$(loc_id)" > /dev/null
expect_body "the view names it a samordningsnummer" "<dt>Samordningsnummer</dt><dd>$(dash "$SN")</dd>"
OLD=$(pnr "$((YEAR - 105))0505")
got=$(apost "${P}_soc1" /ansokningar/ny --data-urlencode "personnummer=${OLD:2:6}+${OLD:8:4}" --data "fornamn=Gamle" \
	--data "efternamn=Hundra" --data "insats=$INSATS" --data "atgard=spara")
eq "the + form for a person over 100 is accepted" "$got" 303
eq "it is stored with the right century" "$(q "SELECT birth_year FROM person WHERE personnummer = '$OLD'")" "$((YEAR - 105))"
got=$(apost "${P}_soc1" /ansokningar/ny --data-urlencode "personnummer=${OLD:2:6}-${OLD:8:4}" --data "fornamn=Unge" \
	--data "efternamn=Fem" --data "insats=$INSATS" --data "atgard=spara")
eq "the same digits with - are accepted" "$got" 303
eq "as another person, born 100 years later" \
	"$(q "SELECT p.birth_year FROM person p JOIN referral r ON r.person_id = p.id WHERE r.id = $(loc_id)")" "$((YEAR - 5))"

# --- Other bad input: nothing stored, typed values kept
PN2=$(pnr 19900606)
bad_field() { # DESC MESSAGE [key=value…]: a submit of TYPED with these changes
	local desc=$1 msg=$2 before_r before_p got
	shift 2
	before_r=$(refs)
	before_p=$(persons)
	build TYPED "personnummer=$(dash "$PN2")" "$@"
	got=$(apost "${P}_soc1" /ansokningar/ny "${ARGS[@]}")
	eq "$desc: 400" "$got" 400
	expect_body "$desc: the message" "$msg"
	eq "$desc: nothing stored" "$(refs) $(persons)" "$before_r $before_p"
}
tomorrow=$(day 1)
bad_field "a VISA date in the future" '<p class="error" id="visa-datum-fel">VISA-besöket kan inte ligga i framtiden.</p>' \
	"visa_datum=$tomorrow"
check "the future date is kept as typed" grep -qF "name=\"visa_datum\" type=\"text\" value=\"$tomorrow\"" "$BODY"
bad_field "a date that does not exist" "Datumet finns inte i kalendern." "visa_datum=2023-02-30"
bad_field "a tampered insats id" '<p class="error" id="insats-fel">Välj en insats i listan.</p>' "insats=999999"
bad_field "a non-numeric insats" '<p class="error" id="insats-fel">Välj en insats i listan.</p>' "insats=abc"
bad_field "an unknown income code" '<p class="error" id="forsorjning-fel">Välj försörjning bland alternativen i listan.</p>' \
	"+forsorjning=lottovinst"
check "the valid income code stays ticked" grep -qF 'name="forsorjning" value="a_kassa" checked' "$BODY"
bad_field "an unknown education code" '<p class="error" id="utbildning-fel">Välj utbildning i listan.</p>' "utbildning=doktor"
bad_field "an unknown support time code" "Välj tid i offentlig försörjning i listan." "tid_forsorjning=evig"
bad_field "a sick-leave degree not offered" "Välj en sjukskrivningsgrad i listan." "sjukskrivning=33"
bad_field "an unknown medremittent organisation" '<p class="error" id="med2-org-fel">Välj en organisation i listan.</p>' \
	"med2_org=999999" "med2_namn=X"
bad_field "a medremittent without organisation" "Välj medremittentens organisation." "med3_namn=Utan Org"
bad_field "an unknown medremittent account" "Det finns inget aktivt remittentkonto med det användarnamnet." \
	"med2_org=$(org_id_of Arbetsförmedlingen)" "med2_namn=Y" "med2_konto=finns.inte"
long=$(head -c 4001 /dev/zero | tr '\0' 'x')
bad_field "a background over 4000 characters" '<p class="error" id="bakgrund-fel">Högst 4000 tecken. Du har skrivit 4001 tecken, 1 för mycket.</p>' \
	"bakgrund=$long"
bad_field "a first name over 100 characters" "Högst 100 tecken." "fornamn=$(head -c 101 /dev/zero | tr '\0' 'a')"
bad_field "a bad postal code" "Ange postnumret som fem siffror" "postnummer=4613"
bad_field "an interpreter without language" "Ange vilket språk tolken ska tala." "tolk_sprak="
bad_field "rehabilitation responsibility without employment" \
	"Arbetsgivarens rehabiliteringsansvar gäller bara den som är anställd." "arbetsgivare_rehab=1" \
	"anstalld="
bad_field "an unknown action" "Välj Spara utkast eller Skicka in." "atgard=radera"
# All errors at once.
got=$(apost "${P}_soc1" /ansokningar/ny --data "personnummer=12" --data "fornamn=" --data "insats=999999" \
	--data "visa_datum=$tomorrow" --data "forsorjning=x" --data "atgard=skicka")
eq "several errors: 400" "$got" 400
eq "several errors: all shown at once (the consent's too)" "$(grep -c '<p class="error"' "$BODY")" 11

# --- Access: another unit's remittent gets 404, a unit colleague may look
# but not change, a medremittent from another organisation sees only that it
# exists until a waiver names their organisation (test_privacy_person.sh
# walks that).
PN3=$(pnr 19770707)
build FULL "personnummer=$(dash "$PN3")" "med1_org=$HR" "med1_namn=Hanna HR" "med1_kontakt=hanna@example.se" \
	"med1_konto=${P^^}_MED" "atgard=spara"
got=$(apost "${P}_soc1" /ansokningar/ny "${ARGS[@]}")
eq "a draft with a medremittent account" "$got" 303
R3=$(loc_id)
eq "the medremittent row names the account" \
	"$(q "SELECT CONCAT(c.name, ' ', c.organisation_id, ' ', s.username) FROM referral_coremittent c JOIN staff s ON s.id = c.staff_id WHERE c.referral_id = ${R3:-0}")" \
	"Hanna HR $HR ${P}_med"
for u in remittent.fk "${P}_fk"; do
	eq "$u (other unit): view is 404" "$(aget "$u" "/ansokningar/$R3")" 404
	eq "$u (other unit): edit form is 404" "$(aget "$u" "/ansokningar/$R3/andra")" 404
	build FULL "version=1" "bakgrund=Kapat" "atgard=spara"
	got=$(apost "$u" "/ansokningar/$R3/andra" "${ARGS[@]}")
	eq "$u (other unit): edit POST is 404" "$got" 404
done
aget remittent.fk /ansokningar > /dev/null
check "the other unit's list does not show it" bash -c "! grep -q '/ansokningar/$R3\"' '$BODY'"
eq "unit colleague: view is 200" "$(aget "${P}_soc2" "/ansokningar/$R3")" 200
expect_body "unit colleague: told why they see it" "din enhet delar ärenden"
expect_body "unit colleague: the medremittenter are listed" "Hanna HR, Trollhättans Stad – HR (personalavdelningen), hanna@example.se"
check "unit colleague: no edit link" bash -c "! grep -q 'ansokningar/$R3/andra' '$BODY'"
eq "unit colleague: edit form is 403" "$(aget "${P}_soc2" "/ansokningar/$R3/andra")" 403
V3=$(q "SELECT version FROM referral WHERE id = ${R3:-0}")
build FULL "version=$V3" "bakgrund=Kollegan" "atgard=spara"
got=$(apost "${P}_soc2" "/ansokningar/$R3/andra" "${ARGS[@]}")
eq "unit colleague: edit POST is 403" "$got" 403
aget "${P}_soc2" /ansokningar > /dev/null
expect_body "unit colleague: the list shows it" "/ansokningar/$R3\""
eq "medremittent: view is 200" "$(aget "${P}_med" "/ansokningar/$R3")" 200
expect_body "medremittent (another organisation, no waiver yet): told why not" "Inget samtycke omfattar din organisation ännu."
check "medremittent: not the application's text" body_lacks "Lång sjukskrivning efter olycka."
eq "medremittent: edit form is 403" "$(aget "${P}_med" "/ansokningar/$R3/andra")" 403
eq "nobody but the remittent changed it" "$(q "SELECT CONCAT(version, ' ', background) FROM referral WHERE id = ${R3:-0}")" \
	"$V3 Lång sjukskrivning efter olycka."

# --- Optimistic locking: two edits from the same version
eq "edit form for the locking test" "$(aget "${P}_soc1" "/ansokningar/$R3/andra")" 200
V=$(hidden version)
expect_body "the edit form keeps the medremittent's account" "value=\"${P}_med\""
MED=("med1_org=$HR" "med1_namn=Hanna HR" "med1_kontakt=hanna@example.se" "med1_konto=${P}_med")
build FULL "${MED[@]}" "version=$V" "bakgrund=Version A" "atgard=spara"
got=$(apost "${P}_soc1" "/ansokningar/$R3/andra" "${ARGS[@]}")
eq "the first save wins (303)" "$got" 303
build FULL "${MED[@]}" "version=$V" "bakgrund=Version B" "atgard=spara"
got=$(apost "${P}_soc1" "/ansokningar/$R3/andra" "${ARGS[@]}")
eq "the second save from the same version is 409" "$got" 409
expect_body "with the conflict message" "Någon annan har ändrat ansökan medan du redigerade. Dina ändringar är inte sparade; se de aktuella uppgifterna nedan."
expect_body "the typed text is kept" ">Version B</textarea>"
expect_body "the current text is shown" "<dt>Bakgrund</dt><dd>Version A</dd>"
eq "nothing was overwritten" "$(q "SELECT background FROM referral WHERE id = ${R3:-0}")" "Version A"
V2=$(hidden version)
eq "the conflict form carries the new version" "$V2" $((V + 1))
build FULL "${MED[@]}" "version=$V2" "bakgrund=Version B" "atgard=spara"
got=$(apost "${P}_soc1" "/ansokningar/$R3/andra" "${ARGS[@]}")
eq "saving again from the new version works" "$got" 303
eq "now B is stored" "$(q "SELECT background FROM referral WHERE id = ${R3:-0}")" "Version B"
eq "the history has both changes in order" \
	"$(q "SELECT GROUP_CONCAT(CONCAT(old_value, '>', new_value) ORDER BY id SEPARATOR ' / ') FROM change_history WHERE record_type = 'referral' AND record_id = ${R3:-0} AND field = 'background'")" \
	"Lång sjukskrivning efter olycka.>Version A / Version A>Version B"
aget "${P}_soc1" "/ansokningar/$R3" > /dev/null
expect_body "the view lists the change" '<td data-label="Fält">Bakgrund</td><td data-label="Från" class="pre">Version A</td><td data-label="Till" class="pre">Version B</td>'
# Removing the medremittent takes their access away, with history.
build FULL "version=$((V + 2))" "atgard=spara"
got=$(apost "${P}_soc1" "/ansokningar/$R3/andra" "${ARGS[@]}")
eq "saving without the medremittent" "$got" 303
eq "the medremittent is gone" "$(q "SELECT COUNT(*) FROM referral_coremittent WHERE referral_id = ${R3:-0}")" 0
eq "so is their access" "$(aget "${P}_med" "/ansokningar/$R3")" 404
eq "the history records it" "$(q "SELECT COUNT(*) FROM change_history WHERE record_type = 'referral' AND record_id = ${R3:-0} AND field = 'coremittenter' AND new_value = ''")" 1

# --- The same person referred twice: one person link, two records
got=$(apost "${P}_fk" /ansokningar/ny --data-urlencode "personnummer=$PN3" --data-urlencode "fornamn=$NAME1" \
	--data "efternamn=Testsson" --data "insats=$INSATS" --data "atgard=spara")
eq "a second referral of the same person" "$got" 303
R4=$(loc_id)
eq "reuses the person row" "$(q "SELECT COUNT(*) FROM person WHERE personnummer = '$PN3'")" 1
eq "both referrals point to it" "$(q "SELECT COUNT(DISTINCT person_id) FROM referral WHERE id IN (${R3:-0}, ${R4:-0})")" 1
eq "fields left empty stay empty: nothing is taken from the other referral" \
	"$(q "SELECT CONCAT('[', address, ']') FROM referral_person WHERE referral_id = ${R4:-0}")" "[]"
eq "and the other referral keeps its own" "$(q "SELECT address FROM referral_person WHERE referral_id = ${R3:-0}")" "Storgatan 1"

# --- Search by personnummer (POST), logged
s0=$(audits "action = 'search' AND personnummer = '$PN3' AND username = '${P}_fk'")
got=$(apost "${P}_fk" /ansokningar/sok --data-urlencode "personnummer=$(dash "$PN3")")
eq "search by personnummer" "$got" 200
expect_body "finds the caller's referral" "/ansokningar/$R4\""
check "but not another unit's referral of the same person" bash -c "! grep -q '/ansokningar/$R3\"' '$BODY'"
eq "the search wrote an audit search row with the personnummer" \
	"$(audits "action = 'search' AND personnummer = '$PN3' AND username = '${P}_fk'")" $((s0 + 1))
got=$(apost "${P}_soc1" /ansokningar/sok --data-urlencode "personnummer=${PN3:2:6}-${PN3:8:4}")
eq "the ten-digit form works too" "$got" 200
expect_body "soc1 finds their referral" "/ansokningar/$R3\""
s0=$(audits "action = 'search' AND username = '${P}_fk'")
badsearch="${PN3:0:8}-${PN3:8:3}$(((${PN3:11:1} + 1) % 10))"
got=$(apost "${P}_fk" /ansokningar/sok --data-urlencode "personnummer=$badsearch")
eq "a bad personnummer in the search is 400" "$got" 400
expect_body "with the message" '<p class="error" id="sok-personnummer-fel">Kontrollsiffran stämmer inte.</p>'
expect_body "and the typed value" "value=\"$badsearch\""
eq "and no search is logged" "$(audits "action = 'search' AND username = '${P}_fk'")" "$s0"
expect_status "GET /ansokningar/sok is no search (404)" 404 -b "$(jar "${P}_fk")" "$BASE/ansokningar/sok"

# --- Protected identity: the address is not shown
PN5=$(pnr 19660606)
got=$(apost "${P}_soc1" /ansokningar/ny --data-urlencode "personnummer=$PN5" --data "fornamn=Skyddad" \
	--data "efternamn=Person" --data "insats=$INSATS" --data "skyddad=1" --data-urlencode "adress=Hemlig väg 9" \
	--data "atgard=spara")
eq "a person with protected identity" "$got" 303
R5=$(loc_id)
aget "${P}_soc2" "/ansokningar/$R5" > /dev/null
expect_body "the view says so" "Skyddade personuppgifter"
check "and hides the address" bash -c "! grep -q 'Hemlig väg' '$BODY'"
aget "${P}_soc1" "/ansokningar/$R5/andra" > /dev/null
expect_body "the remittent's own form has it" 'value="Hemlig väg 9"'

# --- The remittent sees the decision; a referral sent back can be changed
# and submitted again. (The decision itself is the insats staff's page; here
# it is set directly.)
q "UPDATE referral SET status = 'avradd', decision_reason = 'Behöver vård först.', advise_against_code = 'halsa',
	decided_at = UTC_TIMESTAMP(), decided_by = (SELECT id FROM staff WHERE username = 'personal.fv'),
	version = version + 1 WHERE id = ${R1:-0}"
eq "an advised-against referral" "$(aget "${P}_soc1" "/ansokningar/$R1")" 200
expect_body "shows the decision" "<dt>Beslut</dt><dd>Avrådd</dd>"
expect_body "the reason from the code list" "<dt>Skäl</dt><dd>Hälsan hindrar deltagande just nu</dd>"
expect_body "the reason in words" "<dt>Motivering</dt><dd>Behöver vård först.</dd>"
expect_body "who decided" "av Demo Personal Friska Vindar 2.0"
eq "and cannot be edited" "$(aget "${P}_soc1" "/ansokningar/$R1/andra")" 403
q "UPDATE referral SET status = 'aterford', advise_against_code = NULL, decision_reason = 'Komplettera målen.',
	version = version + 1 WHERE id = ${R1:-0}"
aget "${P}_soc1" "/ansokningar/$R1" > /dev/null
expect_body "a referral sent back says so" "<dt>Beslut</dt><dd>Återförd till remittenten</dd>"
expect_body "and can be edited again" "href=\"/ansokningar/$R1/andra\""
eq "the edit form opens" "$(aget "${P}_soc1" "/ansokningar/$R1/andra")" 200
build FULL "version=$(hidden version)" "mal=Arbete på halvtid inom ett år." \
	"samtycke_vid_visa=1" "atgard=skicka"
got=$(apost "${P}_soc1" "/ansokningar/$R1/andra" "${ARGS[@]}")
eq "and is submitted again" "$got" 303
eq "status inskickad again" "$(q "SELECT CONCAT(status, ' ', own_goals) FROM referral WHERE id = ${R1:-0}")" \
	"inskickad Arbete på halvtid inom ett år."
eq "the history shows the return to inskickad" \
	"$(q "SELECT CONCAT(old_value, '>', new_value) FROM change_history WHERE record_type = 'referral' AND record_id = ${R1:-0} AND field = 'status' ORDER BY id DESC LIMIT 1")" \
	"aterford>inskickad"
done_testing
