# The questionnaire import as a file upload (multipart/form-data) on
# /admin/enkater, through nginx: a 100 kB file is imported, a retry or a
# double click stores it once, a 600 kB file gets the loader's own Swedish
# message (not a 413), a body over the limit is nginx's Swedish 413, the
# paste still works, broken multipart bodies are a Swedish 400 and a
# multipart POST without the CSRF token is refused.
. "$(dirname "$0")/lib.sh"

TMP=$(mktemp -d)
at_exit 'rm -rf "$TMP"'
log_in AJ admin

# mpost JAR PATH [curl -F args…]: a multipart POST with the session's CSRF
# token; prints the status.
mpost() {
	local jar=$1 path=$2 csrf
	shift 2
	fetch -b "$jar" -c "$jar" "$BASE/start" > /dev/null
	csrf=$(form_csrf)
	fetch -b "$jar" -c "$jar" -F "csrf=$csrf" "$@" "$BASE$path"
}
# raw_mpost JAR FILE [CONTENT_TYPE]: FILE as the body, its "CSRF" replaced
# by the session's token; prints the status.
raw_mpost() {
	local jar=$1 file=$2 ct=${3:-multipart/form-data; boundary=XyZ} csrf
	fetch -b "$jar" -c "$jar" "$BASE/start" > /dev/null
	csrf=$(form_csrf)
	sed "s/CSRF/$csrf/" "$file" > "$file.sent"
	fetch -b "$jar" -c "$jar" -H "Content-Type: $ct" --data-binary "@$file.sent" "$BASE/admin/enkater"
}
# qfile VERSION BYTES OUT: remittent.xml as VERSION, padded with a comment
# of Swedish text to BYTES bytes.
qfile() {
	perl -e '
		my ($v, $n, $src) = @ARGV;
		open(my $f, "<:raw", $src) or die; local $/; my $x = <$f>;
		$x =~ s/id="remittent" version="1"/id="remittent" version="$v"/ or die;
		my $need = $n - length($x) - 10; # bytes; "<!--  -->\n" is 10 more
		my $pad = ("\xc3\xa5" x int($need / 2)) . ("x" x ($need % 2));
		$x =~ s/\n$/\n<!-- $pad -->\n/ or die;
		print $x;
	' "$1" "$2" "$ROOT/conf/questionnaires/remittent.xml" > "$3"
}
versions() { q "SELECT COUNT(*) FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'remittent' AND version = $1"; }

expect_status "the admin page" 200 -b "$AJ" "$BASE/admin/enkater"
expect_body "... takes a file" 'enctype="multipart/form-data"'
expect_body "... in a file field" '<input type="file" id="fil" name="fil"'
expect_body "... and says the loader's limit" "högst 512 kB"

# --- 100 kB as a file: imported, stored whole
V=$(q "SELECT MAX(version) + 1 FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'remittent'")
qfile "$V" 102400 "$TMP/100k.xml"
eq "the file is 100 kB" "$(stat -c %s "$TMP/100k.xml")" 102400
eq "a 100 kB file is imported" "$(mpost "$AJ" /admin/enkater -F "fil=@$TMP/100k.xml;type=text/xml" -F "xml=")" 200
expect_body "... and the page says so" "remittent version $V är inläst"
eq "... stored once" "$(versions "$V")" 1
eq "... whole, byte for byte" "$(q "SELECT LENGTH(source_xml) FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'remittent' AND version = $V")" 102400
eq "... audited" "$(audits "object_type = 'questionnaire' AND detail LIKE 'remittent version $V är inläst%'")" 1

# --- A retry of the same file, and a double click: one version
eq "the same file again" "$(mpost "$AJ" /admin/enkater -F "fil=@$TMP/100k.xml;type=text/xml")" 200
expect_body "... answers as the first did, creating nothing" "remittent version $V fanns redan, oförändrad"
eq "... still one" "$(versions "$V")" 1
V2=$((V + 1))
qfile "$V2" 50000 "$TMP/dbl.xml"
fetch -b "$AJ" -c "$AJ" "$BASE/start" > /dev/null
CSRF=$(form_csrf)
for i in 1 2 3; do
	curl -sS -o "$TMP/dbl$i.html" -w '%{http_code}\n' --max-time 20 -b "$AJ" \
		-F "csrf=$CSRF" -F "fil=@$TMP/dbl.xml;type=text/xml" "$BASE/admin/enkater" > "$TMP/dbl$i.code" &
done
wait
eq "three POSTs at once all answer 200" "$(cat "$TMP"/dbl?.code | sort -u | tr -d '\n')" 200
eq "... and store one version" "$(versions "$V2")" 1
eq "... one of them says it is loaded" "$(cat "$TMP"/dbl?.html | grep -c "remittent version $V2 är inläst")" 1

