# Text limits (README, "Text limits"): no text is ever cut without a word.
#
# The list of forms and fields is not written here: `stegvis text-fields`
# prints it from the field tables the handlers validate with (and checks
# it against the route table), and the views are read to see which of
# those fields a person types in. Then:
#  1. every typed field in views/ is declared by a form, has no hard
#     maxlength (passwords and one-time codes excepted, see below), carries
#     its limit in data-maxtecken from the field table and shows the hint
#     "Du kan skriva upp till N tecken.";
#  2. every form with a typed field has a fixture below (the role that uses
#     it, the address, an otherwise valid form), else "not covered";
#  3. for every typed field: limit + 1 characters (multi-byte, so bytes !=
#     characters) are refused with the Swedish message next to the field,
#     everything typed comes back, and nothing is stored (a fingerprint of
#     every row of every data table); exactly the limit is
#     accepted and stored whole where the form is otherwise valid (in
#     four-byte characters where the field takes any text, which finds a
#     column too narrow in bytes as well as in characters).
# Number and date fields typed as text have a format instead of a count:
# an over-long value is refused the same way.
. "$(dirname "$0")/lib.sh"

TMPD=${KEEP_TMPD:-$(mktemp -d)}
at_exit '[ -n "${KEEP_TMPD:-}" ] || rm -rf "$TMPD"'
# The demo rows the forms here pick, by name.
CMI=$(insats_id_of "Case Manager")
CM_ID=$(staff_id_of personal.cm)
FKO=$(org_id_of Försäkringskassan)
EB=$(org_id_of "Ekonomiskt bistånd (försörjningsstöd)" "Trollhättans Stad")

# ---------------------------------------------------------------------
# Values. mkval N KIND MARK: exactly N characters (code points) of KIND,
# the first ones MARK (ASCII, unique per call, to find the value later).
#   any   å, ش, 😀 (four bytes), ቀ and x in turn
#   ml    the same with a CR LF inside, which counts as one character
#   wide, widewl  like any and ml, but only four-byte characters (😀, 𝄞,
#         𠜎): what fills a column's bytes soonest
#   lower a-z, 0-9 (user names, codes)   alnum A-Z, a-z, 0-9 (SUS codes)
#   email MARK@…any….se                  lang  a language tag: xx-abc…
# ---------------------------------------------------------------------
mkval() {
	perl -CSA -e '
		my ($n, $kind, $mark) = @ARGV;
		my @any = ("\x{e5}", "\x{634}", "\x{1F600}", "\x{1240}", "x");
		# wide, widewl: four bytes a character, to fill a column in bytes
		@any = ("\x{1F600}", "\x{1D11E}", "\x{2070E}") if $kind =~ /^wide/;
		$kind = "ml" if $kind eq "widewl";
		my $s;
		if ($kind eq "lower") { $s = lc($mark) . ("a" x $n); }
		elsif ($kind eq "alnum") { $s = $mark . ("A" x $n); }
		elsif ($kind eq "lang") { $s = "zz-" . ("b" x $n); }
		else {
			$s = $mark;
			$s .= "\r\n" if $kind eq "ml";
			$s .= join("", map { $any[$_ % @any] } 0 .. $n + 8);
		}
		if ($kind eq "email") {
			$s = $mark . "@" . substr($s, length($mark), $n);
			$s = substr($s, 0, $n - 3) . ".se";
		}
		# A CR LF is sent as two code points but counts as one.
		my $extra = ($kind eq "ml") ? 1 : 0;
		print substr($s, 0, $n + $extra);
	' "$1" "$2" "$3"
}
# The value as mariadb-dump writes it inside a string.
# Line breaks are stored as LF (form_text_lf()).
dumped() { perl -0777 -pe 's/\r\n?/\n/g; s/\\/\\\\/g; s/\n/\\n/g; s/\x27/\\\x27/g; s/"/\\"/g' "$1"; }
rand_mark() { echo "TL$(tr -dc 'a-z0-9' < /dev/urandom | head -c 8)"; }

