# Withdrawing an application (issue 15, item 6): the remittent who made it
# withdraws a draft or an undecided one with a reason; it leaves the
# inbox at once, stays readable to the remittent, and a second click
# writes nothing. Referrals of its own (fixtures), to Case Manager
# (personal.cm's inbox), from remittent.fk.
. "$(dirname "$0")/lib.sh"

CMI=$(insats_id_of "Case Manager")
for u in remittent.fk remittent.soc personal.cm; do eq "$u logs in" "$(as "$u")" 303; done
W=aterkalla_skal

# --- A submitted one, in the inbox
LAST="Återkallsson$$"
R=$(fixture_referral "$CMI" Vera "$LAST")
give_waiver "$R" > /dev/null
expect_inbox "the insats's inbox, every page" "$(jar personal.cm)"
expect_body "the submitted application is in the insats's inbox" "$LAST"
eq "the remittent's page offers the withdraw form" "$(aget remittent.fk "/ansokningar/$R")" 200
expect_body "... with its button" 'action="/ansokningar/'"$R"'/aterkalla"'

# --- No reason: refused in Swedish, nothing written
H0=$(ref_hist_rows "$R")
eq "no reason: 400" "$(apost remittent.fk "/ansokningar/$R/aterkalla" --data "version=$(ref_version "$R")" --data-urlencode "$W=   ")" 400
expect_body "... says what is missing" "Skriv varför ansökan återkallas."
eq "... still inskickad" "$(ref_status "$R")" inskickad
# A stale version: 409 with the typed reason kept
eq "a stale version: 409" "$(apost remittent.fk "/ansokningar/$R/aterkalla" --data "version=999" --data-urlencode "$W=Fått arbete $$")" 409
expect_body "... the reason typed is kept" "Fått arbete $$"
expect_body "... and it says why" "är inte återkallad"
eq "... still inskickad" "$(ref_status "$R")" inskickad

# --- Others: a unit colleague elsewhere and insats staff may not
eq "another remittent (not reaching it): 404" "$(apost remittent.soc "/ansokningar/$R/aterkalla" --data "version=$(ref_version "$R")" --data-urlencode "$W=Nej")" 404
eq "insats staff: 403 (remittent route)" "$(apost personal.cm "/ansokningar/$R/aterkalla" --data-urlencode "$W=Nej" --data version=1)" 403
eq "... nothing written" "$(ref_hist_rows "$R")" "$H0"

# --- Withdrawn
A0=$(audits "object_type = 'referral' AND object_id = $R AND detail = 'withdrawn'")
eq "withdrawn: 303" "$(apost remittent.fk "/ansokningar/$R/aterkalla" --data "version=$(ref_version "$R")" --data-urlencode "$W=Personen har fått arbete.
Tack för hjälpen.")" 303
eq "... to its page" "$(location)" "/ansokningar/$R?aterkallad=1"
eq "... status aterkallad" "$(ref_status "$R")" aterkallad
eq "... the reason kept, lines and all" "$(q "SELECT REPLACE(withdrawn_reason, '\n', '|') FROM referral WHERE id = $R")" \
	"Personen har fått arbete.|Tack för hjälpen."
eq "... a history row for status and reason" "$(ref_hist_rows "$R")" $((H0 + 2))
eq "... the status history" "$(hist "referral" "$R" status | cut -d'|' -f1,2)" "inskickad|aterkallad"
eq "... one audit row" "$(audits "object_type = 'referral' AND object_id = $R AND detail = 'withdrawn'")" $((A0 + 1))
expect_inbox "the inbox again, every page" "$(jar personal.cm)"
check "it has left the inbox at once" body_lacks "$LAST"
eq "the staff's page of it still opens" "$(aget personal.cm "/inkorg/$R")" 200
expect_body "... saying it was withdrawn" "Återkallad av remittenten"
eq "a decision on it is refused" "$(apost personal.cm "/inkorg/$R/beslut" --data beslut=avrada --data "version=$(ref_version "$R")" \
	--data avrada_orsak=halsa --data-urlencode "avrada_motivering=Nej")" 409
eq "... still aterkallad" "$(ref_status "$R")" aterkallad

# --- Readable to the remittent, no form any more
eq "the remittent still reads it" "$(aget remittent.fk "/ansokningar/$R")" 200
expect_body "... with its status" "Återkallad"
expect_body "... and the reason" "Personen har fått arbete."
check "... and no withdraw form" body_lacks "/aterkalla\""
eq "the list shows it" "$(aget remittent.fk "/ansokningar?status=aterkallad")" 200
expect_body "... under its status filter" "$LAST"

# --- A second click or a retry: a clear answer, nothing written again
V=$(ref_version "$R")
eq "a second click: 303" "$(apost remittent.fk "/ansokningar/$R/aterkalla" --data "version=$((V - 1))" --data-urlencode "$W=Igen")" 303
eq "... to 'already withdrawn'" "$(location)" "/ansokningar/$R?redan_aterkallad=1"
aget remittent.fk "$(location)" > /dev/null
expect_body "... which says so" "Ansökan var redan återkallad."
eq "... no second history row" "$(ref_hist_rows "$R")" $((H0 + 2))
eq "... no second audit row" "$(audits "object_type = 'referral' AND object_id = $R AND detail = 'withdrawn'")" $((A0 + 1))
eq "... the first reason stays" "$(q "SELECT LEFT(withdrawn_reason, 25) FROM referral WHERE id = $R")" "Personen har fått arbete."

# --- A draft never sent: withdrawn, and never shown to the insats
D=$(fixture_referral "$CMI" Dora "Utkastsson$$" "" utkast)
q "UPDATE referral SET submitted_at = NULL WHERE id = $D"
eq "a draft is withdrawn" "$(apost remittent.fk "/ansokningar/$D/aterkalla" --data "version=$(ref_version "$D")" --data-urlencode "$W=Skrevs av misstag")" 303
eq "... status aterkallad" "$(ref_status "$D")" aterkallad
eq "... and the insats never sees it" "$(aget personal.cm "/inkorg/$D")" 404

# --- Too late once decided
T=$(fixture_referral "$CMI" Ture "Antagsson$$" "" avradd)
eq "advised against: 409" "$(apost remittent.fk "/ansokningar/$T/aterkalla" --data "version=$(ref_version "$T")" --data-urlencode "$W=För sent")" 409
expect_body "... says why" "Ansökan är redan beslutad och kan inte återkallas."
expect_body "... the reason typed is kept" "För sent"
eq "... still avradd" "$(ref_status "$T")" avradd

# The kept counts (referral_tally too) as the rows after the changes.
order_ok "after the withdrawals (referral_tally)"
done_testing
