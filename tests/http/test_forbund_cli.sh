# A new förbund in the installation (issue 20): `stegvis forbund-add`, the
# installation operator's command, makes the förbund, its office and its
# first admin in one transaction, prints the temporary password once, and
# logs it. The new förbund starts with a copy of the first förbund's
# current consent texts (sql/0073), its own from then on. The new admin
# must change the password, then sees only the new förbund on the admin
# pages, its consent texts too. Bad input stores nothing. The förbund is
# inactive again at exit (the demo förbund alone: later tests' public
# page needs no host name).
. "$(dirname "$0")/lib.sh"

P=t_fc_$$
CONF="$VAR/stegvis.conf"
OUT="$LIB_TMP/forbund-add.out"
nforbund() { q "SELECT COUNT(*) FROM forbund"; }
norgs() { q "SELECT COUNT(*) FROM organisation"; }
nstaff() { q "SELECT COUNT(*) FROM staff"; }
ntexts() { q "SELECT COUNT(*) FROM consent_text"; }
F1=$(q "SELECT MIN(id) FROM forbund")
# texts_of F [CURRENT_ONLY]: förbund F's texts' kind, language, wording
# and translation mark, as one digest.
texts_of() {
	q "SELECT CONCAT(COUNT(*), ':', MD5(GROUP_CONCAT(kind, language, title, body, to_check
		ORDER BY kind, language SEPARATOR '|'))) FROM consent_text WHERE forbund_id = $1 AND is_current = 1"
}

# --- Refused: nothing stored
before="$(nforbund)|$(norgs)|$(nstaff)|$(ntexts)"
"$BIN" forbund-add -c "$CONF" --name "Förbund $P" --short "FC$$" > "$OUT" 2>&1
eq "without an admin: a usage error (2)" "$?" 2
"$BIN" forbund-add -c "$CONF" --name "Förbund $P" --short "FC$$" --host "Stora.Bokstaver.se" \
	--admin "${P}_a" --admin-name "Admin $P" > "$OUT" 2>&1
eq "a host name in capitals: refused (1)" "$?" 1
check "... saying what a host name must be" grep -q "host name must be a lower-case name" "$OUT"
"$BIN" forbund-add -c "$CONF" --name "" --short "FC$$" --admin "${P}_a" --admin-name "Admin $P" > "$OUT" 2>&1
eq "an empty name: refused" "$?" 1
"$BIN" forbund-add -c "$CONF" --name "Förbund $P" --short "FC$$" --admin "Ogiltigt Namn" \
	--admin-name "Admin $P" > "$OUT" 2>&1
eq "an account name with a blank: refused" "$?" 1
# The last step fails (the account name is the demo admin's): the förbund
# and office inserted before it are rolled back.
"$BIN" forbund-add -c "$CONF" --name "Förbund $P" --short "FC$$" --host "fc-$$.test" --admin admin \
	--admin-name "Admin $P" > "$OUT" 2>&1
eq "an account name already taken: refused" "$?" 1
check "... saying so" grep -q "account name is taken" "$OUT"
# No host name while the demo förbund has none: the plain address would
# name neither, and the demo's public page would be a 404.
"$BIN" forbund-add -c "$CONF" --name "Förbund $P" --short "FC$$" --admin "${P}_a" \
	--admin-name "Admin $P" > "$OUT" 2>&1
eq "no host name while another förbund has none: refused" "$?" 1
check "... saying what to do" grep -q "give this one --host" "$OUT"
eq "... and the demo's public page is still there" "$(fetch "$BASE/")" 200
eq "nothing of the refused ones is stored, no consent text either" \
	"$(nforbund)|$(norgs)|$(nstaff)|$(ntexts)" "$before"

# --- Created
"$BIN" forbund-add -c "$CONF" --name "Samordningsförbundet $P" --short "FC$$" --host "fc-$$.test" \
	--admin "${P}_a" --admin-name "Admin Nytt Förbund" > "$OUT" 2>&1