# --- 600 kB: the loader's message next to the file field, not a 413
before=$(q "SELECT COUNT(*) FROM questionnaire")
qfile $((V2 + 1)) 614400 "$TMP/600k.xml"
eq "a 600 kB file is refused with a 400" "$(mpost "$AJ" /admin/enkater -F "fil=@$TMP/600k.xml;type=text/xml")" 400
expect_body "... with the loader's own Swedish message" "Filen är för stor (högst 512 kB)."
expect_body "... next to the file field, naming the file" '<p class="error" id="fil-fel">600k.xml: Filen är för stor'
check "... not the 413 page" body_lacks "För mycket data"
eq "... and nothing is stored" "$(q "SELECT COUNT(*) FROM questionnaire")" "$before"
head -c 2000000 /dev/zero | tr '\0' a > "$TMP/2m.xml"
eq "a body far over the limit is a 413" "$(mpost "$AJ" /admin/enkater -F "fil=@$TMP/2m.xml;type=text/xml")" 413
expect_body "... in Swedish" "För mycket data"

# --- Paste: as urlencoded (the old form) and in the multipart form with no
# file chosen (what a browser sends now)
V3=$((V2 + 1))
qfile "$V3" 20000 "$TMP/paste.xml"
eq "a pasted file in the multipart form loads" "$(mpost "$AJ" /admin/enkater -F "fil=@/dev/null;filename=" -F "xml=<$TMP/paste.xml")" 200
expect_body "... and says so" "remittent version $V3 är inläst"
V4=$((V3 + 1))
qfile "$V4" 20000 "$TMP/paste2.xml"
eq "a pasted file urlencoded loads" "$(post "$AJ" /admin/enkater --data-urlencode "xml@$TMP/paste2.xml")" 200
expect_body "... and says so" "remittent version $V4 är inläst"
eq "a file and a paste at once are refused" "$(mpost "$AJ" /admin/enkater -F "fil=@$TMP/paste.xml" -F "xml=<$TMP/paste.xml")" 400
expect_body "... saying why" "Välj en fil eller klistra in XML, inte båda."
expect_body "... keeping the pasted text" "id=&quot;remittent&quot; version=&quot;$V3&quot;"
eq "neither is refused" "$(mpost "$AJ" /admin/enkater -F "fil=@/dev/null;filename=" -F "xml=")" 400
expect_body "... saying what to do" "Välj enkätens XML-fil eller klistra in XML i fältet."

# --- Broken multipart bodies: a Swedish 400, nothing stored. Each carries
# a valid token, so only the body's form can refuse it.
before=$(q "SELECT COUNT(*) FROM questionnaire")
printf -- '--XyZ\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nCSRF\r\n--XyZ\r\nContent-Disposition: form-data; name="xml"\r\n\r\n' > "$TMP/body"
cat "$TMP/paste.xml" >> "$TMP/body"
cp "$TMP/body" "$TMP/good"
printf -- '\r\n--XyZ--\r\n' >> "$TMP/good"
eq "a well-formed raw body is taken (the control)" "$(raw_mpost "$AJ" "$TMP/good")" 200
eq "no boundary in the Content-Type: 400" "$(raw_mpost "$AJ" "$TMP/good" "multipart/form-data")" 400
expect_body "... in Swedish" "Felaktig förfrågan"
eq "no closing boundary: 400" "$(raw_mpost "$AJ" "$TMP/body")" 400
expect_body "... in Swedish" "Felaktig förfrågan"
{
	printf -- '--XyZ\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nCSRF\r\n'
	printf -- '--XyZ\r\nContent-Disposition: form-data; name="xml"\r\nX-Pad: '
	head -c 10240 /dev/zero | tr '\0' x
	printf -- '\r\n\r\n'
	cat "$TMP/paste.xml"
	printf -- '\r\n--XyZ--\r\n'
} > "$TMP/longhead"
eq "a part header of 10 kB: 400" "$(raw_mpost "$AJ" "$TMP/longhead")" 400
expect_body "... in Swedish" "Felaktig förfrågan"
eq "... none of them stored anything" "$(q "SELECT COUNT(*) FROM questionnaire")" "$before"

# --- CSRF: checked in a multipart body as in an urlencoded one
V5=$((V4 + 1))
qfile "$V5" 20000 "$TMP/nocsrf.xml"
eq "a multipart POST without the token is refused" "$(fetch -b "$AJ" -c "$AJ" -F "fil=@$TMP/nocsrf.xml" "$BASE/admin/enkater")" 403
eq "... with a wrong token too" "$(fetch -b "$AJ" -c "$AJ" -F "csrf=0000" -F "fil=@$TMP/nocsrf.xml" "$BASE/admin/enkater")" 403
eq "... and nothing is stored" "$(versions "$V5")" 0
session OJ admin
fetch -b "$OJ" -c "$OJ" "$BASE/start" > /dev/null
OTHER=$(form_csrf)
eq "a multipart POST with another session's token is refused" \
	"$(fetch -b "$AJ" -c "$AJ" -F "csrf=$OTHER" -F "fil=@$TMP/nocsrf.xml" "$BASE/admin/enkater")" 403
eq "... nothing stored" "$(versions "$V5")" 0

done_testing
