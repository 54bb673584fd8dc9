# The consent tablet in every participant language (issue 16, items 1, 2,
# 5 and 8b):
#  - the waiver and SUS texts exist in sv, en, ar, so, fa-AF and ti, each
#    translation marked for a translator's check (to_check), the mark shown
#    where staff list and choose texts;
#  - the staff choose each language from the one language table's order;
#  - the tablet page speaks the consent's language (words, categories),
#    and what staff typed carries lang="sv";
#  - the signature by typed name: the keyboard's way, its errors named and
#    linked, stored as a typed name and said so to staff and on the copy;
#  - the lock screen offers every language by its own name, and a code's
#    errors come in the chosen language.
. "$(dirname "$0")/lib.sh"

CMI=$(insats_id_of "Case Manager")
FKO=$(org_id_of Försäkringskassan)

# --- 1. The texts, six languages each, translations marked (the first
# förbund's: the second's are copies of them, sql/0073)
F1=$(forbund_id_of SOFTLEG)
for kind in sekretess sus; do
	eq "$kind: a current text in each of the six languages" \
		"$(q "SELECT GROUP_CONCAT(language ORDER BY language) FROM consent_text
		      WHERE forbund_id = $F1 AND kind = '$kind' AND is_current = 1
		      AND language IN ('sv','en','ar','so','fa-AF','ti')")" \
		"ar,en,fa-AF,so,sv,ti"
	eq "$kind: our translations are marked for a translator's check" \
		"$(q "SELECT GROUP_CONCAT(language ORDER BY language) FROM consent_text
		      WHERE forbund_id = $F1 AND kind = '$kind' AND version = 1 AND created_by IS NULL
		      AND to_check = 1")" \
		"ar,fa-AF,so,ti"
done
eq "the SUS texts stay marked as our example in each new language" \
	"$(q "SELECT COUNT(*) FROM consent_text WHERE forbund_id = $F1 AND kind = 'sus' AND version = 1
	      AND created_by IS NULL AND body LIKE '%9443%' AND language IN ('so','fa-AF','ti')")" 3
eq "each category has a label in Somali, Dari and Tigrinya" \
	"$(q "SELECT COUNT(*) FROM consent_category WHERE label_so <> '' AND label_fa_af <> '' AND label_ti <> ''")" \
	"$(q "SELECT COUNT(*) FROM consent_category")"

log_in AJ admin
expect_status "the admin's list of texts" 200 -b "$AJ" "$BASE/admin/samtyckestexter"
expect_body "shows the translator's mark" "översättningen ej granskad"

# --- 2. Staff choose the language; the tablet page speaks it
R=$(fixture_referral "$CMI" Saba Tesfay "$(new_pnr 1980 20)")
check "fixture referral created" test -n "$R"
log_in CM personal.cm
expect_status "the prepare page" 200 -b "$CM" "$BASE/samtycken/ansokan/$R/ny?typ=sekretess"
langs=$(grep -o '<option value="[a-zA-Z-]*"' "$BODY" | sed 's/.*value="//; s/"$//' | tr '\n' ' ')
eq "offers the six languages in the table's order" "${langs% }" "sv en ar so fa-AF ti"
expect_body "each by its Swedish name and its own" "Tigrinja (ትግርኛ) – ej granskad"
expect_body "... Dari" "Dari (دری) – ej granskad"
check "Swedish is not marked" body_lacks "Svenska – ej granskad"

prepare() { # KIND LANG: a draft for the tablet; prints its id
	local st
	st=$(post "$CM" "/samtycken/ansokan/$R/ny" --data-urlencode "typ=$1" --data-urlencode "sprak=$2" \
		--data-urlencode "part=o$FKO" --data-urlencode "part=i$CMI" --data-urlencode "kategori=halsa" \
		--data-urlencode "inhamta=1" --data-urlencode "lamna=1" --data-urlencode "syfte=Planera stödet tillsammans" \
		--data-urlencode "fran=$TODAY" --data-urlencode "till=$(day 60)" --data-urlencode "satt=surfplatta")
	[ "$st" = 303 ] || return 1
	q "SELECT MAX(id) FROM consent WHERE referral_id = $R AND kind = '$1'"
}
C=$(prepare sekretess ti)
check "a Tigrinya waiver is prepared" test -n "$C"
expect_status "the handover page" 200 -b "$CM" "$BASE/samtycken/$C/surfplatta"
expect_body "names the language for staff" "på Tigrinja (ትግርኛ)"
expect_body "and says the text awaits a translator" "ännu inte granskad av en översättare"

