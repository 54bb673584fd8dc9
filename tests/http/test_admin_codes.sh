# The code lists (/admin/kodlistor): edit labels, order, active, SUS code
# and the extra column; add codes; errors all at once, nothing saved.
# Everything changed here is put back at the end for the other tests.
. "$(dirname "$0")/lib.sh"

FORM=$(mktemp)
at_exit 'rm -f "$FORM"'
NEW=t$$ # the code this file adds (removed at the end)

# form_of TABLE MODE: the edit form of TABLE as its stored values, one
# key=value a line, into $FORM. MODE: sus, support, outcome or none.
form_of() {
	local sus="COALESCE(sus_code, '')" extra="''"
	case $2 in none) sus="''" ;; support) extra=public_support ;; outcome) extra=outcome ;; esac
	: > "$FORM"
	while IFS=$'\t' read -r code label ord act s x; do
		printf 'etikett-%s=%s\nordning-%s=%s\n' "$code" "$label" "$code" "$ord" >> "$FORM"
		[ "$act" = 1 ] && echo "aktiv-$code=1" >> "$FORM"
		[ "$2" != none ] && echo "sus-$code=$s" >> "$FORM"
		case $2 in
		support) [ "$x" = 1 ] && echo "extra-$code=1" >> "$FORM" ;;
		outcome) echo "extra-$code=$x" >> "$FORM" ;;
		esac
	done < <(q "SELECT code, label, sort_order, active, $sus, $extra FROM $1")
}
# set_field KEY [VALUE]: replace KEY's line in $FORM (no VALUE: remove it).
set_field() {
	grep -v "^$1=" "$FORM" > "$FORM.n"
	mv "$FORM.n" "$FORM"
	[ $# -gt 1 ] && echo "$1=$2" >> "$FORM"
	return 0
}
# post_form JAR PATH: POST $FORM's lines.
post_form() {
	local args=() line
	while IFS= read -r line; do args+=(--data-urlencode "$line"); done < "$FORM"
	post "$1" "$2" "${args[@]}"
}
digest() {
	q "SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', code, label, sort_order, active,
		COALESCE(sus_code, ''), $2) ORDER BY code)) FROM $1"
}
code_audits() { q "SELECT COUNT(*) FROM audit_log WHERE action = 'admin' AND object_type = 'code' AND $1"; }

log_in ADMIN admin
log_in REM remittent.fk

# --- The overview
expect_status "GET /admin/kodlistor" 200 -b "$ADMIN" "$BASE/admin/kodlistor"
expect_body "it shows the education codes" "<td data-label=\"Text\">Ej fullständig grundskola</td>"
expect_body "with their SUS codes" "<td data-label=\"SUS-kod\">U1</td>"
expect_body "the income list with public support" "<th scope=\"col\">Offentlig försörjning</th>"
expect_body "the end reasons with their outcome" "<td data-label=\"Text\">Felregistrering</td>"
expect_body "the advise-against reasons" "<td data-label=\"Text\">Hälsan hindrar deltagande just nu</td>"
expect_body "it links every list's form" 'href="/admin/kodlistor/avradan"'
expect_status "the admin overview links it" 200 -b "$ADMIN" "$BASE/admin"
expect_body "(link)" 'href="/admin/kodlistor"'
expect_status "one list's form" 200 -b "$ADMIN" "$BASE/admin/kodlistor/utbildning"
expect_body "has a field per stored label" 'name="etikett-gymnasium" type="text" value="Gymnasium"'
expect_body "and an empty row for a new code" 'name="ny-kod" type="text" value=""'
expect_status "an unknown list is 404" 404 -b "$ADMIN" "$BASE/admin/kodlistor/okand"
expect_status "a remittent gets 403 on the overview" 403 -b "$REM" "$BASE/admin/kodlistor"
expect_status "and on a list" 403 -b "$REM" "$BASE/admin/kodlistor/utbildning"
form_of code_education sus
set_field etikett-gymnasium "Ändrad av remittent"
eq "and on saving one" "$(post_form "$REM" /admin/kodlistor/utbildning)" 403
eq "which changed nothing" "$(q "SELECT label FROM code_education WHERE code = 'gymnasium'")" Gymnasium

# --- Relabel, deactivate and add, in one save
form_of code_education sus
set_field etikett-gymnasium "Gymnasium (test $$)"
set_field aktiv-okand
set_field sus-grundskola ""
set_field ny-kod "$NEW"
set_field ny-etikett "Testutbildning $$"
set_field ny-ordning 95
set_field ny-aktiv 1
set_field ny-sus "UX9"
eq "saving the list redirects" "$(post_form "$ADMIN" /admin/kodlistor/utbildning)" 303
expect_header "back to the list" "Location: /admin/kodlistor/utbildning?sparat=1"
eq "the label is changed" "$(q "SELECT label FROM code_education WHERE code = 'gymnasium'")" "Gymnasium (test $$)"
eq "the code is inactive" "$(q "SELECT active FROM code_education WHERE code = 'okand'")" 0
eq "an emptied SUS code is NULL" "$(q "SELECT COALESCE(sus_code, 'NULL') FROM code_education WHERE code = 'grundskola'")" NULL
eq "the new code is stored" "$(q "SELECT CONCAT_WS('|', label, sort_order, active, sus_code) FROM code_education WHERE code = '$NEW'")" \
	"Testutbildning $$|95|1|UX9"
