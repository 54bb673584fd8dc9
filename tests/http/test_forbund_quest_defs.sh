# Two förbund in one installation, the questionnaire definitions (issue
# 20, sql/0075): each förbund has its own. A new förbund starts with
# copies of the first förbund's active ones; its admin imports and
# manages its own at /admin/enkater, and nothing it does there changes the
# demo's (A's); each förbund's codes open only its own definitions, and
# its report lists its own.
#
# A second förbund B is made here with an admin, a chief and a staff
# member. B's admin imports a new version of the participants' survey
# with a wording of its own: B's becomes that, A's stays as it was, and
# A's staff's tablet codes still open A's version.
. "$(dirname "$0")/lib.sh"

P=t_fqd_$$
TMP=$LIB_TMP/defs
mkdir -p "$TMP"
A=$(forbund_id_of SOFTLEG)
# defs F: förbund F's definitions, one line each: code|version|active|hash.
defs() {
	q "SELECT CONCAT_WS('|', code, version, is_active, HEX(source_hash)) FROM questionnaire
		WHERE forbund_id = $1 ORDER BY code, version"
}
# active F CODE: the id of förbund F's active version of CODE.
active() { q "SELECT id FROM questionnaire WHERE forbund_id = $1 AND code = '$2' AND is_active = 1"; }
A_BEFORE=$(defs "$A")
A_ACTIVE=$(q "SELECT CONCAT_WS('|', code, version, 1, HEX(source_hash)) FROM questionnaire
	WHERE forbund_id = $A AND is_active = 1 ORDER BY code, version")
A_ITEMS=$(q "SELECT COUNT(*) FROM questionnaire_item i JOIN questionnaire qq ON qq.id = i.questionnaire_id
	WHERE qq.forbund_id = $A")

mk_forbund FB "FQD$$"
OB=$(office_of "$FB")
mk_account "${P}_adm" "$OB" admin "Admin Definitionsförbundet"
mk_account "${P}_chef" "$OB" forbund "Chef Definitionsförbundet"

# --- A new förbund's questionnaires: copies of A's active ones
eq "B starts with A's active questionnaires (the same files, active)" "$(defs "$FB")" "$A_ACTIVE"
eq "... with every item, option, text and language" \
	"$(q "SELECT CONCAT_WS('|', (SELECT COUNT(*) FROM questionnaire_item i JOIN questionnaire qq ON qq.id = i.questionnaire_id
		WHERE qq.forbund_id = $FB), (SELECT COUNT(*) FROM questionnaire_option o JOIN questionnaire_item i ON i.id = o.item_id
		JOIN questionnaire qq ON qq.id = i.questionnaire_id WHERE qq.forbund_id = $FB),
		(SELECT COUNT(*) FROM questionnaire_text t JOIN questionnaire qq ON qq.id = t.questionnaire_id WHERE qq.forbund_id = $FB),
		(SELECT COUNT(*) FROM questionnaire_language l JOIN questionnaire qq ON qq.id = l.questionnaire_id WHERE qq.forbund_id = $FB))")" \
	"$(q "SELECT CONCAT_WS('|', (SELECT COUNT(*) FROM questionnaire_item i JOIN questionnaire qq ON qq.id = i.questionnaire_id
		WHERE qq.forbund_id = $A AND qq.is_active = 1), (SELECT COUNT(*) FROM questionnaire_option o JOIN questionnaire_item i ON i.id = o.item_id
		JOIN questionnaire qq ON qq.id = i.questionnaire_id WHERE qq.forbund_id = $A AND qq.is_active = 1),
		(SELECT COUNT(*) FROM questionnaire_text t JOIN questionnaire qq ON qq.id = t.questionnaire_id WHERE qq.forbund_id = $A AND qq.is_active = 1),
		(SELECT COUNT(*) FROM questionnaire_language l JOIN questionnaire qq ON qq.id = l.questionnaire_id WHERE qq.forbund_id = $A AND qq.is_active = 1))")"

# --- B's admin manages its own at /admin/enkater
eq "B's admin logs in" "$(as "${P}_adm")" 303
eq "B's admin's overview" "$(aget "${P}_adm" /admin)" 200
check "... links the questionnaires" grep -q 'href="/admin/enkater"' "$BODY"
eq "B's admin: /admin/enkater" "$(aget "${P}_adm" /admin/enkater)" 200
BQ=$(active "$FB" deltagare_pagaende)
AQ=$(active "$A" deltagare_pagaende)
check "... lists B's own (the managers' survey's links form)" grep -q "/admin/enkater/$(active "$FB" chefer)/lankar" "$BODY"
check "... and none of A's" bash -c '! grep -q "/admin/enkater/$1/lankar" "$2"' _ "$(active "$A" chefer)" "$BODY"

V=$(( $(q "SELECT MAX(version) FROM questionnaire WHERE code = 'deltagare_pagaende'") + 1 ))
sed "s/id=\"deltagare_pagaende\" version=\"1\"/id=\"deltagare_pagaende\" version=\"$V\"/; s/Hur går det i insatsen? (exempel)/Hur går det i Definitionsförbundet $$?/" \
	"$ROOT/conf/questionnaires/deltagare_pagaende.xml" > "$TMP/b.xml"
eq "B's admin imports a new version of the participants' survey" \
	"$(apost "${P}_adm" /admin/enkater --data-urlencode "xml@$TMP/b.xml")" 200
check "... is told so" grep -q "deltagare_pagaende version $V är inläst" "$BODY"
BQ2=$(active "$FB" deltagare_pagaende)
eq "... B's active version is the new one" "$(q "SELECT CONCAT(forbund_id, '|', version) FROM questionnaire WHERE id = ${BQ2:-0}")" "$FB|$V"
eq "... B's old version is kept, inactive" "$(q "SELECT is_active FROM questionnaire WHERE id = $BQ")" 0
eq "A's questionnaires are as they were" "$(defs "$A")" "$A_BEFORE"
eq "... A's active participants' survey the same row" "$(active "$A" deltagare_pagaende)" "$AQ"
eq "... and A's items too" "$(q "SELECT COUNT(*) FROM questionnaire_item i JOIN questionnaire qq ON qq.id = i.questionnaire_id
	WHERE qq.forbund_id = $A")" "$A_ITEMS"
eq "the same file again: B's admin is told it is there" \
	"$(apost "${P}_adm" /admin/enkater --data-urlencode "xml@$TMP/b.xml")" 200
check "... unchanged" grep -q "deltagare_pagaende version $V fanns redan, oförändrad" "$BODY"
# The same version number is B's alone: A may load it with its own content.
eq "the import's access-log row is B's" \
	"$(q "SELECT forbund_id FROM audit_log WHERE object_type = 'questionnaire' AND object_id = $BQ2 ORDER BY id DESC LIMIT 1")" "$FB"

# --- Another förbund's definition by id: as one that does not exist
# (codes counted before and after: an earlier test may have made links to
# A's survey a moment ago).
chefer_codes() { q "SELECT COUNT(*) FROM questionnaire_code WHERE questionnaire_id IN
	($(active "$A" chefer), $(active "$FB" chefer))"; }
CODES_BEFORE=$(chefer_codes)
eq "B's admin: links to A's survey by its id are a 404" \
	"$(apost "${P}_adm" "/admin/enkater/$(active "$A" chefer)/lankar" --data-urlencode antal=1)" 404
eq "A's admin logs in" "$(as admin)" 303
eq "A's admin: links to B's survey by its id are a 404" \
	"$(apost admin "/admin/enkater/$(active "$FB" chefer)/lankar" --data-urlencode antal=1)" 404
eq "... no code made for either" "$(chefer_codes)" "$CODES_BEFORE"
eq "A's admin: /admin/enkater" "$(aget admin /admin/enkater)" 200
check "... does not list B's" bash -c '! grep -q "/admin/enkater/$1/lankar" "$2"' _ "$BQ2" "$BODY"
check "... nor B's wording" bash -c '! grep -q "Definitionsförbundet $$" "$1"' _ "$BODY"

# --- A's staff's codes open A's version
FV_INSATS=$(insats_id_of "Friska Vindar 2.0")
PID=$(q "SELECT p.id FROM participation p WHERE p.insats_id = $FV_INSATS AND p.status = 'inskriven' ORDER BY p.id LIMIT 1 OFFSET 3")
log_in FV personal.fv
expect_status "A's staff: the participation page" 200 -b "$FV" "$BASE/deltagande/$PID"
check "... offers A's participants' survey" grep -q "value=\"$AQ\"" "$BODY"
check "... and not B's" bash -c '! grep -q "value=\"$1\"" "$2"' _ "$BQ2" "$BODY"
codes() { q "SELECT COUNT(*) FROM questionnaire_code WHERE insats_id = $FV_INSATS"; }
c0=$(codes)
eq "A's staff posting an id no questionnaire has: refused" "$(post "$FV" "/deltagande/$PID/enkat" -d "enkat=999999999")" 400
cp "$BODY" "$TMP/none"
eq "A's staff posting B's survey's id: refused as that" "$(post "$FV" "/deltagande/$PID/enkat" -d "enkat=$BQ2")" 400
check "... the same page" cmp -s <(sed 's/value="[0-9a-f]\{64\}"//g' "$BODY") <(sed 's/value="[0-9a-f]\{64\}"//g' "$TMP/none")
eq "... no code made" "$(codes)" "$c0"
eq "A's staff opens A's survey for a tablet" "$(post "$FV" "/deltagande/$PID/enkat" -d "enkat=$AQ")" 200
CODE=$(grep -o 'name="kod" value="[0-9]\{8\}' "$BODY" | sed 's/.*value="//')
check "... an 8-digit code" test "${#CODE}" = 8
eq "... the code opens A's version" "$(q "SELECT CONCAT(questionnaire_id, '|', forbund_id) FROM questionnaire_code
	WHERE insats_id = $FV_INSATS ORDER BY id DESC LIMIT 1")" "$AQ|$A"
T=$(new_jar)
tablet "$T"
expect_status "the code on the tablet" 303 -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d "kod=$CODE" "$BASE/surfplatta"
expect_status "... Swedish" 303 -c "$T" -b "$T" --data-urlencode "csrf=$KC" -d sprak=sv "$BASE/enkat/sprak"
expect_status "... the first question" 200 -c "$T" -b "$T" "$BASE/enkat/fraga/1"
check "... A's wording" grep -q "Hur går det i insatsen? (exempel)" "$BODY"
check "... not B's" bash -c '! grep -q "Definitionsförbundet $$" "$1"' _ "$BODY"
eq "a code can open no other förbund's definition (the database refuses it)" \
	"$(q "INSERT INTO questionnaire_code (code_hash, kind, questionnaire_id, expires_at, forbund_id)
		VALUES (RANDOM_BYTES(32), 'surfplatta', $BQ2, UTC_TIMESTAMP() + INTERVAL 1 HOUR, $A)" 2>&1 | grep -c 'foreign key')" 1

# --- Each report lists its own förbund's definitions
eq "B's chief logs in" "$(as "${P}_chef")" 303
eq "B's chief: the report" "$(aget "${P}_chef" "/rapporter?insats=0&period=ar&ar=${TODAY:0:4}")" 200
check "... lists B's wording of the participants' survey" grep -q "Definitionsförbundet $$" "$BODY"
eq "A's chief logs in" "$(as forbund)" 303
eq "A's chief: the report" "$(aget forbund "/rapporter?insats=0&period=ar&ar=${TODAY:0:4}")" 200
check "... lists A's" grep -q "Hur går det i insatsen? (exempel)" "$BODY"
check "... not B's" bash -c '! grep -q "Definitionsförbundet $$" "$1"' _ "$BODY"

# --- The command line: a förbund named, else refused with several active
out=$("$BIN" questionnaire-import -c "$VAR/stegvis.conf" "$TMP/b.xml" 2>&1)
rc=$?
check "questionnaire-import without --forbund with several förbund active: refused" test "$rc" -ne 0
check "... naming them ($out)" grep -q "FQD$$" <<< "$out"
out=$("$BIN" questionnaire-import -c "$VAR/stegvis.conf" --forbund "$FB" "$TMP/b.xml" 2>&1)
check "with --forbund B (its id): already loaded ($out)" grep -q "already loaded" <<< "$out"
eq "A's questionnaires still as they were" "$(defs "$A")" "$A_BEFORE"
done_testing
