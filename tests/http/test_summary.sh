# The summary to the remittent as a document with versions (issue 15,
# items 2 and 11; app/summary.c, app/page_summary*.c, migration 0040):
# written after the end, a draft saved any number of times, sent once the
# required parts are there, frozen once sent, a correction a new version
# that supersedes the earlier one (which stays readable); retries and
# stale forms; the remittent's reading page and its access log; who sees
# only that it exists; other insatser's staff.
. "$(dirname "$0")/lib.sh"

FVI=$(insats_id_of "Friska Vindar 2.0")
FV_ID=$(staff_id_of personal.fv)
SOC_ID=$(staff_id_of remittent.soc)
EB=$(org_id_of "Ekonomiskt bistånd (försörjningsstöd)" "Trollhättans Stad")

log_in FV personal.fv
log_in TR personal.tramp
log_in RJ remittent.fk
log_in SJ remittent.soc

PNR=$(new_pnr)
R=$(new_referral "$FVI" Summa Dokumentsson kvinna "$PNR" 60)
q "INSERT INTO referral_coremittent (referral_id, staff_id, organisation_id, name) VALUES ($R, $SOC_ID, $EB, 'Soc Medremittent')"
eq "the referral is admitted (303)" "$(post "$FV" "/inkorg/$R/beslut" --data "beslut=anta" --data "version=1" \
	--data "startdatum=$(day -50)" --data "planerat_slut=$(day 30)" --data "kontaktperson=$FV_ID" --data "timmar=6")" 303
P=$(q "SELECT id FROM participation WHERE referral_id = $R")
PAGE=/deltagande/$P/sammanfattning
rows() { q "SELECT COUNT(*) FROM participation_summary WHERE participation_id = $P"; }
row() { q "SELECT CONCAT_WS('|', state, version) FROM participation_summary WHERE participation_id = $P AND version_no = $1"; }
sum_audits() { audits "object_type = 'participation' AND object_id = $P AND detail LIKE 'summary %'"; }
# sum_post ACTION VERSION NO KEY [key=value…]: the form with the required
# parts filled in (each key=value replaces one; key= empties it).
BASEFORM=("gjort=Samtal varje vecka" "resultat=Arbetstränar sex timmar" "egen_syn=Det har gått bra"
	"nasta_steg=Arbetsträning med stöd" "vem=Remittenten bokar möte" "senast=$(day 40)" "fritext=")
sum_post() {
	local action=$1 version=$2 no=$3 key=$4
	shift 4
	build BASEFORM "$@"
	post "$FV" "$PAGE" --data-urlencode "atgard=$action" --data-urlencode "version=$version" \
		--data-urlencode "versionsnr=$no" --data-urlencode "nyckel=$key" "${ARGS[@]}"
}

# --- Before the end: nothing to write
expect_status "the summary page of an ongoing participation" 200 -b "$FV" "$BASE$PAGE"
expect_body "says it is written after the end" "Sammanfattningen skrivs när deltagandet är avslutat."
check "and offers no form" body_lacks 'name="atgard"'
eq "a save before the end is refused (409)" "$(sum_post spara 0 0 "")" 409
expect_body "with the reason" "Sammanfattningen skrivs när deltagandet är avslutat."
eq "and nothing is written" "$(rows)" 0

eq "the participation ends (303)" "$(post "$FV" "/deltagande/$P/avslut" --data "version=$(part_version "$P")" \
	--data "slutdatum=$(day -2)" --data "avslutsorsak=arbete" --data "sysselsattning_efter=arbete" --data "forsorjning_efter=lon")" 303
expect_status "the participation page" 200 -b "$FV" "$BASE/deltagande/$P"
expect_body "shows the document's state" "<dt>Dokumentet</dt><dd>Inte påbörjad</dd>"
expect_body "and links to it" "href=\"$PAGE\""
check "the old 'mark as sent' button is gone" body_lacks "Markera sammanfattningen som skickad"

