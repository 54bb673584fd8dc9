#!/usr/bin/env bash
# One-time keys on the admin and structural create forms (issue 18, item
# 2; include/once.h, include/page_create.h). For each form: (a) the form
# carries a key; (b) the same POST twice with one key makes one record and
# one audit row, and the retry answers 303 to where the first one went
# (the same 303, or the created record when the first answer was a page
# shown once); (c) two POSTs with one key at the same time make one
# record; (d) a malformed key is a Swedish 400 that keeps what was typed
# and creates nothing; (e) a refused POST keeps its key, and the fixed
# POST with that key creates exactly one.
set -u
. "$(dirname "$0")/lib.sh"

TAG=$$$RANDOM
KEYRE='^[0-9a-f]{32}$'
BADMSG="engångsnyckel är skadad"
ASF=$(org_id_of "Arbetsmarknad och socialförvaltning" "Trollhättans Stad")
TH=$(q "SELECT id FROM organisation WHERE name = 'Trollhättans Stad' AND parent_id IS NULL")
FB=$(forbund_id_of SOFTLEG)
QID=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'chefer' AND is_active = 1")
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, direction, measurement,
     period_start, active) VALUES ($FB, $ASF, 'Engångstest $TAG', 'Engångstest', 'engangstest-$TAG',
     'struktur', 'antal', '2019-01-01', 1)"
INS=$(q "SELECT id FROM insats WHERE slug = 'engangstest-$TAG'")
U=once$TAG
mk_account "$U" "$ASF" insatspersonal
q "INSERT INTO staff_insats (staff_id, insats_id) SELECT id, $INS FROM staff WHERE username = '$U'"
eq "login as admin" "$(as admin)" 303
eq "login as the structural insats's staff" "$(as "$U")" 303

