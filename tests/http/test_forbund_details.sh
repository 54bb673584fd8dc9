# A förbund's details (issue 20): its own admin edits its organisationsnummer,
# SUS code, member municipalities and description at /admin/forbund, always
# its own förbund (no id in the URL, none read from the form); the name,
# short name, host name and whether it is active are the installation
# operator's, with `stegvis forbund-set`.
#
# The form: saved with an access-log row, bad input a 400 with the messages
# and what was typed, a stale version a 409 that keeps it, nothing stored
# on either; the other förbund's details neither shown nor changed. The
# command: each option on a förbund made here, each refusal with nothing
# stored. The demo förbund's details are put back at exit as the demo has
# them, and the set of active förbund is the demo's again.
. "$(dirname "$0")/lib.sh"

P=t_fd_$$
CONF="$VAR/stegvis.conf"
OUT="$LIB_TMP/forbund-set.out"
SO=$(forbund_id_of SOFTLEG)
EX=$(forbund_id_of EXEMPEL)

# restore_sql ID: an UPDATE that puts förbund ID's details back as they
# are now (hex: safe to keep in a string for the end).
restore_sql() {
	q "SELECT CONCAT('UPDATE forbund SET org_number = ',
		IFNULL(CONCAT('UNHEX(''', HEX(org_number), ''')'), 'NULL'),
		', sus_code = ', IFNULL(CONCAT('UNHEX(''', HEX(sus_code), ''')'), 'NULL'),
		', municipalities = CONVERT(UNHEX(''', HEX(municipalities), ''') USING utf8mb4)',
		', description = CONVERT(UNHEX(''', HEX(description), ''') USING utf8mb4)',
		', name = CONVERT(UNHEX(''', HEX(name), ''') USING utf8mb4)',
		', short_name = CONVERT(UNHEX(''', HEX(short_name), ''') USING utf8mb4)',
		', public_host = ', IFNULL(CONCAT('UNHEX(''', HEX(public_host), ''')'), 'NULL'),
		', active = ', active, ' WHERE id = ', id) FROM forbund WHERE id = $1"
}
at_exit "q \"$(restore_sql "$SO")\""
at_exit "q \"$(restore_sql "$EX")\""
# details ID: the förbund's four details and its other columns, in one line.
details() {
	q "SELECT CONCAT_WS('|', IFNULL(org_number, '-'), IFNULL(sus_code, '-'), municipalities,
		MD5(description), name, short_name, IFNULL(public_host, '-'), active) FROM forbund WHERE id = $1"
}
# orgnr NINE: a valid organisationsnummer from nine digits (check digit).
orgnr() { echo "${1:0:6}-${1:6:3}$(luhn "$1")"; }
# Unique per run: the column is unique over every förbund, even inactive.
ORG1=$(orgnr "22$(printf '%07d' $(($$ % 10000000)))")
ORG2=$(orgnr "23$(printf '%07d' $(($$ % 10000000)))")
# An organisationsnummer with a wrong check digit.
BADORG="${ORG1:0:10}$(((${ORG1:10:1} + 1) % 10))"
SO_BEFORE=$(details "$SO")
EX_BEFORE=$(details "$EX")

# --- The page: the admin's own förbund
eq "admin.exempel logs in" "$(as admin.exempel)" 303
eq "admin.softleg (admin) logs in" "$(as admin)" 303
aget admin.exempel /admin > /dev/null
expect_body "the admin overview links the förbund's page" 'href="/admin/forbund"'
eq "the EXEMPEL admin's förbund page: 200" "$(aget admin.exempel /admin/forbund)" 200
expect_body "... its own name" "Samordningsförbundet Exempelbygden (påhittat)"
expect_body "... its host name, read only" "exempelbygden.stegvis.localhost"
expect_body "... saying who changes those" "ändras av den som driftar installationen"
check "... not a field for the name or host name" bash -c "! grep -qE 'name=\"(namn|kortnamn|vardnamn|aktiv)\"' '$BODY'"
expect_body "... its municipalities in the form" 'value="Exempelstad, Provby"'
check "... nothing of SOFTLEG" bash -c "! grep -qE 'Trollhättan|SOFTLEG' '$BODY'"
V=$(page_version version)
check "... a version in the form" test -n "$V"
eq "a förbund by id in the URL: no such page" "$(aget admin.exempel "/admin/forbund/$SO")" 404
aget admin.exempel "/admin/forbund?id=$SO&forbund=$SO" > /dev/null
check "an id in the query is not read: still its own" bash -c "grep -q 'Exempelbygden' '$BODY' && ! grep -q 'Trollhättan' '$BODY'"
eq "the förbund's chief (role forbund): 403" "$(as forbund.exempel > /dev/null; aget forbund.exempel /admin/forbund)" 403

# --- Saved
nsaved=$(audits "action = 'admin' AND object_type = 'forbund' AND object_id = $EX
	AND detail = 'förbund details saved: org number, SUS code, municipalities, description'")
DESC=$'Ett påhittat förbund, nu med ändrad text.\n\nAndra stycket <b>&</b> "citat".'
st=$(apost admin.exempel /admin/forbund --data-urlencode "version=$V" \
	--data-urlencode "orgnr=${ORG1/-/}" --data-urlencode "suskod=EX-$$_a" \
	--data-urlencode "kommuner=Exempelstad, Provby, Nyby" --data-urlencode "beskrivning=$DESC")
eq "the EXEMPEL admin saves its details: 303" "$st" 303
eq "... back to the page with a notice" "$(location)" "/admin/forbund?sparat=1"
eq "... stored, the org number with its dash, the name and host untouched" "$(details "$EX")" \
	"$ORG1|EX-$$_a|Exempelstad, Provby, Nyby|$(printf '%s' "$DESC" | md5sum | cut -d' ' -f1)|Samordningsförbundet Exempelbygden (påhittat)|EXEMPEL|exempelbygden.stegvis.localhost|1"
eq "... the description's line breaks as typed" "$(q "SELECT CAST(description AS BINARY) = UNHEX('$(printf '%s' "$DESC" | od -An -tx1 | tr -d ' \n')') FROM forbund WHERE id = $EX")" 1
eq "... in the access log, EXEMPEL's, by its admin, naming what changed" \
	"$(audits "action = 'admin' AND object_type = 'forbund' AND object_id = $EX AND forbund_id = $EX
	AND staff_id = $(staff_id_of admin.exempel)
	AND detail = 'förbund details saved: org number, SUS code, municipalities, description'")" "$((nsaved + 1))"
eq "SOFTLEG's details unchanged" "$(details "$SO")" "$SO_BEFORE"
aget admin.exempel "/admin/forbund?sparat=1" > /dev/null
expect_body "the page says it is saved" "Ändringarna är sparade."
expect_body "... and shows the new values" "value=\"$ORG1\""
expect_body "... the description escaped" "Andra stycket &lt;b&gt;&amp;&lt;/b&gt; &quot;citat&quot;."
eq "the SOFTLEG admin's page: 200" "$(aget admin /admin/forbund)" 200
expect_body "... SOFTLEG's own values" 'value="Trollhättan, Lilla Edet, Grästorp"'
check "... none of EXEMPEL's" bash -c "! grep -qE 'Nyby|EX-$$|$ORG1|Exempelbygden' '$BODY'"
V=$(hidden_on "$(jar admin.exempel)" /admin/forbund version)

# --- Bad input: 400, the messages, everything typed kept, nothing stored
stored=$(details "$EX")
nlog=$(audits "object_type = 'forbund' AND object_id = $EX")
st=$(apost admin.exempel /admin/forbund --data-urlencode "version=$V" --data-urlencode "orgnr=12345-678" \
	--data-urlencode "suskod=EX 2" --data-urlencode "kommuner=Nyby, Ändrad $$" \
	--data-urlencode "beskrivning=Ändrad beskrivning $$")
eq "an org number of the wrong shape and a SUS code with a blank: 400" "$st" 400
expect_body "... the org number's message" "Ange organisationsnumret som NNNNNN-NNNN"
expect_body "... the SUS code's" "utan mellanslag"
expect_body "... the form's summary" "Uppgifterna sparades inte."
expect_body "... the org number as typed" 'value="12345-678"'
expect_body "... the SUS code as typed" 'value="EX 2"'
expect_body "... the municipalities as typed" "value=\"Nyby, Ändrad $$\""
expect_body "... the description as typed" "Ändrad beskrivning $$</textarea>"
st=$(apost admin.exempel /admin/forbund --data-urlencode "version=$V" --data-urlencode "orgnr=$BADORG" \
	--data-urlencode "kommuner=Nyby" --data-urlencode "beskrivning=x")
eq "a wrong check digit: 400" "$st" 400
expect_body "... said so" "med rätt kontrollsiffra"
long=$(printf 'k%.0s' $(seq 1 501))
longdesc=$(printf 'ö%.0s' $(seq 1 10001))
st=$(apost admin.exempel /admin/forbund --data-urlencode "version=$V" --data-urlencode "orgnr=$ORG1" \
	--data-urlencode "kommuner=$long" --data-urlencode "beskrivning=$longdesc")
eq "municipalities and a description too long: 400" "$st" 400
expect_body "... by how much, for the municipalities" "Högst 500 tecken"
expect_body "... and the description" "Högst 10000 tecken"
expect_body "... the long text kept" "$long"
eq "nothing of the refused saves is stored" "$(details "$EX")" "$stored"
eq "... nor logged" "$(audits "object_type = 'forbund' AND object_id = $EX")" "$nlog"

# --- Another förbund's org number: the column is unique
mk_forbund T "FD$$" "fd-$$.test"
q "UPDATE forbund SET org_number = '$ORG2' WHERE id = $T"
st=$(apost admin.exempel /admin/forbund --data-urlencode "version=$V" --data-urlencode "orgnr=$ORG2" \
	--data-urlencode "kommuner=Nyby $$" --data-urlencode "beskrivning=b")
eq "an org number another förbund has: 400" "$st" 400
expect_body "... said so at the field" "Ett annat förbund i installationen har redan det organisationsnumret."
expect_body "... what was typed kept" "value=\"Nyby $$\""
eq "... nothing stored" "$(details "$EX")" "$stored"

# --- A stale version: 409, the input kept, nothing stored
STALE=$V
q "UPDATE forbund SET municipalities = 'Ändrad av någon annan $$' WHERE id = $EX"
stored=$(details "$EX")
st=$(apost admin.exempel /admin/forbund --data-urlencode "version=$STALE" --data-urlencode "orgnr=$ORG1" \
	--data-urlencode "suskod=EX-$$_b" --data-urlencode "kommuner=Min ändring $$" \
	--data-urlencode "beskrivning=Min beskrivning $$")
eq "someone else saved meanwhile: 409" "$st" 409
expect_body "... saying so" "Någon annan har ändrat uppgifterna"
expect_body "... showing what is stored now" "Ändrad av någon annan $$"
expect_body "... keeping what was typed" "value=\"Min ändring $$\""
expect_body "... the description too" "Min beskrivning $$</textarea>"
eq "... nothing stored" "$(details "$EX")" "$stored"
V2=$(page_version version)
check "... the form now carries the new version" test -n "$V2" -a "$V2" != "$STALE"
# The operator's change to this förbund's name and host name is not the
# admin's conflict (restore_sql puts them back at exit).
EX_NAME=$(q "SELECT name FROM forbund WHERE id = $EX")
EX_HOST=$(q "SELECT public_host FROM forbund WHERE id = $EX")
"$BIN" forbund-set -c "$CONF" --forbund "$EX" --name "Samordningsförbundet Exempelbygden $$" \
	--host "exempel-$$.test" > "$OUT" 2>&1
eq "the operator renames the admin's förbund meanwhile" "$?" 0
st=$(apost admin.exempel /admin/forbund --data-urlencode "version=$V2" --data-urlencode "orgnr=$ORG1" \
	--data-urlencode "suskod=EX-$$_b" --data-urlencode "kommuner=Min ändring $$" \
	--data-urlencode "beskrivning=Min beskrivning $$")
eq "saved again with it: 303" "$st" 303
eq "... stored" "$(q "SELECT CONCAT_WS('|', sus_code, municipalities) FROM forbund WHERE id = $EX")" "EX-$$_b|Min ändring $$"
"$BIN" forbund-set -c "$CONF" --forbund "$EX" --name "$EX_NAME" --host "$EX_HOST" > "$OUT" 2>&1
eq "(the operator puts the name and host name back)" "$?" 0

# --- A forged id in the form changes only the own förbund
V=$(hidden_on "$(jar admin.exempel)" /admin/forbund version)
st=$(apost admin.exempel /admin/forbund --data-urlencode "version=$V" --data "id=$SO" --data "forbund=$SO" \
	--data "forbund_id=$SO" --data-urlencode "namn=Kapad" --data "aktiv=0" --data-urlencode "orgnr=" \
	--data-urlencode "suskod=" --data-urlencode "kommuner=Förfalskat $$" --data-urlencode "beskrivning=f")
eq "a POST naming SOFTLEG's id in the form: 303" "$st" 303
eq "... changed EXEMPEL's details, emptied as sent, and not its name or state" "$(details "$EX")" \
	"-|-|Förfalskat $$|$(printf 'f' | md5sum | cut -d' ' -f1)|Samordningsförbundet Exempelbygden (påhittat)|EXEMPEL|exempelbygden.stegvis.localhost|1"
eq "... SOFTLEG's unchanged" "$(details "$SO")" "$SO_BEFORE"

# --- A session that ended meanwhile ("Logga ut överallt" elsewhere): the
# form is kept for its author
V=$(hidden_on "$(jar admin.exempel)" /admin/forbund version)
csrf=$(form_csrf)
cp "$(jar admin.exempel)" "$LIB_TMP/old-jar"
AE=$(staff_id_of admin.exempel)
q "DELETE FROM form_stash WHERE staff_id = $AE"
end_everywhere admin.exempel
st=$(fetch -b "$LIB_TMP/old-jar" -c "$LIB_TMP/old-jar" -H "Origin: $BASE" --data-urlencode "csrf=$csrf" --data-urlencode "version=$V" \
	--data-urlencode "kommuner=Efter utloggning $$" --data-urlencode "beskrivning=b" "$BASE/admin/forbund")
eq "a save after the session ended: to the login page" "$st" 303
eq "... the form kept (sealed) for its author" "$(q "SELECT COUNT(*) FROM form_stash WHERE staff_id = $AE OR owner_known = 0")" 1
eq "... nothing stored" "$(q "SELECT municipalities FROM forbund WHERE id = $EX")" "Förfalskat $$"
eq "logging in again" "$(login "$LIB_TMP/old-jar" admin.exempel)" 303
eq "... leads to the kept form" "$(location)" "/formular/sparat"
fetch -b "$LIB_TMP/old-jar" "$BASE/formular/sparat" > /dev/null
expect_body "... which shows what was typed" "Efter utloggning $$"
csrf=$(form_csrf)
st=$(fetch -b "$LIB_TMP/old-jar" -c "$LIB_TMP/old-jar" -H "Origin: $BASE" --data-urlencode "csrf=$csrf" "$BASE/formular/sparat/skicka")
eq "sent again: saved (303)" "$st" 303
eq "... stored" "$(q "SELECT municipalities FROM forbund WHERE id = $EX")" "Efter utloggning $$"
q "DELETE FROM form_stash WHERE staff_id = $AE OR owner_known = 0"

# --- The operator: stegvis forbund-set
# T (made above, active, host fd-$$.test) has an insats on its public page.
OT=$(office_of "$T")
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, description, location,
	target_groups, direction, measurement, period_start, places, summary_due_days, active)
	VALUES ($T, $OT, 'Detaljinsats $P', 'FD $$', 't-fd-$$', 'Beskrivning', 'Testby', 'Alla', 'individ',
	'personuppgifter', '2024-01-01', 10, 21, 1)"
mk_account "${P}_a" "$OT" admin
set_() { "$BIN" forbund-set -c "$CONF" "$@" > "$OUT" 2>&1; }
tdetails() { q "SELECT CONCAT_WS('|', name, short_name, IFNULL(public_host, '-'), active) FROM forbund WHERE id = $T"; }

set_ --name "x"
eq "without --forbund: a usage error (2)" "$?" 2
set_ --forbund "FD$$"
eq "nothing to change: a usage error" "$?" 2
set_ --forbund "FD$$" --host "a-$$.test" --no-host
eq "--host and --no-host: a usage error" "$?" 2
set_ --forbund "FD$$" --active 2
eq "--active 2: a usage error" "$?" 2
set_ --forbund "FD$$" --host ""
eq "--host with nothing: a usage error (--no-host says it)" "$?" 2
before=$(tdetails)
nlog=$(audits "username = 'cli:forbund-set'")
set_ --forbund "FD$$" --name ""
eq "an empty name: refused (1)" "$?" 1
check "... saying so" grep -q "the name must be 1 to 200 characters" "$OUT"
set_ --forbund "FD$$" --short "$(printf 's%.0s' $(seq 1 61))"
eq "a short name too long: refused" "$?" 1
set_ --forbund "FD$$" --host "Stora.Bokstaver.se"
eq "a host name in capitals: refused" "$?" 1
check "... saying what a host name must be" grep -q "host name must be a lower-case name" "$OUT"
set_ --forbund "nosuch$$" --name "x"
eq "an unknown förbund: refused" "$?" 1
check "... saying so" grep -q "no förbund has the id or short name nosuch$$" "$OUT"
set_ --forbund "FD$$" --name "Samordningsförbundet Exempelbygden (påhittat)"
eq "EXEMPEL's name: refused" "$?" 1
check "... as taken" grep -q "another förbund has that name or host name" "$OUT"
set_ --forbund "FD$$" --host "exempelbygden.stegvis.localhost"
eq "EXEMPEL's host name: refused" "$?" 1
set_ --forbund "FD$$" --no-host
eq "no host name while SOFTLEG is the default: refused" "$?" 1
check "... saying what to do" grep -q "give this one --host" "$OUT"
eq "nothing of the refused ones stored" "$(tdetails)" "$before"
eq "... nor logged" "$(audits "username = 'cli:forbund-set'")" "$nlog"
eq "... and SOFTLEG's public page still there" "$(fetch "$BASE/")" 200
check "... with its insatser" body_has "Friska Vindar 2.0"

nlog=$(audits "username = 'cli:forbund-set' AND forbund_id = $T")
set_ --forbund "FD$$" --name "Samordningsförbundet FD$$ omdöpt"
eq "--name: changed (0)" "$?" 0
check "... printing the change" grep -q "name: Samordningsförbundet FD$$ -> Samordningsförbundet FD$$ omdöpt" "$OUT"
eq "... stored" "$(tdetails)" "Samordningsförbundet FD$$ omdöpt|FD$$|fd-$$.test|1"
eq "... logged as the operator's, the förbund's" "$(audits "username = 'cli:forbund-set' AND action = 'admin'
	AND forbund_id = $T AND detail = 'förbund $T set: name'")" "$((nlog + 1))"
set_ --forbund "$T" --short "FE$$"
eq "--short, the förbund by id: changed" "$?" 0
check "... printing the change" grep -q "short name: FD$$ -> FE$$" "$OUT"
eq "... stored" "$(tdetails)" "Samordningsförbundet FD$$ omdöpt|FE$$|fd-$$.test|1"
set_ --forbund "FE$$" --short "FE$$"
eq "the same value again: nothing to change (0)" "$?" 0
check "... said so" grep -q "nothing to change" "$OUT"
eq "... and not logged" "$(audits "username = 'cli:forbund-set' AND forbund_id = $T")" "$((nlog + 2))"

# The host name: the public page follows on every worker at once.
bad=""
for k in 1 2 3 4 5 6; do
	st=$(fetch -H "Host: fd-$$.test" "$BASE/")
	{ [ "$st" = 200 ] && body_has "Detaljinsats $P"; } || bad="$bad old:$k=$st"
done
eq "its host name has its public page" "$bad" ""
set_ --forbund "FE$$" --host "fe-$$.test"
eq "--host: changed" "$?" 0
check "... printing the change" grep -q "host name: fd-$$.test -> fe-$$.test" "$OUT"
bad=""
for k in 1 2 3 4 5 6; do
	st=$(fetch -H "Host: fe-$$.test" "$BASE/")
	{ [ "$st" = 200 ] && body_has "Detaljinsats $P"; } || bad="$bad new:$k=$st"
	st=$(fetch -H "Host: fd-$$.test" "$BASE/")
	{ [ "$st" = 200 ] && body_lacks "Detaljinsats $P" && body_has "Friska Vindar 2.0"; } || bad="$bad old:$k=$st"
done
eq "... the new name has its page on every worker, the old one is the default's" "$bad" ""
eq "... logged with the host name" "$(audits "username = 'cli:forbund-set' AND forbund_id = $T
	AND detail = 'förbund $T set: host name fe-$$.test'")" 1

# Switched off: its admin is locked out at the next request.
eq "its admin logs in" "$(as "${P}_a")" 303
eq "... and has its förbund page" "$(aget "${P}_a" /admin/forbund)" 200
expect_body "... its own" "Samordningsförbundet FD$$ omdöpt"
set_ --forbund "FE$$" --active 0
eq "--active 0: changed" "$?" 0
check "... printing it and what it means" bash -c "grep -q 'active: 1 -> 0' '$OUT' && grep -q 'accounts are locked' '$OUT'"
eq "... stored" "$(tdetails)" "Samordningsförbundet FD$$ omdöpt|FE$$|fe-$$.test|0"
eq "... its admin's next request: to the login page" "$(aget "${P}_a" /admin/forbund)" 303
eq "... its public page gone" "$(fetch -H "Host: fe-$$.test" "$BASE/")" 404
set_ --forbund "FE$$" --no-host
eq "--no-host while it is off: changed" "$?" 0
check "... printing it" grep -q "host name: fe-$$.test -> (none)" "$OUT"
eq "... stored" "$(tdetails)" "Samordningsförbundet FD$$ omdöpt|FE$$|-|0"
set_ --forbund "FE$$" --active 1
eq "switched on without a host name beside SOFTLEG: refused" "$?" 1
eq "... still off" "$(tdetails)" "Samordningsförbundet FD$$ omdöpt|FE$$|-|0"
set_ --forbund "FE$$" --host "fd-$$.test" --active 1
eq "switched on with a host name at once: changed" "$?" 0
eq "... stored" "$(tdetails)" "Samordningsförbundet FD$$ omdöpt|FE$$|fd-$$.test|1"
eq "... logged with both" "$(audits "username = 'cli:forbund-set' AND forbund_id = $T
	AND detail = 'förbund $T set: host name fd-$$.test, active 1'")" 1
eq "... its admin logs in again" "$(as "${P}_a")" 303

# The last active förbund is not switched off. SOFTLEG and EXEMPEL are
# switched off here for it, in SQL, and on again at the end (and at exit,
# by restore_sql's UPDATEs above).
active_before=$(q "SELECT GROUP_CONCAT(id ORDER BY id) FROM forbund WHERE active = 1")
others=$(q "SELECT COALESCE(GROUP_CONCAT(id), 0) FROM forbund WHERE active = 1 AND id <> $T")
q "UPDATE forbund SET active = 0 WHERE id IN ($others)"
set_ --forbund "FE$$" --active 0
eq "the last active förbund switched off: refused" "$?" 1
check "... saying so" grep -q "last active förbund" "$OUT"
eq "... still on" "$(tdetails)" "Samordningsförbundet FD$$ omdöpt|FE$$|fd-$$.test|1"
q "UPDATE forbund SET active = 1 WHERE id IN ($others)"
eq "the active förbund as before" "$(q "SELECT GROUP_CONCAT(id ORDER BY id) FROM forbund WHERE active = 1")" "$active_before"

# Two förbund sharing a short name (only the name is unique): named by id.
mk_forbund T2 "FY$$" "fy-$$.test"
q "UPDATE forbund SET short_name = 'FE$$' WHERE id = $T2"
set_ --forbund "FE$$" --name "x$$"
eq "a short name two förbund share: refused" "$?" 1
check "... asking for the id" grep -q "name it by its id" "$OUT"
set_ --forbund "$T2" --name "Samordningsförbundet FY$$ omdöpt"
eq "... by its id: changed" "$?" 0
eq "... that one only" "$(q "SELECT GROUP_CONCAT(name ORDER BY id SEPARATOR '|') FROM forbund WHERE id IN ($T, $T2)")" \
	"Samordningsförbundet FD$$ omdöpt|Samordningsförbundet FY$$ omdöpt"

eq "SOFTLEG as the demo has it" "$(details "$SO")" "$SO_BEFORE"
done_testing
