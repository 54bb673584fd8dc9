#!/usr/bin/env bash
# The remittent's waiting-list line (issue 21, item 8): "Väntelista:
# insatsen är full just nu" only when the insats has no place free, by the
# same occupancy the inbox shows its staff (participation_insats_full() of
# the places and the participants now inskriven). An insats of its own with
# two places, a referral from remittent.fk on its waiting list, and the
# line and the inbox read at 0, places - 1 and places participants.
set -u
. "$(dirname "$0")/lib.sh"

TAG=$$$RANDOM
FV_ID=$(staff_id_of personal.fv)
FK_REM=$(staff_id_of remittent.fk) FK_ORG=$(org_of remittent.fk)
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, period_start, places, active)
   VALUES ($(forbund_id_of SOFTLEG), $(org_id_of "Arbetsmarknad och socialförvaltning" "Trollhättans Stad"),
   'Väntelistetest $TAG', 'Väntelistetest', 'vantelistetest-$TAG', '2018-01-01', 2, 1);
   INSERT INTO staff_insats (staff_id, insats_id) SELECT $FV_ID, id FROM insats WHERE slug = 'vantelistetest-$TAG'"
INS=$(q "SELECT id FROM insats WHERE slug = 'vantelistetest-$TAG'")
check "the insats exists" test -n "$INS"
# Everything this test made goes again: later tests count insatser and
# participations.
at_exit 'q "DELETE pp FROM participation_person pp JOIN participation p ON p.id = pp.participation_id WHERE p.insats_id = $INS;
  DELETE FROM participation WHERE insats_id = $INS;
  CREATE TEMPORARY TABLE vl_gone AS SELECT id, person_id FROM referral WHERE insats_id = $INS;
  DELETE FROM referral_person WHERE referral_id IN (SELECT id FROM vl_gone);
  DELETE FROM referral WHERE insats_id = $INS;
  DELETE FROM person WHERE id IN (SELECT person_id FROM vl_gone);
  DELETE FROM staff_insats WHERE insats_id = $INS; DELETE FROM insats WHERE id = $INS" > /dev/null 2>&1'

R=$(fixture_referral "$INS" Väntan Listasson "" vantelista)
check "a referral on the waiting list" test -n "$R"

log_in FK remittent.fk
log_in FV personal.fv

# enrol: one more participant inskriven in the insats.
enrol() {
	q "INSERT INTO person (personnummer, id_kind, birth_year) VALUES ('$(new_pnr)', 'personnummer', 1990);
	   SET @p = LAST_INSERT_ID();
	   INSERT INTO referral (person_id, insats_id, remittent_id, organisation_id, status)
	     VALUES (@p, $INS, $FK_REM, $FK_ORG, 'antagen');
	   SET @r = LAST_INSERT_ID();
	   INSERT INTO referral_person (referral_id, first_name, last_name, gender) VALUES (@r, 'Plats', 'Tagen$TAG', 'man');
	   INSERT INTO participation (referral_id, person_id, insats_id, status, start_date)
	     VALUES (@r, @p, $INS, 'inskriven', DATE('$TODAY'));
	   $PART_PERSON_SQL"
}
# line WHEN full|free: what the remittent and the inbox say.
line() {
	eq "$1: inskrivna" "$(q "SELECT COUNT(*) FROM participation WHERE insats_id = $INS AND status = 'inskriven'")" "$3"
	expect_status "$1: the remittent's page" 200 -b "$FK" "$BASE/ansokningar/$R"
	expect_body "$1: on the waiting list" "<dt>Beslut</dt><dd>Väntelista: "
	if [ "$2" = full ]; then
		expect_body "$1: says the insats is full" "Väntelista: insatsen är full just nu"
	else
		check "$1: does not say the insats is full" body_lacks "full just nu"
		expect_body "$1: says places are free" "det finns lediga platser just nu"
	fi
	expect_inbox "$1: the inbox" "$FV"
	local row
	row=$(grep -F "Väntelistetest $TAG" "$BODY")
	if [ "$2" = full ]; then
		check "$1: the inbox says full too" grep -qF "<strong>Full</strong>" <<< "$row"
	else
		check "$1: the inbox says places are free too" grep -qF "Lediga platser" <<< "$row"
	fi
}
line "0 of 2 places taken" free 0
enrol
line "places - 1 taken" free 1
enrol
line "all places taken" full 2
q "UPDATE insats SET places = NULL WHERE id = $INS"
expect_status "no place limit: the remittent's page" 200 -b "$FK" "$BASE/ansokningar/$R"
check "no place limit: never full" body_lacks "full just nu"
done_testing
