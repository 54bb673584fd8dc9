# Two förbund, every route with an id (issue 20): each of the demo's two
# förbund's accounts, one per role, ask every route that takes an id with
# the other förbund's real ids. Another förbund's row must be
# indistinguishable from no row at all: the status is the one the same
# account gets for an id that does not exist, no page shows a
# personnummer, and no POST changes anything of the other förbund's.
#
# The file runs after the SUS tests (its name), so that the first förbund
# has a SUS batch to ask for; the second förbund gets one here, with a
# midterm and a structural company and training (its demo rows have none).
. "$(dirname "$0")/lib.sh"

NONE=999999999
F1=$(forbund_id_of SOFTLEG)
F2=$(forbund_id_of EXEMPEL)
check "the demo has two förbund" test -n "$F1" -a -n "$F2"
declare -A ACCOUNTS=(
	[$F1]="admin remittent.fk personal.fv forbund sus-job"
	[$F2]="admin.exempel remittent.exempel personal.exempel forbund.exempel sus-job.exempel")

# --- The second förbund's rows the demo has none of
S2=$(q "SELECT MIN(id) FROM insats WHERE forbund_id = $F2 AND direction = 'struktur'")
q "INSERT INTO participation_midterm (participation_id, held_date, attendees, note)
	SELECT MAX(p.id), CURDATE(), 'Deltagaren och handledaren', 'Halvtid.' FROM participation p
	JOIN insats i ON i.id = p.insats_id WHERE i.forbund_id = $F2;
	INSERT INTO structural_company (insats_id, name, places, joined_on) VALUES ($S2, 'Gränsvandring AB $$', 2, CURDATE());
	INSERT INTO structural_training (insats_id, held_on, attendees) VALUES ($S2, CURDATE(), 5)"
check "the second förbund exports a SUS batch" quiet "$BIN" sus-export -c "$VAR/stegvis.conf" --forbund EXEMPEL \
	--out "$LIB_TMP/sus.xml"