# The form of each case: USER, FORM (the GET), URL (the POST), COUNT (SQL:
# the records this form makes, PER of them a POST), AUDIT (the object_type of its audit row),
# FIRST (the first answer's status: 303, or 200 for a page shown once),
# KEEP (a typed value the refused form must show again). good N and bad N
# print the curl data of an accepted and a refused form, N making it unique.
setup() {
	CASE=$1
	case $1 in
	konto)
		USER=admin FORM=/admin/konton/ny URL=/admin/konton/ny AUDIT=staff FIRST=200
		COUNT="SELECT COUNT(*) FROM staff WHERE username LIKE 'o${TAG}\\_%'"
		good() { echo "anvandarnamn=o${TAG}_$1&namn=Engång $1&organisation=$ASF&roll=remittent"; }
		bad() { echo "anvandarnamn=o${TAG}_$1&namn=&organisation=$ASF&roll=remittent"; }
		KEEP="o${TAG}_" ;;
	integration)
		USER=admin FORM=/admin/konton/ny URL=/admin/konton/ny AUDIT=staff FIRST=303
		COUNT="SELECT COUNT(*) FROM staff WHERE username LIKE 'i${TAG}\\_%'"
		good() { echo "anvandarnamn=i${TAG}_$1&namn=Integration $1&organisation=$ASF&roll=integration"; }
		bad() { echo "anvandarnamn=i${TAG}_$1&namn=&organisation=$ASF&roll=integration"; }
		KEEP="i${TAG}_" ;;
	organisation)
		USER=admin FORM=/admin/organisationer/ny URL=/admin/organisationer/ny AUDIT=organisation FIRST=303
		COUNT="SELECT COUNT(*) FROM organisation WHERE name LIKE 'Engångsenhet $TAG %'"
		good() { echo "namn=Engångsenhet $TAG $1&typ=unit&overordnad=$TH&aktiv=1"; }
		bad() { echo "namn=Engångsenhet $TAG $1&typ=unit&aktiv=1"; }
		KEEP="Engångsenhet $TAG" ;;
	insats)
		USER=admin FORM=/admin/insatser/ny URL=/admin/insatser/ny AUDIT=insats FIRST=303
		COUNT="SELECT COUNT(*) FROM insats WHERE name LIKE 'Engångsinsats $TAG %'"
		good() { echo "namn=Engångsinsats $TAG $1&kortnamn=E$1&slug=engang-$TAG-$1&huvudman=$ASF&inriktning=individ&matmetod=personuppgifter&start=2024-01-01&aktiv=1&mal1_namnare=10"; }
		bad() { echo "namn=Engångsinsats $TAG $1&kortnamn=E$1&slug=Dålig adress&huvudman=$ASF&inriktning=individ&matmetod=personuppgifter&start=2024-01-01&aktiv=1"; }
		KEEP="Engångsinsats $TAG" ;;
	samtyckestext)
		USER=admin FORM=/admin/samtyckestexter URL=/admin/samtyckestexter/ny AUDIT=consent_text FIRST=303
		COUNT="SELECT COUNT(*) FROM consent_text WHERE title LIKE 'Engångstext $TAG %'"
		good() { echo "typ=sus&sprak=zz&titel=Engångstext $TAG $1&text=Text $1"; }
		bad() { echo "typ=sus&sprak=Z!&titel=Engångstext $TAG $1&text=Text $1"; }
		KEEP="Engångstext $TAG" ;;
	lankar)
		USER=admin FORM=/admin/enkater URL=/admin/enkater/$QID/lankar AUDIT=questionnaire FIRST=200
		COUNT="SELECT COUNT(*) FROM questionnaire_code WHERE questionnaire_id = $QID AND kind = 'lank'"
		good() { echo "antal=2"; }
		PER=2
		bad() { echo "antal=0"; }
		KEEP='value="0"' ;;
	foretag)
		USER=$U FORM=/struktur/$INS/foretag/ny URL=/struktur/$INS/foretag/ny AUDIT=structural_company FIRST=303
		COUNT="SELECT COUNT(*) FROM structural_company WHERE insats_id = $INS"
		good() { echo "namn=Engång AB $TAG $1&platser=2&ansluten=2019-03-01"; }
		bad() { echo "namn=Engång AB $TAG $1&platser=&ansluten=2019-03-01"; }
		KEEP="Engång AB $TAG" ;;
	utbildning)
		USER=$U FORM=/struktur/$INS/utbildning/ny URL=/struktur/$INS/utbildning/ny AUDIT=structural_training FIRST=303
		COUNT="SELECT COUNT(*) FROM structural_training WHERE insats_id = $INS"
		good() { echo "datum=2019-10-15&deltagare=12&anteckning=Engång $1"; }
		bad() { echo "datum=2019-10-15&deltagare=&anteckning=Engång $1"; }
		KEEP="Engång " ;;
	strukturmal)
		# An upsert of the year's row: what a retry would add is the
		# audit row (and a version); so the audit rows are counted.
		USER=admin FORM=/admin/insatser/$INS/strukturmal URL=/admin/insatser/$INS/strukturmal AUDIT=insats FIRST=303
		COUNT="SELECT COUNT(*) FROM audit_log WHERE object_type = 'insats' AND object_id = $INS"
		good() { echo "ar=2030&mal_platser=$1"; }
		bad() { echo "ar=2030&mal_platser=x$1"; }
		KEEP='name="ar" type="text" inputmode="numeric" value="2030"' ;;
	esac
}
audits() { q "SELECT COUNT(*) FROM audit_log WHERE object_type = '$AUDIT'"; }
# form_key: a fresh form's key (the GET); for the links, the row of QID.
form_key() {
	fetch -b "$(jar "$USER")" "$BASE$FORM" > /dev/null
	if [ "$CASE" = lankar ]; then
		perl -0777 -ne 'print $1 if m{action="/admin/enkater/'"$QID"'/lankar".*?name="skapanyckel" value="([0-9a-f]*)"}s' "$BODY"
	else
		hidden skapanyckel
	fi
}
# send DATA KEY: POST as USER; prints "STATUS LOCATION".
send() {
	local st
	st=$(fetch -b "$(jar "$USER")" --data-urlencode "csrf=$(csrf_of "$USER")" --data "$1" \
		--data-urlencode "skapanyckel=$2" "$BASE$URL")
	echo "$st $(location)"
}

