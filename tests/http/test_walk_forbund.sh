# Two förbund, every route with an id (issue 20): a second förbund's
# accounts, one per role, ask every route that takes an id with the demo
# förbund's real ids. Another förbund's row must be indistinguishable from
# no row at all: the status is the one the same account gets for an id
# that does not exist, no page shows a personnummer, and no POST changes
# anything of the demo förbund's.
#
# The second förbund is made by `stegvis forbund-add` and SQL (its
# accounts), and is inactive again at the end. The file runs after the SUS
# tests (its name), so that the demo förbund has a SUS batch to ask for.
. "$(dirname "$0")/lib.sh"

P=t_fm_$$
NONE=999999999
OUT="$LIB_TMP/forbund-add.out"

# --- The second förbund and one account per role
"$BIN" forbund-add -c "$VAR/stegvis.conf" --name "Samordningsförbundet $P" --short "FM$$" \
	--host "fm-$$.test" --admin "${P}_admin" --admin-name "Admin $P" > "$OUT" 2>&1
eq "a second förbund is created" "$?" 0
F2=$(sed -n -E 's/^förbund ([0-9]+) created.*/\1/p' "$OUT")
forbund_off_at_exit "$F2"
O2=$(office_of "$F2")
give_password "${P}_admin"
q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name, slug, description, location,
	target_groups, direction, measurement, period_start, places, summary_due_days, active)
	VALUES ($F2, $O2, 'Insats $P', 'IM $$', 't-fm-$$', 'B', 'Testby', 'Alla', 'individ',
	'personuppgifter', '2024-01-01', 10, 21, 0)"
I2=$(q "SELECT id FROM insats WHERE slug = 't-fm-$$'")
mk_account "${P}_rem" "$O2" remittent
mk_account "${P}_pers" "$O2" insatspersonal
q "INSERT INTO staff_insats (staff_id, insats_id) SELECT id, $I2 FROM staff WHERE username = '${P}_pers'"
mk_account "${P}_chef" "$O2" forbund
mk_account "${P}_int" "$O2" integration
TOKEN=$(new_api_token "${P}_int")
declare -A WHO=([admin]=${P}_admin [remittent]=${P}_rem [insatspersonal]=${P}_pers [forbund]=${P}_chef)
for role in admin remittent insatspersonal forbund; do
	eq "the second förbund's $role logs in" "$(as "${WHO[$role]}")" 303
done

# --- The demo förbund's real rows, one of each kind a route names
one() { q "SELECT MAX(id) FROM $1"; }
REF=$(one referral)
PART=$(one participation)
CONS=$(one consent)
MID=$(q "SELECT MAX(id) FROM participation_midterm")
MID_PART=$(q "SELECT participation_id FROM participation_midterm WHERE id = $MID")
STAFF=$(staff_id_of admin)
ORG=$(org_id_of Försäkringskassan)
INS=$(insats_id_of "Friska Vindar 2.0")
STRUCT=$(insats_id_of Praktikplatssamordnare)
COMPANY=$(one structural_company)
TRAINING=$(one structural_training)
CTEXT=$(one consent_text)
QUEST=$(one questionnaire)
BATCH=$(q "SELECT IFNULL(MAX(batch_no), '') FROM sus_batch WHERE forbund_id = 1")
for v in REF PART CONS MID MID_PART STAFF ORG INS STRUCT COMPANY TRAINING CTEXT QUEST BATCH; do
	check "the demo förbund has a row for $v" test -n "${!v}"
done

# path_with PATTERN REAL: the route's path with the demo förbund's ids (REAL
# 1) or with ids that do not exist (0).
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

# ask ROLE METHOD PATH: the status for the second förbund's ROLE account.
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
before=$(sum_tables)

bad="" asked=0
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
check "every route with an id was asked ($asked requests)" test "$asked" -ge 70
eq "the demo förbund's ids answer as no row at all, and show no personnummer" "$bad" ""
eq "nothing of the demo förbund's changed" "$(sum_tables)" "$before"

# --- The installation's settings (one set for every förbund still): only
# the installation's own förbund's admin
eq "the demo admin logs in" "$(as admin)" 303
bad=""
for path in /admin/kodlistor /admin/kodlistor/utbildning /admin/samtyckestexter \
	"/admin/samtyckestexter/$CTEXT" /admin/enkater /admin/gallring; do
	got=$(aget "${P}_admin" "$path")
	[ "$got" = 403 ] || bad="$bad second:$path=$got"
	got=$(aget admin "$path")
	[ "$got" = 200 ] || bad="$bad demo:$path=$got"
done
got=$(apost "${P}_admin" /admin/gallring --data "x=1")
[ "$got" = 403 ] || bad="$bad second:POST:/admin/gallring=$got"
eq "the installation's settings: 403 for the second förbund's admin, 200 for the demo's" "$bad" ""

# --- No referral across: the form offers only the own förbund's insatser,
# and a demo insats's id posted anyway is refused, nothing stored.
aget "${P}_rem" /ansokningar/ny > /dev/null
check "the second förbund's remittent is not offered a demo insats" body_lacks "Friska Vindar"
refs_before=$(refs)
FULL=("personnummer=$(dash "$(pnr 19790301)")" "fornamn=Gräns$$" "efternamn=Förbund" "kon=kvinna"
	"adress=Storgatan 1" "postnummer=46130" "ort=Testby" "telefon=0520-49 70 00" "kommun=Trollhättan"
	"insats=$INS" "visa_datum=$TODAY" "forsorjning=sjukpenning" "sjukskrivning=50" "tid_forsorjning=1_4"
	"utbildning=gymnasium" "bakgrund=B" "mal=M" "behov=B" "provat=P" "samtycke_vid_visa=1")
build FULL "atgard=skicka"
got=$(apost "${P}_rem" /ansokningar/ny "${ARGS[@]}")
eq "a referral to a demo insats is refused" "$got" 400
check "... with the form's insats message" body_has "Välj en insats i listan."
eq "... and nothing stored" "$(refs)" "$refs_before"
# A referral to its own insats, naming a demo remittent as medremittent in
# a demo organisation: neither is the second förbund's to name.
aget "${P}_rem" /ansokningar/ny > /dev/null
check "the form offers no demo organisation" body_lacks "Trollhättans Stad"
q "UPDATE insats SET active = 1 WHERE id = $I2"
build FULL "insats=$I2" "atgard=skicka" "med1_org=$ORG" "med1_namn=Demo Handläggare" "med1_konto=remittent.fk"
got=$(apost "${P}_rem" /ansokningar/ny "${ARGS[@]}")
q "UPDATE insats SET active = 0 WHERE id = $I2"
eq "a demo remittent as medremittent is refused" "$got" 400
check "... the demo organisation is not in the list" body_has "Välj en organisation i listan."
check "... nor the demo account a remittent here" body_has "Det finns inget aktivt remittentkonto med det användarnamnet."
eq "... and nothing stored" "$(refs)" "$refs_before"
done_testing
