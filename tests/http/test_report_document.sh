# The whole delårsrapport as one document (README "The delårsrapport"):
# every insats of the förbund for the period, each with the same figures
# the report page shows for it and the texts its staff wrote; the texts'
# versioned edit, who may write them, and the access log.
. "$(dirname "$0")/lib.sh"

FV=$(insats_id_of "Friska Vindar 2.0")
TRAMP=$(insats_id_of "Trampolinen TH")
FROM=2021-01-01 TO=2021-08-31
DOC="/rapporter/delarsrapport?period=jan-aug&ar=2021"
eq "forbund logs in" "$(as forbund)" 303
eq "personal.fv logs in" "$(as personal.fv)" 303
eq "personal.tramp logs in" "$(as personal.tramp)" 303
eq "admin logs in" "$(as admin)" 303

# section BODYFILE ID: one insats's part of the document, figures only
# (from its heading to its texts).
section() {
	perl -0777 -e '
		local $/; open(my $f, "<", $ARGV[0]) or die; my $h = <$f>;
		my $id = $ARGV[1];
		$h =~ /<section class="doc-insats" id="insats-\Q$id\E"(.*?)<section class="doc-texts"/s or exit 1;
		print $1;' "$1" "$2"
}
# figures: every table cell and chart text alternative of HTML on stdin,
# one per line, tags dropped (the numbers a reader sees, in order).
figures() {
	perl -0777 -ne '
		while (/<(td|desc)\b[^>]*>(.*?)<\/\1>/sg) {
			(my $t = $2) =~ s/<[^>]*>//g; $t =~ s/\s+/ /g; print "$t\n";
		}'
}