eq "others are unchanged" "$(q "SELECT CONCAT_WS('|', label, sort_order, active, sus_code) FROM code_education WHERE code = 'ej_grundskola'")" \
	"Ej fullständig grundskola|10|1|U1"
eq "one audit row" "$(code_audits "detail = 'code list utbildning: 3 changed, $NEW added'")" 1
expect_status "the saved page says so" 200 -b "$ADMIN" "$BASE/admin/kodlistor/utbildning?sparat=1"
expect_body "notice" "Ändringarna är sparade."
expect_body "the new code is a row of its own now" 'name="etikett-'"$NEW"'"'
expect_body "the inactive code is unticked" 'name="aktiv-okand" value="1" aria-label'

# --- The extra columns: public support and outcome
form_of code_income support
set_field extra-lon 1
eq "ticking public support saves" "$(post_form "$ADMIN" /admin/kodlistor/forsorjning)" 303
eq "(stored)" "$(q "SELECT public_support FROM code_income WHERE code = 'lon'")" 1
set_field extra-lon
eq "unticking it saves" "$(post_form "$ADMIN" /admin/kodlistor/forsorjning)" 303
eq "(stored)" "$(q "SELECT public_support FROM code_income WHERE code = 'lon'")" 0
form_of code_advise_against none
set_field ordning-annat 95
eq "a list without SUS codes saves" "$(post_form "$ADMIN" /admin/kodlistor/avradan)" 303
eq "(stored)" "$(q "SELECT sort_order FROM code_advise_against WHERE code = 'annat'")" 95
set_field ordning-annat 90
eq "(and back)" "$(post_form "$ADMIN" /admin/kodlistor/avradan)" 303

# --- Errors: all at once, typed values kept, nothing saved
before=$(digest code_end_reason outcome)
form_of code_end_reason outcome
set_field etikett-arbete ""
set_field etikett-flyttat "Flyttat (ändrad $$)"
set_field extra-studier "semester"
set_field sus-sjukdom "A-05"
set_field ordning-annat 70000
set_field ny-kod "arbete"
set_field ny-etikett "Dubblett $$"
set_field ny-ordning 100
eq "invalid rows are 400" "$(post_form "$ADMIN" /admin/kodlistor/avslutsorsak)" 400
expect_body "the page says nothing was saved" "Kodlistan sparades inte."
expect_body "empty label" '<p class="error" id="etikett-arbete-fel">Fältet måste fyllas i.</p>'
expect_body "bad outcome" '<p class="error" id="extra-studier-fel">'
expect_body "bad SUS code" '<p class="error" id="sus-sjukdom-fel">'
expect_body "sort order out of range" '<p class="error" id="ordning-annat-fel">'
expect_body "duplicate code" '<p class="error" id="ny-kod-fel">Koden finns redan.</p>'
expect_body "the typed label is kept" 'value="Flyttat (ändrad '"$$"')"'
expect_body "the typed new label is kept" 'value="Dubblett '"$$"'"'
expect_body "the typed SUS code is kept" 'value="A-05"'
eq "nothing was saved" "$(digest code_end_reason outcome)" "$before"
form_of code_end_reason outcome
set_field ny-kod "Ny-Kod"
set_field ny-etikett "Ny $$"
set_field ny-ordning 100
set_field ny-extra annat
eq "a bad new code is 400" "$(post_form "$ADMIN" /admin/kodlistor/avslutsorsak)" 400
expect_body "with its message" "Bara små bokstäver a–z, siffror och understreck"
form_of code_end_reason outcome
set_field ny-kod "ny_$NEW"
set_field ny-etikett "Ny $$"
eq "a new code without outcome is 400" "$(post_form "$ADMIN" /admin/kodlistor/avslutsorsak)" 400
expect_body "with its message" '<p class="error" id="ny-extra-fel">'
eq "still nothing saved" "$(digest code_end_reason outcome)" "$before"
eq "no audit row for the refused saves" "$(code_audits "detail LIKE 'code list avslutsorsak%'")" 0

# --- Put the seeded list back (the app never deletes codes; the DBA may)
form_of code_education sus
set_field etikett-gymnasium "Gymnasium"
set_field aktiv-okand 1
set_field sus-grundskola U2
eq "restoring the list saves" "$(post_form "$ADMIN" /admin/kodlistor/utbildning)" 303
q "DELETE FROM code_education WHERE code = '$NEW'"
eq "the seeded list is back" "$(q "SELECT GROUP_CONCAT(CONCAT_WS('|', code, label, active, sus_code) ORDER BY sort_order SEPARATOR ';') FROM code_education")" \
	"ej_grundskola|Ej fullständig grundskola|1|U1;grundskola|Grundskola|1|U2;gymnasium|Gymnasium|1|U3;eftergymn_kort|Eftergymnasial utbildning kortare än 3 år|1|U4;eftergymn_lang|Eftergymnasial utbildning 3 år eller längre|1|U5;okand|Uppgift saknas|1|U9"
done_testing
