# make check-ha's race (tests/ha/run.sh runs it; TAP, with tests/http/lib.sh):
# a revocation of the waiver on one Galera node and a decision on the
# referral on another, at the same moment, cannot both commit when neither
# saw the other (include/consent.h, sql/0065).
#
# App hosts 2 (node 2 first) and 3 (node 1 first) are the test-hooks build
# and commit only on the clock's whole multiples of RACE_STEP_MS
# (STEGVIS_COMMIT_ALIGN_MS), so the order is made, not left to chance;
# app host 1 commits at once. Each round starts just after such an
# instant:
#   - decision late (host 2) and the revocation at once (host 1): the
#     decision has passed its guard and waits while the revocation commits;
#     it must be refused (409, the consent message, after running again)
#     and the referral stay undecided;
#   - revocation late (host 2) and the decision at once (host 1): the
#     decision commits; the revocation's commit loses, and since its
#     request had already logged its read of the consent (not to be logged
#     twice) it is not run again but answered 409 with the form to send
#     again (route.c, page_error.c), which then revokes;
#   - at the same moment: both late (hosts 3 and 2), both read and wrote
#     before either commits, and both commit on the same instant. One wins,
#     the other is refused. Without the guard row they wrote disjoint rows,
#     and Galera certified both: a decision on a waiver revoked in the same
#     instant.
# X-HA-Host picks the app host (run.sh's nginx map).
. "$ROOT/tests/http/lib.sh"

ROUNDS=${RACE_ROUNDS:-8}
STEP=${RACE_STEP_MS:?}
WAIT=${RACE_WAIT:-0.5} # s: the late request is past its guard by then
MSG_DECIDE="Beslutet sparades inte: ett samtycke (sekretesslättnad) som omfattar remittentens organisation måste registreras innan ansökan kan beslutas."
T=$(mktemp -d)
at_exit "rm -rf '$T'"

log_in FV personal.fv
log_in RJ remittent.fk
INSATS=$(insats_id_of "Friska Vindar 2.0")

# referral K: a waiting referral with a waiver covering its remittent's
# organisation; sets R, C (the waiver) and VR (the referral's version).
referral() {
	R=$(new_referral "$INSATS" "Kapplopp$1" "Race$$" kvinna "$(new_pnr)" 0)
	C=$(q "SELECT id FROM consent WHERE referral_id = $R AND kind = 'sekretess'")
	expect_status "$2 $1: personal.fv opens the referral" 200 -b "$FV" "$BASE/inkorg/$R"
	VR=$(hidden version)
}
# Each jar's form token, read once through host 1: a POST below is that
# request alone (post() would fetch a page first, through any host).
CSRF_FV=$(fetch -b "$FV" "$BASE/start" -H "X-HA-Host: 1" > /dev/null; form_csrf)
CSRF_RJ=$(fetch -b "$RJ" "$BASE/start" -H "X-HA-Host: 1" > /dev/null; form_csrf)
# now HOST JAR PATH ARGS…: a POST through HOST; prints its status.
now() {
	local host=$1 jar=$2 path=$3 csrf=$CSRF_FV
	shift 3
	[ "$jar" = "$RJ" ] && csrf=$CSRF_RJ
	fetch -b "$jar" -c "$jar" -H "X-HA-Host: $host" --data-urlencode "csrf=$csrf" "$@" "$BASE$path"
}
# late HOST OUT JAR PATH ARGS…: now() in the background, its status into
# OUT and its body into OUT.body.
late() {
	local host=$1 out=$2
	shift 2
	(
		BODY=$out.body HEAD=$out.head
		now "$host" "$@" > "$out"
	) &
}
# Until just after the clock's next whole multiple of STEP ms: the next
# late commit is then almost a whole step away.
to_step() {
	local ms
	ms=$(($(date +%s%3N) % STEP))
	sleep "$(awk -v w=$((STEP - ms + 100)) 'BEGIN { printf "%.3f", w / 1000 }')"
}
decide() { echo "--data version=$VR --data beslut=vantelista"; }
# shellcheck disable=SC2086
lost_races() { cat "$VAR/log/stegvis.log" $HA_APP_LOGS 2> /dev/null | grep -c "lost a race with another change, 409"; }

