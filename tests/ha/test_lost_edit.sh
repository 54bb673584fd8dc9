# make check-ha's lost edits (tests/ha/run.sh runs it; TAP, with
# tests/http/lib.sh): two saves of one versioned form through two Galera
# nodes, neither having seen the other. Galera certifies the first commit;
# the second fails certification (1213) and must end as a 409 that keeps
# what was typed, never a 500, with exactly one of the two in the database.
#
# The form: a participation's contact data (POST
# /deltagande/:id/kontaktuppgifter, participation_person's version), each
# save a different address. App hosts 2 (node 2 first) and 3 (node 1
# first) are the test-hooks build committing only on the clock's whole
# multiples of RACE_STEP_MS; app host 4 (node 3 first) too, and it answers
# a lost race at once instead of running the request again
# (STEGVIS_DEADLOCK_TRIES=1). App host 1 commits at once. Rounds:
#   - late, run again: host 2's save waits for its commit while host 1's
#     commits; host 2's loses, runs again (nothing was committed: safe),
#     meets the new version and is refused: 409, the form with the
#     conflict message and its address;
#   - late, not run again: the same through host 4: route.c's 409 ("Någon
#     annan ändrade samtidigt"), offering to send the typed fields again
#     (page_error.c), the address among them;
#   - the same moment: hosts 2 and 3 commit on one instant; one wins, the
#     other runs again and gets the first kind's 409.
# After each: the address is the winner's, the version one higher, one
# history row of the address.
#
# Environment from run.sh: RACE_STEP_MS, HA_APP_LOGS (hosts 2 and 3),
# HA_APP4_LOG; EDIT_ROUNDS (3 of each).
. "$ROOT/tests/http/lib.sh"

ROUNDS=${EDIT_ROUNDS:-3}
STEP=${RACE_STEP_MS:?}
WAIT=${RACE_WAIT:-0.5} # s: the late save has passed its version check by then
MSG_STALE="Någon annan har ändrat kontaktuppgifterna medan du arbetade."
MSG_LOST="Någon annan ändrade samma uppgifter i samma ögonblick"
T=$(mktemp -d)
at_exit "rm -rf '$T'"