# The data tables (everything but sessions, tablet sessions, kept forms,
# logs and rate counters),
# fingerprinted row by row: what a refused form must leave as it was.
# Not CHECKSUM TABLE: on a table with a generated column (organisation,
# consent_text) MariaDB's checksum changes now and then with nothing written.
SUMS_SQL=$(q "SET SESSION group_concat_max_len = 1048576;
	SELECT GROUP_CONCAT(CONCAT('SELECT ''stegvis.', t.table_name, ''', COUNT(*), ',
		'IFNULL(SUM(CRC32(CONCAT_WS(''|'', ', c.cols, '))), 0) FROM ', t.table_name)
		ORDER BY t.table_name SEPARATOR ' UNION ALL ')
	FROM information_schema.tables t
	JOIN (SELECT table_name, GROUP_CONCAT(CONCAT('IFNULL(', column_name, ', ''-'')')
		ORDER BY ordinal_position) cols
		FROM information_schema.columns WHERE table_schema = 'stegvis'
		AND extra NOT LIKE '%GENERATED%' AND extra NOT IN ('VIRTUAL', 'PERSISTENT', 'STORED')
		GROUP BY table_name) c USING (table_name)
	WHERE t.table_schema = 'stegvis' AND t.table_type = 'BASE TABLE' AND t.table_name NOT IN
	('audit_log', 'session', 'tablet_session', 'form_stash', 'login_failure', 'sus_request', 'questionnaire_code_failure', 'questionnaire_code')")
# contains FILE NEEDLEFILE: 0 when FILE holds the needle's bytes (grep -F
# is slow with a needle of 250 kB).
contains() {
	perl -e 'local $/; open(my $a, "<", $ARGV[0]) or die; open(my $b, "<", $ARGV[1]) or die;
		exit(index(<$a>, <$b>) >= 0 ? 0 : 1)' "$1" "$2"
}

# field_check BODY NAME VALUEFILE MSG MAX [ID]: the re-rendered form's field
# NAME (or the one with id ID) is marked invalid, described by an element
# holding MSG, shows the typed value whole and carries data-maxtecken=MAX
# (MAX "-" for number and date fields). Prints what is wrong, nothing when
# all is well.
field_check() {
	perl -CSA -e '
		my ($body, $name, $vfile, $msg, $max, $id) = @ARGV;
		local $/; open(my $b, "<:encoding(UTF-8)", $body) or die; my $h = <$b>;
		open(my $v, "<:encoding(UTF-8)", $vfile) or die; my $val = <$v>;
		$val =~ s/\r\n?/\n/g; # line breaks in a textarea come back as LF
		my @tags;
		while ($h =~ /(<(input|textarea)\b[^>]*>)/g) {
			my ($t, $k, $at) = ($1, $2, pos($h));
			next unless $t =~ /\sname="\Q$name\E"/;
			next if $t =~ /type="(hidden|radio|checkbox)"/;
			next if $id ne "" && $t !~ /\sid="\Q$id\E"/;
			push @tags, [$t, $k, $at];
		}
		if (@tags != 1) { print scalar(@tags) . " fields named $name"; exit; }
		my ($t, $k, $at) = @{$tags[0]};
		my @bad;
		push @bad, "not aria-invalid" unless $t =~ /aria-invalid="true"/;
		my $desc = $t =~ /aria-describedby="([^"]*)"/ ? $1 : "";
		my $found = 0;
		for my $d (split /\s+/, $desc) {
			$found = 1 if $h =~ /id="\Q$d\E"[^>]*>([^<]*)</ && index($1, $msg) >= 0;
		}
		push @bad, "no message \"$msg\" in its description ($desc)" unless $found;
		my $esc = $val; $esc =~ s/&/&amp;/g; $esc =~ s/</&lt;/g; $esc =~ s/>/&gt;/g; $esc =~ s/"/&quot;/g;
		if ($k eq "textarea") {
			my $rest = substr($h, $at);
			push @bad, "typed text not kept" unless $rest =~ /^\Q$esc\E<\/textarea>/;
		} else {
			push @bad, "typed text not kept" unless $t =~ /\svalue="\Q$esc\E"/;
		}
		if ($max ne "-") {
			push @bad, "data-maxtecken not $max" unless $t =~ /data-maxtecken="$max"/;
			push @bad, "maxlength" if $t =~ /maxlength/;
		}
		print join("; ", @bad);
	' "$1" "$2" "$3" "$4" "$5" "${6:-}"
}
# has_text BODY TEXT: 0 when the page contains TEXT.
has_text() { grep -qF -- "$2" "$1"; }

# ---------------------------------------------------------------------
# 1. The registry from the code, and the views against it
# ---------------------------------------------------------------------
"$BIN" text-fields > "$TMPD/fields" 2> "$TMPD/fields.err"
rc=$?
if [ "$rc" -eq 0 ]; then ok "stegvis text-fields: every form's fields declare a limit that fits, every POST route is accounted for"
else not_ok "stegvis text-fields: $(tr '\n' ' ' < "$TMPD/fields.err")"; fi

# Every typed field in views/: "VIEW<TAB>NAME<TAB>ROUTE<TAB>TYPE<TAB>MAX<TAB>ID"
# for each form that declares it, or a "PROBLEM ..." line.
perl -CSA -e '
	my ($root, $fields) = @ARGV;
	open(my $f, "<:encoding(UTF-8)", $fields) or die;
	my @reg;
	while (<$f>) { chomp; my @c = split /\t/; push @reg, \@c; }
	my @files = (glob("$root/views/*.html"), glob("$root/views/partials/*.html"));
	for my $file (@files) {
		(my $view = $file) =~ s{^\Q$root\E/views/}{}; $view =~ s/\.html$//;
		local $/; open(my $h, "<:encoding(UTF-8)", $file) or die; my $src = <$h>;
		while ($src =~ /(<(input|textarea)\b[^>]*>)/g) {
			my ($t, $k) = ($1, $2);
			my $type = $k eq "textarea" ? "textarea" : ($t =~ /\stype="([^"]*)"/ ? $1 : "text");
			next unless $type =~ /^(text|email|tel|search|textarea|password)$/;
			my $name = $t =~ /\sname="([^"]*)"/ ? $1 : "";
			my $id = $t =~ /\sid="([^"]*)"/ ? $1 : "";
			my $ac = $t =~ /\sautocomplete="([^"]*)"/ ? $1 : "";
			# Secrets and one-time codes: only ever compared, never
			# stored or shown; a hard maxlength may stay.
			if ($type eq "password" || $ac =~ /^(username|current-password|one-time-code)$/) {
				print "EXEMPT\t$view\t$name\n";
				next;
			}
			print "PROBLEM $view $name: hard maxlength\n" if $t =~ /\smaxlength=/;
			(my $re = quotemeta($name)) =~ s/\\\{\\\{.*?\\\}\\\}/.+/g;
			my @rows = grep { $_->[1] eq $view && $_->[2] =~ /^$re$/ } @reg;
			if (!@rows) { print "PROBLEM $view $name: typed here but declared by no form\n"; next; }
			for my $r (@rows) {
				if ($r->[3] eq "text") {
					print "PROBLEM $view $name: no data-maxtecken=\"{{$r->[7]}}\"\n"
					    unless $t =~ /data-maxtecken="\{\{\Q$r->[7]\E\}\}"/;
					(my $hid = quotemeta("$id-antal")) =~ s/\\\{\\\{.*?\\\}\\\}/.+/g;
					print "PROBLEM $view $name: no hint $id-antal\n"
					    unless $src =~ /id="$hid"/;
				}
				print join("\t", $view, $r->[2], $r->[0], $r->[3], $r->[5], $id, $r->[6]), "\n";
			}
		}
	}
' "$ROOT" "$TMPD/fields" > "$TMPD/typed"
grep '^PROBLEM' "$TMPD/typed" | while read -r line; do not_ok "views: ${line#PROBLEM }"; done
grep -q '^PROBLEM' "$TMPD/typed" || ok "views: every typed field is declared, counted and free of a hard maxlength"
eq "views: only secrets and one-time codes may keep a hard maxlength" \
	"$(grep '^EXEMPT' "$TMPD/typed" | cut -f2,3 | sort -u | tr '\t\n' ': ')" \
	"kiosk_las:anvandarnamn kiosk_las:kod kiosk_las:losenord login:anvandarnamn login:losenord login_code:kod partials/deltag_enkater:anonym_kod password:nuvarande password:nytt password:upprepa totp:kod "
grep -v '^PROBLEM\|^EXEMPT' "$TMPD/typed" | sort -u > "$TMPD/typed.rows"
check "views: typed fields found" test -s "$TMPD/typed.rows"
eq "no text field in the views has a hard maxlength" \
	"$(grep -rhoE '<(input|textarea)[^>]*maxlength[^>]*>' "$ROOT/views" | grep -vcE 'type="password"|autocomplete="(username|current-password|one-time-code)"')" 0

# ---------------------------------------------------------------------
# 2. Fixtures: one function per route, fx_<route with _ for the rest>,
# called as `fx_… FIELD refuse|accept`. It sets:
#   JAR     the logged-in (or tablet) cookie jar
#   URL     the address; METHOD GET or POST (default)
#   FORM    key=value pairs of an otherwise valid form (FIELD is replaced)
#   NAME    the field's name in the form, when the registry has a "*"
#   CSRF    the token, when not the session's
#   OK      the status of an accepted form (default 303; "" = any)
#   STORE   0 when the value is not stored (a search) or cannot be valid at
#           exactly the limit (a code checked against a list); then the
#           check is only that the limit itself is not what refuses it
#   KIND    the characters to use (mkval); LIMIT when not the registry's
#   MSG     the refusal when not "Högst N tecken. Du har skrivit …"
#   SKIP    a reason the field is not in this route's form
# In "accept" mode a fixture makes a fresh record when saving uses one up.
# ---------------------------------------------------------------------
declare -A CSRF_OF
session_csrf() {
	if [ -z "${CSRF_OF[$1]:-}" ]; then
		fetch -b "$1" -c "$1" "$BASE/start" > /dev/null
		CSRF_OF[$1]=$(form_csrf)
	fi
	echo "${CSRF_OF[$1]}"
}
log_in AJ admin
log_in RJ remittent.fk
log_in FV personal.fv
log_in CM personal.cm
log_in FJ forbund

# tl_referral [STATUS]: a person and a referral from remittent.fk to Case
# Manager, submitted 40 days ago (or a draft with STATUS utkast); prints
# the referral id.
tl_referral() { fixture_referral "$CMI" Text Gränsson "$(new_pnr 1950 50)" "${1:-inskickad}" 40; }

# setup DESC JAR PATH key=value…: a POST that must be accepted (303, or
# SETUP_OK).
setup() {
	local desc=$1 jar=$2 path=$3 st
	shift 3
	build_args "$@"
	st=$(fetch -b "$jar" -c "$jar" --data-urlencode "csrf=$(session_csrf "$jar")" "${ARGS[@]}" "$BASE$path")
	eq "fixture: $desc" "$st" "${SETUP_OK:-303}"
}
build_args() {
	ARGS=()
	for kv in "$@"; do ARGS+=(--data-urlencode "$kv"); done
}

# --- Admin: accounts
# A new account answers 200: the page with its one-time password.
fx_POST_admin_konton_ny() {
	JAR=$AJ URL=/admin/konton/ny OK=200
	FORM=("anvandarnamn=tl$(rand_mark | tr 'A-Z' 'a-z')" "namn=Text Gränsson" "epost=" "organisation=$FKO" "roll=remittent")
	case "$1" in anvandarnamn) KIND=lower ;; epost) KIND=email ;; esac
}
SETUP_OK=200 setup "an account to edit" "$AJ" /admin/konton/ny "anvandarnamn=tl.konto.$$" "namn=Text Kontosson" \
	"organisation=$FKO" "roll=remittent"
TL_STAFF=$(q "SELECT id FROM staff WHERE username = 'tl.konto.$$'")
fx_POST_admin_konton__id() {
	JAR=$AJ URL=/admin/konton/$TL_STAFF
	FORM=("version=$(hidden_on "$AJ" "/admin/konton/$TL_STAFF" version)" "namn=Text Kontosson" "epost="
		"organisation=$FKO" "roll=remittent" "aktiv=1")
	case "$1" in
	anvandarnamn) SKIP="a user name is given once, on the new account's form" ;;
	epost) KIND=email ;;
	esac
}

# --- Admin: organisations and insatser
fx_POST_admin_organisationer_ny() {
	JAR=$AJ URL=/admin/organisationer/ny
	FORM=("namn=Org $(rand_mark)" "kortnamn=" "typ=other")
}
setup "an organisation to edit" "$AJ" /admin/organisationer/ny "namn=Textgränsens org $$" "typ=other"
TL_ORG=$(q "SELECT id FROM organisation WHERE name = 'Textgränsens org $$'")
fx_POST_admin_organisationer__id() {
	JAR=$AJ URL=/admin/organisationer/$TL_ORG
	FORM=("version=$(hidden_on "$AJ" "/admin/organisationer/$TL_ORG" version)" "namn=Textgränsens org $$"
		"kortnamn=" "typ=other" "aktiv=1")
}
# The förbund's own details: the admin's own förbund's, put back at exit
# as they are now (other tests read the demo's).
TL_FB=$(q "SELECT CONCAT('UPDATE forbund SET org_number = ',
	IFNULL(CONCAT('UNHEX(''', HEX(org_number), ''')'), 'NULL'),
	', sus_code = ', IFNULL(CONCAT('UNHEX(''', HEX(sus_code), ''')'), 'NULL'),
	', municipalities = CONVERT(UNHEX(''', HEX(municipalities), ''') USING utf8mb4)',
	', description = CONVERT(UNHEX(''', HEX(description), ''') USING utf8mb4) WHERE id = ', id)
	FROM forbund WHERE id = (SELECT forbund_id FROM staff WHERE username = 'admin')")
at_exit "q \"$TL_FB\""
fx_POST_admin_forbund() {
	JAR=$AJ URL=/admin/forbund
	FORM=("version=$(hidden_on "$AJ" /admin/forbund version)" "orgnr=" "suskod="
		"kommuner=Textgränsens kommuner $$" "beskrivning=Textgränsens förbund $$")
	case "$1" in
	orgnr) STORE=0 OK="" ;; # a format: checked after its length
	suskod) KIND=alnum ;;   # printable ASCII, as the SUS export's XSD
	esac
}
# The insats form; a goal row is whole or blank.
insats_base() {
	local m
	m=$(rand_mark | tr 'A-Z' 'a-z')
	FORM=("namn=Insats $m" "kortnamn=I$m" "slug=$m" "huvudman=$FKO" "inriktning=individ"
		"matmetod=personuppgifter" "start=2024-01-01" "aktiv=1")
	case "$1" in
	slug) KIND=lower ;;
	mal*_*)
		local g=${1%%_*}
		FORM+=("${g}_typ=arbete" "${g}_text=Mål" "${g}_taljare=1" "${g}_namnare=2")
		;;
	esac
}
fx_POST_admin_insatser_ny() {
	JAR=$AJ URL=/admin/insatser/ny
	insats_base "$1"
}
setup "an insats to edit" "$AJ" /admin/insatser/ny "namn=Textgränsens insats $$" "kortnamn=TG$$" \
	"slug=textgrans-$$" "huvudman=$FKO" "inriktning=individ" "matmetod=personuppgifter" "start=2024-01-01" "aktiv=1"
TL_INSATS=$(q "SELECT id FROM insats WHERE slug = 'textgrans-$$'")
fx_POST_admin_insatser__id() {
	JAR=$AJ URL=/admin/insatser/$TL_INSATS
	insats_base "$1"
	FORM+=("version=$(hidden_on "$AJ" "/admin/insatser/$TL_INSATS" version)")
}

# --- Admin: a code list (a code of our own in the education list)
q "INSERT INTO code_education (code, label, sort_order, active, sus_code) VALUES ('tl_$$', 'Textgräns', 900, 1, NULL)"
fx_POST_admin_kodlistor__lista() {
	JAR=$AJ URL=/admin/kodlistor/utbildning
	NAME=${1/\*/tl_$$}
	FORM=("etikett-tl_$$=Textgräns" "ordning-tl_$$=900" "aktiv-tl_$$=1" "sus-tl_$$=")
	case "$1" in
	ny-*) FORM+=("ny-kod=tl$(rand_mark | tr 'A-Z' 'a-z')" "ny-etikett=Ny kod" "ny-ordning=901" "ny-sus=") ;;
	*) FORM+=("ny-kod=" "ny-etikett=" "ny-ordning=" "ny-sus=") ;;
	esac
	case "$1" in
	ny-kod) KIND=lower ;;
	sus-* | ny-sus) KIND=alnum ;;
	esac
}

# --- Admin: the gallring rules (numbers only), the form as stored
fx_POST_admin_gallring() {
	local c
	JAR=$AJ URL=/admin/gallring
	fetch -b "$AJ" "$BASE/admin/gallring" > /dev/null
	FORM=()
	for c in deltagande ansokan samtycke enkatsvar enkatkod sus_dokument inloggning atkomstlogg; do
		FORM+=("dagar-$c=$(input_value "dagar-$c")" "version-$c=$(hidden "version-$c")")
	done
}

# --- Admin: the access log search (GET) and the consent texts
fx_GET_admin_logg() {
	JAR=$AJ URL=/admin/logg METHOD=GET OK="" STORE=0 FORM=()
	case "$1" in
	personnummer) KIND=pnr ;;
	anvandare) KIND=lower ;;
	esac
}
fx_POST_admin_samtyckestexter_ny() {
	JAR=$AJ URL=/admin/samtyckestexter/ny
	FORM=("typ=sus" "sprak=zz" "titel=Textgräns" "text=En text.")
	[ "$1" = sprak ] && KIND=lang
}
setup "a consent text to edit" "$AJ" /admin/samtyckestexter/ny "typ=sus" "sprak=zy" "titel=Textgräns" "text=En text."
TL_TEXT=$(q "SELECT id FROM consent_text WHERE kind = 'sus' AND language = 'zy' AND is_current = 1")
fx_POST_admin_samtyckestexter__id() {
	JAR=$AJ URL=/admin/samtyckestexter/$TL_TEXT
	FORM=("titel=Textgräns" "text=En text.")
}

# --- The questionnaire import: a real definition padded to the limit
fx_POST_admin_enkater() {
	JAR=$AJ URL=/admin/enkater OK=200 FORM=()
	[ "$2" = accept ] && KIND=questxml
}

# --- The remittent's application form (a draft), new and edited
referral_base() {
	FORM=("fornamn=Text" "efternamn=Gränsson" "insats=$CMI" "atgard=spara")
	case "$1" in
	personnummer | postnummer) STORE=0 OK="" ;; # a number: its format is checked after its length
	telefon) KIND=digits ;;
	tolk_sprak) FORM+=("tolk=1") ;;
	arbetsgivare) FORM+=("anstalld=1") ;;
	med*_*)
		local m=${1%%_*}
		FORM+=("${m}_org=$EB" "${m}_namn=Medre Mittent")
		[ "${1#*_}" = konto ] && STORE=0 OK="" # must name an account
		;;
	esac
}
fx_POST_ansokningar_ny() {
	JAR=$RJ URL=/ansokningar/ny
	referral_base "$1"
	FORM+=("personnummer=$(new_pnr 1950 50)")
}
TL_DRAFT=$(tl_referral utkast)
fx_POST_ansokningar__id_andra() {
	JAR=$RJ URL=/ansokningar/$TL_DRAFT/andra
	referral_base "$1"
	FORM+=("version=$(hidden_on "$RJ" "/ansokningar/$TL_DRAFT/andra" version)")
	[ "$1" = personnummer ] && SKIP="the personnummer is given once, on a new application"
}
# Withdrawing uses the referral up, so each accepted form gets a new one.
TL_WD=$(tl_referral)
fx_POST_ansokningar__id_aterkalla() {
	local r=$TL_WD
	[ "$2" = accept ] && r=$(tl_referral)
	JAR=$RJ URL=/ansokningar/$r/aterkalla
	FORM=("version=$(q "SELECT version FROM referral WHERE id = $r")")
}

# --- The searches by personnummer: nothing is stored, and no personnummer
# has 20 characters, so at the limit only the length may not refuse
fx_POST_ansokningar_sok() { JAR=$RJ URL=/ansokningar/sok STORE=0 OK="" FORM=(); }
fx_POST_deltagare_sok() { JAR=$CM URL=/deltagare/sok STORE=0 OK="" FORM=(); }

# --- The inbox's decisions (Case Manager, personal.cm); deciding uses the
# referral up, so each accepted form gets a new one
TL_DEC=$(tl_referral)
give_waiver "$TL_DEC" > /dev/null
fx_POST_inkorg__id_beslut() {
	local r=$TL_DEC
	if [ "$2" = accept ]; then
		r=$(tl_referral)
		give_waiver "$r" > /dev/null
	fi
	JAR=$CM URL=/inkorg/$r/beslut
	FORM=("version=$(q "SELECT version FROM referral WHERE id = $r")")
	case "$1" in
	avrada_motivering) FORM+=("beslut=avrada" "avrada_orsak=halsa") ;;
	aterfor_motivering) FORM+=("beslut=aterfor") ;;
	*) FORM+=("beslut=anta" "startdatum=$TODAY" "planerat_slut=$(day 60)" "kontaktperson=$CM_ID" "timmar=8") ;;
	esac
}

# --- A participation (admitted through the inbox) and its forms
TL_PREF=$(tl_referral)
give_waiver "$TL_PREF" > /dev/null
setup "a participation" "$CM" "/inkorg/$TL_PREF/beslut" "beslut=anta" \
	"version=$(q "SELECT version FROM referral WHERE id = $TL_PREF")" "startdatum=$(day -30)" \
	"planerat_slut=$(day 60)" "kontaktperson=$CM_ID" "timmar=8"
TL_PART=$(q "SELECT id FROM participation WHERE referral_id = $TL_PREF")
part_base() {
	JAR=$CM
	FORM=("version=$(q "SELECT version FROM participation WHERE id = $TL_PART")")
}
fx_POST_deltagande__id_plan() {
	part_base
	URL=/deltagande/$TL_PART/plan
	local n=${1##*_}
	# Every row is the same field: two of the fifty are enough.
	[ "$n" -le 2 ] || SKIP="row $n is row 1 again"
	FORM+=("aktivitet_$n=Promenad" "timmar_$n=4")
}
fx_POST_deltagande__id_mittuppfoljning() {
	part_base
	URL=/deltagande/$TL_PART/mittuppfoljning
	FORM+=("datum=$(day -10)" "deltog=Deltagaren" "anteckning=" "nyckel=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')")
}
fx_POST_deltagande__id_mittuppfoljning__mid() {
	JAR=$CM
	[ -n "${TL_MT:-}" ] || TL_MT=$(q "INSERT INTO participation_midterm (participation_id, held_date, attendees) VALUES ($TL_PART, '$(day -5)', 'X'); SELECT LAST_INSERT_ID()")
	URL=/deltagande/$TL_PART/mittuppfoljning/$TL_MT
	FORM=("version=$(q "SELECT version FROM participation_midterm WHERE id = $TL_MT")" "datum=$(day -5)" "deltog=Deltagaren" "anteckning=")
}
fx_POST_deltagande__id_rattelse() {
	part_base
	URL=/deltagande/$TL_PART/rattelse
	FORM+=("startdatum=$(day -30)" "kontaktperson=$CM_ID" "timmar=8")
}
fx_POST_deltagande__id_forlangning() {
	part_base
	URL=/deltagande/$TL_PART/forlangning
	FORM+=("nytt_slut=$(date -d "$(q "SELECT planned_end_date FROM participation WHERE id = $TL_PART") 10 days" +%F)"
		"orsak=Behöver mer tid")
}
fx_POST_deltagande__id_avslut() {
	part_base
	URL=/deltagande/$TL_PART/avslut
	FORM+=("slutdatum=$TODAY" "avslutsorsak=arbete")
}
fx_POST_deltagande__id_kontaktuppgifter() {
	JAR=$CM URL=/deltagande/$TL_PART/kontaktuppgifter
	FORM=("version=$(q "SELECT version FROM participation_person WHERE participation_id = $TL_PART")"
		"fornamn=Text" "efternamn=Gränsson" "kon=kvinna")
	case "$1" in
	postnummer) STORE=0 OK="" ;; # a number: its format is checked after its length
	telefon) KIND=digits ;;
	esac
}
# The extents: of a stored income before (a_kassa on TL_PART's referral)
# and, once ended, of the occupation and an income after (TL_PART_END).
q "INSERT INTO referral_income (referral_id, income_code) VALUES ($TL_PREF, 'a_kassa')" > /dev/null
TL_PREF_END=$(tl_referral)
give_waiver "$TL_PREF_END" > /dev/null
setup "a participation to end" "$CM" "/inkorg/$TL_PREF_END/beslut" "beslut=anta" \
	"version=$(q "SELECT version FROM referral WHERE id = $TL_PREF_END")" "startdatum=$(day -30)" \
	"planerat_slut=$(day 60)" "kontaktperson=$CM_ID" "timmar=8"
TL_PART_END=$(q "SELECT id FROM participation WHERE referral_id = $TL_PREF_END")
setup "its end" "$CM" "/deltagande/$TL_PART_END/avslut" \
	"version=$(q "SELECT version FROM participation WHERE id = $TL_PART_END")" "slutdatum=$TODAY" \
	"avslutsorsak=arbete" "sysselsattning_efter=arbete" "forsorjning_efter=lon"
# tl_fresh_part: a new participation in Case Manager (TL_FRESH), for a
# correction that uses one up.
tl_fresh_part() {
	local ref
	ref=$(tl_referral)
	give_waiver "$ref" > /dev/null
	setup "a fresh participation" "$CM" "/inkorg/$ref/beslut" "beslut=anta" \
		"version=$(q "SELECT version FROM referral WHERE id = $ref")" "startdatum=$(day -30)" \
		"planerat_slut=$(day 60)" "kontaktperson=$CM_ID" "timmar=8"
	TL_FRESH=$(q "SELECT id FROM participation WHERE referral_id = $ref")
}
# Reopening: the ended one refuses; an accepted one is reopened, so each
# gets a fresh ended participation.
fx_POST_deltagande__id_oppna_igen() {
	local id=$TL_PART_END
	if [ "$2" = accept ]; then
		tl_fresh_part
		id=$TL_FRESH
		q "UPDATE participation SET status = 'avslutad', end_date = '$TODAY', end_reason_code = 'arbete' WHERE id = $id"
	fi
	JAR=$CM URL=/deltagande/$id/oppna-igen
	FORM=("version=$(q "SELECT version FROM participation WHERE id = $id")")
}
# Marking in error uses the participation up.
fx_POST_deltagande__id_felregistrera() {
	local id=$TL_PART
	if [ "$2" = accept ]; then
		tl_fresh_part
		id=$TL_FRESH
	fi
	JAR=$CM URL=/deltagande/$id/felregistrera
	FORM=("version=$(q "SELECT version FROM participation WHERE id = $id")")
}
fx_POST_deltagande__id_sus_uppgifter() {
	local id=$TL_PART
	case "$1" in
	*_efter_*) id=$TL_PART_END ;;
	esac
	JAR=$CM
	URL=/deltagande/$id/sus-uppgifter
	FORM=("version=$(q "SELECT version FROM participation WHERE id = $id")"
		"version_ansokan=$(hidden_on "$CM" "/deltagande/$id" version_ansokan)"
		"version_person=$(hidden_on "$CM" "/deltagande/$id" version_person)")
	case "$1" in
	forsorjning_fore_omfattning) FORM+=("forsorjning_fore_omfattning_kod=a_kassa") ;;
	forsorjning_efter_omfattning) FORM+=("forsorjning_efter_omfattning_kod=lon") ;;
	esac
}

# The summary to the remittent of the ended TL_PART_END: its draft.
setup "a summary draft" "$CM" "/deltagande/$TL_PART_END/sammanfattning" "atgard=spara" "version=0" \
	"versionsnr=0" "gjort=Utkast"
fx_POST_deltagande__id_sammanfattning() {
	JAR=$CM URL=/deltagande/$TL_PART_END/sammanfattning
	FORM=("atgard=spara" "versionsnr=1" "gjort=Utkast" "version=$(q "SELECT version FROM participation_summary
		WHERE participation_id = $TL_PART_END AND version_no = 1")")
}

# --- Consent: prepare (remittent.fk's referral to Case Manager), sign on the
# tablet, record on paper, revoke, mark in error
TL_CREF=$(tl_referral)
consent_base() {
	FORM=("typ=sekretess" "sprak=sv" "part=o$FKO" "part=i$CMI" "kategori=halsa" "inhamta=1" "syfte=Planera"
		"fran=$TODAY" "till=$(day 30)" "satt=${1:-surfplatta}")
}
fx_POST_samtycken_ansokan__id_ny() {
	JAR=$CM URL=/samtycken/ansokan/$TL_CREF/ny
	consent_base
	[ "$1" = tolksprak ] && FORM+=("tolk=1")
	[ "$1" = pappersdatum ] && consent_base papper
}
# A draft prepared for the tablet (or paper); prints its id.
tl_draft() {
	consent_base "${1:-surfplatta}"
	build_args "${FORM[@]}"
	[ "$(fetch -b "$CM" -c "$CM" --data-urlencode "csrf=$(session_csrf "$CM")" "${ARGS[@]}" \
		"$BASE/samtycken/ansokan/$TL_CREF/ny")" = 303 ] || return 1
	q "SELECT MAX(id) FROM consent WHERE referral_id = $TL_CREF AND state = 'utkast'"
}
TL_SIGN=$(tl_draft)
fx_POST_samtycken__id_surfplatta() {
	local c=$TL_SIGN
	[ "$2" = accept ] && c=$(tl_draft)
	# Signing happens only in a tablet session (include/tablet.h).
	hand_over "$c"
	JAR=$TJAR CSRF=$(tablet_csrf "$TJAR") URL=/samtycken/$c/surfplatta
	FORM=("namn=Text Gränsson" "signatur=$SIG")
	# The typed signature must be the name once more, so it is never
	# stored as typed at the limit; over it, it is refused even beside a
	# drawing.
	[ "$1" = namnunderskrift ] && STORE=0
	LIMIT=200
	MSG="Namnet är för långt. Du kan skriva upp till 200 tecken."
}
TL_PAPER=$(tl_draft)
fx_POST_samtycken__id_papper() {
	JAR=$CM URL=/samtycken/$TL_PAPER/papper
	FORM=("pappersdatum=$TODAY")
	MSG="Ange datumet på det underskrivna pappret som ÅÅÅÅ-MM-DD."
}
TL_ACTIVE=$(give_waiver "$TL_CREF")
fx_POST_samtycken__id_aterkalla() {
	local c=$TL_ACTIVE
	[ "$2" = accept ] && c=$(give_waiver "$TL_CREF")
	JAR=$CM URL=/samtycken/$c/aterkalla FID=skal
	FORM=("part=alla" "hur=muntligt")
}
fx_POST_samtycken__id_felaktig() {
	local c=$TL_ACTIVE
	[ "$2" = accept ] && c=$(give_waiver "$TL_CREF")
	JAR=$CM URL=/samtycken/$c/felaktig FID=fel-skal
	FORM=()
}

# --- The tablet questionnaire's free text (the participants' ongoing
# questionnaire, anonymous: the answer waits in the code's draft)
TL_QID=$(q "SELECT id FROM questionnaire WHERE forbund_id = (SELECT MIN(id) FROM forbund) AND code = 'deltagare_pagaende' AND is_active = 1")
TL_QPOS=$(q "SELECT position FROM questionnaire_item WHERE questionnaire_id = $TL_QID AND kind = 'fritext' ORDER BY position LIMIT 1")
TL_QMAX=$(q "SELECT max_length FROM questionnaire_item WHERE questionnaire_id = $TL_QID AND position = $TL_QPOS")
TJ=$(new_jar)
fetch -b "$CM" -c "$CM" --data-urlencode "csrf=$(session_csrf "$CM")" -d "enkat=$TL_QID" "$BASE/deltagande/$TL_PART/enkat" > /dev/null
TL_CODE=$(grep -o 'name="kod" value="[0-9]\{8\}' "$BODY" | sed 's/.*value="//')
fetch -b "$TJ" -c "$TJ" "$BASE/surfplatta" > /dev/null
TL_KC=$(form_csrf)
# tl_tablet_open: the code on this tablet, in Swedish. Again before each
# use: a tablet idle QUEST_IDLE_SECONDS (5 min) lets go of its code, and on
# a busy machine the fields tested before this one can take that long.
tl_tablet_open() {
	local st
	st=$(fetch -b "$TJ" -c "$TJ" --data-urlencode "csrf=$TL_KC" -d "kod=$TL_CODE" "$BASE/surfplatta")
	[ "$st" = 303 ] || return 1
	st=$(fetch -b "$TJ" -c "$TJ" --data-urlencode "csrf=$TL_KC" -d sprak=sv "$BASE/enkat/sprak")
	[ "$st" = 303 ]
}
check "fixture: the tablet opens the questionnaire, in Swedish" tl_tablet_open
fx_POST_enkat_fraga__n() {
	tl_tablet_open || echo "# the tablet did not open the questionnaire again"
	JAR=$TJ URL=/enkat/fraga/$TL_QPOS CSRF=$TL_KC
	FORM=("visad=1" "ga=nasta")
	LIMIT=$TL_QMAX
	MSG="Svaret är för långt. Du kan skriva upp till $TL_QMAX tecken."
}

# --- A structural insats's register (personal.pps keeps
# Praktikplatssamordnare's) and its goals (admin)
log_in PP personal.pps
PPS=$(q "SELECT id FROM insats WHERE slug = 'praktikplatssamordnare'")
st_company() { FORM=("namn=Textgräns $(rand_mark) AB" "orgnr=" "platser=2" "ansluten=2021-03-01"); [ "$1" = orgnr ] && STORE=0 OK=""; true; }
fx_POST_struktur__id_foretag_ny() { JAR=$PP URL=/struktur/$PPS/foretag/ny; st_company "$1"; }
setup "a company to edit" "$PP" "/struktur/$PPS/foretag/ny" "namn=Textgränsens företag $$" "platser=1" "ansluten=2021-03-01"
TL_COMP=$(q "SELECT id FROM structural_company WHERE name = 'Textgränsens företag $$'")
fx_POST_struktur_foretag__id() {
	JAR=$PP URL=/struktur/foretag/$TL_COMP
	st_company "$1"
	FORM+=("version=$(hidden_on "$PP" "/struktur/foretag/$TL_COMP" version)")
}
fx_POST_struktur__id_utbildning_ny() { JAR=$PP URL=/struktur/$PPS/utbildning/ny FORM=("datum=2021-04-01" "deltagare=5" "anteckning="); }
setup "a training to edit" "$PP" "/struktur/$PPS/utbildning/ny" "datum=2021-04-02" "deltagare=4" "anteckning=Textgräns $$"
TL_TRAIN=$(q "SELECT id FROM structural_training WHERE note = 'Textgräns $$'")
fx_POST_struktur_utbildning__id() {
	JAR=$PP URL=/struktur/utbildning/$TL_TRAIN
	FORM=("datum=2021-04-02" "deltagare=4" "anteckning=" "version=$(hidden_on "$PP" "/struktur/utbildning/$TL_TRAIN" version)")
}
fx_POST_admin_insatser__id_strukturmal() { JAR=$AJ URL=/admin/insatser/$PPS/strukturmal FORM=("ar=2030" "mal_platser=100"); }

# --- The report's filter (GET): the year is typed
fx_GET_rapporter() { JAR=$FJ URL=/rapporter METHOD=GET FORM=("period=ar"); }
# The delårsrapport's text of Case Manager for the fourth quarter of 2020
# (personal.cm works in it): the form carries the version it was read at.
fx_POST_rapporter_texter__id() {
	JAR=$CM URL=/rapporter/texter/$CMI
	FORM=("period=q4" "ar=2020" "version=$(q "SELECT IFNULL(MAX(version), 0) FROM report_text WHERE insats_id = $CMI AND year = 2020 AND period = 'q4'")")
}

# ---------------------------------------------------------------------
# 3. Every typed field of every form
# ---------------------------------------------------------------------
# value FILE N KIND MARK: write the value of N characters into FILE.
value() {
	local file=$1 n=$2 kind=$3 mark=$4
	case "$kind" in
	pnr)
		if [ "$n" -eq 13 ]; then dash "$(new_pnr 1950 50)" | tr -d '\n' > "$file"; else mkval "$n" any "$mark" > "$file"; fi
		;;
	digits) perl -e 'print "070" . ("1" x ($ARGV[0] - 3))' "$n" > "$file" ;;
	questxml)
		perl -CSA -e '
			my ($n, $src, $code) = @ARGV;
			local $/; open(my $f, "<:encoding(UTF-8)", $src) or die; my $x = <$f>;
			$x =~ s/\bid="remittent"/id="$code"/;
			$x =~ s/\s+$//;
			my @any = ("\x{e5}", "\x{634}", "\x{1F600}", "\x{1240}", "x");
			my $k = $n - length($x) - 7;
			print $x . "<!--" . join("", map { $any[$_ % @any] } 0 .. $k - 1) . "-->";
		' "$n" "$ROOT/conf/questionnaires/remittent.xml" "tl_$(tr 'A-Z' 'a-z' <<< "$mark")" > "$file"
		;;
	*) mkval "$n" "$kind" "$mark" > "$file" ;;
	esac
}
chars() { perl -CSD -ne 'BEGIN { $n = 0 } s/\r\n/\n/g; $n += length; END { print $n }' "$1"; }

# send FIELD VALUEFILE: the fixture's form with FIELD's value from the file
# (curl reads it: a value may be larger than a command line allows).
send() {
	local kv k csrf=${CSRF:-$(session_csrf "$JAR")}
	ARGS=()
	for kv in "${FORM[@]}"; do
		k=${kv%%=*}
		[ "$k" = "$1" ] || ARGS+=(--data-urlencode "$kv")
	done
	ARGS+=(--data-urlencode "$1@$2")
	if [ "$METHOD" = GET ]; then
		fetch -G -b "$JAR" -c "$JAR" "${ARGS[@]}" "$BASE$URL"
	else
		fetch -b "$JAR" -c "$JAR" --data-urlencode "csrf=$csrf" "${ARGS[@]}" "$BASE$URL"
	fi
}
fixture() {
	JAR="" URL="" METHOD=POST OK=303 STORE=1 KIND="" MSG="" SKIP="" CSRF="" NAME="" LIMIT="" FID=""
	FORM=()
	"$@" || true
}
# Per-table fingerprints: which tables a request changed.
table_sums() { q "$SUMS_SQL" | sort; }

test_field() {
	local route=$1 field=$2 type=$3 max=$4 flags=$5 fn=$6 desc st what sums changed n tables
	fixture "$fn" "$field" refuse || { not_ok "$route $field: the fixture failed"; return; }
	desc="$route $field"
	if [ -n "$SKIP" ]; then ok "$desc: not in this form ($SKIP)"; return; fi
	[ -n "$NAME" ] || NAME=$field
	[ -n "$LIMIT" ] || LIMIT=$max
	local mark f="$TMPD/value" kind=$KIND
	mark=$(rand_mark)
	case "$type" in
	text)
		[ -n "$kind" ] || { case "$flags" in *multiline*) kind=ml ;; *) kind=any ;; esac; }
		[ "$kind" = questxml ] && kind=any
		value "$f" $((LIMIT + 1)) "$kind" "$mark"
		[ -n "$MSG" ] || MSG="Högst $LIMIT tecken. Du har skrivit $((LIMIT + 1)) tecken, 1 för mycket."
		;;
	int) printf '%s9' "$max" > "$f"; [ -n "$MSG" ] || MSG="Ange ett heltal" ;;
	date) printf '%s1' "$TODAY" > "$f"; [ -n "$MSG" ] || MSG="Ange ett datum som ÅÅÅÅ-MM-DD." ;;
	esac
	[ "$type" != text ] || [ "$(chars "$f")" -eq $((LIMIT + 1)) ] || { not_ok "$desc: the test made $(chars "$f") characters"; return; }
	sums=$(table_sums)
	st=$(send "$NAME" "$f")
	after=$(table_sums)
	changed=$(diff <(echo "$sums") <(echo "$after") | sed -n 's/^> stegvis\.\([a-z_]*\).*/\1/p' | tr '\n' ' ')
	[ -z "$changed" ] || { echo "# before:"; diff <(echo "$sums") <(echo "$after") | sed 's/^/# /'; echo "# again: $(table_sums | grep -F "$(echo "$changed" | cut -d' ' -f1)")"; }
	what=$(field_check "$BODY" "$NAME" "$f" "$MSG" "$([ "$type" = text ] && echo "$LIMIT" || echo -)" "$FID")
	if [ "$st" = 400 ] && [ -z "$what" ] && [ -z "$changed" ] &&
		[ "$(q "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%$mark%'")" = 0 ]; then
		if [ "$type" = text ]; then
			ok "$desc: $((LIMIT + 1)) characters are refused next to the field, kept, nothing stored"
		else
			ok "$desc: an over-long value is refused next to the field, kept, nothing stored"
		fi
	else
		not_ok "$desc: limit + 1 (status $st${changed:+, changed: $changed}${what:+, $what})"
	fi
	[ "$type" = text ] || return

	# Exactly the limit: accepted, and stored whole.
	fixture "$fn" "$field" accept || { not_ok "$desc: the fixture failed (accept)"; return; }
	[ -n "$NAME" ] || NAME=$field
	[ -n "$LIMIT" ] || LIMIT=$max
	kind=${KIND:-$kind}
	case "$kind" in any) kind=wide ;; ml) kind=widewl ;; esac
	mark=$(rand_mark)
	value "$f" "$LIMIT" "$kind" "$mark"
	n=$(chars "$f")
	[ "$n" -eq "$LIMIT" ] || { not_ok "$desc: the test made $n characters, not $LIMIT"; return; }
	sums=$(table_sums)
	st=$(send "$NAME" "$f")
	if grep -qF "Högst $LIMIT tecken. Du har skrivit" "$BODY" || grep -qF "är för långt." "$BODY"; then
		not_ok "$desc: exactly $LIMIT characters are refused as too long"
		return
	fi
	if [ "$STORE" = 0 ]; then
		if [ -z "$OK" ] || [ "$st" = "$OK" ]; then ok "$desc: exactly $LIMIT characters pass the limit"
		else not_ok "$desc: exactly $LIMIT characters (status $st, want $OK)"; fi
		return
	fi
	tables=$(diff <(echo "$sums") <(table_sums) | sed -n 's/^> stegvis\.\([a-z_]*\).*/\1/p' | tr '\n' ' ')
	if [ "$st" != "$OK" ]; then
		not_ok "$desc: exactly $LIMIT characters are not accepted (status $st, want $OK): $(grep -o 'class="error"[^<]*<' "$BODY" | head -n 3 | tr '\n' ' ')"
	elif [ -z "$tables" ]; then
		not_ok "$desc: exactly $LIMIT characters: accepted but nothing stored"
	else
		# shellcheck disable=SC2086
		mariadb-dump --no-defaults -S "$VAR/run/mysqld.sock" -u "$(id -un)" --default-character-set=utf8mb4 \
			--skip-triggers --no-create-info stegvis $tables > "$TMPD/dump" 2> /dev/null
		dumped "$f" > "$TMPD/needle"
		if contains "$TMPD/dump" "$TMPD/needle"; then
			ok "$desc: exactly $LIMIT characters are accepted and stored whole"
		else
			not_ok "$desc: exactly $LIMIT characters: not stored whole (in $tables)"
		fi
	fi
}

cut -f3 "$TMPD/typed.rows" | sort -u > "$TMPD/routes"
while IFS= read -r route; do
	fn="fx_$(printf '%s' "$route" | sed 's| /|_|; s|[/:-]|_|g')"
	if ! declare -F "$fn" > /dev/null; then
		not_ok "$route: not covered (no $fn in test_text_limits.sh)"
		continue
	fi
	awk -F'\t' -v r="$route" '$3 == r { print $2 "\t" $4 "\t" $5 "\t" $7 }' "$TMPD/typed.rows" | sort -u |
		while IFS=$'\t' read -r field type max flags; do
			test_field "$route" "$field" "$type" "$max" "$flags" "$fn"
		done
done < "$TMPD/routes"
done_testing
