#!/usr/bin/env bash
# Swedish time (issue 15, item 10): storage and the database session are
# UTC; every time a page shows is Europe/Stockholm, labelled "svensk tid",
# and a day taken from a UTC time is the Swedish day. Rows at known UTC
# times, one in summer (+2 h) and one in winter (+1 h, across midnight):
# the referral's history, the admin's access log (its period is of Swedish
# days, the CSV's header names the zone), and a waiting list's start day
# in the inbox and on the application page.
set -u
. "$(dirname "$0")/lib.sh"

CMI=$(insats_id_of "Case Manager")
FKID=$(staff_id_of remittent.fk)
log_in CM personal.cm
log_in FK remittent.fk
log_in AJ admin

R=$(new_referral "$CMI" Tidzon Svensson kvinna "$(pnr 19870707)" 1)
check "a referral" test -n "$R"

# The referral's history: a summer and a winter change.
q "INSERT INTO change_history (at, staff_id, record_type, record_id, field, old_value, new_value) VALUES
   ('2026-07-15 21:30:00', $FKID, 'referral', $R, 'education_code', '', 'gymnasium'),
   ('2026-01-15 23:30:00', $FKID, 'referral', $R, 'consent_at_visa', '0', '1')"
expect_status "the application page" 200 -b "$FK" "$BASE/ansokningar/$R"
expect_body "a summer change shown at UTC+2" '<td data-label="När (svensk tid)">2026-07-15 23:30:00</td>'
expect_body "a winter change at UTC+1, on the next day" '<td data-label="När (svensk tid)">2026-01-16 00:30:00</td>'
check "no UTC time left" body_lacks "2026-07-15 21:30:00"
check "no UTC label left" body_lacks "(UTC)"
expect_body "the history's heading names the zone" '<th scope="col">När (svensk tid)</th>'

# The waiting list: put on it at 23:30 UTC on 1 March, the 2nd in Sweden.
q "UPDATE referral SET status = 'vantelista', decided_at = '2026-03-01 23:30:00',
   decided_by = $(staff_id_of personal.cm) WHERE id = $R"
expect_inbox "the inbox" "$CM"
expect_body "the inbox says since when, the Swedish day" "<a href=\"/inkorg/$R\">Tidzon Svensson</a>"
check "the inbox row: Väntelista sedan 2026-03-02" \
	grep -qE "<a href=\"/inkorg/$R\">Tidzon Svensson</a>.*sedan 2026-03-02</td>" "$BODY"
expect_status "the decision page" 200 -b "$CM" "$BASE/inkorg/$R"
expect_body "the decision page: since when, in Swedish time" "Ansökan står på väntelista sedan 2026-03-02 00:30 (svensk tid)."
expect_status "the application page again" 200 -b "$FK" "$BASE/ansokningar/$R"
expect_body "the remittent sees since when" "Väntelista sedan 2026-03-02 00:30 (svensk tid):"
expect_body "the decision's time too" "<dt>Beslutad</dt><dd>2026-03-02 00:30 (svensk tid)"

# The admin's access log: a row at 23:30 UTC on 15 January is on the 16th.
PNR=$(q "SELECT p.personnummer FROM referral r JOIN person p ON p.id = r.person_id WHERE r.id = $R")
q "INSERT INTO audit_log (at, forbund_id, staff_id, username, action, object_type, personnummer, remote_addr, request_id, detail)
   VALUES ('2026-01-15 23:30:00', (SELECT forbund_id FROM staff WHERE id = $FKID), $FKID, 'remittent.fk', 'read', 'referral_list', '$PNR', '127.0.0.1', 'test-swedish-time', 'list: 1 rows')"
expect_status "the log, the Swedish 16 January" 200 -b "$AJ" \
	"$BASE/admin/logg?personnummer=$(dash "$PNR")&fran=2026-01-16&till=2026-01-16"
expect_body "the row, in Swedish time" "<td>2026-01-16 00:30:00</td>"
expect_body "the heading names the zone" '<th scope="col">Tid (svensk tid)</th>'
expect_status "the log, the Swedish 15 January" 200 -b "$AJ" \
	"$BASE/admin/logg?personnummer=$(dash "$PNR")&fran=2026-01-15&till=2026-01-15"
check "the row is not on the 15th" body_lacks "2026-01-16 00:30:00"
check "nor its UTC time" body_lacks "2026-01-15 23:30:00"
expect_status "the log as CSV" 200 -b "$AJ" \
	"$BASE/admin/logg.csv?personnummer=$(dash "$PNR")&fran=2026-01-16&till=2026-01-16"
expect_body "the CSV's header names the zone" '"Tid (svensk tid)";"Användare"'
expect_body "the CSV's row in Swedish time" '"2026-01-16 00:30:00";"remittent.fk"'

check "no BUG line in the server log" sh -c "! grep -q 'BUG: ' '$VAR/log/stegvis.log'"
done_testing