for k in $(seq "$ROUNDS"); do
	referral "$k" "decision late"
	to_step
	# shellcheck disable=SC2046
	late 2 "$T/dec$k" "$FV" "/inkorg/$R/beslut" $(decide)
	sleep "$WAIT"
	rv=$(now 1 "$RJ" "/samtycken/$C/aterkalla" --data part=alla --data hur=muntligt)
	wait
	eq "decision late $k: the revocation through node 1 commits (303)" "$rv" 303
	eq "decision late $k: the waiver is revoked" "$(consent_state "$C")" aterkallad
	eq "decision late $k: the decision through node 2 is refused (409), the referral undecided" \
		"$(cat "$T/dec$k") $(q "SELECT status FROM referral WHERE id = $R")" "409 inskickad"
	check "decision late $k: with the consent message" grep -qF "$MSG_DECIDE" "$T/dec$k.body"
done

MSG_RACE="Någon annan ändrade samma uppgifter i samma ögonblick, så ingenting av det du skickade sparades."
before=$(lost_races)
for k in $(seq "$ROUNDS"); do
	referral "$k" "revocation late"
	to_step
	# From our own page, as a browser says (the 409 offers to send again
	# only then: page_error.c).
	late 2 "$T/rev$k" "$RJ" "/samtycken/$C/aterkalla" -H "Origin: $BASE" \
		--data part=alla --data hur=muntligt --data-urlencode "skal=Ringde $k"
	sleep "$WAIT"
	# shellcheck disable=SC2046
	dec=$(now 1 "$FV" "/inkorg/$R/beslut" $(decide))
	wait
	eq "revocation late $k: the decision through node 1 commits (303)" "$dec" 303
	eq "revocation late $k: the revocation through node 2 lost the race (409)" "$(cat "$T/rev$k")" 409
	check "revocation late $k: told so" grep -qF "$MSG_RACE" "$T/rev$k.body"
	check "revocation late $k: with what was typed, to send again" grep -qF 'value="Ringde '"$k"'"' "$T/rev$k.body"
	eq "revocation late $k: decided, the waiver still in force" \
		"$(q "SELECT status FROM referral WHERE id = $R") $(consent_state "$C")" "vantelista aktiv"
	again=$(now 1 "$RJ" "/samtycken/$C/aterkalla" --data part=alla --data hur=muntligt \
		--data-urlencode "skal=Ringde $k")
	eq "revocation late $k: sent again, it revokes (303)" "$again" 303
	eq "revocation late $k: revoked after the decision" "$(consent_state "$C")" aterkallad
done
check "each lost race is logged ($before, then $(lost_races))" test "$(lost_races)" -ge $((before + ROUNDS))

for k in $(seq "$ROUNDS"); do
	referral "$k" "same moment"
	to_step
	late 3 "$T/srev$k" "$RJ" "/samtycken/$C/aterkalla" -H "Origin: $BASE" \
		--data part=alla --data hur=muntligt
	# shellcheck disable=SC2046
	late 2 "$T/sdec$k" "$FV" "/inkorg/$R/beslut" $(decide)
	wait
	got="$(cat "$T/sdec$k") $(cat "$T/srev$k") $(q "SELECT status FROM referral WHERE id = $R") $(consent_state "$C")"
	case $got in
	"303 409 vantelista aktiv") ok "same moment $k: the decision won, the revocation lost the race (409)" ;;
	"409 303 inskickad aterkallad") ok "same moment $k: the revocation won, the decision was refused (409)" ;;
	*) not_ok "same moment $k: one wins, the other is refused (decision, revocation, referral, waiver: $got)" ;;
	esac
done

done_testing
