# Two förbund in one installation, the admin pages (issue 20): a second
# förbund's admin sees and changes only that förbund's accounts,
# organisations and insatser, and the demo förbund's admin nothing of the
# second's. Another förbund's row by id is a 404, never a page or a
# change, and nothing links across (an account to another förbund's
# organisation or insats, an insats to another förbund's host). The
# activity report offers each förbund's chief its own insatser.
#
# There is no platform admin yet: the second förbund, its office and its
# admin are made here in SQL (mk_forbund). Its insats is inactive, it has
# no participants, and it is inactive itself at exit, so the pages not yet
# scoped by förbund (the report's totals) and the public page look the
# same to the tests after this one.
. "$(dirname "$0")/lib.sh"

P=t_fb_$$
ADMIN_ID=$(staff_id_of admin)
FK=$(org_id_of Försäkringskassan)
TH=$(org_id_of "Trollhättans Stad")
FVI=$(insats_id_of "Friska Vindar 2.0")

mk_forbund F2 "TF$$"
check "a second förbund" test -n "$F2"
O2=$(office_of "$F2")
mk_account "${P}_admin" "$O2" admin "Admin Testförbundet"
A2=$(staff_id_of "${P}_admin")
eq "its admin account is in the second förbund" "$(q "SELECT forbund_id FROM staff WHERE id = $A2")" "$F2"
eq "the second förbund's admin logs in" "$(as "${P}_admin")" 303
eq "the demo admin logs in" "$(as admin)" 303

# --- Lists: each admin sees the own förbund's rows only
aget "${P}_admin" /admin/konton > /dev/null
expect_body "accounts: the second förbund's admin is listed to itself" "${P}_admin"
check "... and no demo account" body_lacks "remittent.fk"
aget "${P}_admin" /admin/organisationer > /dev/null
expect_body "organisations: its own office" "Förbundskansliet TF$$"
check "... and not the demo förbund's" body_lacks "Försäkringskassan"
aget "${P}_admin" /admin/insatser > /dev/null
check "insatser: none of the demo förbund's" body_lacks "Friska Vindar"
aget admin /admin/konton > /dev/null
check "the demo admin's account list lacks the second förbund's admin" body_lacks "${P}_admin"
aget admin /admin/organisationer > /dev/null
check "... and its organisation list the second förbund's office" body_lacks "Förbundskansliet TF$$"

# --- The other förbund's rows by id: 404, and nothing changes
eq "the demo admin's account, by id: 404" "$(aget "${P}_admin" "/admin/konton/$ADMIN_ID")" 404
eq "a demo organisation, by id: 404" "$(aget "${P}_admin" "/admin/organisationer/$FK")" 404
eq "a demo insats, by id: 404" "$(aget "${P}_admin" "/admin/insatser/$FVI")" 404
eq "the second förbund's admin, to the demo admin: 404" "$(aget admin "/admin/konton/$A2")" 404
eq "... and its office: 404" "$(aget admin "/admin/organisationer/$O2")" 404
before=$(q "SELECT CONCAT_WS('|', display_name, organisation_id, password_hash, IFNULL(api_token_hash, ''),
	failed_logins, IFNULL(totp_secret, '')) FROM staff WHERE id = $ADMIN_ID")
bad=""
for path in "/admin/konton/$ADMIN_ID/losenord" "/admin/konton/$ADMIN_ID/token" \
	"/admin/konton/$ADMIN_ID/lasupp" "/admin/konton/$ADMIN_ID/tvastegs"; do
	got=$(apost "${P}_admin" "$path")
	[ "$got" = 404 ] || bad="$bad $path=$got"
done
got=$(apost "${P}_admin" "/admin/konton/$ADMIN_ID" --data "version=1" --data-urlencode "namn=Kapad" \
	--data "organisation=$O2" --data "roll=admin" --data "aktiv=1")
[ "$got" = 404 ] || bad="$bad edit=$got"
eq "every change to the demo admin's account is a 404" "$bad" ""
eq "... and the account is as it was" "$(q "SELECT CONCAT_WS('|', display_name, organisation_id, password_hash,
	IFNULL(api_token_hash, ''), failed_logins, IFNULL(totp_secret, '')) FROM staff WHERE id = $ADMIN_ID")" "$before"
v=$(q "SELECT DATE_FORMAT(updated_at, '%Y%m%d%H%i%s') FROM organisation WHERE id = $FK")
eq "an edit of a demo organisation is a 404" "$(apost "${P}_admin" "/admin/organisationer/$FK" \
	--data "version=$v" --data-urlencode "namn=Kapad" --data "typ=fk" --data "aktiv=1")" 404
eq "... and it keeps its name" "$(q "SELECT name FROM organisation WHERE id = $FK")" "Försäkringskassan"

