# The workers' copy of the code lists (issue 19, app/code_labels.c): the
# participation page names its codes (the end reason, the occupations, the
# history's codes and income lists) from a copy each worker keeps under
# the code label generation (sql/0054). A label changed by SQL, or
# through the admin's code list form, shows on the very next request on
# every worker: many requests, none stale. The labels are put back at the
# end.
. "$(dirname "$0")/lib.sh"

N=24 # requests per round: eight or so for each of the three workers
TMPD=$(mktemp -d)

# Our own stegvis (lib.sh): each of its three workers keeps its copy of
# the code lists from one round to the next.
own_stegvis "$TMPD"

# The page of a participation of personal.fv's that has ended with a
# reason and an occupation after, and a history row of ours naming an
# occupation code and an income list.
eq "personal.fv logs in" "$(as personal.fv)" 303
COOKIE=$(awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$(jar personal.fv)")
PID=$(q "SELECT MIN(p.id) FROM participation p
	JOIN staff_insats si ON si.insats_id = p.insats_id
	JOIN staff s ON s.id = si.staff_id AND s.username = 'personal.fv'
	WHERE p.status = 'avslutad' AND p.end_reason_code = 'arbete'
	AND p.occupation_after_code = 'arbete'")
check "a participation ended for work ($PID)" test -n "$PID"
FV=$(staff_id_of personal.fv)
H0=$(q "SELECT IFNULL(MAX(id), 0) FROM change_history")
at_exit "q \"DELETE FROM change_history WHERE id > $H0 AND record_type = 'participation'
	AND record_id = $PID AND staff_id = $FV AND field IN ('occupation_before_code', 'income_after')\""
q "INSERT INTO change_history (at, staff_id, record_type, record_id, field, old_value, new_value)
	VALUES (UTC_TIMESTAMP(3), $FV, 'participation', $PID, 'occupation_before_code', 'studier', 'arbetssokande'),
	(UTC_TIMESTAMP(3), $FV, 'participation', $PID, 'income_after', 'lon', 'studiemedel,a_kassa')"
END_LABEL=$(q "SELECT label FROM code_end_reason WHERE code = 'arbete'")
OCC_LABEL=$(q "SELECT label FROM code_occupation WHERE code = 'arbetssokande'")
INC_LABEL=$(q "SELECT label FROM code_income WHERE code = 'studiemedel'")
at_exit "q \"UPDATE code_end_reason SET label = '$END_LABEL' WHERE code = 'arbete';
	UPDATE code_occupation SET label = '$OCC_LABEL' WHERE code = 'arbetssokande';
	UPDATE code_income SET label = '$INC_LABEL' WHERE code = 'studiemedel'\""

export TMPD ROOT COOKIE PID
fcgi_page() {
	env -i REQUEST_METHOD=GET DOCUMENT_URI="/deltagande/$PID" QUERY_STRING= REMOTE_ADDR=127.0.0.1 \
		HTTP_COOKIE="$COOKIE" REQUEST_ID=code-labels bash "$ROOT/tests/http/fcgi_call.sh" "$TMPD/own.sock" > "$1"
}
export -f fcgi_page

# Rounds of N page requests (round, with, both, change: lib.sh).
OWN_FETCH=fcgi_page

eq "admin logs in" "$(as admin)" 303
# occupation_form LABEL: the admin's form of the occupations as stored,
# with the label of 'arbetssokande' set to LABEL, posted. (Not the end
# reasons: test_admin_codes counts their audit rows.)
occupation_form() {
	local args=() code label ord act s
	while IFS=$'\t' read -r code label ord act s; do
		[ "$code" = arbetssokande ] && label=$1
		args+=(--data-urlencode "etikett-$code=$label" --data "ordning-$code=$ord"
			--data "sus-$code=$s")
		[ "$act" = 1 ] && args+=(--data "aktiv-$code=1")
	done < <(q "SELECT code, label, sort_order, active, COALESCE(sus_code, '') FROM code_occupation")
	eq "the occupations are saved through the admin form" \
		"$(apost admin /admin/kodlistor/sysselsattning "${args[@]}")" 303
}

# The end reason (the participation statement's label).
change "end reason, SQL" "<dt>Avslutsorsak</dt><dd>$END_LABEL</dd>" \
	"<dt>Avslutsorsak</dt><dd>Fick jobb $$</dd>" \
	q "UPDATE code_end_reason SET label = 'Fick jobb $$' WHERE code = 'arbete'"
# A history value's code, and an income list's (the history's labels).
change "history code, admin form" ">$OCC_LABEL</td>" ">Söker jobb $$</td>" \
	occupation_form "Söker jobb $$"
eq "the label is stored" "$(q "SELECT label FROM code_occupation WHERE code = 'arbetssokande'")" "Söker jobb $$"
change "history income list, SQL" ">$(q "SELECT label FROM code_income WHERE code = 'a_kassa'"), $INC_LABEL</td>" \
	"Studielån $$</td>" \
	q "UPDATE code_income SET label = 'Studielån $$' WHERE code = 'studiemedel'"

done_testing
