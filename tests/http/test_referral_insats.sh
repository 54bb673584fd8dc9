# Applications only to insatser that take them (issue 15, item 9): the
# form offers the running insatser with staff assigned; an application to
# one without staff is refused with a Swedish message and everything typed
# kept; the admin sees the insatser without staff. An insats of its own.
. "$(dirname "$0")/lib.sh"

for u in remittent.fk admin; do eq "$u logs in" "$(as "$u")" 303; done
SLUG="utan-personal-$$"
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, period_start, places, active)
	SELECT forbund_id, host_organisation_id, 'Utan personal $$', 'Utanp$$', '$SLUG', '2024-01-01', 10, 1
	FROM insats WHERE short_name = 'Case Manager'"
X=$(lookup_one "insats $SLUG" "SELECT id FROM insats WHERE slug = '$SLUG'")
# Left inactive, so that it weighs on no report later in the run.
at_exit "q \"DELETE FROM staff_insats WHERE insats_id = $X; UPDATE insats SET active = 0 WHERE id = $X\""
# offered ID: the insats select of the last page offers insats ID.
offered() { sed -n '/name="insats"/,/<\/select>/p' "$BODY" | grep -q "<option value=\"$1\""; }

# --- No staff: not offered, refused
eq "the application form" "$(aget remittent.fk /ansokningar/ny)" 200
check "... does not offer the insats without staff" bash -c "! sed -n '/name=\"insats\"/,/<\\/select>/p' '$BODY' | grep -q '<option value=\"$X\"'"
check "... nor Hälsa för Alla (no staff in the demo)" bash -c "! sed -n '/name=\"insats\"/,/<\\/select>/p' '$BODY' | grep -q '<option value=\"$(insats_id_of "Hälsa för Alla")\"'"
check "... offers Case Manager (staffed)" offered "$(insats_id_of "Case Manager")"
before=$(refs)
PN=$(new_pnr 1981 40)
FORM=(--data-urlencode "personnummer=$(dash "$PN")" --data-urlencode "fornamn=Ingen" \
	--data-urlencode "efternamn=Personalsson$$" --data-urlencode "bakgrund=Skrivet $$" --data "insats=$X")
eq "a draft to it: 400" "$(apost remittent.fk /ansokningar/ny "${FORM[@]}" --data atgard=spara)" 400
expect_body "... says why, in Swedish" "Insatsen har ingen personal just nu och tar inte emot ansökningar."
expect_body "... keeps the name typed" "Personalsson$$"
expect_body "... and the background" "Skrivet $$"
eq "... nothing stored" "$(refs)" "$before"
eq "submitting to it: 400 too" "$(apost remittent.fk /ansokningar/ny "${FORM[@]}" --data atgard=skicka)" 400
expect_body "... the same message" "Insatsen har ingen personal just nu"
eq "... nothing stored" "$(refs)" "$before"

# --- The admin sees it
eq "the admin's insats list" "$(aget admin /admin/insatser)" 200
expect_body "... marks it" "Ingen personal: tar inte emot ansökningar"
expect_body "... counts them" "aktiva insatser har ingen personal"
check "... on its row" bash -c "grep -A8 'insatser/$X\"' '$BODY' | grep -q 'Ingen personal: tar inte emot'"

# --- Staff assigned: offered and accepted
q "INSERT INTO staff_insats (staff_id, insats_id) VALUES ($(staff_id_of personal.cm), $X)"
aget remittent.fk /ansokningar/ny > /dev/null
check "with staff it is offered" offered "$X"
eq "... and a draft to it is saved" "$(apost remittent.fk /ansokningar/ny "${FORM[@]}" --data atgard=spara)" 303
D=$(loc_id)
eq "... stored" "$(refs)" $((before + 1))
aget admin /admin/insatser > /dev/null
check "... and the admin's list no longer marks it" bash -c "! grep -A8 'insatser/$X\"' '$BODY' | grep -q 'Ingen personal'"

# --- The staff leave: the draft keeps its insats on the form, saving is refused
q "DELETE FROM staff_insats WHERE insats_id = $X"
eq "the draft's edit form" "$(aget remittent.fk "/ansokningar/$D/andra")" 200
check "... still shows its insats" offered "$X"
V=$(ref_version "$D")
eq "saving it: 400" "$(apost remittent.fk "/ansokningar/$D/andra" --data "version=$V" --data-urlencode "fornamn=Ingen" \
	--data-urlencode "efternamn=Ändradsson$$" --data "insats=$X" --data atgard=spara)" 400
expect_body "... with the message" "Insatsen har ingen personal just nu"
expect_body "... keeping what was typed" "Ändradsson$$"
eq "... unchanged" "$(ref_version "$D")" "$V"
done_testing
