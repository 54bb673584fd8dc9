#!/usr/bin/env bash
# /admin/gallring (README "Gallring"): every rule with its label, clock and
# days in words; one form edits them with a version per rule: a refused
# value keeps every typed value, a stale form is a 409 that keeps them, a
# retry changes nothing, a change is audited with its old and new value;
# the preview's counts are those of `stegvis gallring --dry-run`, before
# and after a change; only the admin gets in. The rules are the demo
# förbund's (admin's): each förbund has its own (sql/0074,
# test_forbund_gallring.sh).
set -u
. "$(dirname "$0")/lib.sh"

F1=$(q "SELECT forbund_id FROM staff WHERE username = 'admin'")

CODES="deltagande ansokan samtycke enkatsvar enkatkod sus_dokument inloggning atkomstlogg"
RULES_BEFORE=$(q "SELECT GROUP_CONCAT(code, '=', keep_days ORDER BY code) FROM gallring_rule WHERE forbund_id = $F1")
at_exit 'for kv in $(echo "$RULES_BEFORE" | tr , " "); do q "UPDATE gallring_rule SET keep_days = ${kv#*=} WHERE forbund_id = $F1 AND code = '"'"'${kv%%=*}'"'"'"; done'
rule() { q "SELECT CONCAT(keep_days, '/', version) FROM gallring_rule WHERE forbund_id = $F1 AND code = '$1'"; }
# One referral that the ansokan rule counts at its default (365 days) but
# not at 1500, whatever day the demo was loaded: its decision 800 days ago.
AGED=$(q "SELECT r.id FROM referral r WHERE r.gallrad_at IS NULL AND r.status IN ('avradd', 'aterford')
	AND r.decided_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.referral_id = r.id)
	ORDER BY r.id LIMIT 1")
AGED_AT=$(q "SELECT decided_at FROM referral WHERE id = $AGED")
at_exit "q \"UPDATE referral SET decided_at = '$AGED_AT' WHERE id = $AGED\""
q "UPDATE referral SET decided_at = UTC_TIMESTAMP() - INTERVAL 800 DAY WHERE id = $AGED"
# Every rule at its default, whatever an earlier run left; the versions
# as they are now.
q "UPDATE gallring_rule SET keep_days = CASE code WHEN 'ansokan' THEN 365 WHEN 'enkatkod' THEN 30 WHEN 'sus_dokument' THEN 90 WHEN 'inloggning' THEN 30 WHEN 'atkomstlogg' THEN 1825 ELSE 1095 END WHERE forbund_id = $F1"
VI=$(q "SELECT version FROM gallring_rule WHERE forbund_id = $F1 AND code = 'inloggning'")
VA=$(q "SELECT version FROM gallring_rule WHERE forbund_id = $F1 AND code = 'ansokan'")
VD=$(q "SELECT version FROM gallring_rule WHERE forbund_id = $F1 AND code = 'deltagande'")
VS=$(q "SELECT version FROM gallring_rule WHERE forbund_id = $F1 AND code = 'samtycke'")
VL=$(q "SELECT version FROM gallring_rule WHERE forbund_id = $F1 AND code = 'atkomstlogg'")
# The preview's count of each rule, "code=n" lines, from the last body;
# the CLI's dry run in the same form.
preview() { grep -oE 'id="regel-[a-z_]+"|data-antal="[0-9]+"' "$BODY" | sed -E 's/id="regel-//; s/data-antal="//; s/"//' | paste -d= - -; }
# (The förbund's lines: the run counts each förbund by its own rules.)
dry_run() { "$BIN" gallring -c "$VAR/stegvis.conf" --dry-run | grep ", förbund $F1 " | sed -E 's/^gallring ([a-z_]+): ([0-9]+) .*/\1=\2/'; }

for u in remittent.fk personal.fv forbund; do
	as "$u" > /dev/null
	eq "$u may not see /admin/gallring" "$(aget "$u" /admin/gallring)" 403
	eq "$u may not post to it" "$(apost "$u" /admin/gallring --data-urlencode dagar-inloggning=60)" 403
done
eq "their posts changed nothing" "$(rule inloggning)" "30/$VI"

eq "admin logs in" "$(as admin)" 303
eq "the admin start page links to the page" "$(aget admin /admin > /dev/null; grep -c 'href="/admin/gallring"' "$BODY")" 1
eq "the page" "$(aget admin /admin/gallring)" 200
for c in $CODES; do
	check "a row and a field for $c" grep -q "name=\"dagar-$c\"" "$BODY"
done
expect_body "the participation rule in words" '<td data-label="Sparas nu" class="sparas">3 år (1095 dagar)</td>'
expect_body "what starts its clock" "Deltagandets slutdatum"
expect_body "never changed yet" "Aldrig ändrad"
check "no personnummer on the page" body_has_no_pnr
PREVIEW=$(preview)
DRY=$(dry_run)
eq "the preview counts each rule as --dry-run does" "$PREVIEW" "$DRY"
check "something to count in the demo data" grep -qvE '=0$' <<< "$DRY"