log_in FV personal.fv
P=$(q "SELECT MIN(p.id) FROM participation p
	JOIN participation_person pp ON pp.participation_id = p.id AND pp.protected_identity = 0
	JOIN staff_insats si ON si.insats_id = p.insats_id
	JOIN staff s ON s.id = si.staff_id AND s.username = 'personal.fv'
	WHERE p.status = 'inskriven'")
check "a participation of personal.fv's insats without protected identity" test -n "$P"
CSRF=$(fetch -b "$FV" "$BASE/start" -H "X-HA-Host: 1" > /dev/null; form_csrf)
# The fields as stored, but the address.
IFS=$'\t' read -r FIRST LAST GENDER <<< "$(q "SELECT first_name, last_name, gender
	FROM participation_person WHERE participation_id = $P")"
state() { q "SELECT CONCAT(address, ' | ', version) FROM participation_person WHERE participation_id = $P"; }
version() { q "SELECT version FROM participation_person WHERE participation_id = $P"; }
address_rows() { q "SELECT COUNT(*) FROM change_history WHERE record_id = $P AND field = 'address'"; }
# save HOST OUT ADDRESS VERSION: the form through HOST as a browser sends
# it from our page; status into OUT, body OUT.body.
save() {
	local host=$1 out=$2
	curl -sS -o "$out.body" -w '%{http_code}' --max-time 60 -b "$FV" -H "X-HA-Host: $host" \
		-H "Sec-Fetch-Site: same-origin" --data-urlencode "csrf=$CSRF" \
		--data-urlencode "fornamn=$FIRST" --data-urlencode "efternamn=$LAST" --data "kon=$GENDER" \
		--data-urlencode "adress=$3" --data "version=$4" \
		"$BASE/deltagande/$P/kontaktuppgifter" > "$out" 2> /dev/null
}
to_step() {
	local ms
	ms=$(($(date +%s%3N) % STEP))
	sleep "$(awk -v w=$((STEP - ms + 100)) 'BEGIN { printf "%.3f", w / 1000 }')"
}
# has_all FILE TEXT…: every TEXT is in FILE.
has_all() {
	local f=$1
	shift
	for t in "$@"; do grep -qF -- "$t" "$f" || return 1; done
}
# shellcheck disable=SC2086
count_in_logs() { cat $1 2> /dev/null | grep -c "$2"; }
reruns() { count_in_logs "$HA_APP_LOGS" "kontaktuppgifter: deadlock, running it again"; }
lost409() { count_in_logs "$HA_APP4_LOG" "kontaktuppgifter: lost a race with another change, 409"; }

# late KIND HOST K: host HOST's save late, host 1's at once.
late() {
	local kind=$1 host=$2 k=$3 v h0 r0 l0 mine="Loppgatan $3 sen $2" theirs="Loppgatan $3 direkt $2"
	v=$(version)
	h0=$(address_rows)
	r0=$(reruns)
	l0=$(lost409)
	to_step
	save "$host" "$T/late" "$mine" "$v" &
	sleep "$WAIT"
	save 1 "$T/now" "$theirs" "$v"
	wait
	eq "$kind $k: host 1's save through node 1 commits (303)" "$(cat "$T/now")" 303
	eq "$kind $k: host $host's is a 409" "$(cat "$T/late")" 409
	check "$kind $k: ... with what was typed" grep -qF "value=\"$mine\"" "$T/late.body"
	eq "$kind $k: the database has host 1's address only (the version one higher, one history row)" \
		"$(state) $(($(address_rows) - h0))" "$theirs | $((v + 1)) 1"
	if [ "$host" = 4 ]; then
		check "$kind $k: ... route.c's 409 of a lost race, offering to send it again" \
			has_all "$T/late.body" "$MSG_LOST" "action=\"/deltagande/$P/kontaktuppgifter\"" "Skicka igen"
		check "$kind $k: ... at its first loss (host 4's log), not run again" \
			test "$(lost409)" -gt "$l0" -a "$(reruns)" = "$r0"
	else
		check "$kind $k: ... the form with the conflict message" grep -qF "$MSG_STALE" "$T/late.body"
		check "$kind $k: ... after it lost its first run and ran again" test "$(reruns)" -gt "$r0"
	fi
}

for k in $(seq "$ROUNDS"); do late "late, run again" 2 "$k"; done
for k in $(seq "$ROUNDS"); do late "late, not run again" 4 "$k"; done

declare -A TALLY=()
for k in $(seq "$ROUNDS"); do
	v=$(version)
	h0=$(address_rows)
	r0=$(reruns)
	a="Loppgatan $k samma A"
	b="Loppgatan $k samma B"
	to_step
	save 2 "$T/a" "$a" "$v" &
	save 3 "$T/b" "$b" "$v" &
	wait
	got="$(cat "$T/a") $(cat "$T/b")"
	case "$got" in
	"303 409") win=$a lose=$b loser=b ;;
	"409 303") win=$b lose=$a loser=a ;;
	*) win="" ;;
	esac
	TALLY["$got"]=$((${TALLY["$got"]:-0} + 1))
	if [ -z "$win" ]; then
		not_ok "same moment $k: one 303 and one 409 (got $got)"
		continue
	fi
	ok "same moment $k: one 303 and one 409 ($got)"
	check "same moment $k: the 409 has the conflict message and what was typed" \
		has_all "$T/$loser.body" "value=\"$lose\"" "$MSG_STALE"
	eq "same moment $k: the database has the winner's address only" \
		"$(state) $(($(address_rows) - h0))" "$win | $((v + 1)) 1"
	check "same moment $k: the loser ran again" test "$(reruns)" -gt "$r0"
done
for o in "${!TALLY[@]}"; do echo "# same moment (host 2 node 2, host 3 node 1): ${TALLY[$o]} x $o"; done | sort

done_testing
