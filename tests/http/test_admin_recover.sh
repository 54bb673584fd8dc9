# Account recovery by the admin (issue 15, item 12): the account page
# shows lockout and two-step status; the admin lifts a lockout and resets
# two-step verification, each audited, without touching the password.
# Accounts of its own (t_rec_$$_*).
. "$(dirname "$0")/lib.sh"

P=t_rec_$$
FK=$(org_id_of Försäkringskassan)
mk_account "${P}_a" "$FK"
mk_account "${P}_b" "$FK"
A=$(staff_id_of "${P}_a")
B=$(staff_id_of "${P}_b")
eq "admin logs in" "$(as admin)" 303
hash_of() { q "SELECT HEX(password_hash) FROM staff WHERE id = $1"; }
HA=$(hash_of "$A")
HB=$(hash_of "$B")
recovered() { audits "action = 'admin' AND object_type = 'staff' AND object_id = $1 AND detail = '$2'"; }

# --- A lockout
for _ in 1 2 3 4 5; do login "$(new_jar)" "${P}_a" fel-losenord > /dev/null; done
clear_failures
eq "five wrong passwords lock the account (premise)" "$(q "SELECT locked_until > UTC_TIMESTAMP() FROM staff WHERE id = $A")" 1
check "... the right password no longer logs in" test "$(login "$(new_jar)" "${P}_a")" != 303
clear_failures
eq "the account page" "$(aget admin "/admin/konton/$A")" 200
expect_body "... shows the lock" "<strong class=\"late\">Låst</strong> till"
expect_body "... and the failures" "efter 6 misslyckade inloggningar i rad"
expect_body "... offers to unlock" "/admin/konton/$A/lasupp"
expect_body "... two-step: off" '<dd id="tvastegs">Av</dd>'
eq "without a CSRF token: 403" "$(fetch -b "$(jar admin)" -X POST "$BASE/admin/konton/$A/lasupp")" 403
eq "... still locked" "$(q "SELECT locked_until IS NOT NULL FROM staff WHERE id = $A")" 1
eq "a remittent may not: 403" "$(as remittent.fk > /dev/null; apost remittent.fk "/admin/konton/$A/lasupp")" 403
L0=$(recovered "$A" "lockout lifted by admin")
eq "unlock: 303" "$(apost admin "/admin/konton/$A/lasupp")" 303
eq "... back to the account" "$(location)" "/admin/konton/$A?upplast=1"
eq "... not locked, failures 0" "$(q "SELECT CONCAT(failed_logins, '/', locked_until IS NULL) FROM staff WHERE id = $A")" "0/1"
eq "... the password unchanged" "$(hash_of "$A")" "$HA"
eq "... no forced change" "$(q "SELECT must_change_password FROM staff WHERE id = $A")" 0
eq "... audited once" "$(recovered "$A" "lockout lifted by admin")" $((L0 + 1))
aget admin "$(location)" > /dev/null
expect_body "... the page says so" "Kontot är upplåst."
expect_body "... and shows it unlocked" '<dd id="lasning">Nej</dd>'
check "... with no unlock button now" body_lacks "/admin/konton/$A/lasupp"
eq "the person logs in with their own password" "$(login "$(new_jar)" "${P}_a")" 303
eq "a second click: 303" "$(apost admin "/admin/konton/$A/lasupp")" 303
eq "... to the reason" "$(location)" "/admin/konton/$A?inte_last=1"
aget admin "$(location)" > /dev/null
expect_body "... which says there was nothing to lift" "Kontot är inte låst"
eq "... nothing audited again" "$(recovered "$A" "lockout lifted by admin")" $((L0 + 1))

# --- Two-step verification, phone lost
q "UPDATE staff SET totp_secret = UNHEX('$(printf '%040d' 7)'), totp_last_counter = 1 WHERE id = $B"
J=$(new_jar)
eq "with two-step on, the password opens only the code page" "$(login "$J" "${P}_b")" 303
eq "... (the code step)" "$(location)" "/logga-in/kod"
eq "... a session waiting for the code" "$(q "SELECT COUNT(*) FROM session WHERE staff_id = $B AND code_pending = 1")" 1
aget admin "/admin/konton/$B" > /dev/null
expect_body "the account page shows two-step on" '<dd id="tvastegs">På</dd>'
expect_body "... and offers the reset" "/admin/konton/$B/tvastegs"
T0=$(recovered "$B" "two-step verification reset by admin")
eq "reset two-step: 303" "$(apost admin "/admin/konton/$B/tvastegs")" 303
eq "... back to the account" "$(location)" "/admin/konton/$B?tvastegs_av=1"
eq "... the secrets cleared" "$(q "SELECT CONCAT(totp_secret IS NULL, totp_pending IS NULL, totp_last_counter IS NULL) FROM staff WHERE id = $B")" 111
eq "... the account's sessions ended" "$(q "SELECT COUNT(*) FROM session WHERE staff_id = $B")" 0
eq "... the password unchanged" "$(hash_of "$B")" "$HB"
eq "... audited once" "$(recovered "$B" "two-step verification reset by admin")" $((T0 + 1))
aget admin "$(location)" > /dev/null
expect_body "... the page says so" "Tvåstegsverifieringen är återställd"
expect_body "... and shows it off" '<dd id="tvastegs">Av</dd>'
J=$(new_jar)
eq "the person logs in with the password alone" "$(login "$J" "${P}_b")" 303
check "... straight in, no code page" test "$(location)" != "/logga-in/kod"
eq "a second click: 303" "$(apost admin "/admin/konton/$B/tvastegs")" 303
eq "... to the reason" "$(location)" "/admin/konton/$B?tvastegs_ej=1"
eq "... nothing audited again" "$(recovered "$B" "two-step verification reset by admin")" $((T0 + 1))
# Not the admin's own: they turn it off with a code on their own page
ADM=$(staff_id_of admin)
eq "the admin's own account: refused" "$(apost admin "/admin/konton/$ADM/tvastegs")" 303
eq "... with the reason" "$(location)" "/admin/konton/$ADM?tvastegs_egen=1"
eq "an unknown account: 404" "$(apost admin /admin/konton/999999999/lasupp)" 404
done_testing
