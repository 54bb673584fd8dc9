# Two förbund in one installation, the public start page (issue 20,
# sql/0071): an anonymous visitor gets the insatser of the förbund whose
# host name the request names, never another's; staff get their own
# förbund's; an address that names no förbund gets the one without a host
# name (with one förbund no host name is needed), and with two such a 404.
# Each worker keeps one page per förbund, so the two hosts asked in turn
# never get each other's page, and a change to a förbund is seen on the
# next request on every worker.
#
# The second and third förbund are made here in SQL (mk_forbund: no
# platform admin yet) and are inactive again at exit, with their insatser
# and accounts, so that the tests after this one see the demo förbund's
# page at the plain address.
. "$(dirname "$0")/lib.sh"

P=t_fp_$$
H2="f2-$$.test"

eq "with one active förbund, the plain address has the public page" "$(fetch "$BASE/")" 200
expect_body "... the demo förbund's insatser" "Friska Vindar 2.0"

mk_forbund F2 "TP$$" "$H2"
check "a second förbund with a host name of its own" test -n "$F2"
O2=$(office_of "$F2")
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, description, location,
	target_groups, direction, measurement, period_start, places, summary_due_days, active)
	VALUES ($F2, $O2, 'Publik insats $P', 'PI $$', 't-fp-$$', 'Beskrivning', 'Testby', 'Alla', 'individ',
	'personuppgifter', '2024-01-01', 10, 21, 1)"

# --- Anonymous: the host decides, the page cache per förbund
bad=""
for round in 1 2 3 4 5 6; do
	# Each round asks both hosts, more times than there are workers, so
	# every worker serves both pages from its own copies.
	for k in 1 2 3 4; do
		st=$(fetch -H "Host: $H2" "$BASE/")
		{ [ "$st" = 200 ] && body_has "Publik insats $P" && body_lacks "Friska Vindar"; } || bad="$bad f2:$round/$k=$st"
	done
done
eq "the second förbund's host, asked again and again: its own insatser only" "$bad" ""
eq "the plain address: the förbund without a host name, the demo's" "$(fetch "$BASE/")" 200
check "... its insatser, not the second förbund's" bash -c "grep -q 'Friska Vindar 2.0' '$BODY' && ! grep -q 'Publik insats $P' '$BODY'"
eq "an unknown host name too" "$(fetch -H "Host: okand-$$.test" "$BASE/")" 200
check "... the demo's page" body_has "Friska Vindar 2.0"
# A third active förbund without a host name: no default any more.
mk_forbund F3 "TU$$"
eq "two förbund without a host name: the plain address names neither, 404" "$(fetch "$BASE/")" 404
check "... with the Swedish 404 page" body_has "Sidan finns inte"
eq "... and an unknown host name: 404" "$(fetch -H "Host: okand-$$.test" "$BASE/")" 404
eq "... a host name that is no name (a bracketed address): 404" "$(fetch -H "Host: [::1]" "$BASE/")" 404
st=$(fetch -H "Host: $H2" "$BASE/")
check "... while the second förbund's own host still has its page" bash -c "[ '$st' = 200 ] && grep -q 'Publik insats $P' '$BODY'"
forbund_off "$F3"
q "UPDATE forbund SET public_host = '127.0.0.1' WHERE id = 1"
bad=""
for round in 1 2 3 4; do
	for k in 1 2 3 4; do
		st=$(fetch "$BASE/")
		{ [ "$st" = 200 ] && body_has "Friska Vindar 2.0" && body_lacks "Publik insats $P"; } || bad="$bad demo:$round/$k=$st"
		st=$(fetch -H "Host: ${H2^^}:443" "$BASE/")
		{ [ "$st" = 200 ] && body_has "Publik insats $P" && body_lacks "Friska Vindar"; } || bad="$bad f2:$round/$k=$st"
	done
done
eq "the demo förbund named by its own host: the two pages in turn, each its own" "$bad" ""

# --- Staff: their own förbund's, whatever the host
mk_account "${P}_r" "$O2" remittent "Remittent Publik"
eq "the second förbund's remittent logs in" "$(as "${P}_r")" 303
aget "${P}_r" / > /dev/null
check "signed in, the second förbund's staff get its insatser" body_has "Publik insats $P"
check "... and none of the demo's" body_lacks "Friska Vindar"
eq "a demo remittent logs in" "$(as remittent.fk)" 303
# (The cookie by hand: curl's jar would go by the Host header's name.)
fetch -H "Cookie: stegvis_session=$(jar_session "$(jar remittent.fk)")" -H "Host: $H2" "$BASE/" > /dev/null
check "demo staff at the second förbund's host still get the demo insatser" body_has "Friska Vindar 2.0"
check "... and not the second förbund's" body_lacks "Publik insats $P"

# --- A change to a förbund is seen at once, on every worker
q "UPDATE forbund SET public_host = NULL WHERE id = 1"
# The förbund row alone (its insats stays active until exit): the page
# must follow the förbund, not a change to an insats.
q "UPDATE forbund SET active = 0 WHERE id = $F2"
bad=""
for k in 1 2 3 4 5 6 7 8; do
	st=$(fetch "$BASE/")
	{ [ "$st" = 200 ] && body_has "Friska Vindar 2.0"; } || bad="$bad $k=$st"
done
eq "the second förbund made inactive: the plain address has the demo page again, on every request" "$bad" ""
eq "... and its host no page (not the other förbund's)" "$(fetch -H "Host: $H2" "$BASE/")" 404

done_testing