# --- 1. The document has every insats of the period, and only those.
eq "the document answers the förbund" "$(aget forbund "$DOC")" 200
cp "$BODY" "$LIB_TMP/doc"
want=$(q "SELECT i.name FROM insats i JOIN forbund f ON f.id = i.forbund_id
	WHERE f.short_name = 'SOFTLEG' AND i.period_start <= '$TO'
	AND (i.period_end IS NULL OR i.period_end >= '$FROM') ORDER BY i.name, i.id")
got=$(perl -ne 'print "$1\n" while /<h2 id="insats-\d+-rubrik">([^<]*)</g' "$LIB_TMP/doc")
eq "every insats of January-August 2021, by name" "$got" "$want"
check "the period's insatser include Friska Vindar 2.0" grep -q '^Friska Vindar 2.0$' <<< "$got"
toc=$(perl -ne 'print "$1\n" while /<li><a href="#insats-\d+">([^<]*)</g' "$LIB_TMP/doc")
eq "the cover's table of contents lists them" "$toc" "$want"
check "the cover names the förbund and the period" \
	grep -q 'Samordningsförbundet Trollhättan Lilla Edet Grästorp' "$LIB_TMP/doc"
check "the cover names the period" grep -q 'Januari–augusti 2021' "$LIB_TMP/doc"
check "no form in the document but the screen's period chooser" \
	test "$(grep -c '<form' "$LIB_TMP/doc")" -eq 1
check "the period chooser is for the screen only" grep -q 'class="doc-tools no-print"' "$LIB_TMP/doc"
ids=$(grep -o ' id="[^"]*"' "$LIB_TMP/doc" | sort | uniq -d)
eq "no element id twice in the document" "$ids" ""

# --- 2. Each insats's figures are the report page's figures for it.
for id in $(q "SELECT i.id FROM insats i JOIN forbund f ON f.id = i.forbund_id
	WHERE f.short_name = 'SOFTLEG' AND i.direction = 'individ' AND i.period_start <= '$TO' AND (i.period_end IS NULL OR i.period_end >= '$FROM')"); do
	name=$(q "SELECT name FROM insats WHERE id = $id")
	section "$LIB_TMP/doc" "$id" | figures > "$LIB_TMP/doc.$id"
	aget forbund "/rapporter?insats=$id&period=jan-aug&ar=2021" > /dev/null
	perl -0777 -ne '/(<section class="report-section" aria-labelledby="mal-rubrik".*)/s and print $1' \
		"$BODY" | figures > "$LIB_TMP/page.$id"
	check "$name: the report's figures are there" test "$(wc -l < "$LIB_TMP/page.$id")" -gt 40
	if cmp -s "$LIB_TMP/doc.$id" "$LIB_TMP/page.$id"; then
		ok "$name: every figure and chart text equals the report page's"
	else
		not_ok "$name: figures differ from the report page: $(diff "$LIB_TMP/page.$id" "$LIB_TMP/doc.$id" | head -4 | tr '\n' ' ')"
	fi
done
# Hidden cells stay hidden: the page's "×" are the document's.
eq "Friska Vindar 2.0: as many hidden figures as on its page" \
	"$(grep -c '×' "$LIB_TMP/doc.$FV")" "$(grep -c '×' "$LIB_TMP/page.$FV")"

# --- 3. Texts: the demo's, after the figures of their own insats.
fvtext=$(perl -0777 -ne "/id=\"insats-$FV\"(.*?)(<section class=\"doc-insats\"|\$)/s and print \$1" "$LIB_TMP/doc")
start=$(q "SELECT LEFT(bakgrund, 11) FROM report_text WHERE insats_id = $FV AND year = 2021 AND period = 'jan-aug'")
check "Friska Vindar 2.0 has a demo text" test -n "$start"
check "… in its own part of the document" grep -qF "<h4>Bakgrund</h4>
<div class=\"doc-text\">$start" <<< "$fvtext"
check "under the seed's headings" grep -q '<h4>Samverkan mellan myndigheter</h4>' <<< "$fvtext"
check "after its figures" perl -0777 -e 'exit(index($ARGV[0], "mal-rubrik") < index($ARGV[0], "doc-texts") ? 0 : 1)' "$fvtext"
check "signed with who saved them last" grep -q 'Senast ändrad [0-9-]* av ' <<< "$fvtext"

# --- 4. Writing: own insats yes, another's no, stale refused keeping input.
FORM="/rapporter/texter/$FV?period=jan-aug&ar=2021"
eq "personal.fv opens Friska Vindar's text" "$(aget personal.fv "$FORM")" 200
v0=$(page_version version)
eq "the form carries the stored version" "$v0" "$(q "SELECT version FROM report_text WHERE insats_id = $FV AND year = 2021 AND period = 'jan-aug'")"
# save USER INSATS VERSION BAKGRUND SAMVERKAN HORISONTELLA RESULTAT
# INDIKATORER [PERIOD YEAR]: POST the text form; prints the status.
save() {
	apost "$1" "/rapporter/texter/$2" --data-urlencode "period=${9:-jan-aug}" \
		--data-urlencode "ar=${10:-2021}" --data-urlencode "version=$3" \
		--data-urlencode "bakgrund=$4" --data-urlencode "samverkan=$5" \
		--data-urlencode "horisontella=$6" --data-urlencode "resultat=$7" \
		--data-urlencode "indikatorer=$8"
}
fvrow() { q "SELECT CONCAT(version, '|', bakgrund, '|', horisontella) FROM report_text WHERE insats_id = $FV AND year = 2021 AND period = 'jan-aug'"; }
eq "personal.fv saves it (303)" "$(save personal.fv "$FV" "$v0" "A $$" "S $$" "H $$" "R $$" "I $$")" 303
eq "… back to the list of texts" "$(location)" "/rapporter/texter?period=jan-aug&ar=2021&sparat=$FV"
eq "stored, a new version" "$(fvrow)" "$((v0 + 1))|A $$|H $$"
mark="Ny bakgrund $$ <b>fet</b> & mer"
audits0=$(audits "object_type = 'report_text' AND object_id = $FV")
eq "a second save (303)" "$(save personal.fv "$FV" "$((v0 + 1))" "$mark" "S $$" "" "Resultat $$" "I $$")" 303
eq "stored, the next version" "$(fvrow)" "$((v0 + 2))|$mark|"
eq "the whole version in the history, by personal.fv" \
	"$(q "SELECT CONCAT(h.bakgrund, '|', h.samverkan, '|', h.resultat, '|', s.username) FROM report_text_history h JOIN report_text t ON t.id = h.report_text_id JOIN staff s ON s.id = h.staff_id WHERE t.insats_id = $FV AND t.year = 2021 AND t.period = 'jan-aug' AND h.version = $((v0 + 2))")" \
	"$mark|S $$|Resultat $$|personal.fv"
eq "one audit row" "$(audits "object_type = 'report_text' AND object_id = $FV")" "$((audits0 + 1))"
eq "… naming the period and the changed sections" \
	"$(q "SELECT detail FROM audit_log WHERE object_type = 'report_text' AND object_id = $FV ORDER BY id DESC LIMIT 1")" \
	"2021 jan-aug: bakgrund, horisontella, resultat"
eq "saving the same again changes nothing (303)" "$(save personal.fv "$FV" "$((v0 + 2))" "$mark" "S $$" "" "Resultat $$" "I $$")" 303
eq "… no new version, no audit row" "$(fvrow)|$(audits "object_type = 'report_text' AND object_id = $FV")" "$((v0 + 2))|$mark||$((audits0 + 1))"

# A form read before the last save: someone saved in between.
stale="Min egen text $$ som inte får försvinna"
eq "a stale version is refused (409)" "$(save personal.fv "$FV" "$((v0 + 1))" "$stale" "" "" "" "")" 409
expect_body "… keeping what was typed in its field" ">$stale</textarea>"
expect_body "… saying why" "Någon annan har ändrat uppgifterna"
expect_body "… showing what is stored now" "Ny bakgrund $$ &lt;b&gt;fet&lt;/b&gt; &amp; mer"
eq "… the form now carries the stored version" "$(page_version version)" "$((v0 + 2))"
eq "… and nothing was written" "$(fvrow)" "$((v0 + 2))|$mark|"

# Another insats's staff: neither the form nor a save.
eq "personal.tramp may not open Friska Vindar's text (403)" "$(aget personal.tramp "$FORM")" 403
eq "personal.tramp may not save it (403)" \
	"$(save personal.tramp "$FV" "$((v0 + 2))" "Trampolinens text" "" "" "" "")" 403
eq "… nothing changed" "$(fvrow)" "$((v0 + 2))|$mark|"
aget personal.tramp "/rapporter/texter?period=jan-aug&ar=2021" > /dev/null
check "personal.tramp's list has its own insats" body_has "/rapporter/texter/$TRAMP?"
check "… and not Friska Vindar" body_lacks "/rapporter/texter/$FV?"
YQ=$(( $(date +%Y) - 1 ))
v=$(q "SELECT IFNULL(MAX(version), 0) FROM report_text WHERE insats_id = $TRAMP AND year = $YQ AND period = 'q3'")
eq "personal.tramp writes its own insats's (303)" \
	"$(save personal.tramp "$TRAMP" "$v" "Trampolinen $$" "" "" "" "" q3 "$YQ")" 303
eq "… stored" "$(q "SELECT CONCAT(version, '|', bakgrund) FROM report_text WHERE insats_id = $TRAMP AND year = $YQ AND period = 'q3'")" "$((v + 1))|Trampolinen $$"
eq "the admin may write any insats's text" "$(aget admin "/rapporter/texter/$TRAMP?period=q3&ar=2019")" 200
eq "free months have no texts (404)" "$(aget personal.fv "/rapporter/texter/$FV?period=fritt&ar=2021")" 404

# --- 5. The saved text in the document, escaped; access logged; refusals.
prints0=$(audits "action = 'print' AND object_type = 'report'")
eq "the document again" "$(aget forbund "$DOC")" 200
expect_body "the new text is in the document, escaped" "Ny bakgrund $$ &lt;b&gt;fet&lt;/b&gt; &amp; mer"
eq "each document is one 'print' row in the access log" \
	"$(audits "action = 'print' AND object_type = 'report'")" "$((prints0 + 1))"
eq "… naming the period" "$(q "SELECT detail FROM audit_log WHERE action = 'print' AND object_type = 'report' ORDER BY id DESC LIMIT 1")" \
	"delårsrapport 2021-01-01..2021-08-31"
body_has_no_pnr && ok "no personnummer in the document" || not_ok "a personnummer in the document"
eq "free months: no document (400)" "$(aget forbund "/rapporter/delarsrapport?period=fritt&ar=2021")" 400
expect_body "… with the reason" "Välj ett helt år, januari–augusti eller ett kvartal."
eq "the admin may read the document" "$(aget admin "$DOC")" 200
eq "insats staff may not (403)" "$(aget personal.fv "$DOC")" 403

done_testing