for c in konto integration organisation insats samtyckestext lankar foretag utbildning strukturmal; do
	PER=1 # records one POST makes
	setup "$c"
	# (a)
	K=$(form_key)
	check "$c: the form carries a one-time key" bash -c "[[ '$K' =~ $KEYRE ]]"
	K2=$(form_key)
	check "$c: each drawing of the form a new one" test "$K" != "$K2"

	# (b) the same POST twice
	n0=$(q "$COUNT") a0=$(audits)
	first=$(send "$(good 1)" "$K")
	again=$(send "$(good 1)" "$K")
	eq "$c: the first POST answers $FIRST" "${first%% *}" "$FIRST"
	eq "$c: the two POSTs made one record" "$(q "$COUNT")" $((n0 + PER))
	eq "$c: and one audit row" "$(audits)" $((a0 + 1))
	if [ "$FIRST" = 303 ]; then
		eq "$c: the retry answers the same 303" "$again" "$first"
	else
		check "$c: the retry answers 303 to the created record ($again)" \
			bash -c "[[ '$again' =~ ^303\ /admin/(konton/[0-9]+\?redan=1|enkater\?lankar=$QID)$ ]]"
		aget "$USER" "${again#* }" > /dev/null
		check "$c: which says the first POST made it" body_has "första gången"
	fi

	# (c) two at the same time
	K=$(form_key)
	n0=$(q "$COUNT") a0=$(audits)
	csrf=$(csrf_of "$USER")
	for i in 1 2; do
		curl -sS -o /dev/null -D "$LIB_TMP/par$i" -w '%{http_code}' --max-time 20 -b "$(jar "$USER")" \
			--data-urlencode "csrf=$csrf" --data "$(good 2)" --data-urlencode "skapanyckel=$K" \
			"$BASE$URL" > "$LIB_TMP/par$i.st" &
	done
	wait
	eq "$c: two POSTs with one key at once made one record" "$(q "$COUNT")" $((n0 + PER))
	eq "$c: and one audit row" "$(audits)" $((a0 + 1))
	eq "$c: both were answered" "$( (cat "$LIB_TMP/par1.st"; echo; cat "$LIB_TMP/par2.st"; echo) | sort | tr '\n' ' ')" \
		"$(printf '%s\n' "$FIRST" 303 | sort | tr '\n' ' ')"

	# (d) a malformed key
	n0=$(q "$COUNT") a0=$(audits)
	got=$(send "$(good 3)" "not-a-key")
	eq "$c: a malformed key is 400" "${got%% *}" 400
	check "$c: said in Swedish" body_has "$BADMSG"
	if [ "$CASE" = lankar ]; then
		check "$c: the page is drawn again with the links forms" body_has "action=\"/admin/enkater/$QID/lankar\""
	else
		check "$c: what was typed is kept" body_has "$KEEP"
	fi
	K3=$(hidden skapanyckel)
	check "$c: with a new key to send it again" bash -c "[[ '$K3' =~ $KEYRE ]]"
	eq "$c: nothing was created" "$(q "$COUNT")" "$n0"
	eq "$c: nor audited" "$(audits)" "$a0"

	# (e) refused, then fixed with the same key
	K=$(form_key)
	n0=$(q "$COUNT") a0=$(audits)
	got=$(send "$(bad 4)" "$K")
	eq "$c: a refused form is 400" "${got%% *}" 400
	check "$c: it keeps what was typed" body_has "$KEEP"
	check "$c: and its key" body_has "name=\"skapanyckel\" value=\"$K\""
	eq "$c: nothing was created" "$(q "$COUNT")" "$n0"
	first=$(send "$(good 4)" "$K")
	eq "$c: the fixed form with that key is accepted" "${first%% *}" "$FIRST"
	again=$(send "$(good 4)" "$K")
	eq "$c: once" "$(q "$COUNT")" $((n0 + PER))
	eq "$c: and audited once" "$(audits)" $((a0 + 1))
	eq "$c: its retry answers 303" "${again%% *}" 303

	# Without a key (a form drawn before keys existed) a POST is served.
	n0=$(q "$COUNT")
	got=$(send "$(good 5)" "")
	eq "$c: a POST without a key is served as before" "${got%% *}" "$FIRST"
	eq "$c: and creates" "$(q "$COUNT")" $((n0 + PER))
done

# A key is the account's: the admin's key sent by another account is a
# different row (the other account creates its own record).
setup foretag
K=$(form_key)
n0=$(q "$COUNT")
eq "the staff's company" "$(send "$(good 6)" "$K" | cut -d' ' -f1)" 303
U2=once2$TAG
mk_account "$U2" "$ASF" insatspersonal
q "INSERT INTO staff_insats (staff_id, insats_id) SELECT id, $INS FROM staff WHERE username = '$U2'"
eq "login as a colleague" "$(as "$U2")" 303
USER=$U2
eq "the colleague's POST with the same key string" "$(send "$(good 7)" "$K" | cut -d' ' -f1)" 303
eq "makes the colleague's own company" "$(q "$COUNT")" $((n0 + 2))
done_testing