# --- Nothing links across
got=$(apost "${P}_admin" /admin/konton/ny --data-urlencode "anvandarnamn=${P}_x" --data-urlencode "namn=X" \
	--data "organisation=$FK" --data "roll=remittent")
eq "an account in a demo organisation is refused" "$got" 400
got=$(apost "${P}_admin" /admin/konton/ny --data-urlencode "anvandarnamn=${P}_y" --data-urlencode "namn=Y" \
	--data "organisation=$O2" --data "roll=insatspersonal" --data "insats=$FVI")
eq "an account on a demo insats is refused" "$got" 400
eq "... neither is stored" "$(q "SELECT COUNT(*) FROM staff WHERE username IN ('${P}_x', '${P}_y')")" 0
got=$(apost "${P}_admin" /admin/organisationer/ny --data-urlencode "namn=Enhet $P" --data "typ=unit" \
	--data "overordnad=$TH" --data "aktiv=1")
eq "a unit under a demo organisation is refused" "$got" 400
eq "... and not stored" "$(q "SELECT COUNT(*) FROM organisation WHERE name = 'Enhet $P'")" 0
slug="t-fb-$$"
insats=(--data-urlencode "kortnamn=TF $$" --data "slug=$slug" --data "inriktning=individ"
	--data "matmetod=personuppgifter" --data "start=2024-01-01" --data "platser=10"
	--data "sammanfattning_dagar=21")
got=$(apost "${P}_admin" /admin/insatser/ny --data-urlencode "namn=Insats $P" "${insats[@]}" --data "huvudman=$FK")
eq "an insats hosted by a demo organisation is refused" "$got" 400
eq "... and not stored" "$(q "SELECT COUNT(*) FROM insats WHERE slug = '$slug'")" 0

# --- What the second förbund's admin makes is the second förbund's
got=$(apost "${P}_admin" /admin/insatser/ny --data-urlencode "namn=Insats $P" "${insats[@]}" --data "huvudman=$O2")
eq "an insats hosted by its own office is created" "$got" 303
I2=$(q "SELECT id FROM insats WHERE slug = '$slug'")
eq "... in the second förbund, inactive (no box ticked)" "$(q "SELECT CONCAT(forbund_id, '|', active) FROM insats WHERE id = $I2")" "$F2|0"
eq "... and the demo admin cannot open it" "$(aget admin "/admin/insatser/$I2")" 404
aget admin /admin/insatser > /dev/null
check "... nor sees it listed" body_lacks "Insats $P"
got=$(apost "${P}_admin" /admin/konton/ny --data-urlencode "anvandarnamn=${P}_p" --data-urlencode "namn=Personal TF" \
	--data "organisation=$O2" --data "roll=insatspersonal" --data "insats=$I2")
eq "an account on its own insats is created" "$got" 200
P2=$(staff_id_of "${P}_p")
eq "... in the second förbund, on that insats" "$(q "SELECT CONCAT(s.forbund_id, '|', GROUP_CONCAT(si.insats_id))
	FROM staff s JOIN staff_insats si ON si.staff_id = s.id WHERE s.id = $P2")" "$F2|$I2"
eq "the demo admin cannot give a demo account the second förbund's insats" "$(apost admin /admin/konton/ny \
	--data-urlencode "anvandarnamn=${P}_z" --data-urlencode "namn=Z" --data "organisation=$TH" \
	--data "roll=insatspersonal" --data "insats=$I2")" 400
eq "no account of one förbund is on another förbund's insats" "$(q "SELECT COUNT(*) FROM staff_insats si
	JOIN staff s ON s.id = si.staff_id JOIN insats i ON i.id = si.insats_id WHERE s.forbund_id <> i.forbund_id")" 0
eq "no account is in another förbund's organisation" "$(q "SELECT COUNT(*) FROM staff s
	JOIN organisation o ON o.id = s.organisation_id WHERE s.forbund_id <> o.forbund_id")" 0

# --- The report's choice of insatser: each förbund's own. (Only the
# choice: the förbund-wide tables below it are not scoped yet.)
mk_account "${P}_chef" "$O2" forbund "Chef Testförbundet"
eq "the second förbund's chief logs in" "$(as "${P}_chef")" 303
aget "${P}_chef" /rapporter > /dev/null
expect_body "the report offers the second förbund's chief its insats" ">Insats $P</option>"
check "... and none of the demo förbund's" bash -c "! grep -q '>Friska Vindar 2.0</option>' '$BODY'"
eq "the demo chief logs in" "$(as forbund)" 303
aget forbund /rapporter > /dev/null
expect_body "the demo chief is offered the demo insatser" ">Friska Vindar 2.0</option>"
check "... and not the second förbund's" body_lacks ">Insats $P</option>"

done_testing
