# The förbund's report with many insatser fits the request's memory (the
# 8 MB arena, include/app_limits.h). Its flow table is insats by insats,
# so its cells, their suppression and the page grow with the square of the
# insatser. At 42 insatser, the state `make check` leaves, the report used
# to answer 500 ENOMEM (the browser test's förbund then waited in vain for
# the filter form): the suppression kept every run's working memory and
# the questionnaire pairs their 1 MB scratch room to the end of the
# request, then the page no longer fitted. sup_run() and the pairs now give
# theirs back (test_report_suppress.c checks sup_run() alone).
#
# The förbund is brought up to 42 insatser with empty ones of this test's
# own, which it deletes again at the end.
. "$(dirname "$0")/lib.sh"

WANT=42
TAG=$$$RANDOM
FB=$(forbund_id_of SOFTLEG)
HOST=$(org_id_of "Arbetsmarknad och socialförvaltning" "Trollhättans Stad")
HAVE=$(q "SELECT COUNT(*) FROM insats WHERE forbund_id = $FB")
if [ "$HAVE" -lt "$WANT" ]; then
	q "INSERT INTO insats (forbund_id, host_organisation_id, name, short_name,
	     slug, period_start, places, active)
	   SELECT $FB, $HOST, CONCAT('Mängdtest $TAG ', seq), CONCAT('Mängd ', seq),
	     CONCAT('mangdtest-$TAG-', seq), DATE('$TODAY') - INTERVAL 2 YEAR, 10, 1
	   FROM seq_1_to_$((WANT - HAVE))"
fi
eq "the förbund has $WANT insatser or more" \
	"$(q "SELECT COUNT(*) >= $WANT FROM insats WHERE forbund_id = $FB")" 1

LOG0=$(wc -l < "$VAR/log/stegvis.log")
log_in FB_JAR forbund
expect_status "the förbund's report with $WANT insatser answers" 200 -b "$FB_JAR" "$BASE/rapporter"
eq "it shows its tables" "$(grep -c '<table class="[a-z ]*report' "$BODY" | awk '{ print ($1 > 1) }')" 1
eq "the flow table has a row of each of this test's insatser" \
	"$(grep -o "Mängdtest $TAG [0-9]*" "$BODY" | sort -u | wc -l)" "$((WANT > HAVE ? WANT - HAVE : 0))"
expect_body "it has its filter form" 'action="/rapporter" class="form filter'
eq "the server logged no 500 for it" \
	"$(tail -n +"$((LOG0 + 1))" "$VAR/log/stegvis.log" | grep -c 'GET /rapporter -> 500')" 0

q "DELETE FROM insats WHERE slug LIKE 'mangdtest-$TAG-%'"
eq "this test's insatser are gone again" \
	"$(q "SELECT COUNT(*) FROM insats WHERE slug LIKE 'mangdtest-$TAG-%'")" 0
done_testing
