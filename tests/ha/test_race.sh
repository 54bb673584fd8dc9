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
#     decision commits; the revocation's commit loses, its request runs
#     again from the start (route.c; its access-log row of the read is
#     written again, db.h's log_only) and revokes after the decision;
#   - at the same moment: both late (hosts 3 and 2), both read and wrote
#     before either commits, and both commit on the same instant. One wins;
#     the other loses and runs again. Without the guard row they wrote
#     disjoint rows and Galera certified both on their first run: a
#     decision on a waiver revoked in the same instant.
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
reruns() { cat "$VAR/log/stegvis.log" $HA_APP_LOGS 2> /dev/null | grep -c "deadlock, running it again"; }

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

for k in $(seq "$ROUNDS"); do
	referral "$k" "revocation late"
	r0=$(reruns)
	to_step
	late 2 "$T/rev$k" "$RJ" "/samtycken/$C/aterkalla" --data part=alla --data hur=muntligt \
		--data-urlencode "skal=Ringde $k"
	sleep "$WAIT"
	# shellcheck disable=SC2046
	dec=$(now 1 "$FV" "/inkorg/$R/beslut" $(decide))
	wait
	eq "revocation late $k: the decision through node 1 commits (303)" "$dec" 303
	eq "revocation late $k: the revocation through node 2, run again, commits (303)" "$(cat "$T/rev$k")" 303
	eq "revocation late $k: decided, then revoked" \
		"$(q "SELECT status FROM referral WHERE id = $R") $(consent_state "$C")" "vantelista aterkallad"
	check "revocation late $k: it lost its first run and ran again" test "$(reruns)" -gt "$r0"
done

for k in $(seq "$ROUNDS"); do
	referral "$k" "same moment"
	r0=$(reruns)
	to_step
	late 3 "$T/srev$k" "$RJ" "/samtycken/$C/aterkalla" --data part=alla --data hur=muntligt
	# shellcheck disable=SC2046
	late 2 "$T/sdec$k" "$FV" "/inkorg/$R/beslut" $(decide)
	wait
	got="$(cat "$T/sdec$k") $(cat "$T/srev$k") $(q "SELECT status FROM referral WHERE id = $R") $(consent_state "$C")"
	# The loser runs again: a decision then meets the revoked waiver; a
	# revocation revokes after the decision. Both ending 303 is right only
	# after such a second run; without the guard row both committed on
	# their first.
	case "$got $(($(reruns) > r0))" in
	"303 303 vantelista aterkallad 1") ok "same moment $k: the decision won, the revocation lost and ran again after it" ;;
	"409 303 inskickad aterkallad 1")
		check "same moment $k: the revocation won, the decision lost and was refused with the consent message" \
			grep -qF "$MSG_DECIDE" "$T/sdec$k.body"
		;;
	*) not_ok "same moment $k: one wins, the other runs again (decision, revocation, referral, waiver, ran again: $got $(($(reruns) > r0)))" ;;
	esac
done

done_testing