eq "a new förbund: created (0)" "$?" 0
F=$(sed -n -E 's/^förbund ([0-9]+) created.*/\1/p' "$OUT")
forbund_off_at_exit "$F"
pw=$(sed -n -E 's/.*temporary password: ([0-9a-f-]+)$/\1/p' "$OUT")
check "the förbund's id is printed" test -n "$F"
check "a temporary password is printed (16 hex digits in groups)" bash -c "[[ '$pw' =~ ^[0-9a-f]{4}(-[0-9a-f]{4}){3}\$ ]]"
eq "the förbund is stored with its host name" "$(q "SELECT CONCAT_WS('|', name, short_name, public_host, active)
	FROM forbund WHERE id = $F")" "Samordningsförbundet $P|FC$$|fc-$$.test|1"
A=$(staff_id_of "${P}_a")
eq "its admin: in its office, in the förbund, role admin, password to change" \
	"$(q "SELECT CONCAT_WS('|', s.forbund_id, o.name, o.forbund_id, r.role, s.must_change_password, s.active)
	FROM staff s JOIN organisation o ON o.id = s.organisation_id JOIN staff_role r ON r.staff_id = s.id
	WHERE s.id = $A")" "$F|Förbundskansliet|$F|admin|1|1"
check "the password is not stored as typed" test "$(q "SELECT password_hash LIKE '\$argon2id\$%' FROM staff WHERE id = $A")" = 1
eq "the creation is in the access log" "$(audits "username = 'cli:forbund-add' AND action = 'admin'
	AND detail LIKE 'förbund $F created, admin ${P}_a:%'")" 1
eq "its consent texts: the first förbund's current ones, word for word" "$(texts_of "$F")" "$(texts_of "$F1")"
eq "... each its version 1, current, unused, written by nobody, and nothing else" \
	"$(q "SELECT CONCAT_WS('|', COUNT(*), SUM(version = 1 AND is_current = 1 AND used = 0 AND created_by IS NULL))
	FROM consent_text WHERE forbund_id = $F")" \
	"$(q "SELECT CONCAT_WS('|', COUNT(*), COUNT(*)) FROM consent_text WHERE forbund_id = $F1 AND is_current = 1")"
T1=$(q "SELECT id FROM consent_text WHERE forbund_id = $F1 AND kind = 'sekretess' AND language = 'sv' AND is_current = 1")
TF=$(q "SELECT id FROM consent_text WHERE forbund_id = $F AND kind = 'sekretess' AND language = 'sv' AND is_current = 1")

eq "the new admin logs in with the temporary password" "$(as "${P}_a" "$pw")" 303
expect_header "... and must change it first" "Location: /losenord"
give_password "${P}_a"
eq "with a password of its own" "$(as "${P}_a")" 303
aget "${P}_a" /admin/organisationer > /dev/null
expect_body "the new admin sees its office" "Förbundskansliet"
check "... and no demo organisation" body_lacks "Försäkringskassan"
aget "${P}_a" /admin/konton > /dev/null
expect_body "its account list has itself" "${P}_a"
check "... and no demo account" body_lacks "remittent.fk"
eq "a demo account by id: 404" "$(aget "${P}_a" "/admin/konton/$(staff_id_of admin)")" 404
eq "its consent texts: 200" "$(aget "${P}_a" /admin/samtyckestexter)" 200
expect_body "... its own Swedish waiver, to edit" "href=\"/admin/samtyckestexter/$TF\""
check "... not the first förbund's" body_lacks "href=\"/admin/samtyckestexter/$T1\""
eq "the first förbund's text by id: 404" "$(aget "${P}_a" "/admin/samtyckestexter/$T1")" 404
first_before=$(texts_of "$F1")
eq "it corrects its unused waiver" "$(apost "${P}_a" "/admin/samtyckestexter/$TF" \
	--data-urlencode "titel=Samtycke $P" --data-urlencode "text=Förbundets egen text $P.")" 303
eq "... in place: version 1, its own words" "$(q "SELECT CONCAT_WS('|', version, title, is_current)
	FROM consent_text WHERE id = $TF")" "1|Samtycke $P|1"
eq "... the first förbund's texts unchanged" "$(texts_of "$F1")" "$first_before"
got=$(apost "${P}_a" /admin/organisationer/ny --data-urlencode "namn=Kommunen $P" --data "typ=kommun" --data "aktiv=1")
eq "it adds an organisation" "$got" 303
eq "... in its förbund" "$(q "SELECT forbund_id FROM organisation WHERE name = 'Kommunen $P'")" "$F"

