#!/usr/bin/env bash
# Each förbund's own consent texts (sql/0073; README "Flera förbund i en
# installation"): a consent's text names who waives secrecy towards whom,
# and each förbund is a legal party of its own.
#  - Each förbund's admin lists and edits its own texts, and another
#    förbund's text by id is a 404 both ways, nothing changed.
#  - The second förbund's admin makes a new version of its Swedish waiver:
#    the first förbund's admin does not see it, and the first förbund's new
#    consents still pin the first förbund's own text.
#  - The second förbund's new consent pins its new text, and the tablet
#    and the copy show that wording.
set -u
. "$(dirname "$0")/lib.sh"

F1=$(forbund_id_of SOFTLEG)
F2=$(forbund_id_of EXEMPEL)
check "the demo's two förbund" test -n "$F1" -a -n "$F2"
# current_waiver F: förbund F's current Swedish waiver text's id.
current_waiver() {
	q "SELECT id FROM consent_text WHERE forbund_id = $1 AND kind = 'sekretess' AND language = 'sv'
		AND is_current = 1"
}
T1=$(current_waiver "$F1")
T2=$(current_waiver "$F2")
check "each förbund has a current Swedish waiver of its own" test -n "$T1" -a -n "$T2" -a "$T1" != "$T2"
# text_sum: every text's wording and state, to see that nothing changed.
text_sum() { q "SELECT MD5(GROUP_CONCAT(id, forbund_id, version, title, body, is_current, used ORDER BY id))
	FROM consent_text"; }

log_in AX admin.exempel
log_in A1 admin

# --- Each admin its own texts; the other's by id is not found
expect_status "the second förbund's admin: its consent texts" 200 -b "$AX" "$BASE/admin/samtyckestexter"
expect_body "... lists its own Swedish waiver" "href=\"/admin/samtyckestexter/$T2\""
check "... not the first förbund's" body_lacks "href=\"/admin/samtyckestexter/$T1\""
expect_status "the first förbund's admin: its consent texts" 200 -b "$A1" "$BASE/admin/samtyckestexter"
expect_body "... lists its own Swedish waiver" "href=\"/admin/samtyckestexter/$T1\""
check "... not the second förbund's" body_lacks "href=\"/admin/samtyckestexter/$T2\""
before=$(text_sum)
expect_status "the second förbund's admin: the first's text is 404" 404 -b "$AX" "$BASE/admin/samtyckestexter/$T1"
eq "... and saving it too" "$(post "$AX" "/admin/samtyckestexter/$T1" --data-urlencode "titel=Kapad" \
	--data-urlencode "text=Kapad text.")" 404
expect_status "the first förbund's admin: the second's text is 404" 404 -b "$A1" "$BASE/admin/samtyckestexter/$T2"
eq "... and saving it too" "$(post "$A1" "/admin/samtyckestexter/$T2" --data-urlencode "titel=Kapad" \
	--data-urlencode "text=Kapad text.")" 404
eq "... no text changed" "$(text_sum)" "$before"

# --- The second förbund's admin makes a new version of its waiver
TITLE="Samtycke till sekretesslättnad, Exempelbygden $$"
WORDS="Exempelbygdens egen lydelse $$: jag samtycker till att parterna nedan utbyter uppgifter om mig."
V2=$(q "SELECT version FROM consent_text WHERE id = $T2")
# Its current waiver is used (a consent pins it), whatever ran before.
q "UPDATE consent_text SET used = 1 WHERE id = $T2"
eq "the second förbund's admin saves its waiver anew" "$(post "$AX" "/admin/samtyckestexter/$T2" \
	--data-urlencode "titel=$TITLE" --data-urlencode "text=$WORDS")" 303
T2N=$(current_waiver "$F2")
eq "... a new version, current, of the second förbund" \
	"$(q "SELECT CONCAT_WS('|', forbund_id, version, title, created_by) FROM consent_text WHERE id = $T2N")" \
	"$F2|$((V2 + 1))|$TITLE|$(staff_id_of admin.exempel)"
eq "... its version used before is kept as it was" \
	"$(q "SELECT CONCAT_WS('|', is_current, used, title = '$TITLE') FROM consent_text WHERE id = $T2")" "0|1|0"
eq "the first förbund's current waiver is still its own" "$(current_waiver "$F1")" "$T1"
check "... and nothing of the first förbund's texts says the new words" \
	test "$(q "SELECT COUNT(*) FROM consent_text WHERE forbund_id = $F1 AND body LIKE '%Exempelbygdens egen%'")" = 0
expect_status "the first förbund's admin: its texts" 200 -b "$A1" "$BASE/admin/samtyckestexter"
check "... do not show the second's new version" body_lacks "$TITLE"
check "... nor link it" body_lacks "href=\"/admin/samtyckestexter/$T2N\""
expect_status "the first förbund's admin: the new version is 404" 404 -b "$A1" "$BASE/admin/samtyckestexter/$T2N"
# A language only the second förbund has (a private-use tag: new each run).
ET="et-T$$"
eq "the second förbund's admin adds a waiver in Estonian" "$(post "$AX" "/admin/samtyckestexter/ny" \
	--data-urlencode "typ=sekretess" --data-urlencode "sprak=$ET" --data-urlencode "titel=Nõusolek $$" \
	--data-urlencode "text=Eesti tekst $$.")" 303
eq "... stored as the second förbund's" "$(q "SELECT GROUP_CONCAT(forbund_id) FROM consent_text
	WHERE kind = 'sekretess' AND language = '$ET'")" "$F2"

# --- The first förbund's new consent pins its own text
CMI=$(insats_id_of "Case Manager")
FKO=$(org_id_of Försäkringskassan)
R1=$(fixture_referral "$CMI" Egen Textsson "$(pnr "19$((60 + RANDOM % 30))0$((1 + RANDOM % 9))1$((RANDOM % 9))")")
check "a referral in the first förbund" test -n "$R1"
log_in CM personal.cm
expect_status "personal.cm's waiver form" 200 -b "$CM" "$BASE/samtycken/ansokan/$R1/ny?typ=sekretess"
check "... does not offer the second förbund's language" body_lacks "value=\"$ET\""
eq "... and refuses it when posted" "$(post "$CM" "/samtycken/ansokan/$R1/ny" --data-urlencode "typ=sekretess" \
	--data-urlencode "sprak=$ET" --data-urlencode "part=o$FKO" --data-urlencode "part=i$CMI" \
	--data-urlencode "kategori=arbete" --data-urlencode "inhamta=1" --data-urlencode "lamna=1" \
	--data-urlencode "syfte=Planera" --data-urlencode "fran=$TODAY" --data-urlencode "till=$(day 60)" \
	--data-urlencode "satt=surfplatta")" 400
st=$(post "$CM" "/samtycken/ansokan/$R1/ny" --data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" \
	--data-urlencode "part=o$FKO" --data-urlencode "part=i$CMI" --data-urlencode "kategori=arbete" \
	--data-urlencode "inhamta=1" --data-urlencode "lamna=1" --data-urlencode "syfte=Planera" \
	--data-urlencode "fran=$TODAY" --data-urlencode "till=$(day 60)" --data-urlencode "satt=surfplatta")
eq "personal.cm prepares a waiver" "$st" 303
C1=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R1 AND kind = 'sekretess'")
eq "... which pins the first förbund's text" "$(q "SELECT text_id FROM consent WHERE id = $C1")" "$T1"
hand_over "$C1" surfplatta personal.cm
texpect "the first förbund's tablet shows its consent" 200 "$TJAR" "$BASE/samtycken/$C1/surfplatta"
expect_body "... in its own wording" "$(q "SELECT title FROM consent_text WHERE id = $T1")"
check "... not the second förbund's" body_lacks "$TITLE"

# --- The second förbund's new consent pins its new text
SF=$(insats_id_of "Steg framåt")
RX_ID=$(staff_id_of remittent.exempel)
RX_ORG=$(org_of remittent.exempel)
new_exempel_referral() {
	q "INSERT INTO person (personnummer, id_kind, birth_year) VALUES ('$1', 'personnummer', ${1:0:4})
		ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id);
		INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status, submitted_at)
		VALUES (LAST_INSERT_ID(), $SF, $RX_ID, $RX_ORG, 'inskickad', UTC_TIMESTAMP());
		SET @ref = LAST_INSERT_ID();
		INSERT INTO referral_person (referral_id, first_name, last_name, gender)
		VALUES (@ref, 'Exempla', '$2', 'kvinna');
		SELECT @ref;"
}
R2=$(new_exempel_referral "$(pnr "19$((60 + RANDOM % 30))0$((1 + RANDOM % 9))1$((RANDOM % 9))")" Lydelsesson)
check "a referral in the second förbund" test -n "$R2"
log_in PX personal.exempel
waiver_x() { # REFERRAL HOW [ARGS…]: personal.exempel's waiver; prints the status
	local ref=$1 how=$2
	shift 2
	post "$PX" "/samtycken/ansokan/$ref/ny" --data-urlencode "typ=sekretess" --data-urlencode "sprak=sv" \
		--data-urlencode "part=o$RX_ORG" --data-urlencode "part=i$SF" --data-urlencode "kategori=arbete" \
		--data-urlencode "inhamta=1" --data-urlencode "lamna=1" --data-urlencode "syfte=Planera" \
		--data-urlencode "fran=$TODAY" --data-urlencode "till=$(day 60)" --data-urlencode "satt=$how" "$@"
}
expect_status "personal.exempel's waiver form" 200 -b "$PX" "$BASE/samtycken/ansokan/$R2/ny?typ=sekretess"
expect_body "... offers its förbund's Estonian" "value=\"$ET\""
eq "personal.exempel prepares a waiver for the tablet" "$(waiver_x "$R2" surfplatta)" 303
C2=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R2 AND kind = 'sekretess'")
eq "... which pins the second förbund's new text" "$(q "SELECT text_id FROM consent WHERE id = $C2")" "$T2N"
eq "... now used, so frozen" "$(q "SELECT used FROM consent_text WHERE id = $T2N")" 1
# Frozen by the byte, not by the column's collation (case and accents).
if q "UPDATE consent_text SET title = UPPER(title) WHERE id = $T2N" 2> /dev/null; then
	not_ok "the database refuses its title in capitals"