hand_over "$C"
eq "handed over" "$HO_ST" 303
eq "the tablet page" "$(tfetch "$TJAR" "$BASE/samtycken/$C/surfplatta")" 200
expect_body "in Tigrinya, left to right" '<html lang="ti" dir="ltr">'
expect_body "the text in Tigrinya" "ስምምዕ ምቕላል ምስጢራውነት"
expect_body "the words in Tigrinya" "ይሰማማዕ እየ"
expect_body "the category in Tigrinya" "ዕረፍቲ ሕማምን ጥዕናን"
expect_body "the purpose staff typed is marked Swedish" '<p lang="sv" dir="ltr">Planera stödet tillsammans</p>'
expect_body "a party's name is marked Swedish" '<li><span lang="sv" dir="ltr">Försäkringskassan</span></li>'
expect_body "the keyboard's way to sign is offered" 'name="namnunderskrift"'
expect_body "the fonts are linked" 'href="/static/fonts/fonts.css"'

# --- 3. The signature by typed name
st=$(tpost "$TJAR" "/samtycken/$C/surfplatta" --data-urlencode "namn=Saba Tesfay" --data-urlencode "signatur=")
eq "neither drawn nor typed: 400" "$st" 400
expect_body "the error, in Tigrinya" "ኣብቲ ሳጹን ፈርሙ፣ ወይ ምሉእ ስምኩም ከም ፊርማ ጽሓፉ።"
expect_body "is named in the summary, linked to the signature" '<li><a href="#signatur-grupp">ኣብቲ ሳጹን ፈርሙ'
expect_body "and described on the signature's group" 'id="signatur-grupp" aria-describedby="signatur-fel"'
expect_body "... and on the pad" 'aria-labelledby="signatur-rubrik" aria-describedby="signatur-fel"'
st=$(tpost "$TJAR" "/samtycken/$C/surfplatta" --data-urlencode "namn=Saba Tesfay" \
	--data-urlencode "namnunderskrift=Saba Tesfay")
eq "typed but not confirmed: 400" "$st" 400
expect_body "asks for the confirmation" "ምልክት ግበሩሉ"
expect_body "linked from the summary" '<li><a href="#namnunderskrift">'
expect_body "the typed signature is kept" 'name="namnunderskrift" type="text" value="Saba Tesfay"'
st=$(tpost "$TJAR" "/samtycken/$C/surfplatta" --data-urlencode "namn=Saba Tesfay" \
	--data-urlencode "namnunderskrift=Saba" --data-urlencode "namnbekraftelse=ja")
eq "another name than the one typed: 400" "$st" 400
expect_body "says to type the same name" "ከምቲ ኣብ ስምኩም ዝጸሓፍኩምዎ"
eq "nothing signed yet" "$(q "SELECT state FROM consent WHERE id = $C")" utkast
st=$(tpost "$TJAR" "/samtycken/$C/surfplatta" --data-urlencode "namn=Saba Tesfay" \
	--data-urlencode "namnunderskrift= saba  TESFAY " --data-urlencode "namnbekraftelse=ja")
eq "the typed name, confirmed, signs" "$st" 303
eq "stored as a typed name, no drawing" \
	"$(q "SELECT CONCAT_WS('|', state, signed_how, signed_with, signer_name, signature_svg IS NULL) FROM consent WHERE id = $C")" \
	"aktiv|surfplatta|namn|Saba Tesfay|1"
eq "the access log says so" "$(audits "object_type = 'consent' AND object_id = $C AND detail LIKE '%: waiver given by typed name'")" 1
eq "the copy" "$(tfetch "$TJAR" "$BASE/samtycken/$C/kopia")" 200
expect_body "says it was signed by typed name, in Tigrinya" "ብዝተጻሕፈ ስም ዝተፈረመ"
check "and draws no signature" body_lacks '<svg class="signature"'
expect_body "Done leads to the lock screen in Tigrinya" 'href="/surfplatta?sprak=ti"'
expect_status "the staff page" 200 -b "$CM" "$BASE/samtycken/$C"
expect_body "says the signature is a typed name" "med skrivet namn (ingen ritad namnteckning)"
expect_body "names the language and its check" "Tigrinja (ትግርኛ) (vår egen översättning"

# A drawing is still a drawing: the SUS consent in Dari, drawn.
S=$(prepare sus fa-AF)
hand_over "$S"
eq "the Dari SUS page" "$(tfetch "$TJAR" "$BASE/samtycken/$S/surfplatta")" 200
expect_body "right to left" '<html lang="fa-AF" dir="rtl">'
expect_body "the Dari text" "رضایت به ثبت در SUS"
st=$(tpost "$TJAR" "/samtycken/$S/surfplatta" --data-urlencode "namn=Farid Ahmadi" \
	--data-urlencode "signatur=$SIG" --data-urlencode "svar=ja")