# A förbund with no insats yet: its chief's report is there, empty.
mk_account "${P}_c" "$(office_of "$F")" forbund
eq "the new förbund's chief logs in" "$(as "${P}_c")" 303
eq "its report, with no insats yet: 200" "$(aget "${P}_c" /rapporter)" 200
check "... naming no demo insats" body_lacks "Friska Vindar"
eq "... and its CSV" "$(aget "${P}_c" /rapporter.csv)" 200

# --- Who manages the installation's settings (sql/0078): the accounts the
# operator names, not an admin by being one. The new förbund's admin is
# not one (the installation had a förbund before it).
IA="$LIB_TMP/installation-admin.out"
marked() { q "SELECT installation_admin FROM staff WHERE username = '$1'"; }
eq "the new admin does not manage the installation's settings" "$(marked "${P}_a")" 0
eq "... the code lists: 403" "$(aget "${P}_a" /admin/kodlistor)" 403
aget "${P}_a" /admin > /dev/null
check "... and its overview does not link them" bash -c "! grep -qF 'href=\"/admin/kodlistor\"' '$BODY'"
eq "the demo's admin does" "$(marked admin)" 1
eq "the demo's admin logs in" "$(as admin)" 303
eq "... the code lists: 200" "$(aget admin /admin/kodlistor)" 200
"$BIN" installation-admin -c "$CONF" > "$IA" 2>&1
eq "installation-admin without --user: a usage error (2)" "$?" 2
"$BIN" installation-admin -c "$CONF" --user "nosuch$$" > "$IA" 2>&1
eq "an unknown account: refused (1)" "$?" 1
check "... saying so" grep -q "no active account is named" "$IA"
"$BIN" installation-admin -c "$CONF" --user "${P}_c" > "$IA" 2>&1
eq "an account without the admin role: refused (1)" "$?" 1
check "... saying why" grep -q "has not the admin role" "$IA"
eq "... and not marked" "$(marked "${P}_c")" 0
"$BIN" installation-admin -c "$CONF" --user admin --off > "$IA" 2>&1
eq "taking the mark from the last one: refused (1)" "$?" 1
check "... saying why" grep -q "is the last account" "$IA"
eq "... and the demo's admin keeps it" "$(marked admin)" 1
"$BIN" installation-admin -c "$CONF" --user "${P}_a" > "$IA" 2>&1
eq "the new förbund's admin is named (0)" "$?" 0
check "... and told" grep -q "now manages the installation's settings" "$IA"
eq "... at its next request: the code lists, 200" "$(aget "${P}_a" /admin/kodlistor)" 200
aget "${P}_a" /admin > /dev/null
expect_body "... linked from its overview" 'href="/admin/kodlistor"'
eq "... logged in its förbund" "$(audits "username = 'cli:installation-admin' AND forbund_id = $F
	AND detail = 'installation_admin of ${P}_a: 0 -> 1'")" 1
# One that cannot use its mark (its admin role taken) does not count: the
# demo's admin is still the last who can manage them.
q "DELETE FROM staff_role WHERE staff_id = $A AND role = 'admin'"
"$BIN" installation-admin -c "$CONF" --user admin --off > "$IA" 2>&1
eq "with the other's admin role taken, the demo's admin is the last: refused (1)" "$?" 1
check "... saying why" grep -q "is the last account" "$IA"
q "INSERT INTO staff_role (staff_id, role) VALUES ($A, 'admin')"
"$BIN" installation-admin -c "$CONF" --user "${P}_a" > "$IA" 2>&1
eq "named again: nothing to change (0)" "$?" 0
check "... said" grep -q "already manages" "$IA"
"$BIN" installation-admin -c "$CONF" --user "${P}_a" --off > "$IA" 2>&1
eq "the mark taken away again (0)" "$?" 0
eq "... the code lists: 403 at its next request" "$(aget "${P}_a" /admin/kodlistor)" 403
eq "... logged" "$(audits "username = 'cli:installation-admin' AND forbund_id = $F
	AND detail = 'installation_admin of ${P}_a: 1 -> 0'")" 1

done_testing