# --- A draft, saved any number of times
expect_status "the form" 200 -b "$FV" "$BASE$PAGE"
expect_body "for the first version" "Skriv sammanfattningen"
K1=$(hidden nyckel)
check "with a one-time key" test ${#K1} -eq 32
A0=$(sum_audits)
eq "a draft with only some parts is saved (303)" "$(sum_post spara 0 0 "$K1" resultat= egen_syn=)" 303
eq "as version 1, a draft" "$(row 1)" "utkast|1"
eq "with its history" "$(hist participation "$P" summary_done | cut -d'|' -f1,2)" "|Samtal varje vecka"
eq "and one audit row" "$(($(sum_audits) - A0))" 1
eq "a retry of that save (same key) answers as the first (303)" "$(sum_post spara 0 0 "$K1" resultat= egen_syn=)" 303
eq "and writes nothing: still one version" "$(rows)" 1
eq "no second audit row" "$(($(sum_audits) - A0))" 1
eq "the draft saved again with more (303)" "$(sum_post spara 1 1 "" egen_syn=)" 303
eq "is the same version, its row version 2" "$(row 1)" "utkast|2"

# --- Sending needs the required parts; refused, everything typed is kept
eq "sending without the participant's view is refused (400)" "$(sum_post skicka 2 1 "" egen_syn= "fritext=Kvar $$")" 400
expect_body "next to the field" "Fyll i det här innan sammanfattningen skickas."
expect_body "what was typed is kept" "Kvar $$</textarea>"
eq "nothing written" "$(row 1)" "utkast|2"

# --- A stale form: 409 with what was typed
eq "a form read at an older version is stale (409)" "$(sum_post spara 1 1 "" "gjort=Gammal $$")" 409
expect_body "with a message" "Någon annan har ändrat sammanfattningen"
expect_body "and what was typed" "Gammal $$</textarea>"
eq "nothing written" "$(row 1)" "utkast|2"

# --- Sent
eq "sending the complete summary (303)" "$(sum_post skicka 2 1 "")" 303
eq "version 1 is sent (its parts saved, then sent)" "$(row 1)" "skickad|4"
eq "the participation's summary_sent_at is set" "$(q "SELECT summary_sent_at IS NOT NULL FROM participation WHERE id = $P")" 1
FIRST=$(q "SELECT summary_sent_at FROM participation WHERE id = $P")
eq "the send is in the history" "$(hist participation "$P" summary_state | cut -d'|' -f1,2)" "utkast|skickad"
# Nothing more is due: the waiver closes with the participation.
expect_status "the participation page writes the closed waiver back" 200 -b "$FV" "$BASE/deltagande/$P"
eq "as expired" "$(q "SELECT state FROM consent WHERE referral_id = $R AND kind = 'sekretess'")" utgangen
expect_body "the history names the summary's parts in Swedish" '<td data-label="Uppgift">Sammanfattning: resultat</td>'
expect_body "and its state" '<td data-label="Uppgift">Sammanfattning, status</td>'
check "no field or state names of the database" body_lacks '>summary_'
check "... nor a raw state" body_lacks '<td data-label="Till">skickad</td>'

expect_body "and shows the state" "<dt>Dokumentet</dt><dd>Version 1: Skickad</dd>"
A1=$(sum_audits)
eq "a retry of the send answers as the first (303)" "$(sum_post skicka 2 1 "")" 303
check "and says it is sent" header_has "Location: $PAGE?skickat=1"
eq "and writes nothing" "$(row 1)|$(sum_audits)" "skickad|4|$A1"

# --- Frozen: a change to the sent version is refused, the text kept
eq "changing the sent version is refused (409)" "$(sum_post spara 2 1 "" "gjort=Ändrad $$")" 409
expect_body "with the reason" "redan skickad och kan inte ändras"
expect_body "what was typed is kept" "Ändrad $$</textarea>"
eq "the sent version is unchanged" "$(q "SELECT CONCAT(version, done_text) FROM participation_summary WHERE participation_id = $P AND version_no = 1")" "4Samtal varje vecka"

# --- A correction: version 2, pre-filled; version 1 stays readable
expect_status "the page after the send" 200 -b "$FV" "$BASE$PAGE"
expect_body "offers a correction" "Rättelse: ny version 2"
expect_body "pre-filled from the sent one" ">Arbetstränar sex timmar</textarea>"
K2=$(hidden nyckel)
check "with a new key" test -n "$K2" -a "$K2" != "$K1"
eq "the correction saved as a draft (303)" "$(sum_post spara 0 1 "$K2" "resultat=Arbetstränar åtta timmar")" 303
eq "is version 2" "$(row 2)" "utkast|1"
eq "its history says what changed" "$(hist participation "$P" summary_result | tail -n 1 | cut -d'|' -f1,2)" \
	"Arbetstränar sex timmar|Arbetstränar åtta timmar"
# The waiver closed with the first send: a correction goes out only
# under a waiver in force, as the first did.
eq "sending the correction without a waiver is refused (409)" \
	"$(sum_post skicka 1 2 "" "resultat=Arbetstränar åtta timmar" "fritext=Rättat $$")" 409
expect_body "with the reason" "det finns inget gällande samtycke"
expect_body "and what was typed kept" "Rättat $$</textarea>"
eq "nothing written" "$(row 2)" "utkast|1"
W2=$(give_waiver "$R")
# A waiver without planering: the remittent could not read it (VIS_FOLLOW).
q "DELETE FROM consent_consent_category WHERE consent_id = $W2 AND category_code = 'planering'"
eq "a waiver without planering: the send is refused (409)" \
	"$(sum_post skicka 1 2 "" "resultat=Arbetstränar åtta timmar")" 409
expect_body "saying why" "omfattar Planering och insatser (annars kan remittenten inte läsa den)"
eq "nothing sent" "$(row 2)" "utkast|1"
q "INSERT INTO consent_consent_category (consent_id, category_code) VALUES ($W2, 'planering')"
# While the correction is in draft, the new waiver is in force: the
# remittent follows the participation and reads version 1.
expect_status "under the new waiver, before the correction goes" 200 -b "$RJ" "$BASE/ansokningar/$R/sammanfattning"
expect_body "the remittent reads version 1" "Arbetstränar sex timmar"
eq "with a new waiver the correction is sent (303)" "$(sum_post skicka 1 2 "" "resultat=Arbetstränar åtta timmar")" 303
eq "version 2 is sent" "$(row 2)" "skickad|2"
eq "summary_sent_at stays the first send" "$(q "SELECT summary_sent_at FROM participation WHERE id = $P")" "$FIRST"

# --- The remittent reads it, and the read is logged
RA=$(audits "username = 'remittent.fk' AND object_type = 'referral' AND object_id = $R AND detail = 'summary version 2'")
expect_status "the remittent's summary page" 200 -b "$RJ" "$BASE/ansokningar/$R/sammanfattning"
expect_body "shows the latest version" "Arbetstränar åtta timmar"
expect_body "lists the superseded one" "Ersatt av en senare version"
expect_body "with the förbund's heading" "class=\"summary-forbund\""
expect_header "not cached" "Cache-Control: no-store"
eq "the read is in the access log" \
	"$(audits "username = 'remittent.fk' AND object_type = 'referral' AND object_id = $R AND detail = 'summary version 2'")" $((RA + 1))
expect_status "version 1 is still readable" 200 -b "$RJ" "$BASE/ansokningar/$R/sammanfattning?version=1"
expect_body "with its text" "Arbetstränar sex timmar"
eq "and that read is logged too (after the one under the new waiver)" \
	"$(audits "username = 'remittent.fk' AND object_type = 'referral' AND object_id = $R AND detail = 'summary version 1'")" 2
eq "the draft of a later version is never shown" "$(grep -c 'version=3' "$BODY")" 0

# --- A medremittent from another organisation, not named by the waiver
expect_status "the medremittent's summary page" 200 -b "$SJ" "$BASE/ansokningar/$R/sammanfattning"
expect_body "says a summary exists" "Det finns en sammanfattning från insatsen."
check "and nothing of it" body_lacks "Arbetstränar"
eq "the look is logged as existence only" \
	"$(audits "username = 'remittent.soc' AND object_id = $R AND detail = 'summary: existence only'")" 1

# --- Staff of another insats, and a remittent who does not reach it
expect_status "personal.tramp: the staff page is 404" 404 -b "$TR" "$BASE$PAGE"
eq "personal.tramp: a POST is 404" "$(post "$TR" "$PAGE" --data "atgard=spara" --data "version=0" --data "versionsnr=2")" 404
eq "and wrote nothing" "$(rows)" 2
# Reopened: what the closed waiver let go stays behind; nothing new is
# shown under it (once the sweep has expired it with its case).
expect_status "the participation page writes the closed waiver back" 200 -b "$FV" "$BASE/deltagande/$P"
eq "the correction's waiver expired" "$(q "SELECT state FROM consent WHERE id = $W2")" utgangen
eq "the participation is reopened" "$(post "$FV" "/deltagande/$P/oppna-igen" \
	--data "version=$(q "SELECT version FROM participation WHERE id = $P")" \
	--data-urlencode "skal_oppna=Avslutades av misstag")" 303
expect_status "the remittent's summary page after the reopening" 200 -b "$RJ" "$BASE/ansokningar/$R/sammanfattning"
check "shows no text under the ended waiver" body_lacks "Arbetstränar"
# ... nor once it has ended again, with nothing sent since.
eq "the participation ends again" "$(post "$FV" "/deltagande/$P/avslut" \
	--data "version=$(q "SELECT version FROM participation WHERE id = $P")" \
	--data "slutdatum=$TODAY" --data avslutsorsak=studier \
	--data sysselsattning_efter=studier --data forsorjning_efter=studiemedel)" 303
expect_status "the remittent's application page" 200 -b "$RJ" "$BASE/ansokningar/$R"
check "shows not the new end" body_lacks "<dt>Slutdatum</dt>"
expect_status "the summary page" 200 -b "$RJ" "$BASE/ansokningar/$R/sammanfattning"
check "shows no text" body_lacks "Arbetstränar"
q "DELETE FROM referral_coremittent WHERE referral_id = $R"
expect_status "a remittent who does not reach the referral: 404, as its page" 404 -b "$SJ" "$BASE/ansokningar/$R/sammanfattning"

done_testing