eq "drawn, it signs" "$st" 303
eq "stored as drawn" "$(q "SELECT CONCAT_WS('|', signed_with, signature_svg = '$SIG') FROM consent WHERE id = $S")" "ritad|1"
eq "the access log says a drawing (no typed name)" \
	"$(audits "object_type = 'consent' AND object_id = $S AND detail LIKE '%: sus consent given: yes'")" 1

# --- 4. The lock screen in every language; a code's errors too
T=$(new_jar)
expect_status "the lock screen" 200 -c "$T" -b "$T" "$BASE/surfplatta"
for name in Svenska English العربية Soomaali دری ትግርኛ; do
	expect_body "offers $name by its own name" ">$name</a>"
done
expect_body "each link marked with its language" 'href="/surfplatta?sprak=ti" lang="ti" hreflang="ti" dir="ltr">ትግርኛ</a>'
expect_body "Dari right to left" 'lang="fa-AF" hreflang="fa-AF" dir="rtl">دری</a>'
expect_status "Tigrinya chosen" 200 -c "$T" -b "$T" "$BASE/surfplatta?sprak=ti"
expect_body "the screen is Tigrinya" '<html lang="ti" dir="ltr">'
expect_body "its words too" "ካብ ሰራሕተኛታት ዝረኸብኩምዎ ኮድ ጽሓፉ።"
expect_body "Tigrinya marked as in use" 'dir="ltr" aria-current="true">ትግርኛ</a>'
expect_body "the form carries the choice" 'name="sprak" value="ti"'
expect_body "the staff login stays Swedish" '<details class="kiosk-staff" lang="sv" dir="ltr">'
KC=$(form_csrf)
expect_status "a wrong code" 400 -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d sprak=ti -d kod=00000000 "$BASE/surfplatta"
expect_body "is told in Tigrinya" "እዚ ኮድ የለን።"
expect_status "a code of the wrong shape" 400 -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d sprak=ti -d kod=123 "$BASE/surfplatta"
expect_body "is told in Tigrinya" "ነቲ ኮድ ብሸሞንተ ቁጽርታት ጽሓፉ።"
check "not in Swedish" body_lacks "Skriv koden med åtta siffror"

# A code in use on another tablet: told in the language chosen.
log_in FV personal.fv
PID=$(q "SELECT p.id FROM participation p WHERE p.insats_id = $(insats_id_of "Friska Vindar 2.0")
           AND p.status = 'inskriven' ORDER BY p.id DESC LIMIT 1")
QA=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'deltagare_pagaende' AND is_active = 1")
post "$FV" "/deltagande/$PID/enkat" -d "enkat=$QA" > /dev/null
CODE=$(grep -o 'name="kod" value="[0-9]\{8\}' "$BODY" | sed 's/.*value="//')
check "staff got a code" test "${#CODE}" = 8
T1=$(new_jar)
tablet "$T1"
expect_status "the first tablet takes the code" 303 -c "$T1" -b "$T1" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"
T2=$(new_jar)
tablet "$T2"
expect_status "a second tablet, in Tigrinya" 409 -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d sprak=ti -d "kod=$CODE" "$BASE/surfplatta"
expect_body "is told the code is busy, in Tigrinya" "እዚ ኮድ ሕጂ ኣብ ካልእ ታብሌት ይጥቀመሉ ኣሎ።"
check "not in Swedish" body_lacks "används just nu"
expect_status "... in Somali" 409 -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d sprak=so -d "kod=$CODE" "$BASE/surfplatta"
expect_body "told in Somali" "Koodhka hadda waxaa lagu isticmaalayaa tablet kale."
expect_status "without a choice" 409 -c "$T2" -b "$T2" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"
expect_body "Swedish, as before" "Koden används just nu på en annan surfplatta."

# --- 5. The fonts are served as fonts, from views/static
for f in NotoSansEthiopic-Regular NotoSansArabic-Regular; do
	expect_status "$f is served" 200 "$BASE/static/fonts/$f.woff2"
	expect_header "... as font/woff2" "Content-Type: font/woff2"
	expect_header "... cached" "Cache-Control: max-age="
done
expect_status "the licence is there" 200 "$BASE/static/fonts/OFL.txt"
expect_status "a page" 200 "$BASE/surfplatta"
expect_header "lets the fonts load (CSP)" "font-src 'self'"

done_testing
