# Two förbund in one installation, the access log (issue 20): every row
# is written with the förbund of the request (a login's row with the
# account's, a failed login with the named account's, an unknown name's
# with none), and each förbund's admin finds only its own förbund's rows
# on /admin/logg and in /admin/logg.csv: by a personnummer that the other
# förbund's rows name too, none of those; by the other förbund's account,
# nothing (that account is not one of its own).
#
# As test_forbund_admin.sh: the second förbund, its office and its
# accounts are made here in SQL (no platform admin yet), and it and its
# accounts are deactivated at exit. No insats, no participant: later tests see
# the demo förbund as it was.
. "$(dirname "$0")/lib.sh"

P=t_fa_$$
F1=$(q "SELECT forbund_id FROM staff WHERE username = 'admin'")
START=$(q "SELECT COALESCE(MAX(id), 0) FROM audit_log")
# A personnummer both förbund's rows name (each admin's search writes
# one), on nobody's file.
X=$(pnr 19700101)
XD=${X:0:8}-${X:8:4}

mk_forbund F2 "LF$$"
check "a second förbund" test -n "$F2"
O2=$(office_of "$F2")
mk_account "${P}_admin" "$O2" admin "Admin Loggförbundet"
A2=$(staff_id_of "${P}_admin")
ADMIN_ID=$(staff_id_of admin)

# --- Writing: each row with its request's förbund
eq "the second förbund's admin logs in" "$(as "${P}_admin")" 303
eq "the demo admin logs in" "$(as admin)" 303
login_row() { q "SELECT IFNULL(forbund_id, 'NULL') FROM audit_log WHERE id > $START AND staff_id = $1
	AND action = 'login' ORDER BY id DESC LIMIT 1"; }
eq "the login's row is the second förbund's" "$(login_row "$A2")" "$F2"
eq "... and the demo admin's the demo förbund's" "$(login_row "$ADMIN_ID")" "$F1"
eq "a wrong password for the second förbund's admin" "$(as "${P}_admin" fel-losenord)" 200
eq "... is logged as the second förbund's" "$(q "SELECT IFNULL(forbund_id, 'NULL') FROM audit_log
	WHERE id > $START AND username = '${P}_admin' AND action = 'login_failed' ORDER BY id DESC LIMIT 1")" "$F2"
eq "an unknown name's failed login" "$(as "${P}_nobody" fel-losenord)" 200
eq "... is the installation's (no förbund)" "$(q "SELECT IFNULL(forbund_id, 'NULL') FROM audit_log
	WHERE id > $START AND username = '${P}_nobody' AND action = 'login_failed' ORDER BY id DESC LIMIT 1")" NULL
clear_failures
eq "the second förbund's admin logs in again" "$(as "${P}_admin")" 303

eq "the demo admin searches the log by the personnummer" "$(aget admin "/admin/logg?personnummer=$XD")" 200
eq "the second förbund's admin too" "$(aget "${P}_admin" "/admin/logg?personnummer=$XD")" 200
search_row() { q "SELECT IFNULL(forbund_id, 'NULL') FROM audit_log WHERE id > $START AND staff_id = $1
	AND action = 'search' AND personnummer = '$X' ORDER BY id DESC LIMIT 1"; }
eq "a search's row (a read of the log) is its förbund's: the second" "$(search_row "$A2")" "$F2"
eq "... and the demo's" "$(search_row "$ADMIN_ID")" "$F1"

# --- Reading: the own förbund's rows only
aget "${P}_admin" "/admin/logg?personnummer=$XD" > /dev/null
# A row's user is a cell of its own: <td>USER</td>.
expect_body "by personnummer, the second förbund's admin sees its own search" "<td>${P}_admin</td>"
check "... and not the demo admin's search of the same personnummer" body_lacks "<td>admin</td>"
aget admin "/admin/logg?personnummer=$XD" > /dev/null
expect_body "the demo admin sees its own search" "<td>admin</td>"
check "... and not the second förbund's" body_lacks "<td>${P}_admin</td>"

eq "by the demo admin's account, the second förbund's admin: no such account (400)" \
	"$(aget "${P}_admin" "/admin/logg?anvandare=admin")" 400
expect_body "... said in Swedish" "Det finns inget konto med det användarnamnet."
check "... and no row" body_lacks "<td>admin</td>"
eq "by the second förbund's account, the demo admin: 400" "$(aget admin "/admin/logg?anvandare=${P}_admin")" 400
check "... and no row" body_lacks "<td>${P}_admin</td>"
aget "${P}_admin" "/admin/logg?anvandare=${P}_admin" > /dev/null
expect_body "by its own account, the second förbund's admin finds its login" "Inloggning"

# The CSV: the same rows ("user"; in a row)
csv_has_user() { grep -qF "\"$1\";" "$BODY"; }
csv_lacks_user() { ! csv_has_user "$1"; }
eq "the second förbund's export by the personnummer" "$(aget "${P}_admin" "/admin/logg.csv?personnummer=$XD")" 200
check "... has its own search" csv_has_user "${P}_admin"
check "... and no demo row" csv_lacks_user admin
eq "the demo admin's export by the personnummer" "$(aget admin "/admin/logg.csv?personnummer=$XD")" 200
check "... has its own search" csv_has_user admin
check "... and none of the second förbund's" csv_lacks_user "${P}_admin"
eq "an export by the other förbund's account: 400" "$(aget "${P}_admin" "/admin/logg.csv?anvandare=admin")" 400
eq "an export's row is its förbund's" "$(q "SELECT IFNULL(forbund_id, 'NULL') FROM audit_log WHERE id > $START
	AND staff_id = $A2 AND action = 'export' ORDER BY id DESC LIMIT 1")" "$F2"

# Every row this test's accounts wrote is their own förbund's.
eq "no row of an account with another förbund or none" "$(q "SELECT COUNT(*) FROM audit_log a
	JOIN staff s ON s.id = a.staff_id WHERE a.id > $START AND NOT (a.forbund_id <=> s.forbund_id)")" 0

# The app's account still only reads and appends the log.
denied() { sql_app "UPDATE audit_log SET forbund_id = NULL WHERE id > $START" | grep -q "command denied"; }
check "the app cannot change a row" denied

done_testing