# rows_of F ASKER: the ids of förbund F's rows, one of each kind a route
# names. Each förbund has its own consent texts (sql/0073) and its own
# questionnaires (sql/0075).
# SUS batches are numbered per förbund: /api/sus/batcher/N is the asker's
# own batch N, so only a number the asker has not reached names F's batch
# (none, when the asker has exported more).
rows_of() {
	local f=$1 asker=$2
	REF=$(q "SELECT MAX(r.id) FROM referral r JOIN insats i ON i.id = r.insats_id WHERE i.forbund_id = $f")
	PART=$(q "SELECT MAX(p.id) FROM participation p JOIN insats i ON i.id = p.insats_id WHERE i.forbund_id = $f")
	CONS=$(q "SELECT MAX(c.id) FROM consent c JOIN referral r ON r.id = c.referral_id
		JOIN insats i ON i.id = r.insats_id WHERE i.forbund_id = $f")
	MID=$(q "SELECT MAX(m.id) FROM participation_midterm m JOIN participation p ON p.id = m.participation_id
		JOIN insats i ON i.id = p.insats_id WHERE i.forbund_id = $f")
	MID_PART=$(q "SELECT participation_id FROM participation_midterm WHERE id = $MID")
	STAFF=$(q "SELECT MIN(s.id) FROM staff s JOIN staff_role r ON r.staff_id = s.id AND r.role = 'admin'
		WHERE s.forbund_id = $f")
	ORG=$(q "SELECT MIN(id) FROM organisation WHERE forbund_id = $f AND kind = 'fk'")
	INS=$(q "SELECT MIN(id) FROM insats WHERE forbund_id = $f AND direction = 'individ' AND active = 1")
	STRUCT=$(q "SELECT MIN(id) FROM insats WHERE forbund_id = $f AND direction = 'struktur'")
	COMPANY=$(q "SELECT MAX(c.id) FROM structural_company c JOIN insats i ON i.id = c.insats_id WHERE i.forbund_id = $f")
	TRAINING=$(q "SELECT MAX(t.id) FROM structural_training t JOIN insats i ON i.id = t.insats_id WHERE i.forbund_id = $f")
	BATCH=$(q "SELECT IFNULL(MAX(batch_no), '') FROM sus_batch WHERE forbund_id = $f
		AND batch_no > (SELECT COALESCE(MAX(batch_no), 0) FROM sus_batch WHERE forbund_id = $asker)")
	CTEXT=$(q "SELECT MAX(id) FROM consent_text WHERE forbund_id = $f")
	QUEST=$(q "SELECT MAX(id) FROM questionnaire WHERE forbund_id = $f")
	local v
	for v in REF PART CONS MID MID_PART STAFF ORG INS STRUCT COMPANY TRAINING CTEXT; do
		check "förbund $f has a row for $v" test -n "${!v}" -a "${!v}" != NULL
	done
}

# path_with PATTERN REAL: the route's path with the other förbund's ids
# (REAL 1) or with ids that do not exist (0).
path_with() {
	local p=$1 real=$2 id
	case "$p" in
	/admin/konton/*) id=$STAFF ;;
	/admin/organisationer/*) id=$ORG ;;
	/admin/insatser/:id/strukturmal) id=$STRUCT ;;
	/admin/insatser/*) id=$INS ;;
	/admin/samtyckestexter/*) id=$CTEXT ;;
	/admin/enkater/*) id=$QUEST ;;
	/ansokningar/* | /inkorg/* | /samtycken/ansokan/*) id=$REF ;;
	/deltagande/:id/mittuppfoljning/:mid) id=$MID_PART ;;
	/deltagande/*) id=$PART ;;
	/samtycken/*) id=$CONS ;;
	/rapporter/texter/*) id=$INS ;;
	/struktur/foretag/*) id=$COMPANY ;;
	/struktur/utbildning/*) id=$TRAINING ;;
	/struktur/*) id=$STRUCT ;;
	/api/sus/batcher/*) id=$BATCH ;;
	*) return 1 ;;
	esac
	[ -n "$id" ] || return 1
	[ "$real" = 1 ] || id=$NONE
	p=${p//:id/$id}
	if [ "$real" = 1 ]; then p=${p//:mid/$MID}; else p=${p//:mid/$NONE}; fi
	echo "$p"
}

# ask ROLE METHOD PATH: the status for the asking förbund's ROLE account.
ask() {
	local role=$1 method=$2 path=$3
	if [ "$role" = integration ]; then
		if [ "$method" = POST ]; then
			fetch -H "Authorization: Bearer $TOKEN" --data "x=1" "$BASE$path"
		else
			fetch -H "Authorization: Bearer $TOKEN" "$BASE$path"
		fi
	elif [ "$method" = POST ]; then
		apost "${WHO[$role]}" "$path" --data "x=1"
	else
		aget "${WHO[$role]}" "$path"
	fi
}

TABLES="referral, referral_person, participation, participation_person, participation_midterm, consent,
	consent_party, staff, staff_role, staff_insats, organisation, insats, insats_goal, structural_company,
	structural_training, structural_goal, consent_text, questionnaire, report_text, sus_batch"
sum_tables() { sql_admin "CHECKSUM TABLE $TABLES" | awk '{ print $2 }' | paste -sd,; }

# walk FROM TO: FROM's accounts ask every route with an id with TO's ids.
declare -A WHO
walk() {
	local from=$1 to=$2 method pattern roles role got want real none before bad="" asked=0
	read -r WHO[admin] WHO[remittent] WHO[insatspersonal] WHO[forbund] WHO[integration] <<< "${ACCOUNTS[$from]}"
	for role in admin remittent insatspersonal forbund; do
		eq "förbund $from's $role (${WHO[$role]}) logs in" "$(as "${WHO[$role]}")" 303
	done
	TOKEN=$(new_api_token "${WHO[integration]}")
	rows_of "$to" "$from"
	before=$(sum_tables)
	while read -r method pattern roles; do
		case "$roles" in public) continue ;; esac
		real=$(path_with "$pattern" 1) || continue
		none=$(path_with "$pattern" 0)
		for role in ${roles//,/ }; do
			got=$(ask "$role" "$method" "$real")
			if [ "$method" = GET ] && ! body_has_no_pnr; then
				bad="$bad $role:$method:$real=personnummer"
			fi
			want=$(ask "$role" "$method" "$none")
			asked=$((asked + 1))
			[ "$got" = "$want" ] || bad="$bad $role:$method:$real=$got(no-row:$want)"
		done
	done < <("$BIN" routes | grep ':' | grep -v '^HEAD ')
	check "förbund $from -> $to: every route with an id was asked ($asked requests)" test "$asked" -ge 70
	eq "förbund $from -> $to: the other förbund's ids answer as no row at all, and show no personnummer" "$bad" ""
	eq "förbund $from -> $to: nothing changed" "$(sum_tables)" "$before"
}
walk "$F2" "$F1"
walk "$F1" "$F2"
INS=$(insats_id_of "Friska Vindar 2.0")
ORG=$(org_id_of Försäkringskassan)

# --- The installation's settings (one set for every förbund still): only
# the installation's own förbund's admin
eq "the demo admin logs in" "$(as admin)" 303
bad=""
# (Gallring and questionnaires are each förbund's own since sql/0074 and
# 0075: test_forbund_gallring.sh, test_forbund_quest_defs.sh.)
for path in /admin/kodlistor /admin/kodlistor/utbildning; do
	got=$(aget "admin.exempel" "$path")
	[ "$got" = 403 ] || bad="$bad second:$path=$got"
	got=$(aget admin "$path")
	[ "$got" = 200 ] || bad="$bad demo:$path=$got"
done
eq "the installation's settings: 403 for the second förbund's admin, 200 for the demo's" "$bad" ""

# --- No referral across: the form offers only the own förbund's insatser,
# and a demo insats's id posted anyway is refused, nothing stored.
aget "remittent.exempel" /ansokningar/ny > /dev/null
check "the second förbund's remittent is not offered a demo insats" body_lacks "Friska Vindar"
refs_before=$(refs)
FULL=("personnummer=$(dash "$(pnr 19790301)")" "fornamn=Gräns$$" "efternamn=Förbund" "kon=kvinna"
	"adress=Storgatan 1" "postnummer=46130" "ort=Testby" "telefon=0520-49 70 00" "kommun=Trollhättan"
	"insats=$INS" "visa_datum=$TODAY" "forsorjning=sjukpenning" "sjukskrivning=50" "tid_forsorjning=1_4"
	"utbildning=gymnasium" "bakgrund=B" "mal=M" "behov=B" "provat=P" "samtycke_vid_visa=1")
build FULL "atgard=skicka"
got=$(apost "remittent.exempel" /ansokningar/ny "${ARGS[@]}")
eq "a referral to a demo insats is refused" "$got" 400
check "... with the form's insats message" body_has "Välj en insats i listan."
eq "... and nothing stored" "$(refs)" "$refs_before"
# A referral to its own insats, naming a demo remittent as medremittent in
# a demo organisation: neither is the second förbund's to name.
aget "remittent.exempel" /ansokningar/ny > /dev/null
check "the form offers no demo organisation" body_lacks "Trollhättans Stad"
build FULL "insats=$(insats_id_of "Steg framåt")" "atgard=skicka" "med1_org=$ORG" "med1_namn=Demo Handläggare" "med1_konto=remittent.fk"
got=$(apost "remittent.exempel" /ansokningar/ny "${ARGS[@]}")
eq "a demo remittent as medremittent is refused" "$got" 400
check "... the demo organisation is not in the list" body_has "Välj en organisation i listan."
check "... nor the demo account a remittent here" body_has "Det finns inget aktivt remittentkonto med det användarnamnet."
eq "... and nothing stored" "$(refs)" "$refs_before"
# And the other way: the first förbund's remittent, the second's insats.
eq "remittent.fk logs in" "$(as remittent.fk)" 303
aget remittent.fk /ansokningar/ny > /dev/null
check "the first förbund's remittent is not offered the second's insats" body_lacks "Steg framåt"
build FULL "insats=$(insats_id_of "Steg framåt")" "atgard=skicka"
got=$(apost remittent.fk /ansokningar/ny "${ARGS[@]}")
eq "a referral to the second förbund's insats is refused" "$got" 400
eq "... and nothing stored" "$(refs)" "$refs_before"
done_testing