else
	ok "the database refuses its title in capitals"
fi
eq "... and keeps it as it was" "$(q "SELECT title FROM consent_text WHERE id = $T2N")" "$TITLE"
hand_over "$C2" surfplatta personal.exempel
texpect "the second förbund's tablet shows its consent" 200 "$TJAR" "$BASE/samtycken/$C2/surfplatta"
expect_body "... with the second förbund's title" "$TITLE"
expect_body "... and its words" "Exempelbygdens egen lydelse $$"
R3=$(new_exempel_referral "$(pnr "19$((60 + RANDOM % 30))0$((1 + RANDOM % 9))1$((RANDOM % 9))")" Kopiasson)
eq "personal.exempel records a waiver signed on paper" \
	"$(waiver_x "$R3" papper --data-urlencode "pappersdatum=$TODAY")" 303
C3=$(q "SELECT MAX(id) FROM consent WHERE referral_id = $R3 AND kind = 'sekretess'")
expect_status "its copy" 200 -b "$PX" "$BASE/samtycken/$C3/kopia"
expect_body "... shows the second förbund's words" "Exempelbygdens egen lydelse $$"
expect_status "the consent page" 200 -b "$PX" "$BASE/samtycken/$C3"
expect_body "... names the text's version" "$TITLE"

# --- The database keeps a text in its förbund, used or not
for t in "$T2N" "$(q "SELECT MIN(id) FROM consent_text WHERE forbund_id = $F2 AND used = 0")"; do
	eq "the database refuses to move text $t to another förbund" \
		"$(sql_app "UPDATE consent_text SET forbund_id = $F1 WHERE id = $t" | grep -c 'never changes förbund')" 1
done
eq "... it stays the second förbund's" "$(q "SELECT forbund_id FROM consent_text WHERE id = $T2N")" "$F2"

# --- A consent is only ever shown with its own förbund's text: pinned to
# another's (as no page can do), it is not found rather than shown so.
q "UPDATE consent SET text_id = $T1 WHERE id = $C3"
expect_status "a consent pinned to another förbund's text: its copy is 404" 404 -b "$PX" "$BASE/samtycken/$C3/kopia"
q "UPDATE consent SET text_id = $T2N WHERE id = $C3"
expect_status "... and with its own again, 200" 200 -b "$PX" "$BASE/samtycken/$C3/kopia"
done_testing