# The form as the page has it, with some values replaced: FIELD=VALUE…
form_args() {
	local c args=() v
	for c in $CODES; do
		v=$(input_value "dagar-$c")
		for kv in "$@"; do [ "${kv%%=*}" = "$c" ] && v=${kv#*=}; done
		args+=(--data-urlencode "dagar-$c=$v" --data-urlencode "version-$c=$(hidden "version-$c")")
	done
	printf '%s\n' "${args[@]}"
}
mapfile -t FRESH < <(form_args inloggning=60 ansokan=1500)
AUD=$(audits "object_type = 'gallring_rule'")
NAMED="object_type = 'gallring_rule' AND action = 'admin' AND detail = 'gallring rule inloggning: keep_days 30 -> 60' AND username = 'admin'"
AUD_NAMED=$(audits "$NAMED")
eq "a change is saved" "$(apost admin /admin/gallring "${FRESH[@]}")" 303
eq "back to the page" "$(location)" "/admin/gallring?sparat=1"
eq "inloggning is 60 days, its version one up" "$(rule inloggning)" "60/$((VI + 1))"
eq "ansokan is 1500 days" "$(rule ansokan)" "1500/$((VA + 1))"
eq "an unchanged rule keeps its version" "$(rule deltagande)" "1095/$VD"
eq "one access-log row per changed rule" "$(audits "object_type = 'gallring_rule'")" $((AUD + 2))
eq "it names the old and the new value" "$(audits "$NAMED")" $((AUD_NAMED + 1))
aget admin '/admin/gallring?sparat=1' > /dev/null
expect_body "saved" "Ändringarna är sparade."
expect_body "the new value in words" "2 månader (60 dagar)"
expect_body "who changed it" " av admin</td>"
eq "the preview follows the stored rules, as --dry-run" "$(preview)" "$(dry_run)"
check "a longer ansokan rule counts fewer" test "$(preview | grep ansokan)" != "$(grep ansokan <<< "$PREVIEW")"

# The same post again (a double click, a retry): nothing changes.
eq "a retry is answered as saved" "$(apost admin /admin/gallring "${FRESH[@]}")" 303
eq "and changes nothing" "$(rule inloggning)/$(audits "object_type = 'gallring_rule'")" "60/$((VI + 1))/$((AUD + 2))"

# Refused: the access log below its minimum and shorter than the rest,
# and a word for a number. Nothing saved, every typed value kept.
aget admin /admin/gallring > /dev/null
mapfile -t BAD < <(form_args atkomstlogg=100 enkatkod=tre samtycke=900)
eq "a refused value" "$(apost admin /admin/gallring "${BAD[@]}")" 400
expect_body "the page says nothing was saved" "Reglerna sparades inte."
expect_body "the access log's bounds" '<p class="error" id="dagar-atkomstlogg-fel">Ange ett helt antal dagar från 365 till 7300.</p>'
check "a word is no number" grep -q 'id="dagar-enkatkod-fel"' "$BODY"
eq "the typed access log kept" "$(input_value dagar-atkomstlogg)" 100
eq "the typed word kept" "$(input_value dagar-enkatkod)" tre
eq "a valid typed value kept" "$(input_value dagar-samtycke)" 900
eq "nothing saved" "$(rule samtycke)/$(rule atkomstlogg)" "1095/$VS/1825/$VL"
mapfile -t SHORT < <(aget admin /admin/gallring > /dev/null; form_args samtycke=3000)
eq "the access log shorter than another rule" "$(apost admin /admin/gallring "${SHORT[@]}")" 400
expect_body "says why" "Åtkomstloggen ska sparas minst lika länge"
eq "the participation rule below its follow-up" "$(aget admin /admin/gallring > /dev/null; mapfile -t F < <(form_args deltagande=200); apost admin /admin/gallring "${F[@]}")" 400
expect_body "says why" "uppföljningen sex månader efter avslut"

# Stale: a form read before someone else's save.
aget admin /admin/gallring > /dev/null
mapfile -t OLD < <(form_args inloggning=90)
q "UPDATE gallring_rule SET keep_days = 45, version = version + 1 WHERE forbund_id = $F1 AND code = 'inloggning'"
eq "a stale form" "$(apost admin /admin/gallring "${OLD[@]}")" 409
expect_body "says someone else saved" "Någon annan har ändrat uppgifterna"
eq "the typed value kept" "$(input_value dagar-inloggning)" 90
expect_body "the stored value shown" "45 dagar"
eq "nothing overwritten" "$(rule inloggning)" "45/$((VI + 2))"
eq "the form now carries the stored version" "$(hidden version-inloggning)" $((VI + 2))
mapfile -t AGAIN < <(form_args)
eq "saved again, knowingly" "$(apost admin /admin/gallring "${AGAIN[@]}")" 303
eq "now 90" "$(rule inloggning)" "90/$((VI + 3))"

done_testing
